import Analysis
import Foundation
import Strategies

/// What happened to one of the three outputs in one pipeline run.
public struct PipelineOutputResult: Sendable {
    /// Path of the output video (nothing is written for the null baseline).
    public var path: String
    /// Frames handed to this output's writer (accepted by `write`).
    public var framesHanded = 0
    /// Caller-blocking time of each `write`, ms.
    public var write: Distribution?
    /// What the writer reported at finish; nil when it failed or never finished.
    public var report: WriterReport?
    /// Verification of the finished file; nil when not verified.
    public var verification: VerificationSummary?

    /// Creates a result for the output at `path`.
    public init(path: String) { self.path = path }
}

/// One row of the pipeline CSV: one strategy (or the null baseline) running the whole pipeline once.
///
/// Optional fields stay empty in the CSV when nothing was measured: a value is always something this run measured.
public struct PipelineRecord: Sendable {
    public var environment: EnvironmentFingerprint
    public var runID = ""
    public var strategy = ""
    /// Encoder the strategy asks for (what the console names at start).
    public var encoder = ""
    public var queue = ""
    public var frameset = ""
    public var input = ""
    public var width = 0
    public var height = 0
    /// Frames processed and handed to all three writers.
    public var frames = 0
    public var ringSize: Int?
    public var streamFPS = 0
    public var midline = 0
    public var batchSize = 0
    public var batches = 0
    public var status: RunRecord.Status = .ok
    /// The output whose writer failed, for `failed` rows.
    public var failedOutput: PipelineOutput?
    public var reason = ""
    /// Per output, in ``PipelineOutput`` order.
    public var outputs: [PipelineOutput: PipelineOutputResult] = [:]
    /// Mean time to read and process one source frame, ms.
    public var processingMsPerFrame: Double?
    /// Per batch: wall time from the end of processing its frames to the return of its last write, ms.
    public var batchDelays: Distribution?
    public var finishMs: Double?
    public var totalS: Double?
    /// The null baseline's pipeline fps measured in the same invocation.
    public var nullWriterFPS: Double?
    /// Output frames whose pooled storage had to be copied because a writer still held it (see ``OutputBufferPool``).
    public var poolCopies: Int?
    public var cpu: CPUTimes?
    public var peakRSSMB: Double?
    /// Per batch, in order: delay, queue depths at the boundary and who took the hand-off time.
    public var batchTraces: [PipelineBatchTrace] = []
    /// Most threads the process had at a batch boundary (encoder worker threads included).
    public var processThreadsMax: Int?
    /// The opt-in hand-off levers this run used, `;`-separated (`hold-wake-ups`, `producer-nice=N`, `realtime`, or
    /// `realtime refused: …`); empty when none.
    public var handOffLevers: [String] = []
    /// One-time cost before the first frame: touching the output buffer pool (outside `total_s`), ms.
    public var poolWarmupMs: Double?
    /// One-time cost before the first frame: opening the three writers (inside `total_s`), ms.
    public var openMs: Double?
    /// CPU the pipeline's thread used reading and processing, all batches, ms.
    public var processingCPUMs: Double?
    /// The null baseline's steady-state fps in the same invocation.
    public var nullWriterSteadyFPS: Double?
    /// The pipeline's ceiling for this strategy's encoder settings (see ``PipelineCeiling``); nil when not measured.
    public var ceiling: PipelineCeiling?
    /// Percent of the machine's CPU time the host (hypervisor) gave to others during the run (steal); nil where
    /// `/proc/stat` cannot be read.
    public var hostStealPercent: Double?

    /// Creates an empty record for `environment`.
    public init(environment: EnvironmentFingerprint) { self.environment = environment }

    /// Pool warm-up plus writer open, ms: what a run pays once, whatever its length.
    public var warmupMs: Double? {
        guard poolWarmupMs != nil || openMs != nil else { return nil }
        return (poolWarmupMs ?? 0) + (openMs ?? 0)
    }

