import Foundation
import Testing
@testable import History

@Suite struct MetricSeriesTests {
    func stored(_ rows: [SyntheticResultsCSV.Row], commitTimes: [String: String] = [:]) throws -> [StoredResult] {
        let folder = SyntheticResultsCSV.temporaryFolder()
        let store = try HistoryStore(path: folder + "/h.sqlite", create: true)
        let times = commitTimes
        try store.record(csvPath: try SyntheticResultsCSV.write(rows, in: folder),
                         context: RecordingContext(branch: "", now: "now") { times[$0] ?? "" })
        return try store.results(HistoryFilter())
    }

    @Test func eachRunIsOnePointWithItsRepetitionsMedian() throws {
        let series = try MetricSeries.build(from: try stored(SyntheticResultsCSV.history(revisions: 3)), metric: "fps")
        let one = try #require(series.first)
        #expect(series.count == 1)
        #expect(one.points.map(\.revision) == ["r00", "r01", "r02"])
        #expect(one.points.allSatisfy { $0.count == 3 && abs($0.median - 100) < 1e-9 })
        #expect(one.direction == .prefersLarger)
    }

    @Test func pointsAreOrderedByCommitTimeWhereKnown() throws {
        // r00 was measured first but committed last.
        let rows = SyntheticResultsCSV.history(revisions: 2)
        let series = try MetricSeries.build(
            from: try stored(rows, commitTimes: ["r00": "2026-12-01T00:00:00Z", "r01": "2026-01-01T00:00:00Z"]),
            metric: "fps")
        #expect(series.first?.points.map(\.revision) == ["r01", "r00"])
    }

    @Test func failedRowsAreLeftOut() throws {
        var rows = SyntheticResultsCSV.history(revisions: 1)
        rows[0].status = "failed"
        #expect(try MetricSeries.build(from: try stored(rows), metric: "fps").first?.points.first?.count == 2)
    }

    @Test func aColumnWithoutADirectionIsNoMetric() throws {
        #expect(throws: HistoryError.unknownMetric("strategy")) {
            try MetricSeries.build(from: [], metric: "strategy")
        }
    }

    @Test func aSlowerRevisionIsARegressionOfFpsAndOfWriteTime() throws {
        let results = try stored(SyntheticResultsCSV.history(revisions: 10, slowFrom: 6))
        for metric in ["fps", "write_ms_p95"] {
            let changes = SeriesChange.find(in: try MetricSeries.build(from: results, metric: metric))
            let change = try #require(changes.last)
            #expect(changes.count == 1)
            #expect(change.isRegression)
            #expect(change.before.revision == "r05" && change.after.revision == "r06")
        }
    }

    @Test func aFasterRevisionIsAnImprovement() throws {
        let results = try stored(SyntheticResultsCSV.history(revisions: 10, slowFrom: 4, slowdown: -0.2))
        let change = try #require(SeriesChange.find(in: try MetricSeries.build(from: results, metric: "fps")).last)
        #expect(!change.isRegression && change.changePoint.relativeChange > 0.15)
    }

    @Test func theTrendChartHasOneDataBlockPerSeriesAndMarksChanges() throws {
        var rows = SyntheticResultsCSV.history(revisions: 10, slowFrom: 6)
        rows += rows.map { var other = $0; other.strategy = "ffmpeg-pipe"; return other }
        let series = try MetricSeries.build(from: try stored(rows), metric: "fps")
        let chart = TrendChart(series: series, changes: SeriesChange.find(in: series))
        #expect(chart.data.components(separatedBy: "\n\n\n").count == 2)
        let script = chart.script(dataPath: "/tmp/d.dat", outputPath: "/tmp/o.png")
        #expect(script.contains("index 1 using"))
        #expect(script.components(separatedBy: "set arrow").count - 1 == 2)
    }
}
