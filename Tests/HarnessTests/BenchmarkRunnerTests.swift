import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Strategies
import Testing
import TestSupport
import Verification

@Suite struct BenchmarkRunnerTests {
    let environment = EnvironmentFingerprint(
        timestamp: "2026-11-25T12:00:00Z", gitRevision: "abc1234", host: "ci", cpuModel: "Test CPU",
        logicalCores: 2, os: "Linux", libavVersion: "5.1", ffmpegVersion: "5.1", opencvVersion: "4.6.0")

    func plan(_ strategies: [any WriterStrategy], frames: Int = 8) -> RunPlan {
        var plan = RunPlan(strategies: strategies,
                           outputDirectory: TestTemporaryDirectory.root + "/runner-\(UUID().uuidString.prefix(8))")
        plan.sizes = [FrameSize(width: 160, height: 120)]
        plan.frames = frames
        plan.warmUp = false
        plan.repetitions = 2
        return plan
    }

    @Test func everyRowOfAnOkRunHasItsTimingsAndACeilingRatio() throws {
        let records = BenchmarkRunner(plan: plan([LibAVStrategy()]), environment: environment,
                                      verifier: RunVerifier()).run()
        let ceiling = records.filter { $0.strategy == EncoderCeilingStrategy.strategyName }
        let libav = records.filter { $0.strategy == "libav" }
        #expect(ceiling.count == 2)
        #expect(libav.count == 2)
        for row in libav {
            #expect(row.status == .ok)
            #expect(row.write?.count == 8)
            #expect(row.writeSamplesMs.count == 8)
            #expect(row.openMs != nil && row.finishMs != nil && row.totalS != nil && row.fps != nil)
            #expect(row.ceilingRatio != nil)
            #expect(row.verification?.valid == true)
            #expect(row.verification?.framesDecoded == 8)
        }
        for row in ceiling {
            #expect(row.verification == nil)
            #expect(row.bytes == nil)
            #expect(row.pace == .max)
        }
    }

    @Test func ceilingRunsAtFullSpeedEvenWhenThePlanIsPaced() throws {
        var paced = plan([LibAVStrategy()], frames: 4)
        paced.pace = .fixed(fps: 20)
        paced.repetitions = 1
        let records = BenchmarkRunner(plan: paced, environment: environment).run()
        #expect(records.first { $0.strategy == EncoderCeilingStrategy.strategyName }?.field(.paceFPS) == "")
        #expect(records.first { $0.strategy == "libav" }?.field(.paceFPS) == "20")
    }

    @Test func unavailableStrategyGetsARowWithItsReasonAndTheOthersStillRun() throws {
        let missing = FFmpegPipeStrategy(ffmpegPath: "/nonexistent/ffmpeg")
        var noCeiling = plan([missing, LibAVStrategy()])
        noCeiling.ceiling = false
        let records = BenchmarkRunner(plan: noCeiling, environment: environment).run()
        let unavailable = try #require(records.first { $0.strategy == "ffmpeg-pipe" })
        #expect(unavailable.status == .unavailable)
        #expect(unavailable.reason.contains("ffmpeg not found"))
        #expect(records.filter { $0.strategy == "libav" && $0.status == .ok }.count == 2)
        #expect(!records.contains { $0.strategy == EncoderCeilingStrategy.strategyName })
    }

    @Test func failingStrategyGetsAFailedRowWithTheEncodersWords() throws {
        let directory = try makeTemporaryDirectory()
        let fake = directory + "/ffmpeg"
        try writeExecutableScript("#!/bin/sh\nhead -c 1000 >/dev/null\necho 'encoder gave up' >&2\nexit 1\n", to: fake)
        var failing = plan([FFmpegPipeStrategy(ffmpegPath: fake)], frames: 30)
        failing.ceiling = false
        failing.sizes = [FrameSize(width: 320, height: 240)]
        let records = BenchmarkRunner(plan: failing, environment: environment).run()
        #expect(records.count == 2)
        for row in records {
            #expect(row.status == .failed)
            #expect(row.reason.contains("encoder gave up"))
            #expect(row.write == nil)
        }
    }

    @Test func anAutoRowCarriesTheQueueColumnAndDepthSamplesOfTheWriterItChose() throws {
        let eight = QueueCapacity(frames: 8)
        let libavAsync = AsyncStrategy(wrapping: LibAVStrategy(), name: "libav-async", capacity: eight)
        var plan = plan([libavAsync, AutoStrategy(candidates: [libavAsync]), LibAVStrategy()], frames: 6)
        plan.ceiling = false
        plan.repetitions = 1
        let records = BenchmarkRunner(plan: plan, environment: environment).run()
        let async = try #require(records.first { $0.strategy == "libav-async" })
        let auto = try #require(records.first { $0.strategy == AutoStrategy.strategyName })
        let sync = try #require(records.first { $0.strategy == "libav" })
        for row in [async, auto] {
            #expect(row.status == .ok, "\(row.reason)")
            #expect(row.queue == "8 frames", "\(row.strategy)")
            #expect(row.field(.queue) == "8 frames", "\(row.strategy)")
            #expect(row.queueDepths?.count == 6, "\(row.strategy)")
            #expect(row.queueHighWaterFrames != nil, "\(row.strategy)")
        }
        #expect(sync.queue.isEmpty && sync.queueDepths == nil)
    }

