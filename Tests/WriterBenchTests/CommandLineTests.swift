import Analysis
import Foundation
import Harness
import Strategies
import Testing
import TestSupport

@Suite struct CommandLineTests {
    @Test func framesPrintsExactlyTheRawBytesAndTheSameOnEveryCall() throws {
        let first = try CommandLineRun.writerbench(["frames", "--frameset", "camera", "--size", "640x480", "--frames", "10"])
        let second = try CommandLineRun.writerbench(["frames", "--frameset", "camera", "--size", "640x480", "--frames", "10"])
        #expect(first.status == 0)
        #expect(first.stdout.count == 640 * 480 * 3 * 10)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.prefix(640 * 480 * 3) == Data(FrameSet.camera.frame(0, size: FrameSize(width: 640, height: 480)).bytes))
    }

    @Test func listShowsEveryStrategyWithItsAvailability() throws {
        let run = try CommandLineRun.writerbench(["list"])
        #expect(run.status == 0)
        for name in ["ffmpeg-pipe", "ffmpeg-pipe-async", "opencv-mp4v", "opencv-avc1"] {
            #expect(run.output.contains(name))
        }
        #expect(run.output.contains("available"))
    }

    @Test func runWritesARowPerRunWithTimingsAndAValidVideo() throws {
        let directory = try makeTemporaryDirectory()
        let run = try CommandLineRun.writerbench([
            "run", "--strategy", "ffmpeg-pipe", "--frameset", "camera", "--size", "160x120", "--frames", "12",
            "--repeat", "2", "--no-warmup", "--out", directory + "/r.csv", "--keep-outputs", directory + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try ResultsTable(contentsOf: directory + "/r.csv")
        #expect(table.header == CSVColumn.header)
        let pipeRows = table.rows.filter { $0["strategy"] == "ffmpeg-pipe" }
        #expect(pipeRows.count == 2)
        #expect(table.rows.filter { $0["strategy"] == "encoder-ceiling" }.count == 2)
        for row in pipeRows {
            for column in ["open_ms", "write_ms_mean", "write_ms_p50", "write_ms_p95", "write_ms_p99", "write_ms_max",
                           "finish_ms", "total_s", "fps", "cpu_user_s", "cpu_sys_s", "peak_rss_mb", "bytes",
                           "bitrate_kbps", "psnr_db", "ssim", "ceiling_ratio"] {
                #expect(!row[column].isEmpty, "column \(column) is empty")
            }
            #expect(row["status"] == "ok")
            #expect(row["valid"] == "true")
            #expect(row["frames_decoded"] == "12")
        }
        let samples = try ResultsTable(contentsOf: directory + "/r.samples.csv")
        #expect(samples.rows.filter { $0["strategy"] == "ffmpeg-pipe" }.count == 24)
        #expect(FileManager.default.fileExists(atPath: directory + "/out/ffmpeg-pipe-camera-160x120-r0.mp4"))
    }

    @Test(.enabled(if: FFmpegExecutable.resolve() != nil, "needs the ffmpeg program"))
    func verifyExitsOneWhenTheContentDoesNotMatchTheFrameSet() throws {
        let directory = try makeTemporaryDirectory()
        let noise = try CommandLineRun.writerbench(["frames", "--frameset", "noise", "--size", "160x120", "--frames", "10"])
        #expect(noise.status == 0)
        try noise.stdout.write(to: URL(fileURLWithPath: directory + "/noise.bgr"))
        let encode = try ProgramRun.run(FFmpegExecutable.resolve()!, [
            "-y", "-v", "error", "-nostdin", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", "160x120", "-r", "30",
            "-i", directory + "/noise.bgr", "-c:v", "ffv1", "-pix_fmt", "bgr0", directory + "/noise.mkv"])
        #expect(encode.status == 0, "\(encode.stderr)")
        let arguments = ["verify", directory + "/noise.mkv", "--size", "160x120", "--frames", "10"]
        let asCamera = try CommandLineRun.writerbench(arguments + ["--frameset", "camera"])
        #expect(asCamera.status == 1)
        #expect(asCamera.output.contains("valid:        NO — content does not match the frame set: mean luma PSNR"),
                "\(asCamera.output)")
        let asNoise = try CommandLineRun.writerbench(arguments + ["--frameset", "noise"])
        #expect(asNoise.status == 0, "\(asNoise.output)")
        #expect(asNoise.output.contains("valid:        yes"))
        let lenient = try CommandLineRun.writerbench(arguments + ["--frameset", "camera", "--min-psnr", "0", "--min-ssim=-1"])
        #expect(lenient.status == 0, "\(lenient.output)")
    }

    @Test func verifyOfAMissingFileExitsWithTheMissingInputStatus() throws {
        let directory = try makeTemporaryDirectory()
        let verify = try CommandLineRun.writerbench(["verify", directory + "/absent.mp4", "--size", "160x120", "--frames", "10"])
        #expect(verify.status == 66 /* EX_NOINPUT */, "\(verify.output)")
        #expect(verify.stderr.contains("no readable file at \(directory)/absent.mp4"))
    }

    @Test func baselineThatCannotBeWrittenExitsWithCouldNotComplete() throws {
        let directory = try makeTemporaryDirectory()
        let csv = directory + "/r.csv"
        let run = try CommandLineRun.writerbench(["run", "--strategy", "ffmpeg-pipe", "--size", "160x120", "--frames", "3",
                                                  "--no-ceiling", "--no-verify", "--no-db", "--out", csv],
                                                 environment: ["WRITERBENCH_FFMPEG": "/nonexistent/ffmpeg"])
        #expect(run.status == 0, "\(run.stderr)")
        // A regular file where the baselines folder should be: the folder cannot be created.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: directory + "/baselines"))
        let save = try CommandLineRun.writerbench(["baseline", "save", "local", "--from", csv,
                                                   "--directory", directory + "/baselines"])
        #expect(save.status == 70 /* EX_SOFTWARE */, "\(save.output)")
        #expect(save.stderr.contains("cannot write"))
        let missing = try CommandLineRun.writerbench(["baseline", "save", "local", "--from", directory + "/absent.csv",
                                                      "--directory", directory + "/other"])
        #expect(missing.status == 66 /* EX_NOINPUT */, "\(missing.output)")
    }

    @Test func unavailableStrategyGetsARowAndTheRunSucceeds() throws {
        let directory = try makeTemporaryDirectory()
        let run = try CommandLineRun.writerbench(
            ["run", "--strategy", "ffmpeg-pipe", "--size", "160x120", "--frames", "5", "--out", directory + "/r.csv"],
            environment: ["WRITERBENCH_FFMPEG": "/nonexistent/ffmpeg"])
        #expect(run.status == 0)
        let row = try #require(try ResultsTable(contentsOf: directory + "/r.csv").rows.first { $0["strategy"] == "ffmpeg-pipe" })
        #expect(row["status"] == "unavailable")
        #expect(row["reason"].contains("ffmpeg not found"))
        #expect(row["write_ms_p95"].isEmpty)
    }

    @Test(.enabled(if: !FileManager.default.fileExists(atPath: "/dev/nvidiactl")))
    func hardwareStrategyWithoutTheHardwareGetsAnUnavailableRowWithTheProbesReason() throws {
        let directory = try makeTemporaryDirectory()
        let run = try CommandLineRun.writerbench(
            ["run", "--strategy", "hw-h264-nvenc-pipe", "--size", "160x120", "--frames", "5", "--out", directory + "/r.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let row = try #require(try ResultsTable(contentsOf: directory + "/r.csv").rows.first { $0["strategy"] == "hw-h264-nvenc-pipe" })
        #expect(row["status"] == "unavailable")
        #expect(row["encoder"] == "h264_nvenc")
        #expect(row["reason"].contains("h264_nvenc"))
        #expect(row["write_ms_p95"].isEmpty)
    }

    @Test func failedStrategyGetsARowAndANonZeroExit() throws {
        let directory = try makeTemporaryDirectory()
        let fake = directory + "/dying-ffmpeg"
        try writeExecutableScript("#!/bin/sh\nhead -c 1000 >/dev/null\necho 'encoder gave up' >&2\nexit 1\n", to: fake)
        let run = try CommandLineRun.writerbench(
            ["run", "--strategy", "ffmpeg-pipe", "--size", "320x240", "--frames", "20", "--no-warmup",
             "--out", directory + "/r.csv"],
            environment: ["WRITERBENCH_FFMPEG": fake])
        #expect(run.status == 1)
        let row = try #require(try ResultsTable(contentsOf: directory + "/r.csv").rows.first { $0["strategy"] == "ffmpeg-pipe" })
        #expect(row["status"] == "failed")
        #expect(row["reason"].contains("encoder gave up"))
    }

    @Test func unknownStrategyIsAUsageErrorNamingTheKnownOnes() throws {
        let run = try CommandLineRun.writerbench(["run", "--strategy", "no-such-writer"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown strategy 'no-such-writer'"))
        #expect(run.stderr.contains("ffmpeg-pipe"))
    }

    @Test func compareOfFilesWithNoConfigurationInCommonExitsOneNamingBoth() throws {
        let directory = try makeTemporaryDirectory()
        func csv(_ strategy: String, fps: [String]) -> String {
            CSVFormat.line(CSVColumn.header) + "\n" + fps.enumerated().map { index, value in
                let values: [String: String] = ["strategy": strategy, "frameset": "camera", "width": "160",
                                                "height": "120", "frames": "60", "repeat": "\(index)",
                                                "status": "ok", "fps": value]
                return CSVFormat.line(CSVColumn.header.map { values[$0] ?? "" })
            }.joined(separator: "\n") + "\n"
        }
        try csv("libav", fps: ["100", "102", "98"]).write(toFile: directory + "/base.csv", atomically: true, encoding: .utf8)
        try csv("ffmpeg-pipe", fps: ["100", "102", "98"]).write(toFile: directory + "/other.csv", atomically: true, encoding: .utf8)
        try csv("libav", fps: ["50", "51", "49"]).write(toFile: directory + "/slow.csv", atomically: true, encoding: .utf8)
        let unmatched = try CommandLineRun.writerbench(["compare", directory + "/base.csv", directory + "/other.csv"])
        #expect(unmatched.status == 1)
        #expect(unmatched.stderr.contains(directory + "/base.csv") && unmatched.stderr.contains(directory + "/other.csv"),
                "\(unmatched.stderr)")
        let slower = try CommandLineRun.writerbench(["compare", directory + "/base.csv", directory + "/slow.csv"])
        #expect(slower.status == 2, "\(slower.output)")
        #expect(slower.output.hasPrefix("compare: 1 configuration(s) matched: 1 regressed"), "\(slower.output)")
        #expect(slower.output.contains("(\(directory)/base.csv → \(directory)/slow.csv)"))
    }

    @Test func gateExitCodesDistinguishPassFailAndMalformedInput() throws {
        let directory = try makeTemporaryDirectory()
        func csv(_ p95: String) -> String {
            let values: [String: String] = ["strategy": "ffmpeg-pipe-async", "frameset": "camera", "width": "1920",
                                            "height": "1080", "pace_fps": "30", "status": "ok",
                                            "write_ms_p95": p95, "write_ms_mean": p95, "valid": "true",
                                            "psnr_db": "34.5"]
            return CSVFormat.line(CSVColumn.header) + "\n" + CSVFormat.line(CSVColumn.header.map { values[$0] ?? "" }) + "\n"
        }
        try csv("0.2").write(toFile: directory + "/pass.csv", atomically: true, encoding: .utf8)
        try csv("3.5").write(toFile: directory + "/fail.csv", atomically: true, encoding: .utf8)
        try "strategy,status\n\"unterminated\n".write(toFile: directory + "/bad.csv", atomically: true, encoding: .utf8)
        let rules = packageRoot() + "/results/gate-rules.txt"
        let pass = try CommandLineRun.writerbench(["gate", "--csv", directory + "/pass.csv", "--rules", rules])
        let fail = try CommandLineRun.writerbench(["gate", "--csv", directory + "/fail.csv", "--rules", rules])
        let bad = try CommandLineRun.writerbench(["gate", "--csv", directory + "/bad.csv", "--rules", rules])
        #expect(pass.status == 0, "\(pass.output)")
        #expect(fail.status == 1)
        #expect(fail.output.contains("FAIL"))
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("line 2"))
        let missing = try CommandLineRun.writerbench(["gate", "--csv", directory + "/no-such.csv", "--rules", rules])
        #expect(missing.status == 66)
        let reportOnly = try CommandLineRun.writerbench(
            ["gate", "--csv", directory + "/fail.csv", "--rules", rules,
             "--report-only", "pipe-async-write-p95", "--report-only", "pipe-async-write-mean"])
        #expect(reportOnly.status == 0, "\(reportOnly.output)")
        #expect(reportOnly.output.contains("REPORT-ONLY FAIL  pipe-async-write-p95"))
        let unknown = try CommandLineRun.writerbench(["gate", "--csv", directory + "/pass.csv", "--rules", rules,
                                                      "--report-only", "no-such-rule"])
        #expect(unknown.status == 64)
    }

    @Test func recommendExitsZeroWithoutLimitsAndThreeWhenNothingMeetsThem() throws {
        let directory = try makeTemporaryDirectory()
        let values: [String: String] = ["strategy": "libav", "frameset": "camera", "width": "160", "height": "120",
                                        "frames": "60", "repeat": "0", "status": "ok", "fps": "100", "valid": "true"]
        try (CSVFormat.line(CSVColumn.header) + "\n" + CSVFormat.line(CSVColumn.header.map { values[$0] ?? "" }) + "\n")
            .write(toFile: directory + "/r.csv", atomically: true, encoding: .utf8)
        let plain = try CommandLineRun.writerbench(["recommend", directory + "/r.csv"])
        #expect(plain.status == 0, "\(plain.output)")
        #expect(plain.output.contains("recommended: libav"))
        let impossible = try CommandLineRun.writerbench(["recommend", directory + "/r.csv", "--min-fps", "1000"])
        #expect(impossible.status == 3, "\(impossible.output)")
    }

    @Test func negativeAndFractionalNumbersGetARangeErrorThatStatesTheLimit() throws {
        let frames = try CommandLineRun.writerbench(["run", "--strategy", "ffmpeg-pipe", "--frames", "-5"])
        #expect(frames.status == 64)
        #expect(frames.stderr.contains("--frames must be at least 1"), "\(frames.stderr)")
        let repeats = try CommandLineRun.writerbench(["run", "--strategy", "ffmpeg-pipe", "--repeat", "0"])
        #expect(repeats.stderr.contains("--repeat must be at least 1"), "\(repeats.stderr)")
        let fps = try CommandLineRun.writerbench(["run", "--strategy", "ffmpeg-pipe", "--fps", "-30"])
        #expect(fps.status == 64)
        #expect(fps.stderr.contains("is not a positive frame rate"), "\(fps.stderr)")
        let slow = try CommandLineRun.writerbench(["run", "--strategy", "ffmpeg-pipe", "--fps", "1/2"])
        #expect(slow.stderr.contains("--fps must be between 1 and 1000 frames/s, got 1/2"), "\(slow.stderr)")
        let pipeline = try CommandLineRun.writerbench(["pipeline", "--strategy", "libav", "--fps", "29.97"])
        #expect(pipeline.status == 64)
        #expect(pipeline.stderr.contains("whole number of frames/s (1…1000, e.g. 30)"), "\(pipeline.stderr)")
        let threshold = try CommandLineRun.writerbench(["compare", "a.csv", "b.csv", "--threshold", "-1"])
        #expect(threshold.stderr.contains("--threshold must be a percentage ≥ 0"), "\(threshold.stderr)")
    }

    @Test func aFractionalStreamRateIsEncodedExactlyAndVerified() throws {
        let directory = try makeTemporaryDirectory()
        let run = try CommandLineRun.writerbench([
            "run", "--strategy", "ffmpeg-pipe", "--strategy", "libav", "--strategy", "opencv-mp4v", "--fps", "29.97",
            "--size", "160x120", "--frames", "12", "--no-warmup", "--no-ceiling", "--no-null", "--out", directory + "/r.csv"])
        #expect(run.status == 0, "\(run.output)")
        let table = try ResultsTable(contentsOf: directory + "/r.csv")
        for row in table.rows where row["status"] == "ok" {
            #expect(row["stream_fps"] == "29.97002997002997")
            #expect(row["valid"] == "true", "\(row["strategy"]): \(row["invalid_reason"])")
        }
        #expect(table.rows.contains { $0["status"] == "ok" })
    }

    @Test func completionScriptsCompleteStrategyAndFrameSetNames() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try CommandLineRun.writerbench(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.output.contains("ffmpeg-pipe-async") && script.output.contains("talking-head"), "\(shell)")
        }
    }

    @Test func anErrorThatIsNoCheckExitsSeventyNotOne() throws {
        let frames = try CommandLineRun.writerbench(["frames", "--frames", "2", "--size", "160x120",
                                                     "--out", "/nonexistent-writerbench-dir/x.raw"])
        #expect(frames.status == 70, "\(frames.stderr)")
        #expect(frames.stderr.contains("cannot open '/nonexistent-writerbench-dir/x.raw'"))
    }

    @Test func versionNamesTheReleaseAndTheGitRevision() throws {
        let version = try CommandLineRun.writerbench(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix(WriterBenchVersion.number + " (git "), "\(version.output)")
    }

    @Test func everySubcommandsHelpShowsTheSameExitStatusTable() throws {
        for command in ["run", "gate", "compare", "recommend", "report", "verify"] {
            let help = try CommandLineRun.writerbench([command, "--help"])
            #expect(help.output.contains("Exit status (the same for every subcommand)"), "\(command)")
            #expect(help.output.contains("65  malformed input"), "\(command)")
        }
    }

    @Test func aPaceThatIsNeitherMaxNorARateIsAUsageErrorNamingTheFlag() throws {
        let run = try CommandLineRun.writerbench(["run", "--strategy", "libav", "--pace", "fast"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("'fast'") && run.stderr.contains("--pace"), "\(run.stderr)")
    }

    @Test(arguments: ["verify", "pipeline"])
    func verifyAndPipelineRejectAnUnknownFrameSetAndSizeAlike(command: String) throws {
        let file = try makeTemporaryDirectory() + "/\(command).mp4"
        try Data().write(to: URL(fileURLWithPath: file))
        let extra = command == "verify" ? [file, "--frames", "3"] : ["--strategy", "libav"]
        let frameSet = try CommandLineRun.writerbench([command] + extra + ["--frameset", "cats"])
        #expect(frameSet.status != 0)
        #expect(frameSet.stderr.contains("unknown frame set 'cats'"), "\(frameSet.stderr)")
        let size = try CommandLineRun.writerbench([command] + extra + ["--size", "huge"])
        #expect(size.status != 0)
        #expect(size.stderr.contains("cannot read size 'huge'"), "\(size.stderr)")
    }
}

