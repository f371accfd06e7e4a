import Analysis
import Foundation
import Harness
import Strategies
import Verification

/// Runs the face-mirror pipeline per ``PipelinePlan`` and measures each run.
///
/// Per run: open three writers (right, left, debug) of the strategy; then, batch after batch, read and process
/// `batchSize` source frames into fresh output frames (timed as processing), hand every frame of the batch to its
/// three writers, frame by frame (each `write` timed per output); after the last batch finish all three writers.
/// The **batch-transition delay** of a batch is the wall time from the end of its processing to the return of its
/// last `write`: what the pipeline waits for writers before it can start the next batch. Pipeline fps is frames /
/// total wall time, from opening the writers to the end of finishing them.
///
/// When one writer fails, the pipeline stops handing out frames, aborts that writer, finishes the other two (so
/// what they hold stays playable), verifies what exists and reports ``PipelineError/outputFailed``.
///
/// When the ``Interruption`` is requested, the pipeline stops between two frames, aborts all three writers (killing
/// and reaping any encoder child), drops that run and returns the rows completed before it.
public final class PipelineRunner {
    let plan: PipelinePlan
    private let environment: EnvironmentFingerprint
    private let progress: (PipelineProgress) -> Void
    private let interruption: Interruption?
    private var runIDs: RunIDSequence

    /// Creates a runner; `progress` is called on the running thread.
    public init(plan: PipelinePlan, environment: EnvironmentFingerprint, interruption: Interruption? = nil,
                progress: @escaping (PipelineProgress) -> Void = { _ in }) {
        precondition(plan.batchSize >= 1, "a batch holds at least one frame")
        precondition((0...plan.source.size.width).contains(plan.effectiveMidline), "midline outside the frame")
        self.plan = plan
        self.environment = environment
        self.progress = progress
        self.interruption = interruption
        runIDs = RunIDSequence(environment: environment, prefix: "p")
    }

    /// Runs the baseline (when planned) and every strategy; returns the rows, baseline first, with the baseline's fps
    /// filled into every row.
    public func run() -> [PipelineRecord] {
        try? FileManager.default.createDirectory(atPath: plan.outputDirectory, withIntermediateDirectories: true)
        var records: [PipelineRecord] = []
        var nullFPS: Double?
        var nullSteadyFPS: Double?
        var processingCPUMs: Double?
        if plan.baseline {
            var baseline = measure(NullWriterStrategy(), verify: false)
            if interrupted { return records }
            nullFPS = baseline.pipelineFPS
            nullSteadyFPS = baseline.steadyFPS
            processingCPUMs = baseline.status == .ok ? baseline.processingCPUMsPerFrame : nil
            baseline.nullWriterFPS = nullFPS
            baseline.nullWriterSteadyFPS = nullSteadyFPS
            records.append(baseline)
            progress(.finished(baseline))
        }
        var encodeCPU: [EncoderSettings: [PipelineOutput: Double]?] = [:]
        for strategy in plan.strategies where !interrupted {
            var record: PipelineRecord
            if plan.producerNice > 0 {
                record = PipelineThread.run { self.measure(strategy, verify: self.plan.verify) }
            } else {
                record = measure(strategy, verify: plan.verify)
            }
            // A run that ended after the interruption was stopped by it (or lost its encoder to the same Ctrl-C).
            if interrupted && record.status != .ok { break }
            record.nullWriterFPS = nullFPS
            record.nullWriterSteadyFPS = nullSteadyFPS
            if plan.ceiling, record.status == .ok, let processing = processingCPUMs ?? record.processingCPUMsPerFrame {
                if encodeCPU[strategy.settings] == nil { encodeCPU[strategy.settings] = encoderCeilingCPU(strategy.settings) }
                if let encodes = encodeCPU[strategy.settings] ?? nil {
                    record.ceiling = PipelineCeiling(processingCPUMs: processing, encodeCPUMs: encodes,
                                                     cores: environment.logicalCores)
                }
            }
            records.append(record)
            progress(.finished(record))
        }
        return records
    }

    /// True once the interruption was requested.
    var interrupted: Bool { interruption?.isRequested == true }

