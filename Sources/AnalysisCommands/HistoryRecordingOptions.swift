import ArgumentParser
import Foundation
import History

/// `--db PATH` / `--no-db` of `run` and `pipeline`: after the results CSV is written, its rows are appended to the
/// history store too.
public struct HistoryRecordingOptions: ParsableArguments {
    /// Creates the options with their defaults (ArgumentParser fills them in).
    public init() {}

    @Option(help: "History store to append the results to (SQLite file or postgres:// URL; default: $WRITERBENCH_DB, else \(HistoryLocation.defaultPath)).")
    var db: String?

    @Flag(help: "Do not append the results to the history store.")
    var noDb = false

    /// Appends the rows of the CSV just written (and its samples' summaries) to the store, telling `say` where
    /// (standard output unless the caller's stdout is reserved, e.g. for `--json`); a store that cannot be written is
    /// reported on standard error and leaves the CSV and the exit status as they are.
    public func record(csvPath: String, say: (String) -> Void = { print($0) }) {
        guard !noDb else { return }
        let path = HistoryLocation.resolve(option: db, environment: ProcessInfo.processInfo.environment)
        do {
            let store = try HistoryStores.open(path, create: true)
            let summary = try store.record(csvPath: csvPath, context: .gitWorkingDirectory(recordBranch: true))
            say("history: \(summary.added) row\(summary.added == 1 ? "" : "s") appended to \(store.location)")
        } catch {
            printError("history: not recorded (the CSV is kept; `writerbench history import \(csvPath)` later): \(error)")
        }
    }
}
