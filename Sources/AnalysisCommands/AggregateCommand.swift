import Analysis
import ArgumentParser
import Foundation

/// `writerbench aggregate`: per-configuration aggregates over repetitions, as a table or as data for plot.sh.
public struct AggregateCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Summarise a results CSV per configuration (medians over repetitions), or shape it for plot.sh.",
        discussion: """
            --for table prints a readable table. --for plot-<chart> prints whitespace-separated data for gnuplot, \
            one dataset per panel (select with `index N`); --part panels prints per panel, tab-separated, its \
            title, value-axis range, encoder-settings legend, series labels and each series' legend group; \
            --part caption the rows the chart leaves out (one line for all unavailable strategies). \
            --for plot-heading prints the host line for chart titles. \
            Here: 0 printed; 65 the CSV (or samples file) is empty or malformed; 66 it is missing.
            """ + "\n\n" + ExitStatus.table)

    /// What to print.
    enum View: String, ExpressibleByArgument, CaseIterable {
        case table, plotHeading = "plot-heading"
        case plotWriteTime = "plot-write-time", plotLatencyCDF = "plot-latency-cdf", plotThroughput = "plot-throughput"
        case plotQualitySpeed = "plot-quality-speed", plotFPSResolution = "plot-fps-resolution"

        var chart: PlotChart? { rawValue.hasPrefix("plot-") ? PlotChart(rawValue: String(rawValue.dropFirst(5))) : nil }
    }

    /// Which part of a chart's data.
    enum Part: String, ExpressibleByArgument, CaseIterable { case data, panels, caption }

    @Argument(help: "Results CSV.")
    var results: String

    @Option(name: .customLong("for"), help: "What to print: \(View.allCases.map(\.rawValue).joined(separator: ", ")).")
    var view: View = .table

    @Option(help: "For plot views: data, panels or caption.")
    var part: Part = .data

    @Option(help: "Samples file for the latency CDF (default: <results>.samples.csv).")
    var samples: String?

    public func run() throws {
        do {
            let table = try ResultsTable(contentsOf: results, requiredColumns: ["strategy", "status"])
            guard !table.rows.isEmpty else { throw CSVError(line: 1, field: 0, message: "the file has a header but no rows") }
            let groups = try RowAggregate.group(table)
            switch view {
            case .table: print(RowAggregate.table(groups).render())
            case .plotHeading: print(PlotData.heading(table))
            default:
                guard let chart = view.chart else { return }
                let samplesPath = samples ?? SamplesFile.path(forResults: results)
                let writeSamples = chart == .latencyCDF && (samples != nil || FileManager.default.fileExists(atPath: samplesPath))
                    ? try WriteSamples(contentsOf: samplesPath) : nil
                let data = PlotData(chart: chart, aggregates: groups, samples: writeSamples)
                switch part {
                case .data: print(data.dataText, terminator: "")
                case .panels: print(data.panelsText, terminator: "")
                case .caption: print(data.captionText, terminator: "")
                }
            }
        } catch let error as CSVError {
            printError("aggregate: \(results): \(error)")
            throw ExitStatus.loading(results).exit
        }
    }
}
