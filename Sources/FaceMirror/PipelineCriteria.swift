import Analysis
import Strategies
/// The five success criteria the original face-mirror pipeline's fix was accepted on, judged on one pipeline row.
public enum PipelineCriterion: String, Sendable, CaseIterable {
    /// "Write delay under 0.01 s per batch": the largest batch-transition delay, less what the host (hypervisor) took
    /// from that hand-off (``PipelineRecord/batchDelayExcludingStealMax``), is at most 10 ms.
    case batchDelay = "delay<=10ms"
    /// "Processing faster than 20 fps": pipeline fps above 20.
    case processingRate = "fps>20"
    /// "Playable outputs of at least the old quality": all three outputs valid, and the worst output's PSNR at least
    /// the worst output's PSNR of `opencv-mp4v` (the old pipeline's writer) in the same invocation.
    case quality = "quality"
    /// "A 1000-frame video processed in under 65 s": total time scaled to 1000 frames under 65 s.
    case duration = "1000f<65s"
    /// "The console names the encoder in use": every output's writer reported the encoder it used (printed at the
    /// end; the requested encoder is printed at the start).
    case encoderNamed = "encoder named"

    /// Largest acceptable batch-transition delay, ms.
    public static let maxBatchDelayMs = 10.0
    /// Pipeline throughput to beat, frames/s.
    public static let minimumFPS = 20.0
    /// Longest acceptable time for 1000 frames, s.
    public static let maxSecondsPer1000Frames = 65.0
    /// The strategy whose quality the outputs must match: OpenCV's mp4v, what the old pipeline wrote with.
    public static let qualityReference = "opencv-mp4v"
}

/// The verdict of one criterion on one row.
public enum CriterionOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The criterion holds.
    case pass
    /// It does not.
    case fail
    /// It could not be judged (the run failed before measuring it, or no `opencv-mp4v` row to compare quality with).
    case notJudged

    public var description: String {
        switch self {
        case .pass: "pass"
        case .fail: "FAIL"
        case .notJudged: "n/a"
        }
    }
}

/// Judges pipeline rows against ``PipelineCriterion``: pure functions of the rows.
public enum PipelineCriteria {
    /// Every criterion's outcome for `record`; `reference` is the `opencv-mp4v` row of the same invocation, if any.
    public static func judge(_ record: PipelineRecord, reference: PipelineRecord?) -> [PipelineCriterion: CriterionOutcome] {
        func check(_ value: Double?, _ holds: (Double) -> Bool) -> CriterionOutcome {
            guard let value else { return record.status == .ok ? .notJudged : .fail }
            return holds(value) ? .pass : .fail
        }
        var outcomes: [PipelineCriterion: CriterionOutcome] = [:]
        outcomes[.batchDelay] = check(record.batchDelayExcludingStealMax) { $0 <= PipelineCriterion.maxBatchDelayMs }
        outcomes[.processingRate] = check(record.pipelineFPS) { $0 > PipelineCriterion.minimumFPS }
        outcomes[.duration] = record.status == .ok
            ? check(record.totalSecondsPer1000Frames) { $0 < PipelineCriterion.maxSecondsPer1000Frames } : .fail
        let encoders = PipelineOutput.allCases.map { record.outputs[$0]?.report?.encoderUsed ?? "" }
        outcomes[.encoderNamed] = encoders.allSatisfy { !$0.isEmpty } ? .pass : .fail
        switch record.allValid {
        case false?: outcomes[.quality] = .fail
        case nil: outcomes[.quality] = record.status == .ok ? .notJudged : .fail
        case true?:
            if let mine = record.psnrWorstOutput, let theirs = reference?.psnrWorstOutput {
                outcomes[.quality] = mine >= theirs ? .pass : .fail
            } else {
                outcomes[.quality] = .notJudged
            }
        }
        return outcomes
    }

