import Analysis
import Foundation

/// The samples file beside a results CSV, reduced to one aggregate per run and strategy (absent file: none).
struct SampleSummaries {
    private var byRun: [String: Distribution] = [:]

    init(resultsPath: String) throws {
        let path = SamplesFile.path(forResults: resultsPath)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let table = try ResultsTable(contentsOf: path, requiredColumns: ["run_id", "strategy", "write_ms"])
        var values: [String: [Double]] = [:]
        for row in table.rows {
            guard let value = try row.number("write_ms") else { continue }
            values[Self.key(row["run_id"], row["strategy"]), default: []].append(value)
        }
        byRun = values.mapValues { Distribution($0) }
    }

    func aggregate(runID: String, strategy: String, resultID: Int64) -> StoredSampleAggregate? {
        guard let distribution = byRun[Self.key(runID, strategy)], let mean = distribution.mean,
              let p50 = distribution.percentile(50), let p95 = distribution.percentile(95),
              let p99 = distribution.percentile(99), let max = distribution.max else { return nil }
        return StoredSampleAggregate(resultID: resultID, count: distribution.count, meanMs: mean, p50Ms: p50,
                                     p95Ms: p95, p99Ms: p99, maxMs: max, stddevMs: distribution.standardDeviation ?? 0)
    }

    private static func key(_ runID: String, _ strategy: String) -> String { runID + "\u{1F}" + strategy }
}
