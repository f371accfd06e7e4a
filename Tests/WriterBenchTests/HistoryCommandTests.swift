import Analysis
import Foundation
import Testing
import TestSupport

/// `writerbench run --db` and `writerbench history import|show|regressions`, end to end on the built binary.
@Suite struct HistoryCommandTests {
    /// A run CSV with `revisions` revisions of three repetitions each; fps 100 (±1 %), 20 % lower from `slowFrom`.
    func historyCSV(revisions: Int, slowFrom: Int?, in directory: String) throws -> String {
        var lines = [CSVColumn.header.joined(separator: ",")]
        for revision in 0..<revisions {
            for repetition in 0..<3 {
                let slow = slowFrom.map { revision >= $0 } ?? false
                let fps = (slow ? 80.0 : 100.0) * [0.99, 1.0, 1.01][(revision + repetition) % 3]
                let stamp = String(format: "2026-11-%02dT10:00:00Z", revision + 1)
                let values: [CSVColumn: String] = [
                    .timestamp: stamp, .gitRevision: String(format: "rev%02d", revision), .cpuModel: "Test CPU",
                    .logicalCores: "2", .os: "Linux test", .runID: "\(stamp)-\(repetition)", .strategy: "libav",
                    .encoder: "libx264", .frameset: "camera", .width: "320", .height: "240", .frames: "60",
                    .repeatIndex: String(repetition), .status: "ok", .fps: String(fps), .writeMsP95: "1.0",
                    .valid: "true",
                ]
                lines.append(CSVColumn.allCases.map { values[$0] ?? "" }.joined(separator: ","))
            }
        }
        let path = directory + "/history-\(slowFrom.map(String.init) ?? "flat").csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aRunAppendsItsRowsAndImportingItsCSVAgainAddsNothing() throws {
        let directory = try makeTemporaryDirectory()
        let store = directory + "/h.sqlite"
        let run = try CommandLineRun.writerbench(
            ["run", "--strategy", "ffmpeg-pipe", "--size", "160x120", "--frames", "5", "--no-warmup", "--no-verify",
             "--out", directory + "/r.csv", "--db", store])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try ResultsTable(contentsOf: directory + "/r.csv").rows.count
        #expect(run.output.contains("history: \(rows) row\(rows == 1 ? "" : "s") appended to \(store)"), "\(run.output)")
        let again = try CommandLineRun.writerbench(["history", "import", directory + "/r.csv", "--db", store])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.output.contains("0 run rows added, \(rows) already stored"), "\(again.output)")
    }

    @Test func noDbLeavesTheStoreAlone() throws {
        let directory = try makeTemporaryDirectory()
        let run = try CommandLineRun.writerbench(
            ["run", "--strategy", "ffmpeg-pipe", "--size", "160x120", "--frames", "3", "--no-warmup", "--no-verify",
             "--no-ceiling", "--out", directory + "/r.csv", "--no-db"],
            environment: ["WRITERBENCH_DB": directory + "/h.sqlite"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/h.sqlite"))
        #expect(!run.output.contains("history:"))
    }

    @Test func regressionsNamesTheSlowedRevisionAndExitsTwo() throws {
        let directory = try makeTemporaryDirectory()
        let store = directory + "/h.sqlite"
        let csv = try historyCSV(revisions: 10, slowFrom: 6, in: directory)
        #expect(try CommandLineRun.writerbench(["history", "import", csv], environment: ["WRITERBENCH_DB": store]).status == 0)
        let report = try CommandLineRun.writerbench(["history", "regressions", "--metric", "fps", "--db", store])
        #expect(report.status == 2, "\(report.output)\(report.stderr)")
        #expect(report.output.contains("rev05 → rev06"), "\(report.output)")
        #expect(report.output.contains("REGRESSION"))
        let show = try CommandLineRun.writerbench(["history", "show", "--db", store, "--no-chart"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.output.contains("rev06") && show.output.contains("regression"), "\(show.output)")
    }

    @Test func aFlatHistoryHasNoRegression() throws {
        let directory = try makeTemporaryDirectory()
        let store = directory + "/h.sqlite"
        _ = try CommandLineRun.writerbench(["history", "import", try historyCSV(revisions: 10, slowFrom: nil, in: directory), "--db", store])
        let report = try CommandLineRun.writerbench(["history", "regressions", "--db", store])
        #expect(report.status == 0, "\(report.output)\(report.stderr)")
        #expect(report.output.contains("0 change points"))
    }

    @Test func aMissingStoreOrAnUnknownMetricIsBadInput() throws {
        let directory = try makeTemporaryDirectory()
        let missing = try CommandLineRun.writerbench(["history", "regressions", "--db", directory + "/none.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no history store at"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/none.sqlite"))
        let store = directory + "/h.sqlite"
        _ = try CommandLineRun.writerbench(["history", "import", try historyCSV(revisions: 2, slowFrom: nil, in: directory), "--db", store])
        let unknown = try CommandLineRun.writerbench(["history", "show", "--metric", "strategy", "--db", store])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("is not a measured column"))
    }
}