    /// The console's closing table: one line per strategy (the null baseline excluded) with its measurements and
    /// every criterion's outcome. Units are in the headers; validity reads `valid`/`INVALID`/`-` as in `run`; a
    /// failed or invalid row carries a note number whose reason ``notes(_:)`` prints below the table.
    public static func table(_ records: [PipelineRecord]) -> PlainTable {
        let reference = records.first { $0.strategy == PipelineCriterion.qualityReference && $0.status == .ok }
        var table = PlainTable(header: ["strategy", "encoder", "encoder used", "status", "fps", "null fps", "overhead %",
                                        "delay p50/max ms", "write p95 ms r/l/d", "total s", "valid", "PSNR dB"]
                                       + PipelineCriterion.allCases.map(\.rawValue))
        let f = cell
        var note = 0
        for record in records where record.strategy != NullWriterStrategy.strategyName {
            let outcomes = judge(record, reference: reference)
            let writes = PipelineOutput.allCases.map { f(record.outputs[$0]?.write?.percentile(95), 2) }
            var status = record.status.rawValue
            if record.status != .ok { note += 1; status += " [\(note)]" }
            var valid = record.allValid.map { $0 ? "valid" : "INVALID" } ?? "-"
            if record.allValid == false { note += 1; valid += " [\(note)]" }
            table.rows.append([
                record.strategy, record.encoder.isEmpty ? "-" : record.encoder,
                record.encodersUsed.isEmpty ? "-" : record.encodersUsed, status,
                f(record.pipelineFPS, 1), f(record.nullWriterFPS, 1), f(record.writerOverheadPercent, 1),
                "\(f(record.batchDelays?.median, 2))/\(f(record.batchDelays?.max, 2))",
                writes.joined(separator: "/"), f(record.totalS, 1), valid, f(record.psnrWorstOutput, 2),
            ] + PipelineCriterion.allCases.map { outcomes[$0]?.description ?? "n/a" })
        }
        return table
    }

    /// Steady-state throughput against the pipeline's ceiling, one line per row: `steady_fps`, the one-time
    /// warm-up, `pipeline_ceiling_fps` and the ratio (`-` where not measured).
    public static func steadyStateLines(_ records: [PipelineRecord]) -> [String] {
        let f = cell
        return records.map { record in
            var line = "\(record.strategy): steady \(f(record.steadyFPS, 1)) fps (warm-up \(f(record.warmupMs, 0)) ms), "
                + "processing CPU \(f(record.processingCPUMsPerFrame, 2)) ms/frame"
            if record.strategy != NullWriterStrategy.strategyName {
                line += ", ceiling \(f(record.ceiling?.fps, 1)) fps (\(f(record.ceiling?.cpuMsPerFrame, 2)) CPU ms/frame"
                    + " over \(record.ceiling.map { "\($0.cores)" } ?? "-") cores), ratio \(f(record.ceilingRatio, 3))"
            }
            return line
        }
    }

    /// Where the worst hand-off's time went, one line per row that has one (the null baseline included): its batch,
    /// output and delay, the pipeline thread's CPU, run-queue wait and off-CPU time in it, the delay without the
    /// host's share, and the machine's steal over the run.
    public static func handOffLines(_ records: [PipelineRecord]) -> [String] {
        let f = cell
        return records.compactMap { record in
            guard let worst = record.worstBatch else { return nil }
            var line = "\(record.strategy): worst hand-off batch \(worst.index + 1)"
                + (worst.trace.slowestOutput.map { " (\($0.rawValue))" } ?? "") + " \(f(worst.trace.delayMs, 2)) ms: "
            if let account = worst.trace.account {
                line += account.summary + "; largest delay without the host's share \(f(record.batchDelayExcludingStealMax, 2)) ms"
            } else {
                line += "the thread's schedule is unreadable here, so the host's share is not known"
            }
            line += "; queues r/l/d " + worst.trace.queuedText + " frames at its boundary; host steal over the run "
                + (record.hostStealPercent.map { "\(f($0, 2)) %" } ?? "not readable")
            return line
        }
    }

    /// `value` with `digits` decimals for the console, or `-` when it was not measured.
    private static func cell(_ value: Double?, _ digits: Int) -> String {
        let text = RunRecord.format(value, digits)
        return text.isEmpty ? "-" : text
    }

    /// The reasons behind the table's note numbers, in the same order: "[1] libav: failed — …".
    public static func notes(_ records: [PipelineRecord]) -> [String] {
        var lines: [String] = []
        for record in records where record.strategy != NullWriterStrategy.strategyName {
            if record.status != .ok {
                lines.append("[\(lines.count + 1)] \(record.strategy): \(record.status.rawValue) — \(record.reason)")
            }
            if record.allValid == false {
                lines.append("[\(lines.count + 1)] \(record.strategy): INVALID — \(record.field(.invalidReason))")
            }
        }
        return lines
    }
}
