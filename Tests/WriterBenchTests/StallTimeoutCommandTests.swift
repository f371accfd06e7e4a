import Analysis
import Foundation
import Testing
import TestSupport

/// `--stall-timeout` from the command line: a stalled encoder fails its row, and the run goes on.
@Suite struct StallTimeoutCommandTests {
    @Test func runFailsTheStalledRowsAndGoesOnWithTheNextStrategy() throws {
        try withTemporaryDirectory { directory in
            // Answers `-version` like ffmpeg (the environment fingerprint asks), then never reads a byte.
            let fake = directory + "/ffmpeg"
            try writeExecutableScript("""
                #!/bin/sh
                case "$*" in *-version*) echo "ffmpeg version fake"; exit 0;; esac
                echo "fake encoder: not reading" >&2
                exec sleep 1000
                """, to: fake)
            let temporary = directory + "/tmp"
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            let start = Date()
            let run = try CommandLineRun.writerbench(
                ["run", "--strategy", "ffmpeg-pipe", "--strategy", "ffmpeg-pipe-async", "--strategy", "libav",
                 "--size", "320x240", "--frames", "30", "--no-warmup", "--no-ceiling", "--no-null", "--no-verify",
                 "--stall-timeout", "1", "--out", directory + "/r.csv"],
                environment: ["WRITERBENCH_FFMPEG": fake, "TMPDIR": temporary])
            // Two stalls of 1 s each, plus reaping and a loaded machine: far below "forever".
            #expect(Date().timeIntervalSince(start) < 60)
            #expect(run.status == 1)
            let rows = try ResultsTable(contentsOf: directory + "/r.csv").rows
            #expect(rows.map { $0["strategy"] } == ["ffmpeg-pipe", "ffmpeg-pipe-async", "libav"])
            for row in rows.prefix(2) {
                #expect(row["status"] == "failed")
                #expect(row["reason"].hasPrefix(row["strategy"] + " stalled on frame"))
                #expect(row["reason"].contains("fake encoder: not reading"))
            }
            #expect(rows.last?["status"] == "ok")
            // The outputs' temporary folder went with the run, stalled rows and all.
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("writerbench-") } == [])
        }
    }

    @Test func aStallTimeoutOutOfRangeIsRefused() throws {
        let run = try CommandLineRun.writerbench(["run", "--strategy", "ffmpeg-pipe", "--stall-timeout", "0"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--stall-timeout must be between 0.1 and 86400 seconds"))
    }
}
