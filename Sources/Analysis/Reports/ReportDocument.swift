import Foundation

/// Everything `writerbench report` says about one results file, independent of the output format: environment,
/// a ranked table per workload, the gate's verdicts, what could not run, conclusions, plots, and every row.
///
/// ``markdown(plotBase:)`` and ``html()`` (in their own files) render it; neither computes anything.
public struct ReportDocument: Sendable {
    /// A label and its value (an environment fact).
    public struct Fact: Sendable, Equatable {
        /// What the value is.
        public var label: String
        /// The value.
        public var value: String
    }

    /// One cell of the ranked table: a value and, over several repetitions, its spread.
    public struct Cell: Sendable, Equatable {
        /// The value (a median over repetitions for numbers).
        public var text: String
        /// "±2.1%" (half the min–max range relative to the median), when there are several repetitions.
        public var spread: String?
    }

    /// The ranked table and conclusions of one workload.
    public struct Section: Sendable {
        /// The workload every row was given.
        public var workload: Workload
        /// The machine ID of the rows when the file holds several machines' rows (a merge); nil otherwise.
        public var machine: String? = nil
        /// Configurations fastest first (median fps); those without throughput (unavailable, failed) last.
        public var ranked: [RowAggregate]
        /// Generated conclusions: fastest valid writer, lowest latency, best quality at the stream rate, 1 ms/frame.
        public var conclusions: [String]
    }

    /// The gate's judgement, or why there is none.
    public enum GateSection: Sendable {
        /// Verdicts of the rules read from `rulesPath`.
        case verdicts(rulesPath: String, [GateVerdict])
        /// No verdict (no rules file); the text says why.
        case unavailable(String)
    }

    /// The heading of a section: its workload, and its machine when the file holds several.
    public static func heading(_ section: Section) -> String {
        section.machine.map { "\(section.workload.description) — on \($0)" } ?? section.workload.description
    }

    /// A chart made by plot.sh.
    public struct Plot: Sendable {
        /// Which chart.
        public var chart: PlotChart
        /// Path of the PNG as the Markdown should reference it.
        public var reference: String
        /// The PNG's bytes, for embedding in HTML.
        public var png: Data
    }

    /// Document title.
    public var title: String
    /// Name of the results file.
    public var source: String
    /// The environment columns (distinct values when the rows differ) and the machine ID.
    public var environment: [Fact]
    /// One section per workload, in file order.
    public var sections: [Section]
    /// Configurations that could not run at all (unavailable or failed in every repetition).
    public var notRun: [RowAggregate]
    /// The gate's verdicts.
    public var gate: GateSection
    /// Charts, in ``PlotChart`` order.
    public var plots: [Plot]
    /// Why some or all charts are missing, if they are.
    public var plotNote: String?
    /// Every row of the input, in file order.
    public var rows: [ResultsTable.Row]
    /// The rows side by side per machine, when they come from several machines (a merged CSV); nil otherwise.
    public var crossMachine: CrossMachineView?
    /// The stored history's trends and change points, or why there are none; nil leaves the section out.
    public var history: HistorySection?

    /// Builds the document. Throws ``CSVError`` when a row holds text where a number belongs.
    public init(table: ResultsTable, source: String, gate: GateSection, plots: [Plot] = [], plotNote: String? = nil,
                history: HistorySection? = nil) throws {
        let groups = try RowAggregate.group(table)
        self.history = history
        crossMachine = try CrossMachineView(table)
        title = "WriterBench report — \(source)"
        self.source = source
        self.gate = gate
        self.plots = plots
        self.plotNote = plotNote
        rows = table.rows
        notRun = groups.filter { $0.completedRows.isEmpty }
        environment = Self.environment(table)
        // Workloads in which nothing ran (e.g. every hardware encoder on a machine without one) get no section:
        // they are listed once under "not run" with their reasons instead of as empty rankings.
        // Rows of several machines (a merged CSV) are ranked per machine: a median never pools two machines.
        let machines = PlotData.unique(table.rows.map(\.machineID))
        var perMachine: [(machine: String?, groups: [RowAggregate])] = [(nil, groups)]
        if machines.count > 1 {
            perMachine = try machines.map { id in (Optional(id), try RowAggregate.group(table.filter { $0.machineID == id })) }
        }
        sections = perMachine.flatMap { machine, groups in
            PlotData.grouped(groups, by: \.configuration.workload).filter { _, groups in
                groups.contains { !$0.completedRows.isEmpty }
            }.map { workload, groups in
                let ranked = groups.sorted { a, b in
                    let (fa, fb) = (a.median(.fps) ?? -1, b.median(.fps) ?? -1)
                    return fa != fb ? fa > fb : a.strategy < b.strategy
                }
                return Section(workload: workload, machine: machine, ranked: ranked, conclusions: Self.conclusions(groups))
            }
        }
    }

