import Analysis
import Foundation
import Testing
import TestSupport

/// `run` end to end: glob selection with exclusions, and the closing summary's shape.
@Suite struct RunConsoleTests {
    @Test func aGlobSelectsAndExcludeRemovesAndTheSummaryGroupsByEncoderSettings() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CommandLineRun.writerbench(
            ["run", "--strategy", "libav*", "--strategy", "hw-h264-nvenc-*", "--exclude", "libav-async",
             "--size", "160x120", "--frames", "5", "--no-warmup", "--no-verify", "--out", directory + "/r.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let stdout = String(decoding: run.stdout, as: UTF8.self)
        let rows = try ResultsTable(contentsOf: directory + "/r.csv").rows
        let strategies = rows.map { $0["strategy"] }
        #expect(Set(strategies) == ["null", "libav", "encoder-ceiling", "hw-h264-nvenc-pipe", "hw-h264-nvenc-libav"]
                || Set(strategies) == ["null", "libav", "encoder-ceiling"], "\(strategies)")
        let null = try #require(rows.first { $0["strategy"] == "null" })
        #expect(null["status"] == "ok" && null["frames"] == "5" && null["valid"].isEmpty, "the null reference row")
        #expect(stdout.contains("encoder-ceiling (libx264 ultrafast crf18)"), "\(stdout)")
        #expect(stdout.contains("ceiling_ratio"))
        #expect(run.stderr.contains("of 3 configurations") || run.stderr.contains("of 4 configurations")
                || run.stderr.contains("of 5 configurations"), "\(run.stderr)")
        if !FileManager.default.fileExists(atPath: "/dev/nvidiactl") {
            #expect(stdout.contains("2 strategies unavailable here (hw-* (2): "), "\(stdout)")
            #expect(!stdout.contains("hw-h264-nvenc-pipe "), "unavailable rows are not in the table")
        }
    }
}