    /// One run of the whole pipeline with `strategy`'s writers.
    func measure(_ strategy: any WriterStrategy, verify: Bool) -> PipelineRecord {
        var record = baseRecord(strategy)
        if case .unavailable(let reason) = strategy.availability() {
            record.status = .unavailable
            record.reason = reason
            return record
        }
        progress(.starting(strategy: strategy.name, encoder: strategy.settings.encoder, summary: strategy.summary))
        let size = plan.source.size
        let midline = plan.effectiveMidline
        var results: [PipelineOutput: PipelineOutputResult] = [:]
        for output in PipelineOutput.allCases {
            results[output] = PipelineOutputResult(
                path: "\(plan.outputDirectory)/\(strategy.name)-\(output.rawValue).\(strategy.settings.fileExtension)")
        }
        var samples: [PipelineOutput: [Double]] = [:]
        let expected = plan.source.frameLimit ?? 1024
        for output in PipelineOutput.allCases { samples[output] = []; samples[output]!.reserveCapacity(expected) }
        var writers: [PipelineOutput: any VideoWriter] = [:]
        var failure: (output: PipelineOutput, error: any Error)?
        var sourceError: (any Error)?
        var delays: [Double] = []
        var traces: [PipelineBatchTrace] = []
        var processing = Duration.zero
        var processingCPU: UInt64 = 0
        var threadsMax: Int?
        var frames = 0

        // Touch the output storage before timing: a one-time cost (page faults), reported as warm-up, not throughput.
        // Per output the pool covers the batch being processed plus what a queueing writer may still hold of earlier
        // batches, so that refilling a slot never has to copy.
        let frameBytes = size.width * size.height * 3
        var queueing = strategy.queueCapacity != nil
        var pool = OutputBufferPool(
            capacity: Self.framesHeld(batchSize: plan.batchSize, queue: strategy.queueCapacity, frameBytes: frameBytes)
                * PipelineOutput.allCases.count,
            byteCount: frameBytes)
        let warmupStart = MonotonicClock.now()
        pool.prefill(count: min(pool.capacity, (plan.source.frameLimit ?? pool.capacity) * PipelineOutput.allCases.count))
        record.poolWarmupMs = MonotonicClock.elapsed(from: warmupStart, to: MonotonicClock.now()).milliseconds

        // The pipeline's thread reads its own schedule around each hand-off (see HandOffAccount); the machine's steal
        // is read once at each end of the timed run.
        let schedule = ThreadScheduleProbe()
        let hostAtStart = HostCPUTimes.now()
        let bracket = MeasurementBracket.start()
        for output in PipelineOutput.allCases where failure == nil {
            var configuration = WriterConfiguration(outputPath: results[output]!.path, width: size.width,
                                                    height: size.height, fps: plan.streamFPS)
            configuration.stallTimeout = plan.stallTimeout
            do { writers[output] = try strategy.makeWriter(configuration) } catch { failure = (output, error) }
        }
        record.openMs = bracket.elapsed().milliseconds
        // What was opened decides: a writer may hold more than its strategy announced (`auto`'s choice, or a writer
        // that holds frames without a queue: a batch more); the extra storage is not prefilled.
        if let opened = writers.values.first(where: { $0.holdsFramesAfterWrite }) {
            queueing = true
            let held = Self.framesHeld(batchSize: plan.batchSize,
                                       queue: opened.queueCapacity ?? QueueCapacity(frames: plan.batchSize),
                                       frameBytes: frameBytes) * PipelineOutput.allCases.count
            if held > pool.capacity { pool = OutputBufferPool(capacity: held, byteCount: frameBytes) }
        }
        // After the open, so that the writer and encoder threads keep the normal priority.
        if queueing && plan.producerNice > 0 {
            ThreadNice.lowerCurrentThread(by: plan.producerNice)
            record.handOffLevers.append("producer-nice=\(plan.producerNice)")
        }
        if plan.holdsWakeUpsDuringHandOff { record.handOffLevers.append("hold-wake-ups") }
        var realtimeHandOff = plan.realtimeHandOff && queueing
        if realtimeHandOff {
            switch HandOffPriority.raise() {
            case .success(let raised):
                raised.restore()
                record.handOffLevers.append("realtime")
            case .failure(let refused):
                realtimeHandOff = false
                record.handOffLevers.append("realtime refused: \(refused)")
            }
        }
        var reader: (any PipelineFrameReader)?
        if failure == nil {
            do { reader = try plan.source.openReader() } catch { sourceError = error }
        }
        var batch: [ProcessedFrame] = []
        batch.reserveCapacity(plan.batchSize)
        // What was opened decides: `auto` may have fallen back to a writer without a queue.
        if let opened = writers[PipelineOutput.allCases[0]] { record.queue = opened.queueCapacity?.description ?? "" }
        var throttle = ProgressThrottle(startingAt: bracket.start, interval: plan.progressInterval)
        while let reader, failure == nil, sourceError == nil, !interrupted {
            let processingStart = MonotonicClock.now()
            let cpuStart = ThreadCPUClock.now()
            do {
                while batch.count < plan.batchSize, let source = try reader.next() {
                    batch.append(FaceMirror.process(source, midline: midline, index: frames + batch.count, pool: pool))
                }
            } catch {
                sourceError = error
            }
            let cpuEnd = ThreadCPUClock.now()
            let scheduleBefore = schedule?.read()
            let processed = MonotonicClock.now()
            processing += MonotonicClock.elapsed(from: processingStart, to: processed)
            processingCPU += cpuEnd - cpuStart
            if batch.isEmpty { break }
            // How far behind each writer is at the boundary: one lock per writer, inside the delay (microseconds).
            var queued: [PipelineOutput: Int] = [:]
            for output in PipelineOutput.allCases { queued[output] = writers[output]!.queuedFrames }
            var handOff: [PipelineOutput: Double] = [:]
            var raised: HandOffPriority?
            if realtimeHandOff {
                switch HandOffPriority.raise() {
                case .success(let priority): raised = priority
                case .failure(let refused):
                    // Allowed at the start, refused now (limits changed mid-run): the row says so.
                    realtimeHandOff = false
                    record.handOffLevers.append("realtime refused from batch \(delays.count + 1): \(refused)")
                }
            }
            if plan.holdsWakeUpsDuringHandOff { for writer in writers.values { writer.holdWakeUps(true) } }
            handing: for frame in batch {
                if interrupted { break handing }
                for output in PipelineOutput.allCases {
                    let before = MonotonicClock.now()
                    do {
                        try writers[output]!.write(frame[output])
                    } catch {
                        failure = (output, error)
                        break handing
                    }
                    let took = MonotonicClock.elapsed(from: before, to: MonotonicClock.now()).milliseconds
                    samples[output]!.append(took)
                    handOff[output, default: 0] += took
                    results[output]!.framesHanded += 1
                }
                frames += 1
            }
            // Part of the hand-off, so inside the delay: the writer threads that wait are woken once, now.
            if plan.holdsWakeUpsDuringHandOff { for writer in writers.values { writer.holdWakeUps(false) } }
            let handed = MonotonicClock.now()
            let scheduleAfter = schedule?.read()
            // After the last `write` returned, so outside the delay: back among the normal threads, the pipeline's
            // thread usually gives its core to the encoders at once, as it does anywhere in processing.
            raised?.restore()
            let delay = MonotonicClock.elapsed(from: processed, to: handed).milliseconds
            delays.append(delay)
            var account: HandOffAccount?
            if let scheduleBefore, let scheduleAfter {
                account = HandOffAccount(delayMs: delay, from: scheduleBefore, to: scheduleAfter)
            }
            traces.append(PipelineBatchTrace(
                delayMs: delay, queuedAtBoundary: queued, handOffMs: handOff,
                processingMs: MonotonicClock.elapsed(from: processingStart, to: processed).milliseconds,
                processingCPUMs: Double(cpuEnd - cpuStart) / 1e6,
                boundaryAtMs: bracket.elapsed(until: processed).milliseconds, account: account))
            if let threads = ProcessThreads.count() { threadsMax = max(threadsMax ?? 0, threads) }
            // Only the writers may still hold these frames now; the next batch gets fresh storage.
            batch.removeAll(keepingCapacity: true)
            if throttle.isDue(at: handed) {
                progress(.batch(strategy: strategy.name, batches: delays.count, frames: frames,
                                elapsedSeconds: bracket.elapsed(until: handed).seconds))
            }
        }
        if interrupted {
            for writer in writers.values { writer.abort() }
            record.status = .failed
            record.reason = "interrupted"
            return record
        }
        let finishStart = MonotonicClock.now()
        var others: [String] = []
        for output in PipelineOutput.allCases {
            guard let writer = writers[output] else { continue }
            if failure?.output == output {
                writer.abort()
                continue
            }
            do {
                let report = try writer.finish()
                results[output]!.report = report
                others.append("\(output.rawValue) (\(report.framesWritten) frames)")
            } catch {
                writer.abort()
                if failure == nil { failure = (output, error) } else { others.append("\(output.rawValue) failed too: \(error)") }
            }
        }
        let measured = bracket.stop()
        if let hostAtStart, let hostAtEnd = HostCPUTimes.now() { record.hostStealPercent = hostAtEnd.stealPercent(since: hostAtStart) }
        record.cpu = measured.cpu
        record.peakRSSMB = measured.peakRSSMiB
        writers.removeAll()

        for output in PipelineOutput.allCases {
            results[output]!.write = Distribution(samples[output]!)
        }
        record.frames = frames
        record.batches = delays.count
        record.batchDelays = Distribution(delays)
        record.batchTraces = traces
        record.processThreadsMax = threadsMax
        record.processingCPUMs = frames > 0 ? Double(processingCPU) / 1e6 : nil
        record.processingMsPerFrame = frames > 0 ? processing.milliseconds / Double(frames) : nil
        record.finishMs = MonotonicClock.elapsed(from: finishStart, to: measured.end).milliseconds
        record.totalS = measured.wall.seconds
        record.poolCopies = pool.copies
        if let failure {
            record.status = .failed
            record.failedOutput = failure.output
            let result = results[failure.output]!
            others.removeAll { $0.hasPrefix(failure.output.rawValue + " ") }
            record.reason = PipelineError.outputFailed(output: failure.output, path: result.path,
                                                       framesHanded: result.framesHanded,
                                                       detail: "\(failure.error)", others: others).description
        } else if let sourceError {
            record.status = .failed
            record.reason = "\(sourceError)"
        }
        if verify {
            progress(.verifying(strategy: strategy.name))
            for output in PipelineOutput.allCases {
                let result = results[output]!
                let count = result.report?.framesWritten ?? result.framesHanded
                guard count > 0, FileManager.default.fileExists(atPath: result.path) else { continue }
                results[output]!.verification = self.verify(output, path: result.path, frames: count,
                                                            codec: result.report?.encoderUsed)
            }
        }
        record.outputs = results
        return record
    }