    /// Headers of the ranked table.
    public static let tableHeader = ["#", "strategy", "runs", "fps", "write p50 ms", "write p95 ms", "write p99 ms",
                                     "finish ms", "fps ÷ ceiling fps", "validity", "PSNR dB", "SSIM", "bytes"]

    /// The cells of one configuration's row, matching ``tableHeader``.
    public static func cells(_ group: RowAggregate, rank: Int) -> [Cell] {
        func measured(_ column: CSVColumn) -> Cell {
            Cell(text: ReportFormat.number(group.median(column)), spread: ReportFormat.spread(group.relativeSpread(column)))
        }
        let runs = group.completedRows.count == group.rows.count ? "\(group.rows.count)"
            : "\(group.completedRows.count) of \(group.rows.count)"
        return [
            Cell(text: group.isRankable ? "\(rank)" : "–"),
            Cell(text: group.strategy + (group.configuration.isReference ? " (reference)" : "")),
            Cell(text: runs), measured(.fps), measured(.writeMsP50), measured(.writeMsP95), measured(.writeMsP99),
            measured(.finishMs), measured(.ceilingRatio), Cell(text: group.validityText), measured(.psnrDB),
            measured(.ssim),
            Cell(text: ReportFormat.megabytes(group.median(.bytes)), spread: ReportFormat.spread(group.relativeSpread(.bytes))),
        ]
    }

    /// Headers of the all-runs table.
    public static let rowHeader = ["run_id", "strategy", "frameset", "size", "repeat", "status", "fps", "write p95 ms",
                                   "write p99 ms", "valid", "PSNR dB", "reason"]

    /// The cells of one input row, matching ``rowHeader``.
    public static func cells(_ row: ResultsTable.Row) -> [String] {
        func text(_ column: CSVColumn) -> String { row[column].isEmpty ? "–" : row[column] }
        return [text(.runID), text(.strategy), text(.frameset), "\(row[.width])x\(row[.height])", text(.repeatIndex),
                text(.status), text(.fps), text(.writeMsP95), text(.writeMsP99), text(.valid), text(.psnrDB),
                [row[.reason], row[.invalidReason]].filter { !$0.isEmpty }.joined(separator: "; ")]
    }

    /// The gate's overall verdict in one line.
    public var gateSummary: String {
        switch gate {
        case .unavailable(let why): return "no gate verdict: \(why)"
        case .verdicts(let path, let verdicts):
            let summary = Gate.summary(verdicts)
            return "\(summary.reportVerdict) — \(path): \(summary.counts)"
        }
    }

    /// "pass", "fail" or "na": the CSS class of the gate verdict (empty without verdicts).
    public var gateClass: String {
        guard case .verdicts(_, let verdicts) = gate else { return "" }
        switch Gate.summary(verdicts).reportVerdict {
        case "PASS": return "pass"
        case "FAIL": return "fail"
        default: return "na"
        }
    }

