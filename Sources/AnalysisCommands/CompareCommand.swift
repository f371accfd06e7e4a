import Analysis
import ArgumentParser

/// `writerbench compare`: per configuration and metric, did NEW improve, regress or stay the same against BASE?
public struct CompareCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two results CSVs configuration by configuration, with a noise-aware test.",
        discussion: """
            Rows are matched by strategy, encoder settings (encoder, preset, crf, threads), frame set, size, pace and
            frames. For fps, write p95/p99, finish, bytes and PSNR the verdict is improved or regressed only when the
            medians differ by at least --threshold and a Mann–Whitney U test over the repetitions of both sides is
            significant (p ≤ 0.05); unchanged when they differ by less; inconclusive otherwise, including when there
            are too few repetitions for the test to ever be significant (fewer than 4 per side).
            Exit status: 0 nothing regressed; 2 a regression; 4 only improvements; 1 bad input.
            """)

    @Argument(help: "Baseline results CSV.")
    var base: String

    @Argument(help: "New results CSV.")
    var new: String

    @Option(help: "Minimum relative change of a median that counts, in percent.")
    var threshold = 5.0

    public func validate() throws {
        guard threshold >= 0, threshold.isFinite else { throw ValidationError("--threshold must be a percentage ≥ 0") }
    }

    public func run() throws {
        let comparison: Comparison
        do {
            comparison = try Comparison(base: load(base), new: load(new), threshold: threshold / 100)
        } catch let error as CSVError {
            printError("compare: \(error)")
            throw ExitCode(1)
        }
        print(comparison.render())
        let status = comparison.exitStatus
        if status != 0 { throw ExitCode(status) }
    }

    private func load(_ path: String) throws -> ResultsTable {
        do {
            let table = try ResultsTable(contentsOf: path, requiredColumns: ["strategy", "status"])
            guard !table.rows.isEmpty else { throw CSVError(line: 1, field: 0, message: "the file has a header but no rows") }
            return table
        } catch let error as CSVError {
            throw CSVError(line: error.line, field: error.field, message: "\(path): \(error.message)")
        }
    }
}
