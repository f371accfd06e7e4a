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
    private let interruption: Interruption?
    private var runIDs: RunIDSequence

    /// Creates a runner. `verifier` checks each output after it is written (nil: no verification);
    /// `progress` is called on the running thread. Once `interruption` is set, the run in progress is aborted
    /// between two frames and dropped, and ``run()`` returns the rows completed so far.
    public init(plan: RunPlan, environment: EnvironmentFingerprint, verifier: (any OutputVerifying)? = nil,
                interruption: Interruption? = nil, progress: @escaping (RunProgress) -> Void = { _ in }) {
        self.plan = plan
        self.environment = environment
        self.verifier = verifier
        self.interruption = interruption
        self.progress = progress
        runIDs = RunIDSequence(environment: environment)
    }

    /// Runs the whole plan and returns its rows (also reported one by one through `progress`).
    ///
    /// Per frame set × size, the `null` baseline runs first (when the plan asks for it and any strategy can run),
    /// then the encoder ceilings (one per distinct encoder settings among the available strategies), so that every
    /// later row's `ceiling_ratio` is known when it is reported.
    public func run() -> [RunRecord] {
        var records: [RunRecord] = []
        try? FileManager.default.createDirectory(atPath: plan.outputDirectory, withIntermediateDirectories: true)
        let total = plannedConfigurations()
        var configuration = 0
        func next() {
            configuration += 1
            progress(.configuration(index: configuration, total: total, repetitions: plan.repetitions))
        }
        for frameSet in plan.frameSets {
            for size in plan.sizes where !interrupted {
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
                if plan.nullBaseline && !available.isEmpty {
                    guard !interrupted else { return records }
                    next()
                    repetitions(of: NullWriterStrategy(), ring: frames()) { report($0, into: &records) }
                }
                var ceilingFPS: [EncoderSettings: Double] = [:]
                var ceilingCPU: [EncoderSettings: Double] = [:]
                if plan.ceiling {
                    var seen = Set<EncoderSettings>()
                    for settings in available.filter({ !$0.isReference }).map(\.settings) where seen.insert(settings).inserted {
                        guard !interrupted else { return records }
                        let ceiling = EncoderCeilingStrategy(settings: settings)
                        if case .unavailable(let reason) = ceiling.availability() {
                            report(unavailableRecord(ceiling, frameSet: frameSet, size: size, reason: reason), into: &records)
                            continue
                        }
                        next()
                        var rows: [RunRecord] = []
                        repetitions(of: ceiling, ring: frames()) { rows.append($0) }
                        ceilingFPS[settings] = Distribution(rows.compactMap(\.fps)).median
                        ceilingCPU[settings] = Distribution(rows.compactMap(\.cpuMsPerFrame)).median
                        for var row in rows {
                            row.ceilingRatio = ratio(row.fps, ceilingFPS[settings])
                            row.ceilingCPUMsPerFrame = ceilingCPU[settings]
                            report(row, into: &records)
                        }
                    }
                }
                for strategy in available where !interrupted {
                    next()
                    // Each row is reported as soon as it is measured: a kill between repetitions loses none.
                    repetitions(of: strategy, ring: frames()) { row in
                        var row = row
                        row.ceilingRatio = ratio(row.fps, ceilingFPS[strategy.settings])
                        row.ceilingCPUMsPerFrame = ceilingCPU[strategy.settings]
                        report(row, into: &records)
                    }
                }
            }
        }
        return records
    }

    /// How many configurations `run()` will measure: available strategies, available encoder ceilings and the null
    /// baseline, per frame set and size (for "k of N" progress).
    private func plannedConfigurations() -> Int {
        let available = plan.strategies.filter { $0.availability().isAvailable }
        var ceilings = 0
        if plan.ceiling {
            let settings = Set(available.filter { !$0.isReference }.map(\.settings))
            ceilings = settings.filter { EncoderCeilingStrategy(settings: $0).availability().isAvailable }.count
        }
        let null = plan.nullBaseline && !available.isEmpty ? 1 : 0
        return plan.frameSets.count * plan.sizes.count * (available.count + ceilings + null)
    }

    /// The warm-up (unless switched off) and the recorded repetitions of one strategy on one ring, each row handed
    /// to `measured` as it completes. After an interruption: only the repetitions completed before it.
    private func repetitions(of strategy: any WriterStrategy, ring: FrameRing, _ measured: (RunRecord) -> Void) {
        if plan.warmUp {
            _ = measure(strategy, ring: ring, frames: plan.warmUpFrames, repetition: -1)
        }
        for repetition in 0..<plan.repetitions where !interrupted {
            let row = measure(strategy, ring: ring, frames: plan.frames, repetition: repetition)
            // A run that failed once the interruption came was stopped by it (a terminal's Ctrl-C also reaches the
            // encoder child): it is no result.
            if row.status == .failed && interrupted { return }
            measured(row)
        }
    }

    /// True once the interruption was requested.
    private var interrupted: Bool { interruption?.isRequested == true }

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
                                                frameRate: plan.frameRate)
        configuration.stallTimeout = plan.stallTimeout
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
                if interrupted { throw RunInterrupted() }
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
            if interrupted { throw RunInterrupted() }
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
        if let note = SlowCallNote.make(writeSamplesMs: samples, finishMs: record.finishMs ?? 0,
                                        stallTimeout: plan.stallTimeout) {
            record.reason = record.reason.isEmpty ? note : record.reason + "; " + note
        }
        if warmUp || strategy.isReference {
            try? FileManager.default.removeItem(atPath: path)
        } else if let verifier {
            progress(.verifying(strategy: strategy.name))
            record.verification = verifier.verify(path: path, ring: ring, frames: frames, fps: plan.frameRate.value,
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
        record.streamFPS = plan.frameRate.value
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
        return "\(plan.outputDirectory)/\(strategy.name)-\(ring.frameSet.rawValue)-\(ring.size)-\(label).\(strategy.settings.fileExtension)"
    }
}

/// Why a run stopped between two frames: the ``Interruption`` was requested.
private struct RunInterrupted: Error, CustomStringConvertible {
    var description: String { "interrupted" }
}

/// Checks a finished output against the frames that were written; implemented by the libav-based verifier.
public protocol OutputVerifying: Sendable {
    /// Verifies the video at `path`, which should hold `frames` frames of `ring` (run frame i = ring[i]) at `fps`,
    /// encoded with `codec` (FFmpeg codec or encoder name; nil accepts any).
    func verify(path: String, ring: FrameRing, frames: Int, fps: Double, codec: String?) -> VerificationSummary
}