    /// Conclusions drawn from one workload's configurations.
    static func conclusions(_ groups: [RowAggregate]) -> [String] {
        let writers = groups.filter(\.isRankable).sorted { ($0.median(.fps) ?? 0) > ($1.median(.fps) ?? 0) }
        guard let fastest = writers.first, fastest.median(.fps) != nil else {
            return ["No writer completed a run for this workload, so there is nothing to rank."]
        }
        func fps(_ value: Double?) -> String { "\(ReportFormat.number(value)) fps" }
        var lines: [String] = []
        if !fastest.configuration.workload.paceFPS.isEmpty {
            lines.append(pacedThroughputLine(writers, pace: fastest.configuration.workload.paceFPS))
        } else {
            lines.append(fastestLine(writers, groups: groups))
        }

        let byLatency = writers.filter { $0.median(.writeMsP99) != nil }
            .sorted { ($0.median(.writeMsP99) ?? 0) < ($1.median(.writeMsP99) ?? 0) }
        if let quickest = byLatency.first {
            if let second = byLatency.dropFirst().first(where: { !$0.isSameWriter(as: quickest) }) {
                lines.append(winnerLine(topic: "Lowest caller latency", leader: quickest, other: second, column: .writeMsP99,
                                        higherIsBetter: false, unit: " ms", measure: "median write p99") + ".")
            } else {
                lines.append("Lowest caller latency: \(quickest.strategy), write p99 \(ReportFormat.number(quickest.median(.writeMsP99))) ms "
                             + "(p50 \(ReportFormat.number(quickest.median(.writeMsP50))) ms).")
            }
        }

        let streamRate = Distribution(writers.flatMap { $0.values(.streamFPS) }).median
        let keepingUp = writers.filter { streamRate == nil || ($0.median(.fps) ?? 0) >= streamRate! }
        let measuredQuality = keepingUp.filter { $0.median(.psnrDB) != nil }
        let rate = streamRate.map { "the \(fps($0)) stream rate" } ?? "the stream rate"
        if keepingUp.isEmpty {
            lines.append("Best quality at \(rate): no writer kept up with it.")
        } else if let best = measuredQuality.max(by: { ($0.median(.psnrDB) ?? 0) < ($1.median(.psnrDB) ?? 0) }) {
            var line = "Best quality at \(rate): \(best.strategy), PSNR \(ReportFormat.number(best.median(.psnrDB))) dB"
            if let ssim = best.median(.ssim) { line += ", SSIM \(ReportFormat.number(ssim))" }
            lines.append(line + " at \(fps(best.median(.fps))).")
        } else {
            lines.append("Best quality at \(rate): not measured (outputs were not verified).")
        }

        let meeting = byLatency.filter { ($0.median(.writeMsP99) ?? .infinity) <= 1.0 }.map(\.strategy)
        lines.append("Meet 1 ms/frame (median write p99 ≤ 1 ms): "
                     + (meeting.isEmpty ? "none." : meeting.joined(separator: ", ") + "."))
        return lines
    }

    /// "Fastest valid writer: …" for a workload offered as fast as the writers take frames; `writers` are ranked by
    /// median fps, fastest first.
    static func fastestLine(_ writers: [RowAggregate], groups: [RowAggregate]) -> String {
        guard let fastest = writers.first, let fastestFPS = fastest.median(.fps) else { return "" }
        func fps(_ value: Double?) -> String { "\(ReportFormat.number(value)) fps" }
        var fastestLine: String
        // `auto` and the strategy it delegated to are one writer: the runner-up is the next *other* writer, and the
        // gap between the two runs of one writer is stated as what it is, run-to-run variation.
        let twin = writers.dropFirst().first { $0.isSameWriter(as: fastest) }
        if let runnerUp = writers.dropFirst().first(where: { !$0.isSameWriter(as: fastest) }),
           let runnerFPS = runnerUp.median(.fps), runnerFPS > 0 {
            fastestLine = winnerLine(topic: "Fastest valid writer", leader: fastest, other: runnerUp, column: .fps,
                                     higherIsBetter: true, unit: " fps", measure: "median fps")
        } else if twin != nil {
            fastestLine = "Fastest valid writer: \(fastest.strategy) at \(fps(fastestFPS)), the only other writer being itself"
        } else {
            fastestLine = "Fastest valid writer: \(fastest.strategy) at \(fps(fastestFPS)), the only writer that completed"
        }
        if !fastest.verified { fastestLine += " (\(fastest.strategy)'s output not verified)" }
        if let twin, let twinFPS = twin.median(.fps), twinFPS > 0 {
            let (auto, other) = fastest.delegate != nil ? (fastest, twin) : (twin, fastest)
            fastestLine += String(format: "; %@ ran %@ here, so %@ at %.2f× %@'s median fps is run-to-run variation of one "
                                  + "writer, not a difference between writers", auto.strategy, other.strategy,
                                  fastest.strategy, fastestFPS / twinFPS, twin.strategy)
        }
        if let ceiling = groups.first(where: \.configuration.isEncoderCeiling)?.median(.fps), ceiling > 0 {
            fastestLine += String(format: "; %@'s median fps is %.2f× the encoder ceiling's median fps (%@)",
                                  fastest.strategy, fastestFPS / ceiling, fps(ceiling))
        }
        return fastestLine + "."
    }

