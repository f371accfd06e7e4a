import ArgumentParser
import History

/// `writerbench history import FILE.csv…`: loads results CSVs recorded before into the store.
struct HistoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load run and pipeline results CSVs (and their samples files' summaries) into the history store.",
        discussion: """
            Rows already stored (same kind, machine, run ID, strategy and repetition) are skipped, so importing \
            a file twice adds nothing. Exit status: 0 every file loaded; 1 a file could not be read (the others \
            are still loaded).
            """)

    @OptionGroup var store: HistoryStoreOption

    @Argument(help: "Results CSVs of `writerbench run` or `writerbench pipeline`.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one results CSV to import") }
    }

    func run() throws {
        let history = try store.open(create: true, command: "import")
        let context = RecordingContext.gitWorkingDirectory(recordBranch: false)
        var failed = false
        for file in files {
            do { print(try history.record(csvPath: file, context: context)) } catch {
                printError("history import: \(file): \(error)")
                failed = true
            }
        }
        if let counts = try? history.counts() {
            print("\(history.location): \(counts.results) rows, \(counts.sampleAggregates) with write-sample summaries")
        }
        if let stored = try? history.results(HistoryFilter()) {
            let machines = Set(stored.map(\.machine)).sorted()
            print("\(machines.count) machine\(machines.count == 1 ? "" : "s"): \(machines.joined(separator: ", "))")
        }
        if failed { throw ExitCode(1) }
    }
}
