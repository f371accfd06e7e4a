import Foundation

/// What `writerbench run` prints at the end: the measured rows grouped by encoder settings, notes for failed and
/// invalid rows, one line for the unavailable strategies, and hyperfine-style speed ratios within each group.
public enum RunSummary {
    /// Everything, ready to print.
    public static func text(_ records: [RunRecord]) -> String {
        var sections: [String] = []
        if let heading = heading(records) { sections.append(heading) }
        let measured = records.filter { $0.status != .unavailable }
        if !measured.isEmpty {
            var block = table(records).render()
            let notes = self.notes(records)
            if !notes.isEmpty { block += "\n\n" + notes.joined(separator: "\n") }
            sections.append(block)
        }
        if let line = UnavailableSummary(records.filter { $0.status == .unavailable }.map { ($0.strategy, $0.reason) }).line {
            sections.append(line)
        }
        let speeds = speedLines(records)
        if !speeds.isEmpty { sections.append(speeds.joined(separator: "\n")) }
        return sections.joined(separator: "\n\n")
    }

    /// The measured (not unavailable) rows, one block per frame set × size × encoder settings with its encoder
    /// ceiling first, blocks separated by an empty line. Frame set, size and repetition columns appear only when
    /// they vary. A failed status or an invalid output carries a note number (`failed [1]`, `INVALID [2]`) whose
    /// reason ``notes(_:)`` prints below the table, so no cell is ever cut.
    public static func table(_ records: [RunRecord]) -> PlainTable {
        let measured = records.filter { $0.status != .unavailable }
        let showFrameSet = Set(measured.map(\.frameset)).count > 1
        let showSize = Set(measured.map { "\($0.width)x\($0.height)" }).count > 1
        let showRep = measured.contains { $0.repeatIndex > 0 }
        var header = ["strategy", "encoder", "preset"]
        if showFrameSet { header.append("frameset") }
        if showSize { header.append("size") }
        if showRep { header.append("rep") }
        header += ["status", "write p50 ms", "p95 ms", "p99 ms", "max ms", "finish ms", "fps", "ceiling_ratio", "MB",
                   "valid", "PSNR dB"]
        var table = PlainTable(header: header)
        var note = 0
        for (index, group) in groups(measured).enumerated() {
            if index > 0 { table.rows.append([]) }
            for record in group {
                let ms: (Double?) -> String = { $0.map { String(format: "%.3f", $0) } ?? "-" }
                var cells = [label(record), record.encoder.isEmpty ? "-" : record.encoder, record.preset ?? "-"]
                if showFrameSet { cells.append(record.frameset) }
                if showSize { cells.append("\(record.width)x\(record.height)") }
                if showRep { cells.append(String(record.repeatIndex + 1)) }
                var status = record.status.rawValue
                if record.status != .ok { note += 1; status += " [\(note)]" }
                var valid = validity(record)
                if record.verification?.valid == false { note += 1; valid += " [\(note)]" }
                cells += [status, ms(record.write?.percentile(50)), ms(record.write?.percentile(95)),
                          ms(record.write?.percentile(99)), ms(record.write?.max),
                          record.finishMs.map { String(format: "%.1f", $0) } ?? "-",
                          record.fps.map { String(format: "%.1f", $0) } ?? "-",
                          record.ceilingRatio.map { String(format: "%.2f", $0) } ?? "-",
                          record.bytes.map { String(format: "%.1f", Double($0) / 1e6) } ?? "-",
                          valid, record.verification?.psnrMean.map { String(format: "%.2f", $0) } ?? "-"]
                table.rows.append(cells)
            }
        }
        return table
    }

    /// The reasons behind the table's note numbers, in the same order: "[1] libav rep 2: failed — …".
    public static func notes(_ records: [RunRecord]) -> [String] {
        var lines: [String] = []
        for record in groups(records.filter { $0.status != .unavailable }).joined() {
            let who = "\(label(record)) \(record.frameset) \(record.width)x\(record.height) rep \(record.repeatIndex + 1)"
            if record.status != .ok {
                lines.append("[\(lines.count + 1)] \(who): \(record.status.rawValue) — \(flat(record.reason))")
            }
            if let verification = record.verification, !verification.valid {
                lines.append("[\(lines.count + 1)] \(who): INVALID — \(flat(verification.invalidReason))")
            }
        }
        return lines
    }

    /// Validity in one wording everywhere: `valid`, `INVALID`, or `-` when not verified.
    public static func validity(_ record: RunRecord) -> String {
        record.verification.map { $0.valid ? "valid" : "INVALID" } ?? "-"
    }

    /// The strategy's name; an encoder ceiling's carries its settings: `encoder-ceiling (libx264 ultrafast crf18)`.
    public static func label(_ record: RunRecord) -> String {
        record.strategy == RunConfiguration.encoderCeiling ? "\(record.strategy) (\(settings(record)))" : record.strategy
    }

    /// Encoder settings in short: "libx264 ultrafast crf18", "mpeg4".
    public static func settings(_ record: RunRecord) -> String {
        ([record.encoder.isEmpty ? "?" : record.encoder] + [record.preset, record.crf.map { "crf\($0)" }].compactMap { $0 })
            .joined(separator: " ")
    }

    /// Whether the row is a reference (encoder ceiling or null writer) rather than a writer.
    static func isReference(_ record: RunRecord) -> Bool {
        record.strategy == RunConfiguration.encoderCeiling || record.strategy == RunConfiguration.nullWriter
    }

