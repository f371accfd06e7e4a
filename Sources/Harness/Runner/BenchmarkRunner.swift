import Analysis
import Foundation
import Strategies

/// Runs a ``RunPlan`` and measures every run: open, every write, finish, CPU, memory, output size.
///
/// Frames are generated before timing starts and never timed. Each write is timed on its own with the monotonic
/// clock (the caller-blocking time a real pipeline sees). A strategy that is unavailable or fails produces a row
/// saying why, and the plan goes on.
public final class BenchmarkRunner {
    private let plan: RunPlan
    private let environment: EnvironmentFingerprint
    private let verifier: (any OutputVerifying)?
    private let progress: (RunProgress) -> Void
    private var runIDs: RunIDSequence

    /// Creates a runner. `verifier` checks each output after it is written (nil: no verification);
    /// `progress` is called on the running thread.
    public init(plan: RunPlan, environment: EnvironmentFingerprint, verifier: (any OutputVerifying)? = nil,
                progress: @escaping (RunProgress) -> Void = { _ in }) {
        self.plan = plan
        self.environment = environment
        self.verifier = verifier
        self.progress = progress
        runIDs = RunIDSequence(environment: environment)
    }

    /// Runs the whole plan and returns its rows (also reported one by one through `progress`).
    ///
    /// Per frame set × size, the encoder ceilings run first (one per distinct encoder settings among the available
    /// strategies), so that every later row's `ceiling_ratio` is known when it is reported.
    public func run() -> [RunRecord] {
        var records: [RunRecord] = []
        try? FileManager.default.createDirectory(atPath: plan.outputDirectory, withIntermediateDirectories: true)
        for frameSet in plan.frameSets {
            for size in plan.sizes {
                var ring: FrameRing?
                func frames() -> FrameRing {
                    if let ring { return ring }
                    progress(.generating(frameSet: frameSet, size: size, frames: plan.frames))
                    let made = FrameRing(frameSet: frameSet, size: size, frameCount: plan.frames,
                                         budgetBytes: plan.memoryBudgetBytes)
                    ring = made
                    return made
                }
                var available: [any WriterStrategy] = []
                for strategy in plan.strategies {
                    if case .unavailable(let reason) = strategy.availability() {
                        report(unavailableRecord(strategy, frameSet: frameSet, size: size, reason: reason), into: &records)
                    } else {
                        available.append(strategy)
                    }
                }
                var ceilingFPS: [EncoderSettings: Double] = [:]
                if plan.ceiling {
                    var seen = Set<EncoderSettings>()
                    for settings in available.filter({ !$0.isReference }).map(\.settings) where seen.insert(settings).inserted {
                        let ceiling = EncoderCeilingStrategy(settings: settings)
                        if case .unavailable(let reason) = ceiling.availability() {
                            report(unavailableRecord(ceiling, frameSet: frameSet, size: size, reason: reason), into: &records)
                            continue
                        }
                        let rows = repetitions(of: ceiling, ring: frames())
                        ceilingFPS[settings] = Distribution(rows.compactMap(\.fps)).median
                        for var row in rows {
                            row.ceilingRatio = ratio(row.fps, ceilingFPS[settings])
                            report(row, into: &records)
                        }
                    }
                }
                for strategy in available {
                    for var row in repetitions(of: strategy, ring: frames()) {
                        row.ceilingRatio = ratio(row.fps, ceilingFPS[strategy.settings])
                        report(row, into: &records)
                    }
                }
            }
        }
        return records
    }

    /// The warm-up (unless switched off) and the recorded repetitions of one strategy on one ring.
    private func repetitions(of strategy: any WriterStrategy, ring: FrameRing) -> [RunRecord] {
        if plan.warmUp {
            _ = measure(strategy, ring: ring, frames: plan.warmUpFrames, repetition: -1)
        }
        return (0..<plan.repetitions).map { measure(strategy, ring: ring, frames: plan.frames, repetition: $0) }
    }

    private func report(_ record: RunRecord, into records: inout [RunRecord]) {
        records.append(record)
        progress(.finished(record))
    }

    private func ratio(_ fps: Double?, _ ceiling: Double?) -> Double? {
        guard let fps, let ceiling, ceiling > 0 else { return nil }
        return fps / ceiling
    }

