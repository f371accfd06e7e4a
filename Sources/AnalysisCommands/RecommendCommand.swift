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
            Strategies are ranked by median fps over repetitions; limits apply to medians. The encoder-ceiling row \
            is a reference, never recommended. Every strategy left out is listed with the reason. Without limits the \
            best valid writer of each workload is recommended. Workloads in which every strategy was unavailable \
            (e.g. hardware encoders this machine lacks) are summarised in one line.

            A winner is named only when it leads by more than the spread over repetitions: with three or more \
            repetitions each, the runner-up's fastest repetition must be slower than the winner's slowest; when the \
            ranges overlap it is a tie within noise. With fewer on a side, no lead is claimed unless the medians \
            differ at least 2×. The runner-up is never the strategy `auto` delegated to (that is the same writer).

            Here: 0 a recommendation for every workload that ran (always, without limits); 3 with limits, some \
            workload in which a writer ran validly has none meeting them; 65/66 the CSV is malformed/missing.
            """ + "\n\n" + ExitStatus.table)

    @Argument(help: "Results CSV.")
    var results: String

    @Option(name: .customLong("max-write-p99"), parsing: .unconditional, help: "Largest acceptable median write p99, ms.")
    var maxWriteP99: Double?

    @Option(name: .customLong("min-psnr"), parsing: .unconditional, help: "Smallest acceptable median PSNR, dB (needs verified runs).")
    var minPSNR: Double?

    @Option(name: .customLong("min-fps"), parsing: .unconditional, help: "Smallest acceptable median throughput, frames/s.")
    var minFPS: Double?

    @Flag(help: "Print the recommendations as a JSON array instead of text (exit status unchanged).")
    var json = false

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
            throw ExitStatus.loading(results).exit
        }
        let constraints = RecommendationConstraints(maxWriteP99Ms: maxWriteP99, minPSNR: minPSNR, minFPS: minFPS)
        let shown = recommendations.filter(\.anyAvailable)
        var text = shown.map { $0.render() }.joined(separator: "\n\n")
        let unavailable = Recommendation.unavailableSummary(recommendations)
        if !unavailable.isEmpty { text += (text.isEmpty ? "" : "\n\n") + unavailable + "." }
        print(json ? JSONText.render(recommendations.map(\.jsonObject)) : text)
        if !constraints.isEmpty && shown.contains(where: { $0.best == nil && $0.anyValidWriter }) {
            throw ExitStatus.nothingMetLimits.exit
        }
    }
}