    /// At a fixed pace fps is set by the pace, so no fastest writer is named: who kept the pace in every repetition
    /// (no late frame) and who fell behind.
    static func pacedThroughputLine(_ writers: [RowAggregate], pace: String) -> String {
        let kept = writers.filter { $0.values(.lateFrames).count == $0.completedRows.count && $0.values(.lateFrames).allSatisfy { $0 == 0 } }
        let behind = writers.filter { writer in !kept.contains { $0.strategy == writer.strategy } }
        var line = "Throughput: paced at \(pace) fps, so fps is set by the pace and no fastest writer is named"
        if !kept.isEmpty { line += "; kept the pace in every repetition: " + kept.map(\.strategy).joined(separator: ", ") }
        if !behind.isEmpty {
            line += "; fell behind: " + behind.map { writer in
                "\(writer.strategy) (\(ReportFormat.number(writer.median(.fps))) fps, "
                    + "\(ReportFormat.number(writer.median(.lateFrames))) late frames, median)"
            }.joined(separator: ", ")
        }
        return line + "."
    }

    /// "Topic: X, 1.21× the runner-up Y's median fps (…)" when ``Lead`` allows naming a winner; otherwise
    /// "Topic: tie within noise …" or "Topic: no winner can be named …". Every ratio names what it is a ratio of.
    static func winnerLine(topic: String, leader: RowAggregate, other: RowAggregate, column: CSVColumn,
                           higherIsBetter: Bool, unit: String, measure: String) -> String {
        let (a, b) = (leader.distribution(column), other.distribution(column))
        let (aMedian, bMedian) = (a.median ?? 0, b.median ?? 0)
        func value(_ number: Double?) -> String { ReportFormat.number(number) + unit }
        func range(_ d: Distribution) -> String {
            d.count < 2 ? "1 repetition" : "\(ReportFormat.number(d.min))–\(value(d.max)) over \(d.count) repetitions"
        }
        func ratio(_ role: String) -> String {
            bMedian != 0 ? "\(ReportFormat.ratio(aMedian / bMedian)) the \(measure) of \(role)\(other.strategy)" : "–"
        }
        switch Lead.judge(leader: a.sorted, other: b.sorted, higherIsBetter: higherIsBetter) {
        case .clear:
            return "\(topic): \(leader.strategy) at \(value(aMedian)) (median; \(range(a))), \(ratio("the runner-up ")) "
                + "(\(value(bMedian)); \(range(b))); the ranges of their repetitions do not overlap"
        case .large:
            return "\(topic): \(leader.strategy) at \(value(aMedian)), \(ratio("the runner-up ")) (\(value(bMedian))) — "
                + "fewer than \(Lead.minimumRepetitions) repetitions on a side, named only because the difference is at least "
                + "\(ReportFormat.number(Lead.singleRunFactor))×"
        case .tie:
            return "\(topic): tie within noise between \(leader.strategy) (median \(value(aMedian)); \(range(a))) and "
                + "\(other.strategy) (median \(value(bMedian)); \(range(b))): the ranges of their repetitions overlap"
        case .undecided:
            let reps = a.count < 2 && b.count < 2 ? "one repetition each"
                : "fewer than \(Lead.minimumRepetitions) repetitions on a side"
            return "\(topic): \(reps): no winner can be named (\(leader.strategy) at \(value(aMedian)) is "
                + "\(ratio("")) at \(value(bMedian)); repeat with --repeat 3 to decide)"
        }
    }

    static func environment(_ table: ResultsTable) -> [Fact] {
        let columns: [(String, CSVColumn)] = [
            ("started", .timestamp), ("git revision", .gitRevision), ("host", .host), ("CPU", .cpuModel),
            ("logical cores", .logicalCores), ("OS", .os), ("libav", .libavVersion), ("ffmpeg", .ffmpegVersion),
            ("OpenCV", .opencvVersion),
        ]
        var facts = columns.map { label, column in
            Fact(label: label, value: PlotData.unique(table.rows.map { $0[column] }).map { $0.isEmpty ? "–" : $0 }
                    .joined(separator: "; "))
        }
        let machines = PlotData.unique(table.rows.map {
            EnvironmentFingerprint.machineID(cpuModel: $0[.cpuModel], logicalCores: $0[.logicalCores], os: $0[.os])
        })
        facts.append(Fact(label: "machine ID", value: machines.joined(separator: "; ")))
        facts.append(Fact(label: "rows", value: "\(table.rows.count)"))
        return facts
    }
}
