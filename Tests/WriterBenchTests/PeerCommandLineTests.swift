import Analysis
import Foundation
import Strategies
import Testing
import TestSupport

/// The peers of strategies.d on the command line: listed, unavailable with a reason, run beside our strategies.
@Suite struct PeerCommandLineTests {
    static let peers = ["py-opencv-mp4v", "py-pyav", "py-imageio-ffmpeg", "py-ffmpeg-pipe", "gst-x264"]
    static let venvPresent = FileManager.default.isExecutableFile(atPath: packageRoot() + "/.venv-peers/bin/python")

    @Test func listShowsEveryPeerAsAvailableOrUnavailableWithAReason() throws {
        let run = try CommandLineRun.writerbench(["list"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.output.split(separator: "\n")
        for peer in Self.peers + ["sh-ffmpeg-timed"] {
            let line = try #require(lines.first { $0.hasPrefix(peer + " ") }, "\(peer) is not listed")
            let state = line.dropFirst(peer.count).trimmingCharacters(in: .whitespaces)
            #expect(state == "available" || (state.hasPrefix("unavailable: ") && state.count > "unavailable: ".count))
        }
    }

    @Test func withoutTheVenvThePythonPeersAreUnavailableAndSayHowToInstallThem() throws {
        // The package's declarations, under a root that has no .venv-peers.
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: packageRoot() + "/strategies.d", toPath: directory + "/strategies.d")
        let run = try CommandLineRun.writerbench(["list", "--strategies-dir", directory + "/strategies.d"])
        #expect(run.status == 0, "\(run.stderr)")
        for peer in Self.peers where peer.hasPrefix("py-") {
            let line = try #require(run.output.split(separator: "\n").first { $0.hasPrefix(peer + " ") })
            #expect(line.contains("unavailable: ") && line.contains(".venv-peers is missing")
                        && line.contains("run scripts/install-peers.sh"), "\(line)")
        }
    }

    @Test func aBrokenDeclarationStopsTheCommandNamingTheFileAndLine() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "name = \"ok\"\ncommand = \"true\"\nhonours = [preset]\n".write(
            toFile: directory + "/bad.toml", atomically: true, encoding: .utf8)
        let run = try CommandLineRun.writerbench(["list", "--strategies-dir", directory])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(directory)/bad.toml:3:"), "\(run.stderr)")
    }

    @Test func anAdHocExternalStrategyRunsFromTheCommandLine() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CommandLineRun.writerbench([
            "run", "--strategy", "my-ffmpeg", "--no-ceiling", "--no-warmup", "--frameset", "camera", "--size", "160x120",
            "--frames", "6", "--out", directory + "/r.csv",
            "--external", "my-ffmpeg=ffmpeg -loglevel error -y -f rawvideo -pix_fmt {pix_fmt} -s {width}x{height} -r {fps} -i - -pix_fmt yuv420p {output}"])
        #expect(run.status == 0, "\(run.stderr)")
        let row = try #require(try ResultsTable(contentsOf: directory + "/r.csv").rows.first { $0["strategy"] == "my-ffmpeg" })
        #expect(row["status"] == "ok")
        #expect(row["valid"] == "true")
        #expect(row["write_timed_by"] == "caller")
    }

    @Test(.enabled(if: PeerCommandLineTests.venvPresent, "needs .venv-peers: run scripts/install-peers.sh"))
    func thePythonPeersWriteValidVideosAndReportTheirOwnTimesAndVersions() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let python = Self.peers.filter { $0.hasPrefix("py-") }
        let run = try CommandLineRun.writerbench(
            ["run", "--no-ceiling", "--no-warmup", "--frameset", "camera", "--size", "160x120", "--frames", "6",
             "--out", directory + "/r.csv"] + python.flatMap { ["--strategy", $0] })
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try ResultsTable(contentsOf: directory + "/r.csv").rows
        for peer in python {
            let row = try #require(rows.first { $0["strategy"] == peer })
            #expect(row["status"] == "ok", "\(peer): \(row["reason"])")
            #expect(row["valid"] == "true", "\(peer): \(row["invalid_reason"])")
            #expect(row["write_timed_by"] == "writer", "\(peer)")
            #expect(!row["pipe_write_ms_p99"].isEmpty)
            #expect(!row["peer_version"].isEmpty)
        }
        #expect(rows.first { $0["strategy"] == "py-opencv-mp4v" }?["reason"].contains("does not honour --preset, --crf, --threads") == true)
    }
}
