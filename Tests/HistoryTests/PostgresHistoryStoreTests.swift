import Analysis
import Foundation
import Testing
@testable import History
import HistoryPostgres
import TestSupport

/// The PostgreSQL store against a real server this test starts (and stops); not run where PostgreSQL is not
/// installed, and the reason is in the test's name and condition.
///
/// The store blocks its caller while its work runs on Swift's cooperative threads, so these tests call it from a
/// thread of their own: blocking one of the (on 2 cores, two) cooperative threads the tests run on could leave the
/// store's work no thread to run on.
@Suite(.serialized) struct PostgresHistoryStoreTests {
    static let context = RecordingContext(branch: "main", now: "2026-12-01T00:00:00Z")

    /// What the shared-store scenario observed.
    struct Observed: Sendable {
        var first: ImportSummary
        var again: ImportSummary
        var postgresCounts: (results: Int, sampleAggregates: Int)
        var sqliteCounts: (results: Int, sampleAggregates: Int)
        var fromPostgres: [StoredResult]
        var fromSQLite: [StoredResult]
        var noneStrategy: Int
        var since: Int
    }

    /// Runs `body` on a new thread (not one of the cooperative threads) and returns its result.
    func offTheCooperativeThreads<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// The server test runs in a test process of its own (`make test` starts one with this variable set): in the
    /// full parallel suite on 2 cores, the other tests' blocking work can hold both cooperative threads for longer
    /// than the store's 30 s bound (seen: "the server did not answer within 30 s" only there).
    static let ownProcess = ProcessInfo.processInfo.environment["WRITERBENCH_POSTGRES_TESTS"] == "1"

    @Test(.enabled(if: PostgresTestServer.unavailableReason == nil,
                   "needs a PostgreSQL server: \(PostgresTestServer.unavailableReason ?? "")"),
          .enabled(if: ownProcess, "runs in its own process: WRITERBENCH_POSTGRES_TESTS=1 (make test does this)"))
    func postgresHoldsTheSameHistoryAsSQLite() async throws {
        let observed = try await offTheCooperativeThreads { () throws -> Observed in
            let server = try PostgresTestServer()
            defer { server.stop() }
            let folder = SyntheticResultsCSV.temporaryFolder()
            let csv = try SyntheticResultsCSV.write(SyntheticResultsCSV.history(revisions: 10, slowFrom: 6), in: folder)
            let samples = "run_id,strategy,frame,write_ms,queue_depth\n2026-11-01T10:00:00Z-0,libav,0,1.5,\n2026-11-01T10:00:00Z-0,libav,1,2.5,\n"
            try samples.write(toFile: folder + "/results.samples.csv", atomically: true, encoding: .utf8)
            let postgres = try PostgresHistoryStore(url: server.url)
            let sqlite = try HistoryStore(path: folder + "/h.sqlite", create: true)
            let first = try postgres.record(csvPath: csv, context: Self.context)
            try sqlite.record(csvPath: csv, context: Self.context)
            // A second machine opening the same database migrates nothing and stores nothing twice.
            let again = try PostgresHistoryStore(url: server.url).record(csvPath: csv, context: Self.context)
            return Observed(
                first: first, again: again, postgresCounts: try postgres.counts(), sqliteCounts: try sqlite.counts(),
                fromPostgres: try postgres.results(HistoryFilter()), fromSQLite: try sqlite.results(HistoryFilter()),
                noneStrategy: try postgres.results(HistoryFilter(strategies: ["none"])).count,
                since: try postgres.results(HistoryFilter(since: "2026-11-09")).count)
        }
        #expect(observed.first.added == 30 && observed.first.withSamples == 1)
        #expect(observed.again.added == 0 && observed.again.alreadyStored == 30)
        #expect(observed.postgresCounts == observed.sqliteCounts)
        #expect(observed.fromPostgres.map { var row = $0; row.id = nil; return row }
                == observed.fromSQLite.map { var row = $0; row.id = nil; return row })
        #expect(observed.noneStrategy == 0)
        #expect(observed.since == 6)
        let change = try #require(SeriesChange.find(in: try MetricSeries.build(from: observed.fromPostgres, metric: "fps")).last)
        #expect(change.isRegression && change.after.revision == "r06")
    }

    /// The closing note's check: every committed results CSV under results/reports imported into a SQLite file and
    /// into PostgreSQL gives the same rows in both. Prints the counts (run it with
    /// `WRITERBENCH_POSTGRES_TESTS=1 swift test --filter committedReportsGiveEqualRowCounts`).
    @Test(.enabled(if: PostgresTestServer.unavailableReason == nil,
                   "needs a PostgreSQL server: \(PostgresTestServer.unavailableReason ?? "")"),
          .enabled(if: ownProcess, "runs in its own process: WRITERBENCH_POSTGRES_TESTS=1 (make test does this)"))
    func committedReportsGiveEqualRowCountsInSQLiteAndPostgreSQL() async throws {
        let reports = packageRoot() + "/results/reports"
        let files = (FileManager.default.enumerator(atPath: reports)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".csv") && !$0.hasSuffix(".samples.csv") }.sorted().map { reports + "/" + $0 }
            // Run and pipeline CSVs only: the crash CSVs are another table, which the store does not hold.
            .filter { path in (try? ResultsTable(contentsOf: path)).flatMap { ResultsKind(header: $0.header) } != nil }
        let counts = try await offTheCooperativeThreads { () throws -> [String: (results: Int, sampleAggregates: Int, machines: Int)] in
            let server = try PostgresTestServer()
            defer { server.stop() }
            let folder = SyntheticResultsCSV.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let stores: [String: any HistoryBackend] = [
                "sqlite": try HistoryStore(path: folder + "/committed.sqlite", create: true),
                "postgres": try PostgresHistoryStore(url: server.url),
            ]
            return try stores.mapValues { store in
                for file in files { try store.record(csvPath: file, context: Self.context) }
                let counts = try store.counts()
                let machines = Set(try store.results(HistoryFilter()).map(\.machine)).count
                return (results: counts.results, sampleAggregates: counts.sampleAggregates, machines: machines)
            }
        }
        let sqlite = try #require(counts["sqlite"])
        let postgres = try #require(counts["postgres"])
        for (name, count) in [("SQLite", sqlite), ("PostgreSQL", postgres)] {
            print("committed reports (\(files.count) run and pipeline CSVs) in \(name): \(count.results) rows, "
                  + "\(count.sampleAggregates) write-sample aggregates, \(count.machines) machine(s)")
        }
        #expect(files.count >= 18)
        #expect(sqlite.results > 0)
        #expect(sqlite.results == postgres.results)
        #expect(sqlite.sampleAggregates == postgres.sampleAggregates)
        #expect(sqlite.machines == postgres.machines)
    }

    @Test func aURLWithoutUserOrHostIsRefused() {
        #expect(throws: HistoryError.self) { try PostgresHistoryStore(url: "postgres:///db") }
    }

    @Test func anUnreachableServerIsAnErrorNotAHang() async throws {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        let outcome = try await offTheCooperativeThreads { () -> String in
            do {
                _ = try PostgresHistoryStore(url: "postgres://u@127.0.0.1:1/db", timeout: 20)
                return "opened"
            } catch let error as HistoryError {
                return "HistoryError: \(error)"
            }
        }
        #expect(outcome.hasPrefix("HistoryError"), "\(outcome)")
    }
}
