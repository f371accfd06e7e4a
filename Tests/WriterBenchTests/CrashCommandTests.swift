import Analysis
import Foundation
import Strategies
import TestSupport
import Testing

/// `writerbench crash` on a small configuration: it exits 0, writes its CSV, and shows the qualitative outcome the
/// containers promise — a plain mp4 killed halfway does not open, fragmented mp4 and Matroska keep most frames.
@Suite(.enabled(if: FFmpegExecutable.resolve() != nil, "needs the ffmpeg program"))
struct CrashCommandTests {
    @Test func aKillHalfwayLosesAPlainMP4ButFragmentedMP4AndMatroskaKeepMostFrames() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("writerbench-crash-test-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let csv = "\(directory)/crash.csv"
        // 300 frames at 30 fps: the kill after frame 150 comes 5 s into the stream, past four closed fragments.
        let run = try CommandLineRun.writerbench(["crash", "--size", "160x120", "--frames", "300", "--kill-at", "50",
                                                  "--out", csv, "--child-timeout", "120"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("What survives a SIGKILL"))

        let rows = try CSVRows(path: csv)
        #expect(rows.header.first == "strategy")
        let kills = rows.records.filter { $0["trial"] == "kill" }
        #expect(kills.count == 6, "2 strategies × 3 containers × 1 kill point")
        for row in kills {
            #expect(row["status"] == "ok", "\(row)")
            #expect(row["kill_at_frame"] == "150")
            #expect(row["frames_handed"] == "150")
            switch row["container"] {
            case "mp4":
                #expect(row["file_opens"] == "false", "\(row)")
                #expect(row["frames_decoded"] == "0")
            default:
                #expect(row["file_opens"] == "true", "\(row)")
                let recovered = Double(row["recovered_fraction"] ?? "") ?? 0
                #expect(recovered > 0.5, "\(row)")
            }
        }
        let complete = rows.records.filter { $0["trial"] == "complete" }
        #expect(complete.count == 6)
        for row in complete {
            #expect(row["frames_decoded"] == "300", "every container verifies complete: \(row)")
            #expect(!(row["fps"] ?? "").isEmpty && !(row["write_p95_ms"] ?? "").isEmpty)
        }
    }

    @Test func anUnknownContainerIsRefusedBeforeAnythingRuns() throws {
        let run = try CommandLineRun.writerbench(["crash", "--container", "avi", "--out", "/nonexistent/x.csv"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown container 'avi'"))
    }
}

/// A CSV with a header, read into records keyed by column.
private struct CSVRows {
    let header: [String]
    let records: [[String: String]]

    init(path: String) throws {
        let lines = try CSVFormat.parse(String(contentsOfFile: path, encoding: .utf8))
        let header = lines.first ?? []
        self.header = header
        records = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
