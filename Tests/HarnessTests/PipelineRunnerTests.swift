import Analysis
@testable import FaceMirror
import Foundation
@testable import Harness
import Strategies
import Testing
import TestSupport
import Verification

/// The pipeline end to end at small sizes: outputs, baseline, --input, and one output failing.
@Suite struct PipelineRunnerTests {
    static let environment = EnvironmentFingerprint(
        timestamp: "2026-11-25T12:00:00Z", gitRevision: "abc1234", host: "test", cpuModel: "Test CPU",
        logicalCores: 2, os: "Linux", libavVersion: "", ffmpegVersion: "", opencvVersion: "")
    static let libav = LibAVStrategy()
    static let canEncode = libav.availability().isAvailable

    func plan(_ strategies: [any WriterStrategy], source: PipelineSource, batch: Int, in directory: URL) -> PipelinePlan {
        var plan = PipelinePlan(strategies: strategies, source: source, outputDirectory: directory.path)
        plan.batchSize = batch
        plan.verifyStride = 1
        return plan
    }

    @Test(.enabled(if: canEncode))
    func threeOutputsAreValidWithEveryFrameAndTheBaselineFillsTheOverhead() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 12)
        let records = PipelineRunner(plan: plan([AsyncStrategy(wrapping: Self.libav)], source: source, batch: 5,
                                                in: directory), environment: Self.environment).run()
        #expect(records.map(\.strategy) == ["null", "libav-async"])
        let baseline = records[0], record = records[1]
        #expect(baseline.status == .ok && baseline.pipelineFPS != nil)
        #expect(record.status == .ok, "\(record.reason)")
        #expect(record.frames == 12 && record.batches == 3 && record.batchDelays?.count == 3)
        for output in PipelineOutput.allCases {
            let result = try #require(record.outputs[output])
            #expect(result.report?.framesWritten == 12)
            #expect(result.report?.encoderUsed == "h264" || result.report?.encoderUsed == "libx264")
            #expect(result.verification?.valid == true, "\(output): \(result.verification?.invalidReason ?? "")")
            #expect(result.verification?.framesDecoded == 12)
            // The debug view's 2-pixel green midline and digits lose chroma to 4:2:0 at this tiny size.
            #expect((result.verification?.psnrMean ?? 0) > (output == .debug ? 20 : 30), "\(output)")
            #expect(result.write?.count == 12)
            #expect(FileManager.default.fileExists(atPath: directory.path + "/libav-async-\(output.rawValue).mp4"))
        }
        #expect(record.nullWriterFPS == baseline.pipelineFPS)
        #expect(!record.field(.nullWriterFPS).isEmpty && !record.field(.writerOverheadPct).isEmpty)
        #expect(!record.field(.pipelineFPS).isEmpty && record.field(.valid) == "true")
        #expect(!record.field(.batchDelayMsMax).isEmpty && !record.field(.writeMsP99Debug).isEmpty)
        #expect(baseline.field(.valid).isEmpty && baseline.field(.writerOverheadPct) == "0.0")
        let csv = CSVFormat.line(PipelineColumn.header) + "\n"
            + records.map { CSVFormat.line($0.csvFields) }.joined(separator: "\n") + "\n"
        let table = try ResultsTable(text: csv)
        #expect(table.rows.count == 2 && table.rows[1]["encoder_used_left"] == record.field(.encoderUsedLeft))
        // One trace per batch, the warm-up apart from the steady state, and the ceiling measured in the same run.
        #expect(record.batchTraces.count == 3 && record.field(.batchDelaysMs).split(separator: ";").count == 3)
        #expect(record.field(.boundaryQueues).split(separator: ";").allSatisfy { $0.split(separator: "/").count == 3 })
        #expect(record.worstBatch != nil && !record.field(.batchDelayWorstOutput).isEmpty)
        #expect((record.processThreadsMax ?? 0) > 1, "the writer threads are counted")
        // Every hand-off says where its time went, read on the pipeline's own thread, and the host's steal is read.
        #expect(record.batchTraces.allSatisfy { $0.account?.delayMs == $0.delayMs })
        #expect(record.field(.batchHandOffs).split(separator: ";").count == 3 && !record.field(.batchDelayWorstCPUMs).isEmpty)
        #expect(record.batchDelayExcludingStealMax.map { $0 <= (record.batchDelays?.max ?? -1) } == true)
        #expect(record.hostStealPercent != nil)
        // Steady state is timed between boundaries; with 64x48 frames those are microseconds apart, so only its
        // inputs are checked here (its arithmetic: PipelineSteadyStateTests).
        let boundaries = record.batchTraces.compactMap(\.boundaryAtMs)
        #expect(boundaries.count == 3 && boundaries == boundaries.sorted() && (boundaries.first ?? -1) >= (record.openMs ?? .infinity))
        #expect(record.poolWarmupMs != nil && record.openMs != nil && record.steadyFPS != nil)
        #expect(record.nullWriterSteadyFPS == baseline.steadyFPS && (baseline.processingCPUMsPerFrame ?? 0) > 0)
        let ceiling = try #require(record.ceiling)
        #expect(ceiling.cores == 2 && ceiling.encodeCPUMs.count == 3 && ceiling.processingCPUMs > 0)
        #expect(record.ceilingRatio != nil && !record.field(.pipelineCeilingFPS).isEmpty)
        #expect(baseline.ceiling == nil, "the baseline writes nothing, so it has no ceiling")
    }

    @Test func everyBatchLeavesATraceOfItsBoundary() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 10)
        var plan = plan([], source: source, batch: 4, in: directory)
        plan.verify = false
        let baseline = try #require(PipelineRunner(plan: plan, environment: Self.environment).run().first)
        #expect(baseline.batchTraces.map { $0.queuedAtBoundary.values.reduce(0, +) } == [0, 0, 0], "no queue, nothing waits")
        #expect(Distribution(baseline.batchTraces.map(\.delayMs)) == baseline.batchDelays)
        #expect(baseline.field(.batchDelayWorstBatch).isEmpty == false && baseline.field(.boundaryQueueMaxLeft) == "0")
        #expect(baseline.batchTraces.allSatisfy { $0.processingCPUMs <= $0.processingMs + 1 })
    }

    @Test func aNicedRunEndsWithItsOwnThreadAndLeavesTheCallerAlone() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 8)
        var plan = plan([BatchHoldingStrategy(heldFrames: 4, claimsQueue: true)], source: source, batch: 4, in: directory)
        plan.baseline = false
        plan.verify = false
        plan.producerNice = 5
        let before = Self.niceOfThisThread()
        let records = PipelineRunner(plan: plan, environment: Self.environment).run()
        #expect(records.map(\.status) == [.ok] && records.first?.frames == 8)
        #expect(before != nil && Self.niceOfThisThread() == before)
    }

    /// Field 19 of /proc/thread-self/stat: the calling thread's nice value.
    static func niceOfThisThread() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        return fields.count > 16 ? Int(fields[16]) : nil
    }

    @Test(.enabled(if: canEncode && TestVideo.ffmpeg != nil))
    func aVideoFileInputIsDecodedProcessedAndVerifiedAgainstItself() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = FrameSize(width: 96, height: 64)
        let input = try TestVideo.encode(.talkingHead, size: size, indices: 0..<10, in: directory, name: "face.mp4",
                                         options: TestVideo.h264Options(matrix: .bt709, tag: .bt709, crf: 10))
        let source = try PipelineSource.video(path: input)
        #expect(source.size == size && source.frameLimit == nil && source.inputPath == input)
        var plan = plan([Self.libav], source: source, batch: 4, in: directory)
        plan.midline = 40
        let records = PipelineRunner(plan: plan, environment: Self.environment).run()
        let record = records[1]
        #expect(record.status == .ok, "\(record.reason)")
        #expect(record.frames == 10 && record.batches == 3 && record.midline == 40 && record.input == input)
        for output in PipelineOutput.allCases {
            let verification = try #require(record.outputs[output]?.verification)
            #expect(verification.valid, "\(output): \(verification.invalidReason)")
            #expect(verification.framesDecoded == 10)
            #expect((verification.psnrMean ?? 0) > (output == .debug ? 20 : 30),
                    "\(output) against the re-decoded, re-processed input")
        }
    }

    @Test func anUnreadableInputIsReportedWithItsPath() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.path + "/not-a-video.mp4"
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try PipelineSource.video(path: path)
        } throws: { error in
            guard case PipelineError.unreadableInput(let reported, _)? = error as? PipelineError else { return false }
            return reported == path
        }
    }

    @Test(.enabled(if: canEncode))
    func whenOneOutputsEncoderDiesThePipelineStopsNamesItAndFinishesTheOthers() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = FrameSize(width: 160, height: 120)
        let frameBytes = size.width * size.height * 3
        let fake = try FakeEncoder.install(in: directory.path, bytesBeforeDying: 3 * frameBytes)
        let strategy = OneDyingOutputStrategy(dying: .left, fakeFFmpeg: fake)
        let source = PipelineSource.frameSet(.talkingHead, size: size, frames: 60)
        let records = PipelineRunner(plan: plan([strategy], source: source, batch: 10, in: directory),
                                     environment: Self.environment).run()
        let record = records[1]
        #expect(record.status == .failed)
        #expect(record.failedOutput == .left)
        #expect(record.reason.contains("output 'left'") && record.reason.contains("out of disk space"), "\(record.reason)")
        #expect(record.frames < 60, "the pipeline stopped early")
        for output in [PipelineOutput.right, .debug] {
            let result = try #require(record.outputs[output])
            let report = try #require(result.report, "\(output) was finished")
            #expect(report.framesWritten == result.framesHanded && report.framesWritten >= record.frames)
            let verification = try #require(result.verification)
            #expect(verification.valid, "\(output) stays playable: \(verification.invalidReason)")
            #expect(verification.framesDecoded == report.framesWritten)
        }
        #expect(record.outputs[.left]?.report == nil)
        #expect(record.field(.valid) == "false" || record.field(.valid).isEmpty)
        let outcomes = PipelineCriteria.judge(record, reference: nil)
        #expect(outcomes[.processingRate] == .fail && outcomes[.duration] == .fail)
    }

    @Test func autoSizesItsBufferPoolLikeTheQueueingWriterItChose() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 12)
        let holding = BatchHoldingStrategy(heldFrames: 4, claimsQueue: true)
        var plan = plan([AutoStrategy(candidates: [holding]),
                         BatchHoldingStrategy(heldFrames: 4, claimsQueue: false)], source: source, batch: 4,
                        in: directory)
        plan.baseline = false
        plan.verify = false
        let records = PipelineRunner(plan: plan, environment: Self.environment).run()
        #expect(records.map(\.status) == [.ok, .ok])
        let auto = records[0], unqueued = records[1]
        #expect(auto.strategy == AutoStrategy.strategyName)
        #expect(auto.poolCopies == 0, "two batches of storage: the writers only hold the previous batch")
        #expect(auto.queue == "4 frames" && auto.field(.queue) == "4 frames")
        #expect((unqueued.poolCopies ?? 0) > 0, "a writer that hides its queue gets one batch of storage and forces copies")
        #expect(unqueued.queue.isEmpty)
    }

    @Test func theBufferPoolCoversAQueueLongerThanOneBatch() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 16)
        var plan = plan([BatchHoldingStrategy(heldFrames: 6, claimsQueue: true)], source: source, batch: 4, in: directory)
        plan.baseline = false
        plan.verify = false
        let records = PipelineRunner(plan: plan, environment: Self.environment).run()
        #expect(records.map(\.status) == [.ok])
        #expect(records.first?.poolCopies == 0, "a batch of 4 being processed plus 6 queued: 10 frames per output")
        #expect(PipelineRunner.framesHeld(batchSize: 4, queue: QueueCapacity(frames: 6), frameBytes: 100) == 10)
        #expect(PipelineRunner.framesHeld(batchSize: 4, queue: QueueCapacity(frames: 64, bytes: 300), frameBytes: 100) == 7)
        #expect(PipelineRunner.framesHeld(batchSize: 4, queue: nil, frameBytes: 100) == 4)
    }

    @Test func aRealtimeHandOffIsAppliedToQueueingWritersOnlyAndSaysSoInItsRow() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 8)
        var plan = plan([BatchHoldingStrategy(heldFrames: 4, claimsQueue: true), NullWriterStrategy()], source: source,
                        batch: 4, in: directory)
        plan.baseline = false
        plan.verify = false
        plan.realtimeHandOff = true
        plan.holdsWakeUpsDuringHandOff = true
        let policyBefore = sched_getscheduler(0)
        let records = PipelineRunner(plan: plan, environment: Self.environment).run()
        #expect(records.map(\.status) == [.ok, .ok])
        if let refusal = PipelinePlan.realtimeHandOffRefusal {
            #expect(records[0].field(.handOff) == "hold-wake-ups;realtime refused: \(refusal)")
        } else {
            #expect(records[0].field(.handOff) == "hold-wake-ups;realtime")
        }
        #expect(records[1].field(.handOff) == "hold-wake-ups", "a synchronous writer encodes in its hand-off: not raised")
        #expect(sched_getscheduler(0) == policyBefore, "the thread's scheduling policy is restored after every hand-off")
    }

    @Test func runIDsArePrefixedForThePipeline() {
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 2)
        var plan = PipelinePlan(strategies: [NullWriterStrategy()], source: source,
                                outputDirectory: TestTemporaryDirectory.root + "/ids-\(UUID().uuidString.prefix(8))")
        plan.verify = false
        let records = PipelineRunner(plan: plan, environment: Self.environment).run()
        #expect(records.map(\.runID) == ["p20261125120000-\(getpid())-1", "p20261125120000-\(getpid())-2"])
    }

    @Test func pipelineWritersGetAQueueOfOneAndAHalfBatchesUnlessOneIsRequested() {
        let hd = FrameSize(width: 1920, height: 1080)
        #expect(PipelinePlan.writerQueueCapacity(batchSize: 10, frameSize: FrameSize(width: 64, height: 48))
                == QueueCapacity.default)
        let big = PipelinePlan.writerQueueCapacity(batchSize: 100, frameSize: hd)
        #expect(big.frames == 150 && big.bytes == 150 * hd.width * hd.height * 3)
        #expect(PipelinePlan.writerQueueCapacity(batchSize: 1, frameSize: hd).frames == QueueCapacity.default.frames)
        #expect(PipelinePlan.writerQueueCapacity(batchSize: 100, frameSize: hd, requested: QueueCapacity(frames: 3))
                == QueueCapacity(frames: 3))
    }
}

