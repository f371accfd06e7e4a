import ArgumentParser

/// `writerbench history`: the results store — import CSVs, show series over revisions, list change points.
public struct HistoryCommand: ParsableCommand {
    /// Creates the command (ArgumentParser fills in the subcommand).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Store results over commits and machines, show their trends and find change points.",
        discussion: """
            The store is a SQLite file: --db PATH, else $WRITERBENCH_DB, else results/history.sqlite. \
            `run` and `pipeline` append to it after writing their CSV (unless --no-db); `history import` loads \
            CSVs recorded before. See README.md, "History".
            """,
        subcommands: [HistoryImportCommand.self, HistoryShowCommand.self, HistoryRegressionsCommand.self])
}
