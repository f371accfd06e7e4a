import Analysis
import Foundation
@testable import Harness
import Strategies
import Testing
import TestSupport

@Suite(.enabled(if: TestVideo.ffmpeg != nil, "needs the ffmpeg program"))
struct ExternalStrategyRunTests {
    let environment = EnvironmentFingerprint(
        timestamp: "2026-12-02T06:00:00Z", gitRevision: "abc1234", host: "ci", cpuModel: "Test CPU",
        logicalCores: 2, os: "Linux", libavVersion: "5.1", ffmpegVersion: "5.1", opencvVersion: "4.6.0")

    func run(_ declarations: [ExternalStrategyDeclaration], frames: Int = 12, pace: Pace = .max) -> [RunRecord] {
        var plan = RunPlan(strategies: declarations.map { ExternalStrategy($0) },
                           outputDirectory: NSTemporaryDirectory() + "writerbench-external-\(UUID().uuidString.prefix(8))")
        plan.sizes = [FrameSize(width: 160, height: 120)]
        plan.frames = frames
        plan.warmUp = false
        plan.repetitions = 1
        plan.ceiling = false
        plan.pace = pace
        defer { try? FileManager.default.removeItem(atPath: plan.outputDirectory) }
        return BenchmarkRunner(plan: plan, environment: environment, verifier: RunVerifier()).run()
    }

    /// The package's own shell example (peers/sh-ffmpeg-timed.sh), as strategies.d declares it.
    func shippedShellExample() throws -> ExternalStrategyDeclaration {
        try #require(try StrategiesDirectory(path: packageRoot() + "/strategies.d").load(required: true)
            .first { $0.name == "sh-ffmpeg-timed" })
    }

    @Test func aShellScriptWritesAValidVideoThroughFFmpegAndItsFd3TimesFillWriteMs() throws {
        let row = try #require(run([try shippedShellExample()]).first)
        #expect(row.status == .ok, "\(row.reason)")
        #expect(row.verification?.valid == true, "\(row.verification?.invalidReason ?? "not verified")")
        #expect(row.verification?.framesDecoded == 12)
        #expect(row.field(.writeTimedBy) == "writer")
        #expect(row.writeSamplesMs.count == 12)
        #expect(row.pipeWrite?.count == 12)
        #expect(row.pipeWriteSamplesMs?.count == 12)
        #expect(row.peerVersion?.hasPrefix("bash ") == true)
        #expect(!row.field(.pipeWriteMsP99).isEmpty)
        // The samples file carries both: the writer's time and the pipe's.
        let lines = SamplesFile.lines(for: row).split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == SampleColumn.allCases.count })
        #expect(lines.allSatisfy { !$0.hasSuffix(",") })
    }

    @Test func aWriterWithoutFd3IsTimedByTheCallerAndPacedLikeAnyStrategy() throws {
        let plain = ExternalStrategyDeclaration(
            name: "plain-ffmpeg",
            command: "ffmpeg -loglevel error -y -f rawvideo -pix_fmt {pix_fmt} -s {width}x{height} -r {fps} -i - -c:v libx264 -preset ultrafast -pix_fmt yuv420p {output}",
            encoder: "libx264")
        let row = try #require(run([plain], frames: 6, pace: .fixed(fps: 30)).first)
        #expect(row.status == .ok, "\(row.reason)")
        #expect(row.verification?.valid == true)
        #expect(row.field(.writeTimedBy) == "caller")
        #expect(row.pipeWrite == nil)
        #expect(row.field(.pipeWriteMsP50).isEmpty)
        #expect(row.field(.paceFPS) == "30")
        #expect(row.lateFrames != nil)
        #expect(row.reason.contains("does not honour --preset, --crf, --threads"))
    }

    @Test func anIncompleteFd3ReportFallsBackToCallerTimesAndSaysSo() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = directory + "/half.sh"
        try writeExecutableScript("""
            #!/bin/sh
            echo "0 100" >&3
            echo "1 100" >&3
            exec ffmpeg -loglevel error -y -f rawvideo -pix_fmt bgr24 -s "$1" -r 30 -i - -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$2"
            """, to: script)
        let half = ExternalStrategyDeclaration(name: "half-timed", command: "\(script) {width}x{height} {output}",
                                               encoder: "libx264")
        let row = try #require(run([half], frames: 6).first)
        #expect(row.status == .ok, "\(row.reason)")
        #expect(row.field(.writeTimedBy) == "caller")
        #expect(row.reason.contains("fd 3 reported 2 of 6 write times; write_ms is caller-side"))
    }

    @Test func aFailingCheckMakesTheStrategyUnavailableWithItsWordsAndTheHint() throws {
        let missing = ExternalStrategyDeclaration(
            name: "needs-venv", command: "true", check: "echo 'the venv is missing' >&2; exit 1",
            unavailableHint: "run scripts/install-peers.sh")
        let row = try #require(run([missing]).first)
        #expect(row.status == .unavailable)
        #expect(row.reason.contains("the venv is missing"))
        #expect(row.reason.contains("run scripts/install-peers.sh"))
    }

    @Test func aWriterThatExitsEarlyFailsTheRowWithItsOwnWords() throws {
        let quitter = ExternalStrategyDeclaration(name: "quitter", command: "echo 'cannot encode this' >&2; exit 3")
        let row = try #require(run([quitter], frames: 40).first)
        #expect(row.status == .failed)
        #expect(row.reason.contains("cannot encode this"))
    }

    // The limit only guards against a hang: its clock starts before the body gets one of the test pool's threads
    // (two here), and inside the full suite that wait alone measured 95-193 s while the body took 1.4 s. The bound the
    // test pins is timed on the body itself, below.
    @Test(.timeLimit(.minutes(10)))
    func aWriterThatStopsReadingIsKilledAfterItsStallTimeoutInsteadOfHanging() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let stuck = ExternalStrategyDeclaration(name: "stuck", command: "sleep 60", stallTimeoutSeconds: 1)
        var plan = RunPlan(strategies: [ExternalStrategy(stuck)],
                           outputDirectory: NSTemporaryDirectory() + "writerbench-stuck-\(UUID().uuidString.prefix(8))")
        // 640x480 BGR is 900 KiB a frame, more than a pipe holds: the first write blocks.
        plan.sizes = [FrameSize(width: 640, height: 480)]
        plan.frames = 4
        plan.warmUp = false
        plan.repetitions = 1
        plan.ceiling = false
        defer { try? FileManager.default.removeItem(atPath: plan.outputDirectory) }
        let row = try #require(BenchmarkRunner(plan: plan, environment: environment).run().first)
        #expect(row.status == .failed)
        #expect(row.reason.contains("stalled"))
        // Stall timeout 1 s, then the kill's reap bound and the drains' bound (3 s each) at most: far below 20 s.
        #expect(clock.now - start < .seconds(20), "the run took \(clock.now - start)")
    }
}