/// Writers that keep references to the last `heldFrames` frames they were given, as a queue in front of an encoder
/// would; `claimsQueue` decides whether they say so through ``VideoWriter/queueCapacity``.
struct BatchHoldingStrategy: WriterStrategy {
    let heldFrames: Int
    let claimsQueue: Bool
    var name: String { claimsQueue ? "holding" : "holding-unclaimed" }
    let settings = EncoderSettings(encoder: "holding", preset: "", crf: 0, container: "null")
    let colorPolicy = ColorPolicy.bt709Limited
    let summary = "keeps the last frames it was given"
    var queueCapacity: QueueCapacity? { claimsQueue ? QueueCapacity(frames: heldFrames) : nil }
    func availability() -> Availability { .available }
    func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        BatchHoldingWriter(heldFrames: heldFrames, capacity: claimsQueue ? QueueCapacity(frames: heldFrames) : nil)
    }
}

final class BatchHoldingWriter: VideoWriter {
    private let heldFrames: Int
    private var held: [Frame] = []
    private var written = 0
    let queueCapacity: QueueCapacity?

    init(heldFrames: Int, capacity: QueueCapacity?) {
        self.heldFrames = heldFrames
        self.queueCapacity = capacity
    }

    var queuedFrames: Int { held.count }

    func write(_ frame: Frame) throws {
        held.append(frame)
        if held.count > heldFrames { held.removeFirst() }
        written += 1
    }

    func finish() throws -> WriterReport {
        held.removeAll()
        return WriterReport(bytesWritten: 0, encoderUsed: "holding", framesWritten: written)
    }

    func abort() { held.removeAll() }
}

struct OneDyingOutputStrategy: WriterStrategy {
    let dying: PipelineOutput
    let fakeFFmpeg: String
    let name = "one-dying"
    let settings = EncoderSettings.default
    let colorPolicy = ColorPolicy.bt709Limited
    var summary: String { "test: libav, with one output piped into a dying fake ffmpeg" }
    func availability() -> Availability { .available }
    func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if configuration.outputPath.hasSuffix("-\(dying.rawValue).mp4") {
            // A small pipe buffer makes the death show up as a failed write, not only at finish.
            return try FFmpegPipeStrategy(ffmpegPath: fakeFFmpeg, pipeBufferBytes: 64 << 10).makeWriter(configuration)
        }
        return try LibAVStrategy().makeWriter(configuration)
    }
}

