import Analysis
import Foundation

extension StoredResult {
    /// The stored form of a CSV row of `kind` read from `source`.
    init(row: ResultsTable.Row, kind: ResultsKind, source: String, context: RecordingContext, commitTime: String) {
        let machine = EnvironmentFingerprint.machineID(cpuModel: row["cpu_model"], logicalCores: row["logical_cores"],
                                                       os: row["os"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(row.fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        self.init(
            id: nil,
            rowKey: [kind.rawValue, machine, row["run_id"], row["strategy"], row["repeat"]].joined(separator: "|"),
            kind: kind, source: source, runID: row["run_id"], strategy: row["strategy"],
            repeatIndex: Int(row["repeat"]), encoder: row["encoder"], preset: row["preset"], crf: Int(row["crf"]),
            threads: Int(row["threads"]), frameset: row["frameset"], width: Int(row["width"]),
            height: Int(row["height"]), pace: row["pace_fps"], frames: Int(row["frames"]), status: row["status"],
            machine: machine, host: row["host"], revision: row["git_revision"], branch: context.branch,
            commitTime: commitTime, timestamp: row["timestamp"], toolVersion: context.toolVersion,
            recordedAt: context.now, fields: json)
    }
}
