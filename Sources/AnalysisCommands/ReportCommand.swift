import Analysis
import ArgumentParser
import Foundation
import History

/// `writerbench report`: one document about a results CSV — environment, ranked tables, gate, conclusions, plots.
public struct ReportCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a Markdown or self-contained HTML report of a results CSV.",
        discussion: """
            Plots come from --plots DIR (default: <results>-plots); when it holds none, scripts/plot.sh is run to make \
            them. HTML embeds them as PNG; Markdown links them. \
            The gate section judges the run rules: a rule that matches no row of this CSV (written for another size \
            or pace) is "not applicable", not a failure. A fastest writer or lowest latency is named only when it \
            leads by more than the spread over repetitions (see `recommend --help`); otherwise "tie within noise". \
            A CSV holding several machines' rows (`writerbench merge`) is ranked per machine and gets an "Across \
            machines" section: one column per machine ID, each that machine's own median. With a history store \
            (--db, $WRITERBENCH_DB, or \(HistoryLocation.defaultPath) when it exists) a "History" section shows \
            the stored fps and write_ms_p95 series of the report's strategies, their change points (as `history \
            regressions`) and, in HTML, trend charts (gnuplot). \
            Here: 0 written; 65/66 the CSV or rules file is malformed/missing (66 also: the store named by --db is \
            missing); 70 the output or the store cannot be read or written.
            """ + "\n\n" + ExitStatus.table)

    /// Output format.
    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    @Argument(help: "Results CSV.")
    var results: String

    @Option(help: "md or html.")
    var format: Format = .md

    @Option(help: "Output file (default: standard output).")
    var out: String?

    @Option(help: "Gate rules file (default: results/gate-rules.txt of the package the program was built in; without it the report says there is no verdict).")
    var rules: String?

    @Option(help: "Folder of the plots (default: <results>-plots).")
    var plots: String?

    @Flag(help: "Leave plots out.")
    var noPlots = false

    @Option(help: "History store for the trend section: a SQLite file or postgres:// URL (default: $WRITERBENCH_DB, else \(HistoryLocation.defaultPath) when it exists; without a store the section says how to get one).")
    var db: String?

    @Flag(help: "Leave the history section out.")
    var noHistory = false

    @Option(help: "Plot script run when the plots folder holds no plots.")
    var plotScript = PackageLocation.resolve("scripts/plot.sh")

    /// results/gate-rules.txt of the package the program was built in (else of the current folder).
    static var defaultRules: String { PackageLocation.resolve("results/gate-rules.txt") }

    public func run() throws {
        let table: ResultsTable
        let gate: ReportDocument.GateSection
        do {
            table = try ResultsTable(contentsOf: results, requiredColumns: ["strategy", "status"])
            guard !table.rows.isEmpty else { throw CSVError(line: 1, field: 0, message: "the file has a header but no rows") }
        } catch {
            printError("report: \(results): \(error)")
            throw ExitStatus.loading(results).exit
        }
        let rulesPath = rules ?? Self.defaultRules
        if rules == nil && !FileManager.default.fileExists(atPath: rulesPath) {
            gate = .unavailable("no rules file at \(rulesPath)")
        } else {
            do { gate = .verdicts(rulesPath: rulesPath, Gate.evaluate(table, rules: try GateRuleFile.load(rulesPath).filter { $0.table == .run })) }
            catch {
                printError("report: \(rulesPath): \(error)")
                throw ExitStatus.loading(rulesPath).exit
            }
        }

        var plotList: [ReportDocument.Plot] = []
        var plotNote: String? = noPlots ? "Plots left out (--no-plots)." : nil
        if !noPlots {
            let directory = plots ?? PlotFiles.defaultDirectory(forResults: results)
            let base = out.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
                ?? FileManager.default.currentDirectoryPath
            let reference = { (path: String) in PlotFiles.relative(path, to: base) }
            plotList = PlotFiles.load(directory: directory, reference: reference)
            if plotList.isEmpty {
                if let failure = PlotFiles.render(results: results, directory: directory, script: plotScript,
                                                  executable: Bundle.main.executablePath) {
                    plotNote = "No plots: \(failure)."
                }
                plotList = PlotFiles.load(directory: directory, reference: reference)
            }
            if plotList.isEmpty && plotNote == nil { plotNote = "No plots in \(directory)." }
        }

        var history: HistorySection?
        if !noHistory {
            let environment = ProcessInfo.processInfo.environment
            let location = HistoryLocation.resolve(option: db, environment: environment)
            // Only --db makes a missing store an error: WRITERBENCH_DB names where runs record, which may be empty yet.
            let explicit = db != nil
            do {
                history = try ReportHistory.section(for: table, location: location, explicit: explicit,
                                                    charts: format == .html)
            } catch {
                printError("report: history store \(location): \(error)")
                throw (FileManager.default.fileExists(atPath: location) ? ExitStatus.couldNotComplete : .missingInput).exit
            }
        }

        let document: ReportDocument
        do {
            document = try ReportDocument(table: table, source: URL(fileURLWithPath: results).lastPathComponent,
                                          gate: gate, plots: plotList, plotNote: plotNote, history: history)
        } catch {
            printError("report: \(results): \(error)")
            throw ExitStatus.malformedInput.exit
        }
        let text = format == .html ? document.html() : document.markdown()
        guard let out else { print(text, terminator: ""); return }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            printError("report: cannot write \(out): \(error.localizedDescription)")
            throw ExitStatus.couldNotComplete.exit
        }
        print("report: wrote \(out)")
    }
}