    /// Frames of one output alive at once: the batch being processed, plus, for a writer with a `queue`, as many
    /// earlier frames as that queue admits (its frame bound, or its byte bound in frames of `frameBytes`).
    static func framesHeld(batchSize: Int, queue: QueueCapacity?, frameBytes: Int) -> Int {
        guard let queue else { return batchSize }
        return batchSize + min(queue.frames, max(1, queue.bytes / max(1, frameBytes)))
    }

    /// Verifies one output against the processed frames regenerated from the source.
    private func verify(_ output: PipelineOutput, path: String, frames: Int, codec: String?) -> VerificationSummary {
        let source = plan.source.sourceFrames()
        let midline = plan.effectiveMidline
        let verifier = OutputVerifier(frameCount: frames, framesPerSecond: Double(plan.streamFPS),
                                      size: plan.source.size, codec: codec?.isEmpty == false ? codec : nil,
                                      qualityStride: plan.verifyStride) { index in
            FaceMirror.render(output, from: source(index), midline: midline, index: index)
        }
        return VerificationSummary(verifier.verify(path: path))
    }

    private func baseRecord(_ strategy: any WriterStrategy) -> PipelineRecord {
        var record = PipelineRecord(environment: environment)
        record.runID = runIDs.next()
        record.strategy = strategy.name
        record.encoder = strategy.settings.encoder
        record.queue = strategy.queueCapacity?.description ?? ""
        record.frameset = plan.source.frameSetName ?? ""
        record.input = plan.source.inputPath ?? ""
        record.width = plan.source.size.width
        record.height = plan.source.size.height
        record.frames = plan.source.frameLimit ?? 0
        record.ringSize = plan.source.ringSize
        record.streamFPS = plan.streamFPS
        record.midline = plan.effectiveMidline
        record.batchSize = plan.batchSize
        return record
    }
}
