import Analysis
import ArgumentParser
import Foundation
import History

/// `writerbench history show`: one table per series (revision, date, median, spread, n) and a trend chart.
struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print each series of a metric over revisions and draw its trend chart.",
        discussion: """
            A series is one strategy, encoder setting, workload and machine; each line is one run of it: its \
            revision, the revision's commit time ("?" when this repository does not have it), the run's start, \
            the median of its repetitions, their min–max spread and count. Change points are marked. \
            Exit status: 0 shown; 1 no store, unknown metric or the chart could not be drawn.
            """)

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var series: HistorySeriesFilter

    @Option(help: "The measured column to show (fps, write_ms_p95, pipeline_fps, …; `writerbench columns`).")
    var metric = "fps"

    @Option(help: "Trend chart PNG (default: results/plots/history-<metric>.png).")
    var chart: String?

    @Flag(help: "Print the tables only.")
    var noChart = false

    func run() throws {
        let history = try store.open(create: false, command: "show")
        let found: [MetricSeries]
        do { found = try MetricSeries.build(from: try history.results(series.filter), metric: metric) } catch {
            printError("history show: \(error)")
            throw ExitCode(1)
        }
        guard !found.isEmpty else {
            print("no stored run measured \(metric) with these filters")
            return
        }
        let changes = SeriesChange.find(in: found)
        for one in found {
            print("\n\(one.key) — \(metric), \(one.direction == .prefersLarger ? "higher" : "lower") is better")
            var table = PlainTable(header: ["revision", "committed", "run", "median", "spread (min–max)", "n", "change"])
            for (index, point) in one.points.enumerated() {
                let change = changes.first { $0.series.key == one.key && $0.changePoint.index == index }
                let range = point.range
                table.rows.append([
                    point.revision, point.commitTime.isEmpty ? "?" : point.commitTime, point.timestamp,
                    Self.number(point.median), "\(Self.number(range.min))–\(Self.number(range.max))",
                    String(point.count),
                    change.map { String(format: "%+.1f%% %@", $0.changePoint.relativeChange * 100,
                                        $0.isRegression ? "regression" : "improvement") } ?? "",
                ])
            }
            print(table.render())
        }
        guard !noChart else { return }
        let output = chart ?? "results/plots/history-\(metric).png"
        let trend = TrendChart(series: found, changes: changes)
        do {
            let folder = (output as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let dataPath = (output.hasSuffix(".png") ? String(output.dropLast(4)) : output) + ".dat"
            try trend.data.write(toFile: dataPath, atomically: true, encoding: .utf8)
            try Gnuplot.run(script: trend.script(dataPath: dataPath, outputPath: output))
            print("\nchart: \(output)")
        } catch {
            printError("history show: chart not drawn: \(error)")
            throw ExitCode(1)
        }
    }

    static func number(_ value: Double) -> String {
        value.isNaN ? "" : String(format: abs(value) >= 100 ? "%.1f" : "%.3f", value)
    }
}
