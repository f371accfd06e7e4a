import ArgumentParser
import Foundation

/// The one table of exit statuses every subcommand of `writerbench` and `writerbench-analysis` uses; no status means
/// two things. The values from 64 follow BSD's sysexits.h (64 is what ArgumentParser returns for usage errors).
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Done; every check passed; nothing regressed; a recommendation was made.
    case success = 0
    /// A check did not pass: a gate rule failed or matched no row, verify found the output invalid, a run or pipeline
    /// configuration failed or wrote invalid output, compare found no configuration in common.
    case checkFailed = 1
    /// compare (and `run --compare-to`): a regression.
    case regression = 2
    /// recommend: no strategy met the limits given for some workload.
    case nothingMetLimits = 3
    /// compare: only improvements.
    case improvementsOnly = 4
    /// Usage error: an unknown option, a missing value, a value out of range (ArgumentParser's validation, EX_USAGE).
    case usage = 64
    /// Malformed input data: a CSV, rules file or samples file that cannot be read as one (EX_DATAERR).
    case malformedInput = 65
    /// An input file does not exist or cannot be opened (EX_NOINPUT).
    case missingInput = 66
    /// The command could not complete for another reason the message names: a missing program, an output that
    /// cannot be written, an error from a library (EX_SOFTWARE).
    case couldNotComplete = 70

    /// What the status means, in a few words.
    public var meaning: String {
        switch self {
        case .success: "success: done, every check passed, nothing regressed, a recommendation made"
        case .checkFailed: "a check failed: gate rule failed or not applicable, verify found the output invalid, "
            + "a run/pipeline configuration failed or was invalid, compare matched no configuration"
        case .regression: "compare / run --compare-to: a regression"
        case .nothingMetLimits: "recommend: nothing met the limits for some workload"
        case .improvementsOnly: "compare: only improvements"
        case .usage: "usage error: unknown option, missing or out-of-range value"
        case .malformedInput: "malformed input: a CSV, rules or samples file that cannot be parsed"
        case .missingInput: "an input file does not exist or cannot be opened"
        case .couldNotComplete: "could not complete: a missing program, an unwritable output, a library error"
        }
    }

    /// The table for `--help` texts and the README, one status a line.
    public static var table: String {
        "Exit status (the same for every subcommand):\n"
            + allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }

    /// The exit for this status, to `throw` from a command's `run()`.
    public var exit: ExitCode { ExitCode(rawValue) }

    /// ``missingInput`` when `path` does not exist or cannot be read, ``malformedInput`` otherwise: the status for a
    /// failure to load an input file.
    public static func loading(_ path: String) -> ExitStatus {
        FileManager.default.isReadableFile(atPath: path) ? .malformedInput : .missingInput
    }

    /// Parses and runs `root` like ArgumentParser's `main()`, except that an error a command throws that is not an
    /// exit code, a clean exit or a validation error exits with ``couldNotComplete`` (70) instead of 1, so that 1
    /// keeps meaning "a check failed".
    public static func main(_ root: ParsableCommand.Type) -> Never {
        var command: ParsableCommand
        do { command = try root.parseAsRoot() } catch { root.exit(withError: error) }
        do {
            try command.run()
            root.exit()
        } catch let error as ExitCode {
            root.exit(withError: error)
        } catch {
            // Help, clean exits and validation errors keep ArgumentParser's status; only plain errors become 70.
            guard root.exitCode(for: error) == .failure else { root.exit(withError: error) }
            printError("Error: " + root.message(for: error))
            Foundation.exit(ExitStatus.couldNotComplete.rawValue)
        }
    }
}