    /// One run: open, write `frames` frames from `ring` at the plan's pace, finish; verify afterwards.
    /// `repetition` -1 is a warm-up: its output is deleted and nothing is verified.
    func measure(_ strategy: any WriterStrategy, ring: FrameRing, frames: Int, repetition: Int) -> RunRecord {
        let warmUp = repetition < 0
        var record = baseRecord(strategy, frameSet: ring.frameSet, size: ring.size)
        record.repeatIndex = max(0, repetition)
        record.frames = frames
        record.ringSize = ring.ringSize
        let path = outputPath(strategy, ring: ring, repetition: repetition)
        var configuration = WriterConfiguration(outputPath: path, width: ring.size.width, height: ring.size.height,
                                                fps: plan.streamFPS)
        configuration.expectedFrames = frames
        var samples = [Double](repeating: 0, count: frames)
        var depths: [Int]?
        let pace = strategy.isReference ? Pace.max : plan.pace
        var pacer = FramePacer(pace: pace)

        let bracket = MeasurementBracket.start()
        var writer: (any VideoWriter)?
        var writeStart: UInt64 = 0
        var finishStart: UInt64 = 0
        var report: WriterReport?
        do {
            var opened = try strategy.makeWriter(configuration)
            if plan.debugWriteDelayMicroseconds > 0 && !strategy.isReference {
                opened = DelayedWriter(wrapping: opened, delayMicroseconds: plan.debugWriteDelayMicroseconds)
            }
            writer = opened
            // What was opened decides: `auto` may have fallen back to a writer without a queue.
            record.queue = opened.queueCapacity?.description ?? ""
            let sampleDepths = opened.queueCapacity != nil
            if sampleDepths { depths = [Int](repeating: 0, count: frames) }
            writeStart = MonotonicClock.now()
            var throttle = ProgressThrottle(startingAt: writeStart)
            pacer.begin()
            for index in 0..<frames {
                pacer.waitForFrame(index)
                let frame = ring[index]
                let before = MonotonicClock.now()
                try opened.write(frame)
                let after = MonotonicClock.now()
                samples[index] = MonotonicClock.elapsed(from: before, to: after).milliseconds
                if sampleDepths { depths?[index] = opened.queuedFrames }
                if throttle.isDue(at: after) {
                    progress(.writing(strategy: strategy.name, frameSet: ring.frameSet, size: ring.size,
                                      repetition: repetition, framesDone: index + 1, frames: frames,
                                      elapsedSeconds: bracket.elapsed(until: after).seconds, warmUp: warmUp))
                }
            }
            finishStart = MonotonicClock.now()
            report = try opened.finish()
        } catch {
            writer?.abort()
            record.status = .failed
            record.reason = String(describing: error)
            if warmUp { try? FileManager.default.removeItem(atPath: path) }
            return record
        }
        let measured = bracket.stop()
        record.peakRSSMB = measured.peakRSSMiB
        record.cpu = measured.cpu
        record.openMs = bracket.elapsed(until: writeStart).milliseconds
        record.write = Distribution(samples)
        record.writeSamplesMs = samples
        record.queueDepths = depths
        record.finishMs = MonotonicClock.elapsed(from: finishStart, to: measured.end).milliseconds
        record.totalS = measured.wall.seconds
        record.fps = Double(frames) / measured.wall.seconds
        if case .fixed = pace {
            record.lateFrames = pacer.lateFrames
            record.latenessMsMax = pacer.maxLatenessMs
        }
        if let report {
            record.bytes = strategy.isReference ? nil : report.bytesWritten
            record.encoderUsed = report.encoderUsed
            record.setQueueStatistics(report.queue)
            record.reason = strategy.isReference ? strategy.summary : report.notes.joined(separator: "; ")
            record.peerVersion = report.writerVersion
            // An external writer's own times are what its callers suffer; the pipe's stay in their own columns.
            if let writerTimes = report.writerTimedWritesMs, writerTimes.count == frames {
                record.pipeWrite = record.write
                record.pipeWriteSamplesMs = samples
                record.write = Distribution(writerTimes)
                record.writeSamplesMs = writerTimes
            }
        }
        if warmUp || strategy.isReference {
            try? FileManager.default.removeItem(atPath: path)
        } else if let verifier {
            progress(.verifying(strategy: strategy.name))
            record.verification = verifier.verify(path: path, ring: ring, frames: frames, fps: plan.streamFPS,
                                                  codec: record.encoderUsed.isEmpty ? nil : record.encoderUsed)
        }
        return record
    }

    private func baseRecord(_ strategy: any WriterStrategy, frameSet: FrameSet, size: FrameSize) -> RunRecord {
        var record = RunRecord(environment: environment)
        record.runID = runIDs.next()
        record.strategy = strategy.name
        record.encoder = strategy.settings.encoder
        record.preset = strategy.reportedPreset
        record.crf = strategy.reportedCRF
        record.threads = strategy.settings.threads
        record.container = strategy.settings.container
        record.colorPolicy = strategy.colorPolicy.description
        record.queue = strategy.queueCapacity?.description ?? ""
        record.frameset = frameSet.rawValue
        record.width = size.width
        record.height = size.height
        record.frames = plan.frames
        record.streamFPS = plan.streamFPS
        record.pace = strategy.isReference ? .max : plan.pace
        return record
    }

    private func unavailableRecord(_ strategy: any WriterStrategy, frameSet: FrameSet, size: FrameSize,
                                   reason: String) -> RunRecord {
        var record = baseRecord(strategy, frameSet: frameSet, size: size)
        record.status = .unavailable
        record.reason = reason
        return record
    }

    private func outputPath(_ strategy: any WriterStrategy, ring: FrameRing, repetition: Int) -> String {
        let label = repetition < 0 ? "warmup" : "r\(repetition)"
        return "\(plan.outputDirectory)/\(strategy.name)-\(ring.frameSet.rawValue)-\(ring.size)-\(label).\(strategy.settings.container)"
    }
}

/// Checks a finished output against the frames that were written; implemented by the libav-based verifier.
public protocol OutputVerifying: Sendable {
    /// Verifies the video at `path`, which should hold `frames` frames of `ring` (run frame i = ring[i]) at `fps`,
    /// encoded with `codec` (FFmpeg codec or encoder name; nil accepts any).
    func verify(path: String, ring: FrameRing, frames: Int, fps: Int, codec: String?) -> VerificationSummary
}
