import Analysis
import ArgumentParser
import Foundation

/// `writerbench export --format bmf`: a results CSV in a format other services read.
public struct ExportCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a results CSV for another service: Bencher Metric Format JSON (--format bmf).",
        discussion: """
            One benchmark per strategy × configuration, named from its configuration columns (stable from run to \
            run); one measure per metric, named as its CSV column. value = median over the completed repetitions \
            (status ok, output not invalid); lower_value/upper_value = smallest/largest repetition (only with two \
            or more). Default metrics: run CSV fps, write_ms_p50, write_ms_p95, write_ms_p99, finish_ms; pipeline \
            CSV pipeline_fps, write_ms_p95_right, batch_delay_ms_max, total_s. A file with several machines' rows \
            (a merge) is exported one machine at a time (--machine; Bencher's testbed). \
            Here: 0 written; 64 unknown metric; 65 the CSV is malformed, not a results CSV, or mixes machines \
            without --machine (or names an absent one); 66 it is missing; 70 the output cannot be written.
            """ + "\n\n" + ExitStatus.table)

    /// Output format.
    enum Format: String, ExpressibleByArgument, CaseIterable { case bmf }

    @Option(help: "Output format: bmf (Bencher Metric Format JSON).")
    var format: Format = .bmf

    @Option(help: "Measured column to export (repeatable; default: the kind's main metrics).")
    var metric: [String] = []

    @Option(help: "Only this machine's rows (a machine ID, as `report` lists them); needed when the CSV mixes machines.")
    var machine: String?

    @Option(help: "Output file (default: standard output).")
    var out: String?

    @Argument(help: "Results CSV (run or pipeline).")
    var results: String

    public func run() throws {
        let table: ResultsTable
        do { table = try ResultsTable(contentsOf: results) } catch {
            printError("export: \(results): \(error)")
            throw ExitStatus.loading(results).exit
        }
        let document: BencherMetricFormat
        do { document = try BencherMetricFormat(table: table, metrics: metric, machine: machine) } catch {
            printError("export: \(results): \(error)")
            if case .unknownMetric = error { throw ExitStatus.usage.exit }
            throw ExitStatus.malformedInput.exit
        }
        guard let out else { print(document.json, terminator: ""); return }
        do { try Data(document.json.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            printError("export: cannot write \(out): \(error.localizedDescription)")
            throw ExitStatus.couldNotComplete.exit
        }
        print("export: \(document.benchmarks.count) benchmarks written to \(out)")
    }
}
