import Analysis
import Foundation
import Testing
@testable import History

@Suite struct HistoryStoreTests {
    let folder = SyntheticResultsCSV.temporaryFolder()
    let context = RecordingContext(branch: "main", now: "2026-12-01T00:00:00Z") { $0 == "r01" ? "2026-10-01T00:00:00Z" : "" }
    var storePath: String { folder + "/nested/history.sqlite" }

    @Test func aNewStoreIsCreatedWithTheCurrentSchema() throws {
        let store = try HistoryStore(path: storePath, create: true)
        #expect(try store.appliedMigrations() == ["v1: results and write-sample aggregates"])
        #expect(try store.counts().results == 0)
    }

    @Test func readingCommandsDoNotCreateAStore() {
        #expect(throws: HistoryError.noStore(path: storePath)) { try HistoryStore(path: storePath, create: false) }
        #expect(!FileManager.default.fileExists(atPath: storePath))
    }

    @Test func aPostgresURLIsRefusedWithAClearMessage() {
        #expect(throws: HistoryError.unsupportedLocation("postgres://localhost/wb")) {
            try HistoryStore(path: "postgres://localhost/wb", create: true)
        }
    }

    @Test func importingTheSameFileTwiceAddsNothing() throws {
        let csv = try SyntheticResultsCSV.write(SyntheticResultsCSV.history(revisions: 2), in: folder)
        let store = try HistoryStore(path: storePath, create: true)
        let first = try store.record(csvPath: csv, context: context)
        let second = try store.record(csvPath: csv, context: context)
        #expect(first.added == 6 && first.alreadyStored == 0)
        #expect(second.added == 0 && second.alreadyStored == 6)
        #expect(try store.counts().results == 6)
    }

    @Test func aStoredRowKeepsItsSeriesKeyContextAndEveryField() throws {
        let csv = try SyntheticResultsCSV.write(SyntheticResultsCSV.history(revisions: 2), in: folder)
        let store = try HistoryStore(path: storePath, create: true)
        try store.record(csvPath: csv, context: context)
        let row = try #require(try store.results(HistoryFilter()).first { $0.revision == "r01" })
        #expect(row.kind == .run && row.strategy == "libav" && row.encoder == "libx264" && row.crf == 23)
        #expect(row.width == 320 && row.height == 240 && row.frames == 60 && row.pace == "")
        #expect(row.machine == EnvironmentFingerprint.machineID(cpuModel: "Test CPU", logicalCores: "2", os: "Linux test"))
        #expect(row.branch == "main" && row.commitTime == "2026-10-01T00:00:00Z")
        #expect(row.toolVersion == RecordingContext.toolVersion && row.source == csv)
        let fields = row.decodedFields()
        #expect(Set(fields.keys) == Set(CSVColumn.header))
        #expect(fields["status"] == "ok" && fields["write_ms_p95"] != nil)
    }

    @Test func writeSamplesAreStoredAsOneAggregatePerRow() throws {
        let csv = try SyntheticResultsCSV.write([.init(revision: "a", timestamp: "2026-11-01T00:00:00Z", fps: 50)], in: folder)
        let runID = "2026-11-01T00:00:00Z-0"
        let samples = "run_id,strategy,frame,write_ms,queue_depth\n"
            + (0..<100).map { "\(runID),libav,\($0),\(Double($0 + 1) / 10)," }.joined(separator: "\n") + "\n"
        try samples.write(toFile: SamplesFile.path(forResults: csv), atomically: true, encoding: .utf8)
        let store = try HistoryStore(path: storePath, create: true)
        #expect(try store.record(csvPath: csv, context: context).withSamples == 1)
        let id = try #require(try store.results(HistoryFilter()).first?.id)
        let aggregate = try #require(try store.sampleAggregate(resultID: id))
        #expect(aggregate.count == 100 && aggregate.maxMs == 10 && abs(aggregate.meanMs - 5.05) < 1e-9)
        #expect(abs(aggregate.p50Ms - 5.05) < 1e-9)
    }

    @Test func aCSVOfAnotherKindIsRefusedAndNothingIsStored() throws {
        let path = folder + "/other.csv"
        try "name,value\na,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let store = try HistoryStore(path: storePath, create: true)
        #expect(throws: HistoryError.self) { try store.record(csvPath: path, context: context) }
        #expect(try store.counts().results == 0)
    }

    @Test func theCommittedReportsImport() throws {
        let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("results/reports/2026-11-26").path
        let store = try HistoryStore(path: storePath, create: true)
        let run = try store.record(csvPath: reports + "/paced-1080p.csv", context: context)
        let pipeline = try store.record(csvPath: reports + "/pipeline-1080p.csv", context: context)
        #expect(run.kind == .run && run.added > 0)
        #expect(pipeline.kind == .pipeline && pipeline.added > 0)
        #expect(try store.results(HistoryFilter(kind: .pipeline)).count == pipeline.added)
    }

    @Test func filtersSelectStrategyMachineAndTime() throws {
        var rows = SyntheticResultsCSV.history(revisions: 4)
        rows += rows.map { var other = $0; other.strategy = "ffmpeg-pipe"; return other }
        let csv = try SyntheticResultsCSV.write(rows, in: folder)
        let store = try HistoryStore(path: storePath, create: true)
        try store.record(csvPath: csv, context: context)
        #expect(try store.results(HistoryFilter(strategies: ["ffmpeg-pipe"])).allSatisfy { $0.strategy == "ffmpeg-pipe" })
        #expect(try store.results(HistoryFilter(strategies: ["ffmpeg-pipe"])).count == 12)
        #expect(try store.results(HistoryFilter(since: "2026-11-03")).count == 12)
        #expect(try store.results(HistoryFilter(machines: ["elsewhere"])).isEmpty)
    }
}
