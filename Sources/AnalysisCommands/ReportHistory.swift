import Analysis
import Foundation
import History
import HistoryPostgres

/// The report's history section: the stored series of the report's strategies, their change points, and (for HTML)
/// trend charts drawn with gnuplot, read from a history store through the `History` module.
enum ReportHistory {
    /// Metrics the section shows: the run metrics `history regressions` watches by default.
    static let metrics = ["fps", "write_ms_p95"]
    /// Most recent runs listed per series table.
    static let rowsPerSeries = 20

    /// The section for `table`'s strategies from the store at `location`, or `.absent` with how to get a store.
    /// `explicit` is whether the user named the store with `--db`: then a missing store is an error.
    static func section(for table: ResultsTable, location: String, explicit: Bool, charts: Bool) throws -> HistorySection {
        let isFile = !PostgresHistoryStore.handles(location)
        if isFile && !FileManager.default.fileExists(atPath: location) {
            if explicit { throw HistoryError.noStore(path: location) }
            return .absent("No history store at \(location), so no trends: `writerbench history import FILE.csv…` "
                           + "(or any `run`/`pipeline`) creates it; `report --db PATH` names another.")
        }
        let store = try HistoryStores.open(location, create: false)
        let strategies = Array(Set(table.rows.map { $0["strategy"] })).sorted()
        let results = try store.results(HistoryFilter(kind: .run, strategies: strategies))
        var series: [MetricSeries] = []
        for metric in metrics { series += try MetricSeries.build(from: results, metric: metric) }
        let detector = ChangePointDetector()
        let judged = series.filter { $0.points.count >= 2 * detector.minimumSegment }
        let changes = SeriesChange.find(in: judged, detector: detector)
        let changeRows = changes.map { change -> [String] in
            let point = change.changePoint
            return [change.series.key.description, change.series.metric,
                    "\(change.before.revision) → \(change.after.revision)",
                    "\(number(point.meanBefore)) → \(number(point.meanAfter))",
                    String(format: "%+.1f%%", point.relativeChange * 100), String(format: "%.2g", point.pValue),
                    change.isRegression ? "REGRESSION" : "improvement"]
        }
        let tables = series.map { one -> HistoryTrends.Series in
            let shown = one.points.suffix(rowsPerSeries)
            let offset = one.points.count - shown.count
            let rows = shown.enumerated().map { index, point -> [String] in
                let change = changes.first {
                    $0.series.key == one.key && $0.series.metric == one.metric && $0.changePoint.index == offset + index
                }
                let range = point.range
                return [point.revision, point.timestamp, number(point.median),
                        "\(number(range.min))–\(number(range.max))", "\(point.count)",
                        change.map { String(format: "%+.1f%% %@", $0.changePoint.relativeChange * 100,
                                            $0.isRegression ? "regression" : "improvement") } ?? ""]
            }
            let title = "\(one.key) — \(one.metric) (\(one.points.count) runs"
                + (offset > 0 ? ", newest \(shown.count) shown)" : ")")
            return HistoryTrends.Series(title: title, rows: rows)
        }
        var drawn: [HistoryTrends.Chart] = []
        var chartNote: String? = charts ? nil : "Trend charts are in the HTML report (`--format html`)."
        if charts && !series.isEmpty {
            do { drawn = try draw(series, changes: changes) } catch {
                chartNote = "No trend charts: \(error)."
            }
        }
        let note = "Change points by E-Divisive means with a Welch t-test (p < \(detector.significance), at least "
            + "\(Int(detector.minimumRelativeChange * 100)) % change, at least \(detector.minimumSegment) runs a side); "
            + "\(series.count) series of this report's strategies stored, \(judged.count) long enough to judge."
        return .trends(HistoryTrends(store: store.location, metrics: metrics, series: tables, changes: changeRows,
                                     detectorNote: note, charts: drawn, chartNote: chartNote))
    }

    /// One PNG per metric, drawn by gnuplot in a temporary folder that is removed afterwards.
    private static func draw(_ series: [MetricSeries], changes: [SeriesChange]) throws -> [HistoryTrends.Chart] {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("writerbench-report-history-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var charts: [HistoryTrends.Chart] = []
        for metric in metrics {
            let ofMetric = series.filter { $0.metric == metric }
            guard !ofMetric.isEmpty else { continue }
            let chart = TrendChart(series: ofMetric, changes: changes.filter { $0.series.metric == metric })
            let data = folder.appendingPathComponent("\(metric).dat").path
            let png = folder.appendingPathComponent("\(metric).png").path
            try chart.data.write(toFile: data, atomically: true, encoding: .utf8)
            try Gnuplot.run(script: chart.script(dataPath: data, outputPath: png))
            charts.append(HistoryTrends.Chart(title: "History of \(metric), median per run with min–max bars; "
                                              + "dashed lines: change points",
                                              png: try Data(contentsOf: URL(fileURLWithPath: png))))
        }
        return charts
    }

    private static func number(_ value: Double) -> String { HistoryShowCommand.number(value) }
}