    /// Hyperfine-style ratios per group: the fastest valid writer against each other one (encoder ceilings, the
    /// null writer and failed or invalid rows left out). At a fixed pace fps is set by the pace, not by the writer,
    /// so a paced group gets no ratio: it says which writers kept the pace in every repetition and which fell behind.
    public static func speedLines(_ records: [RunRecord]) -> [String] {
        var lines: [String] = []
        for group in groups(records.filter { $0.status == .ok }) {
            let writers = group.filter { !isReference($0) && $0.verification?.valid != false }
            var order: [String] = []
            var byStrategy: [String: [RunRecord]] = [:]
            for record in writers {
                if byStrategy[record.strategy] == nil { order.append(record.strategy) }
                byStrategy[record.strategy, default: []].append(record)
            }
            guard let first = writers.first else { continue }
            let heading = "\(settings(first)), \(first.frameset) \(first.width)x\(first.height)"
            if case .fixed(let paceFPS) = first.pace {
                lines += paceLines(heading: heading, pace: paceFPS, order.map { ($0, byStrategy[$0] ?? []) })
                continue
            }
            // `auto` and the strategy it ran are one writer: a ratio between them is run-to-run variation, so
            // `auto` is left out of the ratios and says which writer it was.
            let sameWriter = order.compactMap { name -> (auto: String, delegate: String)? in
                let delegates = Set((byStrategy[name] ?? []).map { RowAggregate.delegate(inReason: $0.reason) })
                guard delegates.count == 1, let delegate = delegates.first ?? nil, byStrategy[delegate] != nil
                else { return nil }
                return (name, delegate)
            }
            let compared = order.filter { name in !sameWriter.contains { $0.auto == name } }
            let comparisons = RelativeSpeed.againstFastest(compared.map { name in
                (name, (byStrategy[name] ?? []).compactMap(\.fps))
            })
            guard !comparisons.isEmpty || !sameWriter.isEmpty else { continue }
            lines.append(heading + ":")
            lines += comparisons.map { "  " + $0.sentence }
            lines += sameWriter.map { "  \($0.auto) ran \($0.delegate) here: one writer, not compared with itself" }
        }
        return lines
    }

    /// The summary of a paced group: who kept the pace (no late frame in any repetition) and who fell behind
    /// (median fps and late frames over the repetitions).
    static func paceLines(heading: String, pace: Double, _ writers: [(name: String, records: [RunRecord])]) -> [String] {
        guard writers.count > 1 else { return [] }
        let kept = writers.filter { writer in writer.records.allSatisfy { $0.lateFrames == 0 } }.map(\.name)
        let behind = writers.filter { writer in !kept.contains(writer.name) }.map { writer in
            let fps = Distribution(writer.records.compactMap(\.fps)).median.map { String(format: "%.1f fps", $0) } ?? "fps -"
            let late = Distribution(writer.records.compactMap { $0.lateFrames.map(Double.init) }).median
                .map { "\(Int($0.rounded())) of \(writer.records[0].frames) frames late" } ?? "late frames not recorded"
            return "\(writer.name) (\(fps), \(late); median of \(writer.records.count))"
        }
        var lines = ["\(heading), paced at \(ColumnFormat.shortest(pace)) fps: fps is set by the pace, so no speed "
                     + "ratio; compare write times instead"]
        if !kept.isEmpty { lines.append("  kept the pace in every repetition: " + kept.joined(separator: ", ")) }
        if !behind.isEmpty { lines.append("  fell behind: " + behind.joined(separator: ", ")) }
        return lines
    }

    /// Records split by frame set, size and encoder settings (the rows that are comparable), in order of first
    /// appearance; within a group the encoder ceiling comes first, then the others in their order.
    static func groups(_ records: [RunRecord]) -> [[RunRecord]] {
        var order: [String] = []
        var byKey: [String: [RunRecord]] = [:]
        for record in records {
            let key = "\(record.frameset) \(record.width)x\(record.height) \(settings(record)) \(record.threads ?? -1)"
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(record)
        }
        return order.map { key in
            let group = byKey[key] ?? []
            return group.filter { $0.strategy == RunConfiguration.encoderCeiling }
                + group.filter { $0.strategy != RunConfiguration.encoderCeiling }
        }
    }

    /// "camera 640x480 · 60 frames · pace max" when every measured row shares it.
    static func heading(_ records: [RunRecord]) -> String? {
        let measured = records.filter { $0.status != .unavailable }
        guard let first = measured.first else { return nil }
        var parts: [String] = []
        if Set(measured.map(\.frameset)).count == 1 { parts.append(first.frameset) }
        if Set(measured.map { "\($0.width)x\($0.height)" }).count == 1 { parts.append("\(first.width)x\(first.height)") }
        let writers = measured.filter { !isReference($0) }
        if let frames = writers.first?.frames, writers.allSatisfy({ $0.frames == frames }) { parts.append("\(frames) frames") }
        parts.append(first.pace == .max ? "pace max" : "paced at \(first.pace) fps")
        let repetitions = (measured.map(\.repeatIndex).max() ?? 0) + 1
        parts.append(repetitions == 1 ? "1 repetition" : "\(repetitions) repetitions")
        return parts.joined(separator: " · ")
    }

    private static func flat(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
}
