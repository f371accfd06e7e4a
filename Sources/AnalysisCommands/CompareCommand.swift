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
            Rows are matched by strategy, encoder settings (encoder, preset, crf, threads), frame set, size, pace and \
            frames. For fps, write p95/p99, finish, bytes and PSNR the verdict is unchanged when the medians differ \
            by less than --threshold (or less than the column's noise floor, 0.01 ms for times); improved or \
            regressed when they differ by at least --threshold and a Mann–Whitney U test over the repetitions of \
            both sides is significant (p ≤ 0.05, possible from 4 repetitions per side); inconclusive otherwise.

            Small-sample rule: with 3 repetitions per side the test can never reach p ≤ 0.05, so a change is \
            improved or regressed only when every new value is beyond every base value (complete separation) and \
            the medians differ by at least 4 × --threshold and at least 20 % and the two sides lie further apart \
            than the repetitions within a side scatter; anything less stays inconclusive. With 1 or 2 repetitions on a side every changed metric is inconclusive.

            Output: a summary line, the too-few-repetitions explanation once, then one line per configuration; \
            configurations with nothing to compare (e.g. unavailable on both sides) share one line.

            Here: 0 nothing regressed; 2 a regression; 4 only improvements; 1 two files with no configuration in \
            common or nothing comparable in them; 65/66 a CSV is malformed/missing.
            """ + "\n\n" + ExitStatus.table)

    @Argument(help: "Baseline results CSV.")
    var base: String

    @Argument(help: "New results CSV.")
    var new: String

    @Option(parsing: .unconditional, help: "Minimum relative change of a median that counts, in percent.")
    var threshold = 5.0

    @Flag(help: "Print the comparison as one JSON object instead of text (exit status unchanged).")
    var json = false

    public func validate() throws {
        guard threshold >= 0, threshold.isFinite else { throw ValidationError("--threshold must be a percentage ≥ 0") }
    }

    public func run() throws {
        let comparison: Comparison
        do {
            comparison = try Comparison(base: load(base), new: load(new), threshold: threshold / 100)
        } catch let error as CSVError {
            printError("compare: \(error)")
            let missing = [base, new].contains { ExitStatus.loading($0) == .missingInput }
            throw (missing ? ExitStatus.missingInput : .malformedInput).exit
        }
        print(json ? JSONText.render(comparison.jsonObject(base: base, new: new)) : comparison.render(baseName: base, newName: new))
        do {
            try comparison.requireVerdicts(base: base, new: new)
        } catch {
            printError("compare: \(error)")
            throw ExitStatus.checkFailed.exit
        }
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
