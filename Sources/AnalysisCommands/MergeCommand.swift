import Analysis
import ArgumentParser
import Foundation

/// `writerbench merge`: results CSVs of many machines (a CI matrix's artifacts) as one CSV.
public struct MergeCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge results CSVs of one kind (run or pipeline), e.g. from several machines, into one CSV.",
        discussion: """
            Every row keeps its own fingerprint columns (host, cpu_model, logical_cores, os, …), so `report` on the \
            merged file names each machine and shows them side by side ("Across machines"). All files must be of \
            one kind (run CSVs or pipeline CSVs; merge each kind into its own file) with the same header (the same \
            WriterBench version). A row given twice (same machine, run ID, strategy and repetition, same values) is \
            kept once and counted; two different rows under one such key are refused. Samples files are not merged. \
            Here: 0 merged; 65 a file is not a results CSV, the kinds or headers differ, or two rows conflict; \
            66 a file is missing; 70 the output cannot be written.
            """ + "\n\n" + ExitStatus.table)

    @Argument(help: "Results CSVs to merge (run CSVs, or pipeline CSVs).")
    var files: [String]

    @Option(help: "Merged CSV (default: standard output; the summary then goes to standard error).")
    var out: String?

    public func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one results CSV to merge") }
    }

    public func run() throws {
        var inputs: [ResultsMerge.Input] = []
        for file in files {
            guard FileManager.default.fileExists(atPath: file) else {
                printError("merge: \(file): no such file")
                throw ExitStatus.missingInput.exit
            }
            do { inputs.append(ResultsMerge.Input(path: file, table: try ResultsTable(contentsOf: file))) } catch {
                printError("merge: \(file): \(error)")
                throw ExitStatus.loading(file).exit
            }
        }
        let merged: ResultsMerge
        do { merged = try ResultsMerge(inputs) } catch {
            printError("merge: \(error)")
            throw ExitStatus.malformedInput.exit
        }
        let summary = "merge: \(merged.table.rows.count) \(merged.kind.rawValue) rows from \(files.count) "
            + "file\(files.count == 1 ? "" : "s"), \(merged.machines.count) machine\(merged.machines.count == 1 ? "" : "s") "
            + "(\(merged.machines.joined(separator: ", "))); \(merged.duplicatesDropped) duplicate "
            + "row\(merged.duplicatesDropped == 1 ? "" : "s") dropped"
        guard let out else {
            print(merged.csv, terminator: "")
            printError(summary)
            return
        }
        do {
            let folder = URL(fileURLWithPath: out).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(merged.csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            printError("merge: cannot write \(out): \(error.localizedDescription)")
            throw ExitStatus.couldNotComplete.exit
        }
        print(summary + "; wrote \(out)")
    }
}
