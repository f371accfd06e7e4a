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

    /// Creates an empty record for `environment`.
    public init(environment: EnvironmentFingerprint) { self.environment = environment }

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

    /// The text of one column.
    public func field(_ column: PipelineColumn) -> String {
        let f = RunRecord.format
        func output(_ o: PipelineOutput) -> PipelineOutputResult? { outputs[o] }
        switch column {
        case .timestamp: return environment.timestamp
        case .gitRevision: return environment.gitRevision
        case .host: return environment.host
        case .cpuModel: return environment.cpuModel
        case .logicalCores: return String(environment.logicalCores)
        case .runID: return runID
        case .strategy: return strategy
        case .encoder: return encoder
        case .encoderUsedRight: return output(.right)?.report?.encoderUsed ?? ""
        case .encoderUsedLeft: return output(.left)?.report?.encoderUsed ?? ""
        case .encoderUsedDebug: return output(.debug)?.report?.encoderUsed ?? ""
        case .queue: return queue
        case .frameset: return frameset
        case .input: return input
        case .width: return String(width)
        case .height: return String(height)
        case .frames: return String(frames)
        case .ringSize: return ringSize.map(String.init) ?? ""
        case .streamFPS: return String(streamFPS)
        case .midline: return String(midline)
        case .batchSize: return String(batchSize)
        case .batches: return String(batches)
        case .status: return status.rawValue
        case .failedOutput: return failedOutput?.rawValue ?? ""
        case .reason: return reason
        case .pipelineFPS: return f(pipelineFPS, 2)
        case .nullWriterFPS: return f(nullWriterFPS, 2)
        case .writerOverheadPct: return f(writerOverheadPercent, 1)
        case .processingMsPerFrame: return f(processingMsPerFrame, 3)
        case .poolCopies: return poolCopies.map(String.init) ?? ""
        case .batchDelayMsP50: return f(batchDelays?.median, 3)
        case .batchDelayMsMax: return f(batchDelays?.max, 3)
        case .queueBlockedMs:
            let blocked = PipelineOutput.allCases.compactMap { output($0)?.report?.queue?.blockedSeconds }
            return blocked.isEmpty ? "" : f(blocked.reduce(0, +) * 1000, 3)
        case .writeMsP50Right: return f(output(.right)?.write?.percentile(50), 4)
        case .writeMsP95Right: return f(output(.right)?.write?.percentile(95), 4)
        case .writeMsP99Right: return f(output(.right)?.write?.percentile(99), 4)
        case .writeMsMaxRight: return f(output(.right)?.write?.max, 4)
        case .writeMsP50Left: return f(output(.left)?.write?.percentile(50), 4)
        case .writeMsP95Left: return f(output(.left)?.write?.percentile(95), 4)
        case .writeMsP99Left: return f(output(.left)?.write?.percentile(99), 4)
        case .writeMsMaxLeft: return f(output(.left)?.write?.max, 4)
        case .writeMsP50Debug: return f(output(.debug)?.write?.percentile(50), 4)
        case .writeMsP95Debug: return f(output(.debug)?.write?.percentile(95), 4)
        case .writeMsP99Debug: return f(output(.debug)?.write?.percentile(99), 4)
        case .writeMsMaxDebug: return f(output(.debug)?.write?.max, 4)
        case .finishMs: return f(finishMs, 3)
        case .totalS: return f(totalS, 4)
        case .totalSPer1000Frames: return f(totalSecondsPer1000Frames, 3)
        case .cpuUserS: return f(cpu?.selfUser, 3)
        case .cpuSysS: return f(cpu?.selfSystem, 3)
        case .childCPUUserS: return f(cpu?.childrenUser, 3)
        case .childCPUSysS: return f(cpu?.childrenSystem, 3)
        case .peakRSSMB: return f(peakRSSMB, 1)
        case .bytesRight: return output(.right)?.report.map { String($0.bytesWritten) } ?? ""
        case .bytesLeft: return output(.left)?.report.map { String($0.bytesWritten) } ?? ""
        case .bytesDebug: return output(.debug)?.report.map { String($0.bytesWritten) } ?? ""
        case .valid: return allValid.map { $0 ? "true" : "false" } ?? ""
        case .validRight: return output(.right)?.verification.map { $0.valid ? "true" : "false" } ?? ""
        case .validLeft: return output(.left)?.verification.map { $0.valid ? "true" : "false" } ?? ""
        case .validDebug: return output(.debug)?.verification.map { $0.valid ? "true" : "false" } ?? ""
        case .invalidReason:
            return PipelineOutput.allCases.compactMap { o -> String? in
                guard let reason = output(o)?.verification?.invalidReason, !reason.isEmpty else { return nil }
                return "\(o.rawValue): \(reason)"
            }.joined(separator: "; ")
        case .psnrDB: return f(psnrWorstOutput, 3)
        case .psnrDBRight: return f(output(.right)?.verification?.psnrMean, 3)
        case .psnrDBLeft: return f(output(.left)?.verification?.psnrMean, 3)
        case .psnrDBDebug: return f(output(.debug)?.verification?.psnrMean, 3)
        case .verifyS:
            let seconds = PipelineOutput.allCases.compactMap { output($0)?.verification?.verifySeconds }
            return seconds.isEmpty ? "" : f(seconds.reduce(0, +), 3)
        }
    }
}
