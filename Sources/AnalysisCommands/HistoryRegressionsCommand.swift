import Analysis
import ArgumentParser
import Foundation
import History

/// `writerbench history regressions`: every change point of the stored series, with its commit range.
struct HistoryRegressionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regressions",
        abstract: "List the change points of each stored series: commit range, magnitude, direction.",
        discussion: """
            Change points are found by E-Divisive means with a Welch t-test (README.md, "History"). \
            Exit status: 0 no series' newest change point is a regression; 2 one is; 1 bad input (no store, \
            unknown metric).
            """)

    @OptionGroup var store: HistoryStoreOption
    @OptionGroup var series: HistorySeriesFilter

    @Option(help: "Measured column to judge (repeatable; default: fps, write_ms_p95, pipeline_fps).")
    var metric: [String] = []

    @Option(help: "Largest t-test p-value that counts as a change.")
    var significance = 0.01

    @Option(help: "Smallest relative change of the segment means that counts (0.05 = 5 %).")
    var minimumChange = 0.05

    @Option(help: "Fewest runs on each side of a change point.")
    var minimumSegment = 3

    func validate() throws {
        guard significance > 0, significance < 1 else { throw ValidationError("--significance must be in (0, 1)") }
        guard minimumChange >= 0 else { throw ValidationError("--minimum-change must not be negative") }
        guard minimumSegment >= 2 else { throw ValidationError("--minimum-segment must be at least 2") }
    }

    func run() throws {
        let history = try store.open(create: false, command: "regressions")
        let metrics = metric.isEmpty ? ["fps", "write_ms_p95", "pipeline_fps"] : metric
        let detector = ChangePointDetector(significance: significance, minimumRelativeChange: minimumChange,
                                           minimumSegment: minimumSegment)
        var all: [MetricSeries] = []
        do {
            let results = try history.results(series.filter)
            for name in metrics { all += try MetricSeries.build(from: results, metric: name) }
        } catch {
            printError("history regressions: \(error)")
            throw ExitCode(1)
        }
        let judged = all.filter { $0.points.count >= 2 * detector.minimumSegment }
        let changes = SeriesChange.find(in: judged, detector: detector)
        var table = PlainTable(header: ["series", "metric", "commits", "runs before → after", "mean before → after",
                                        "change", "p", "verdict"])
        for change in changes {
            let point = change.changePoint
            table.rows.append([
                change.series.key.description, change.series.metric,
                "\(change.before.revision) → \(change.after.revision)",
                "\(point.index) → \(change.series.points.count - point.index)",
                "\(HistoryShowCommand.number(point.meanBefore)) → \(HistoryShowCommand.number(point.meanAfter))",
                String(format: "%+.1f%%", point.relativeChange * 100), String(format: "%.2g", point.pValue),
                change.isRegression ? "REGRESSION" : "improvement",
            ])
        }
        print("\(all.count) series, \(judged.count) with enough runs to judge (at least \(2 * detector.minimumSegment)); "
              + "\(changes.count) change point\(changes.count == 1 ? "" : "s")")
        if !changes.isEmpty { print(table.render()) }
        let newestRegressions = judged.compactMap { one in
            changes.last { $0.series.key == one.key && $0.series.metric == one.metric }
        }.filter(\.isRegression)
        for change in newestRegressions {
            print("regression: \(change.series.key) \(change.series.metric) "
                  + String(format: "%+.1f%%", change.changePoint.relativeChange * 100)
                  + " between \(change.before.revision) and \(change.after.revision)")
        }
        if judged.isEmpty { print("inconclusive: no series has enough runs to judge") }
        if !newestRegressions.isEmpty { throw ExitCode(2) }
    }
}