    /// Steady-state frames/s: the rate at which the slowest output's writer took frames between the second batch
    /// boundary and the last one (frames handed minus frames still queued, per second between the two boundaries).
    ///
    /// So neither the writer open, nor the first batch (processed while the encoders had nothing to do yet), nor the
    /// drain after the last hand-off counts, and runs of different lengths compare. Frames a writer took but its
    /// encoder still buffers (x264's lookahead and frame threads) are a constant offset that cancels between two
    /// boundaries. With fewer than three timed boundaries: frames / (`total_s` − writer open time).
    public var steadyFPS: Double? {
        guard let totalS, status == .ok else { return nil }
        if let rate = boundaryRate { return rate }
        let steady = totalS - (openMs ?? 0) / 1000
        return steady > 0 ? Double(frames) / steady : nil
    }

    /// See ``steadyFPS``; nil without three timed boundaries. Every batch before the last is full, so `batchSize × i`
    /// frames were handed to each writer before boundary `i` (0-based).
    private var boundaryRate: Double? {
        let last = batchTraces.count - 1
        guard last >= 2, let start = batchTraces[1].boundaryAtMs, let end = batchTraces[last].boundaryAtMs,
              end > start else { return nil }
        let seconds = (end - start) / 1000
        return PipelineOutput.allCases.map { output in
            let takenAtStart = batchSize - (batchTraces[1].queuedAtBoundary[output] ?? 0)
            let takenAtEnd = batchSize * last - (batchTraces[last].queuedAtBoundary[output] ?? 0)
            return Double(takenAtEnd - takenAtStart) / seconds
        }.min()
    }

    /// CPU of the pipeline's thread per processed frame, ms.
    public var processingCPUMsPerFrame: Double? {
        guard let processingCPUMs, frames > 0 else { return nil }
        return processingCPUMs / Double(frames)
    }

    /// `steady_fps / pipeline_ceiling_fps`.
    public var ceilingRatio: Double? {
        guard let steadyFPS, let limit = ceiling?.fps, limit > 0 else { return nil }
        return steadyFPS / limit
    }

    /// The batch with the largest delay.
    public var worstBatch: (index: Int, trace: PipelineBatchTrace)? {
        guard let index = batchTraces.indices.max(by: { batchTraces[$0].delayMs < batchTraces[$1].delayMs }) else { return nil }
        return (index, batchTraces[index])
    }

    /// The largest batch-transition delay without the time the host took from its hand-off: what the batch-delay
    /// criterion judges (see ``HandOffAccount``). Equals the largest delay where no hand-off's schedule was read.
    public var batchDelayExcludingStealMax: Double? {
        batchTraces.isEmpty ? batchDelays?.max : batchTraces.map(\.delayExcludingStealMs).max()
    }

    /// The largest queue depth `output`'s writer had at a batch boundary.
    public func boundaryQueueMax(_ output: PipelineOutput) -> Int? {
        batchTraces.compactMap { $0.queuedAtBoundary[output] }.max()
    }

    /// Frames / total wall time (open, every batch, finish), frames/s.
    public var pipelineFPS: Double? {
        guard let totalS, totalS > 0, status == .ok else { return nil }
        return Double(frames) / totalS
    }

    /// `1 − pipeline_fps / null_writer_fps`, in percent.
    public var writerOverheadPercent: Double? {
        guard let pipelineFPS, let nullWriterFPS, nullWriterFPS > 0 else { return nil }
        return (1 - pipelineFPS / nullWriterFPS) * 100
    }

    /// total_s scaled linearly to a 1000-frame video, s.
    public var totalSecondsPer1000Frames: Double? {
        guard let totalS, frames > 0 else { return nil }
        return totalS / Double(frames) * 1000
    }

    /// True when all three outputs verified valid; nil when any was not verified.
    public var allValid: Bool? {
        let checks = PipelineOutput.allCases.map { outputs[$0]?.verification?.valid }
        if checks.contains(false) { return false }
        return checks.contains(nil) ? nil : true
    }

    /// The lowest of the three outputs' mean PSNR (the worst output), dB.
    public var psnrWorstOutput: Double? {
        let values = PipelineOutput.allCases.map { outputs[$0]?.verification?.psnrMean }
        guard !values.contains(where: { $0 == nil }) else { return nil }
        return values.compactMap { $0 }.min()
    }

    /// Encoder each output reported, `right/left/debug` joined when they differ.
    public var encodersUsed: String {
        let names = PipelineOutput.allCases.map { outputs[$0]?.report?.encoderUsed ?? "" }
        return Set(names).count == 1 ? names[0] : names.joined(separator: "/")
    }

