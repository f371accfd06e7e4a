import Analysis
import ArgumentParser

/// `writerbench recommend`: the fastest valid strategy under latency, quality and throughput limits.
public struct RecommendCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend the fastest valid strategy meeting the given limits, per workload.",
        discussion: """
            Strategies are ranked by median fps over repetitions; limits apply to medians. The encoder-ceiling row
            is a reference, never recommended. Every strategy left out is listed with the reason.
            Exit status: 0 a strategy was recommended for every workload; 2 none met the limits for some workload;
            1 bad input.
            """)

    @Argument(help: "Results CSV.")
    var results: String

    @Option(name: .customLong("max-write-p99"), help: "Largest acceptable median write p99, ms.")
    var maxWriteP99: Double?

    @Option(name: .customLong("min-psnr"), help: "Smallest acceptable median PSNR, dB (needs verified runs).")
    var minPSNR: Double?

    @Option(name: .customLong("min-fps"), help: "Smallest acceptable median throughput, frames/s.")
    var minFPS: Double?

    public func validate() throws {
        for (name, value) in [("--max-write-p99", maxWriteP99), ("--min-psnr", minPSNR), ("--min-fps", minFPS)] {
            if let value, !(value.isFinite && value >= 0) { throw ValidationError("\(name) must be a number ≥ 0") }
        }
    }

    public func run() throws {
        let recommendations: [Recommendation]
        do {
            let table = try ResultsTable(contentsOf: results, requiredColumns: ["strategy", "status"])
            guard !table.rows.isEmpty else { throw CSVError(line: 1, field: 0, message: "the file has a header but no rows") }
            recommendations = try Recommendation.make(table, constraints: RecommendationConstraints(
                maxWriteP99Ms: maxWriteP99, minPSNR: minPSNR, minFPS: minFPS))
        } catch let error as CSVError {
            printError("recommend: \(results): \(error)")
            throw ExitCode(1)
        }
        print(recommendations.map { $0.render() }.joined(separator: "\n\n"))
        if recommendations.contains(where: { $0.best == nil }) { throw ExitCode(2) }
    }
}
