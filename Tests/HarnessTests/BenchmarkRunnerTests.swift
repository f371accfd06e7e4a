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

    @Test func runIDsCountUpWithinOneRunnerStampedWithTheTimestamp() {
        var noCeiling = plan([LibAVStrategy()], frames: 2)
        noCeiling.ceiling = false
        let records = BenchmarkRunner(plan: noCeiling, environment: environment).run()
        #expect(records.map(\.runID) == ["20261125120000-\(getpid())-1", "20261125120000-\(getpid())-2"])
    }
}
