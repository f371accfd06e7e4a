import Analysis
import Foundation

/// Run CSVs written the way `writerbench run` writes them (every column of the catalogue, in order), with the
/// values a test cares about.
enum SyntheticResultsCSV {
    /// One row: revision, run start, strategy, repetition, fps and p95 write time.
    struct Row {
        var revision: String
        var timestamp: String
        var strategy = "libav"
        var repeatIndex = 0
        var fps: Double
        var writeP95: Double = 1.0
        var status = "ok"
        var os = "Linux test"
    }

    static func text(_ rows: [Row]) -> String {
        var lines = [CSVColumn.header.joined(separator: ",")]
        for (index, row) in rows.enumerated() {
            let values: [CSVColumn: String] = [
                .timestamp: row.timestamp, .gitRevision: row.revision, .host: "test-host", .cpuModel: "Test CPU",
                .logicalCores: "2", .os: row.os, .runID: "\(row.timestamp)-\(index)", .strategy: row.strategy,
                .encoder: "libx264", .preset: "ultrafast", .crf: "23", .threads: "0", .frameset: "camera",
                .width: "320", .height: "240", .frames: "60", .paceFPS: "", .repeatIndex: String(row.repeatIndex),
                .status: row.status, .fps: String(row.fps), .writeMsP95: String(row.writeP95), .valid: "true",
            ]
            lines.append(CSVColumn.allCases.map { values[$0] ?? "" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `rows` to a new file in a new temporary folder and returns its path.
    static func write(_ rows: [Row], name: String = "results.csv", in folder: String? = nil) throws -> String {
        let directory = folder ?? temporaryFolder()
        let path = directory + "/" + name
        try text(rows).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "history-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Ten revisions r00…r09, three repetitions each, fps around `base` (±1 %), the last `slowFrom`… revisions
    /// `slowdown` slower.
    static func history(revisions: Int = 10, base: Double = 100, slowFrom: Int? = nil, slowdown: Double = 0.15) -> [Row] {
        (0..<revisions).flatMap { revision in
            (0..<3).map { repetition in
                let level = slowFrom.map { revision >= $0 } == true ? base * (1 - slowdown) : base
                let wobble = [0.99, 1.0, 1.01][(revision + repetition) % 3]
                return Row(revision: String(format: "r%02d", revision),
                           timestamp: String(format: "2026-11-%02dT10:00:00Z", revision + 1),
                           repeatIndex: repetition, fps: level * wobble,
                           writeP95: 2.0 / (level * wobble / base))
            }
        }
    }
}