    /// The CSV fields in ``PipelineColumn`` order.
    public var csvFields: [String] { PipelineColumn.allCases.map(field) }

    /// The text of one column: the value ``reader(_:)`` takes from this row, formatted as the column's catalogue
    /// entry (``PipelineColumn/about``) says.
    public func field(_ column: PipelineColumn) -> String {
        column.about.format.render(Self.reader(column).read(self))
    }

    /// How a row yields `column`'s value; units, number formats and meanings are the catalogue's, in Analysis.
    public static func reader(_ column: PipelineColumn) -> ColumnReader<PipelineRecord> {
        switch column {
        case .timestamp: .text { $0.environment.timestamp }
        case .gitRevision: .text { $0.environment.gitRevision }
        case .host: .text { $0.environment.host }
        case .cpuModel: .text { $0.environment.cpuModel }
        case .logicalCores: .integer { $0.environment.logicalCores }
        case .os: .text { $0.environment.os }
        case .libavVersion: .text { $0.environment.libavVersion }
        case .ffmpegVersion: .text { $0.environment.ffmpegVersion }
        case .opencvVersion: .text { $0.environment.opencvVersion }
        case .runID: .text { $0.runID }
        case .strategy: .text { $0.strategy }
        case .encoder: .text { $0.encoder }
        case .encoderUsedRight: .text { $0.outputs[.right]?.report?.encoderUsed }
        case .encoderUsedLeft: .text { $0.outputs[.left]?.report?.encoderUsed }
        case .encoderUsedDebug: .text { $0.outputs[.debug]?.report?.encoderUsed }
        case .queue: .text { $0.queue }
        case .frameset: .text { $0.frameset }
        case .input: .text { $0.input }
        case .width: .integer { $0.width }
        case .height: .integer { $0.height }
        case .frames: .integer { $0.frames }
        case .ringSize: .integer { $0.ringSize }
        case .streamFPS: .integer { $0.streamFPS }
        case .midline: .integer { $0.midline }
        case .batchSize: .integer { $0.batchSize }
        case .batches: .integer { $0.batches }
        case .status: .text { $0.status.rawValue }
        case .failedOutput: .text { $0.failedOutput?.rawValue }
        case .reason: .text { $0.reason }
        case .pipelineFPS: .number { $0.pipelineFPS }
        case .nullWriterFPS: .number { $0.nullWriterFPS }
        case .writerOverheadPct: .number { $0.writerOverheadPercent }
        case .processingMsPerFrame: .number { $0.processingMsPerFrame }
        case .poolCopies: .integer { $0.poolCopies }
        case .batchDelayMsP50: .number { $0.batchDelays?.median }
        case .batchDelayMsMax: .number { $0.batchDelays?.max }
        case .queueBlockedMs: .number { $0.sumOverOutputs { $0.report?.queue?.blockedSeconds }.map { $0 * 1000 } }
        case .warmupMs: .number { $0.warmupMs }
        case .steadyFPS: .number { $0.steadyFPS }
        case .nullWriterSteadyFPS: .number { $0.nullWriterSteadyFPS }
        case .processingCPUMsPerFrame: .number { $0.processingCPUMsPerFrame }
        case .pipelineCeilingFPS: .number { $0.ceiling?.fps }
        case .ceilingCPUMsPerFrame: .number { $0.ceiling?.cpuMsPerFrame }
        case .ceilingRatio: .number { $0.ceilingRatio }
        case .batchDelayWorstBatch: .integer { $0.worstBatch.map { $0.index + 1 } }
        case .batchDelayWorstOutput: .text { $0.worstBatch?.trace.slowestOutput?.rawValue }
        case .boundaryQueueMaxRight: .integer { $0.boundaryQueueMax(.right) }
        case .boundaryQueueMaxLeft: .integer { $0.boundaryQueueMax(.left) }
        case .boundaryQueueMaxDebug: .integer { $0.boundaryQueueMax(.debug) }
        case .batchDelaysMs: .text { $0.batchTraces.isEmpty ? nil : $0.batchTraces.map { RunRecord.format($0.delayMs, 1) }.joined(separator: ";") }
        case .boundaryQueues: .text { $0.batchTraces.isEmpty ? nil : $0.batchTraces.map(\.queuedText).joined(separator: ";") }
        case .processThreadsMax: .integer { $0.processThreadsMax }
        case .handOff: .text { $0.handOffLevers.isEmpty ? nil : $0.handOffLevers.joined(separator: ";") }
        case .batchDelayExclStealMsMax: .number { $0.batchDelayExcludingStealMax }
        case .batchDelayWorstCPUMs: .number { $0.worstBatch?.trace.account?.cpuMs }
        case .batchDelayWorstRunQueueMs: .number { $0.worstBatch?.trace.account?.runQueueMs }
        case .batchDelayWorstOffCPUMs: .number { $0.worstBatch?.trace.account?.offCPUMs }
        case .batchDelayWorstSleeps: .integer { $0.worstBatch?.trace.account?.sleeps }
        case .batchHandOffs: .text { record in
            let accounts = record.batchTraces.compactMap(\.account)
            return accounts.isEmpty || accounts.count < record.batchTraces.count ? nil : accounts.map(\.compactText).joined(separator: ";")
        }
        case .hostStealPct: .number { $0.hostStealPercent }
        case .writeMsP50Right: .number { $0.outputs[.right]?.write?.percentile(50) }
        case .writeMsP95Right: .number { $0.outputs[.right]?.write?.percentile(95) }
        case .writeMsP99Right: .number { $0.outputs[.right]?.write?.percentile(99) }
        case .writeMsMaxRight: .number { $0.outputs[.right]?.write?.max }
        case .writeMsP50Left: .number { $0.outputs[.left]?.write?.percentile(50) }
        case .writeMsP95Left: .number { $0.outputs[.left]?.write?.percentile(95) }
        case .writeMsP99Left: .number { $0.outputs[.left]?.write?.percentile(99) }
        case .writeMsMaxLeft: .number { $0.outputs[.left]?.write?.max }
        case .writeMsP50Debug: .number { $0.outputs[.debug]?.write?.percentile(50) }
        case .writeMsP95Debug: .number { $0.outputs[.debug]?.write?.percentile(95) }
        case .writeMsP99Debug: .number { $0.outputs[.debug]?.write?.percentile(99) }
        case .writeMsMaxDebug: .number { $0.outputs[.debug]?.write?.max }
        case .finishMs: .number { $0.finishMs }
        case .totalS: .number { $0.totalS }
        case .totalSPer1000Frames: .number { $0.totalSecondsPer1000Frames }
        case .cpuUserS: .number { $0.cpu?.selfUser }
        case .cpuSysS: .number { $0.cpu?.selfSystem }
        case .childCPUUserS: .number { $0.cpu?.childrenUser }
        case .childCPUSysS: .number { $0.cpu?.childrenSystem }
        case .peakRSSMB: .number { $0.peakRSSMB }
        case .bytesRight: .integer { $0.outputs[.right]?.report?.bytesWritten }
        case .bytesLeft: .integer { $0.outputs[.left]?.report?.bytesWritten }
        case .bytesDebug: .integer { $0.outputs[.debug]?.report?.bytesWritten }
        case .valid: .flag { $0.allValid }
        case .validRight: .flag { $0.outputs[.right]?.verification?.valid }
        case .validLeft: .flag { $0.outputs[.left]?.verification?.valid }
        case .validDebug: .flag { $0.outputs[.debug]?.verification?.valid }
        case .invalidReason:
            .text { record in
                PipelineOutput.allCases.compactMap { output -> String? in
                    guard let reason = record.outputs[output]?.verification?.invalidReason, !reason.isEmpty else { return nil }
                    return "\(output.rawValue): \(reason)"
                }.joined(separator: "; ")
            }
        case .psnrDB: .number { $0.psnrWorstOutput }
        case .psnrDBRight: .number { $0.outputs[.right]?.verification?.psnrMean }
        case .psnrDBLeft: .number { $0.outputs[.left]?.verification?.psnrMean }
        case .psnrDBDebug: .number { $0.outputs[.debug]?.verification?.psnrMean }
        case .verifyS: .number { $0.sumOverOutputs { $0.verification?.verifySeconds } }
        }
    }

    /// The sum of `value` over the outputs that have one; nil when none has.
    private func sumOverOutputs(_ value: (PipelineOutputResult) -> Double?) -> Double? {
        let values = PipelineOutput.allCases.compactMap { outputs[$0].flatMap(value) }
        return values.isEmpty ? nil : values.reduce(0, +)
    }
}
