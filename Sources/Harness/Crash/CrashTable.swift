import Analysis

/// `writerbench crash`'s CSV (one line per ``CrashRow``; columns documented in results/README.md, "Crash CSV") and
/// its two console tables: what survived each kill, and the write cost of each container relative to plain mp4.
public enum CrashTable {
    /// The CSV's columns, in order.
    public static let header = [
        "strategy", "container", "width", "height", "frames", "trial", "kill_at_frame", "frames_handed", "file_opens",
        "frames_decoded", "recovered_fraction", "decodable_s", "bytes", "fps", "write_p95_ms", "status", "reason",
    ]

    /// The CSV fields of `row`, in ``header`` order; unmeasured values are empty.
    public static func fields(_ row: CrashRow) -> [String] {
        [row.strategy, row.container, "\(row.size.width)", "\(row.size.height)", "\(row.frames)", row.trialName,
         row.killAtFrame.map(String.init) ?? "", row.framesHanded.map(String.init) ?? "",
         row.fileOpens.map { $0 ? "true" : "false" } ?? "", row.framesDecoded.map(String.init) ?? "",
         row.recoveredFraction.map { ColumnFormat.fixedPoint($0, 3) } ?? "",
         row.decodableSeconds.map { ColumnFormat.fixedPoint($0, 2) } ?? "", row.bytes.map(String.init) ?? "",
         row.fps.map { ColumnFormat.fixedPoint($0, 2) } ?? "", row.writeP95Ms.map { ColumnFormat.fixedPoint($0, 3) } ?? "",
         row.status.rawValue, row.reason]
    }

    /// Per strategy × container, one column per kill point: `decoded/handed (seconds)`, `no file` when the file
    /// does not open, or the status.
    public static func survival(_ rows: [CrashRow]) -> PlainTable {
        let kills = rows.filter { $0.killAtFrame != nil }
        let killFrames = Array(Set(kills.compactMap(\.killAtFrame))).sorted()
        var table = PlainTable(header: ["strategy", "container"] + killFrames.map { "killed after \($0)" })
        for key in orderedKeys(kills) {
            let cells = killFrames.map { frame -> String in
                guard let row = kills.first(where: { $0.strategy == key.strategy && $0.container == key.container
                                                     && $0.killAtFrame == frame }) else { return "" }
                guard row.status == .ok else { return row.status.rawValue }
                guard row.fileOpens == true else { return "no file (0/\(row.framesHanded ?? 0))" }
                return "\(row.framesDecoded ?? 0)/\(row.framesHanded ?? 0) (\(ColumnFormat.fixedPoint(row.decodableSeconds, 1)) s)"
            }
            table.rows.append([key.strategy, key.container] + cells)
        }
        return table
    }

    /// Complete runs: fps, write p95, bytes, and each container's fps and p95 divided by the same strategy's plain
    /// mp4 (empty when that strategy has no `ok` mp4 row).
    public static func writeCost(_ rows: [CrashRow]) -> PlainTable {
        let complete = rows.filter { $0.trial == .complete }
        var table = PlainTable(header: ["strategy", "container", "fps", "write p95 ms", "bytes", "fps ÷ mp4",
                                        "p95 ÷ mp4", "verified"])
        for row in complete {
            guard row.status == .ok else {
                table.rows.append([row.strategy, row.container, row.status.rawValue, "", "", "", "", row.reason])
                continue
            }
            let mp4 = complete.first { $0.strategy == row.strategy && $0.container == "mp4" && $0.status == .ok }
            table.rows.append([
                row.strategy, row.container, ColumnFormat.fixedPoint(row.fps, 1),
                ColumnFormat.fixedPoint(row.writeP95Ms, 2), row.bytes.map(String.init) ?? "",
                ratio(row.fps, mp4?.fps), ratio(row.writeP95Ms, mp4?.writeP95Ms),
                row.reason.isEmpty ? "\(row.framesDecoded ?? 0)/\(row.framesHanded ?? 0) frames" : row.reason,
            ])
        }
        return table
    }

    private static func ratio(_ value: Double?, _ base: Double?) -> String {
        guard let value, let base, base > 0 else { return "" }
        return ColumnFormat.fixedPoint(value / base, 2)
    }

    private static func orderedKeys(_ rows: [CrashRow]) -> [(strategy: String, container: String)] {
        var seen = Set<String>()
        return rows.compactMap { row in
            seen.insert(row.strategy + "\u{0}" + row.container).inserted ? (row.strategy, row.container) : nil
        }
    }
}