    @Test func theDebugDelayKeepsTheWrappedWritersQueueVisible() throws {
        var delayed = plan([AsyncStrategy(wrapping: LibAVStrategy(), capacity: QueueCapacity(frames: 4))], frames: 4)
        delayed.ceiling = false
        delayed.repetitions = 1
        delayed.debugWriteDelayMicroseconds = 100
        let row = try #require(BenchmarkRunner(plan: delayed, environment: environment).run().first)
        #expect(row.status == .ok, "\(row.reason)")
        #expect(row.queue == "4 frames" && row.queueDepths?.count == 4)
    }

    @Test func theNullRowComesFirstWithEveryFrameWrittenAndNothingVerified() throws {
        var withNull = plan([LibAVStrategy()], frames: 6)
        withNull.nullBaseline = true
        withNull.pace = .fixed(fps: 200)
        let records = BenchmarkRunner(plan: withNull, environment: environment, verifier: RunVerifier()).run()
        #expect(records.map(\.strategy) == ["null", "null", "encoder-ceiling", "encoder-ceiling", "libav", "libav"])
        for row in records.filter({ $0.strategy == NullWriterStrategy.strategyName }) {
            #expect(row.status == .ok, "\(row.reason)")
            #expect(row.frames == 6 && row.write?.count == 6 && row.writeSamplesMs.count == 6)
            #expect(row.pace == .max)
            #expect(row.verification == nil && row.bytes == nil && row.ceilingRatio == nil)
            #expect(row.encoder == "null")
        }
    }

    @Test func noNullRowUnlessThePlanAsksForIt() {
        var plain = plan([LibAVStrategy()], frames: 2)
        plain.ceiling = false
        plain.repetitions = 1
        #expect(BenchmarkRunner(plan: plain, environment: environment).run().map(\.strategy) == ["libav"])
    }

    /// A 3-frame ring written 10 times over: output frame i shows ring slot i mod 3, and verification compares it
    /// with that slot (with frame-set frame i instead, frames 3…9 would not match: camera frames all differ).
    @Test func verificationComparesEachOutputFrameWithItsRingSlot() throws {
        let size = FrameSize(width: 160, height: 120)
        var ringed = plan([LibAVStrategy()], frames: 10)
        ringed.ceiling = false
        ringed.repetitions = 1
        ringed.memoryBudgetBytes = 3 * size.width * size.height * 3
        let row = try #require(BenchmarkRunner(plan: ringed, environment: environment, verifier: RunVerifier()).run().first)
        #expect(row.ringSize == 3)
        #expect(row.verification?.valid == true, "\(row.verification?.invalidReason ?? "")")
        #expect(row.verification?.framesDecoded == 10)
        let output = try #require(try FileManager.default.contentsOfDirectory(atPath: ringed.outputDirectory).first)
        let path = ringed.outputDirectory + "/" + output
        let ring = FrameRing(frameSet: .camera, size: size, frameCount: 10, budgetBytes: ringed.memoryBudgetBytes)
        #expect((0..<10).map(ring.sourceIndex(of:)) == [0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
        let byRing = OutputVerifier(frameCount: 10, framesPerSecond: 30, size: size) { ring[$0] }.verify(path: path)
        #expect(byRing.frameQualities.count == 10)
        #expect(byRing.frameQualities.allSatisfy { $0.psnrLuma > 25 }, "\(byRing.frameQualities.map(\.psnrLuma))")
        let bySet = OutputVerifier(frameSet: .camera, size: size, frameCount: 10, ringSize: 3, framesPerSecond: 30)
            .verify(path: path)
        #expect(bySet.frameQualities == byRing.frameQualities)
        let unringed = OutputVerifier(frameCount: 10, framesPerSecond: 30, size: size) {
            FrameSet.camera.frame($0, size: size)
        }.verify(path: path)
        #expect(Array(unringed.frameQualities[..<3]) == Array(byRing.frameQualities[..<3]))
        for index in 3..<10 {
            #expect(unringed.frameQualities[index].psnrLuma < byRing.frameQualities[index].psnrLuma - 3, "frame \(index)")
        }
    }

    @Test func runIDsCountUpWithinOneRunnerStampedWithTheTimestamp() {
        var noCeiling = plan([LibAVStrategy()], frames: 2)
        noCeiling.ceiling = false
        let records = BenchmarkRunner(plan: noCeiling, environment: environment).run()
        #expect(records.map(\.runID) == ["20261125120000-\(getpid())-1", "20261125120000-\(getpid())-2"])
    }
}
