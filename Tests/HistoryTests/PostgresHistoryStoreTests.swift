import Foundation
import Testing
@testable import History
import HistoryPostgres

/// The PostgreSQL store against a real server this test starts (and stops); not run where PostgreSQL is not
/// installed, and the reason is in the test's name and condition.
@Suite(.serialized) struct PostgresHistoryStoreTests {
    let context = RecordingContext(branch: "main", now: "2026-12-01T00:00:00Z")

    @Test(.enabled(if: PostgresTestServer.unavailableReason == nil,
                   "needs a PostgreSQL server: \(PostgresTestServer.unavailableReason ?? "")"))
    func postgresHoldsTheSameHistoryAsSQLite() throws {
        let server = try PostgresTestServer()
        defer { server.stop() }
        let folder = SyntheticResultsCSV.temporaryFolder()
        let csv = try SyntheticResultsCSV.write(SyntheticResultsCSV.history(revisions: 10, slowFrom: 6), in: folder)
        let samples = "run_id,strategy,frame,write_ms,queue_depth\n2026-11-01T10:00:00Z-0,libav,0,1.5,\n2026-11-01T10:00:00Z-0,libav,1,2.5,\n"
        try samples.write(toFile: folder + "/results.samples.csv", atomically: true, encoding: .utf8)

        let postgres = try PostgresHistoryStore(url: server.url)
        let sqlite = try HistoryStore(path: folder + "/h.sqlite", create: true)
        let first = try postgres.record(csvPath: csv, context: context)
        try sqlite.record(csvPath: csv, context: context)
        #expect(first.added == 30 && first.withSamples == 1)
        // A second machine opening the same database migrates nothing and stores nothing twice.
        let again = try PostgresHistoryStore(url: server.url).record(csvPath: csv, context: context)
        #expect(again.added == 0 && again.alreadyStored == 30)

        let postgresCounts = try postgres.counts(), sqliteCounts = try sqlite.counts()
        #expect(postgresCounts == sqliteCounts)
        let fromPostgres = try postgres.results(HistoryFilter())
        let fromSQLite = try sqlite.results(HistoryFilter())
        #expect(fromPostgres.map { var row = $0; row.id = nil; return row } == fromSQLite.map { var row = $0; row.id = nil; return row })
        #expect(try postgres.results(HistoryFilter(strategies: ["none"])).isEmpty)
        #expect(try postgres.results(HistoryFilter(since: "2026-11-09")).count == 6)

        let change = try #require(SeriesChange.find(in: try MetricSeries.build(from: fromPostgres, metric: "fps")).last)
        #expect(change.isRegression && change.after.revision == "r06")
    }

    @Test func aURLWithoutUserOrHostIsRefused() {
        #expect(throws: HistoryError.self) { try PostgresHistoryStore(url: "postgres:///db") }
    }

    @Test func anUnreachableServerIsAnErrorNotAHang() throws {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        #expect(throws: HistoryError.self) { try PostgresHistoryStore(url: "postgres://u@127.0.0.1:1/db", timeout: 20) }
    }
}
