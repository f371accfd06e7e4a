/// Every column of the pipeline CSV (`writerbench pipeline --out`), in file order: the typed names the gate reads.
///
/// Each column's unit, direction, number format and meaning live in its catalogue entry (``about``, in
/// `PipelineColumn+Catalogue.swift`); results/README.md's "Pipeline CSV" table is generated from it.
///
/// Per-output columns end in `_right`, `_left` or `_debug` (see ``PipelineOutput``). Never reorder existing
/// columns; add new ones at the end of their group, with their entry.
public enum PipelineColumn: String, CaseIterable, Sendable {
    // Environment
    case timestamp, gitRevision = "git_revision", host, cpuModel = "cpu_model", logicalCores = "logical_cores"
    // The run CSV's fingerprint columns, so that a machine has one ID in both CSVs (``EnvironmentFingerprint/machineID``
    // hashes `os`); pipeline CSVs written before them lack these four and are still read (by column name).
    case os, libavVersion = "libav_version", ffmpegVersion = "ffmpeg_version", opencvVersion = "opencv_version"
    // Configuration
    case runID = "run_id", strategy, encoder
    case encoderUsedRight = "encoder_used_right", encoderUsedLeft = "encoder_used_left"
    case encoderUsedDebug = "encoder_used_debug"
    case queue, frameset, input, width, height, frames, ringSize = "ring_size", streamFPS = "stream_fps", midline
    case batchSize = "batch_size", batches
    // Outcome
    case status, failedOutput = "failed_output", reason
    // Throughput
    case pipelineFPS = "pipeline_fps", nullWriterFPS = "null_writer_fps", writerOverheadPct = "writer_overhead_pct"
    case processingMsPerFrame = "processing_ms_per_frame", poolCopies = "pool_copies"
    case batchDelayMsP50 = "batch_delay_ms_p50", batchDelayMsMax = "batch_delay_ms_max"
    case queueBlockedMs = "queue_blocked_ms"
    case warmupMs = "warmup_ms", steadyFPS = "steady_fps", nullWriterSteadyFPS = "null_writer_steady_fps"
    case processingCPUMsPerFrame = "processing_cpu_ms_per_frame"
    case pipelineCeilingFPS = "pipeline_ceiling_fps", ceilingCPUMsPerFrame = "ceiling_cpu_ms_per_frame"
    case ceilingRatio = "ceiling_ratio"
    case batchDelayWorstBatch = "batch_delay_worst_batch", batchDelayWorstOutput = "batch_delay_worst_output"
    case boundaryQueueMaxRight = "boundary_queue_max_right", boundaryQueueMaxLeft = "boundary_queue_max_left"
    case boundaryQueueMaxDebug = "boundary_queue_max_debug"
    case batchDelaysMs = "batch_delays_ms", boundaryQueues = "boundary_queues", processThreadsMax = "process_threads_max"
    case handOff = "hand_off"
    case batchDelayExclStealMsMax = "batch_delay_excl_steal_ms_max", batchDelayWorstCPUMs = "batch_delay_worst_cpu_ms"
    case batchDelayWorstRunQueueMs = "batch_delay_worst_runqueue_ms"
    case batchDelayWorstOffCPUMs = "batch_delay_worst_off_cpu_ms", batchDelayWorstSleeps = "batch_delay_worst_sleeps"
    case batchHandOffs = "batch_hand_offs", hostStealPct = "host_steal_pct"
    // Writes, per output
    case writeMsP50Right = "write_ms_p50_right", writeMsP95Right = "write_ms_p95_right"
    case writeMsP99Right = "write_ms_p99_right", writeMsMaxRight = "write_ms_max_right"
    case writeMsP50Left = "write_ms_p50_left", writeMsP95Left = "write_ms_p95_left"
    case writeMsP99Left = "write_ms_p99_left", writeMsMaxLeft = "write_ms_max_left"
    case writeMsP50Debug = "write_ms_p50_debug", writeMsP95Debug = "write_ms_p95_debug"
    case writeMsP99Debug = "write_ms_p99_debug", writeMsMaxDebug = "write_ms_max_debug"
    case finishMs = "finish_ms", totalS = "total_s", totalSPer1000Frames = "total_s_per_1000_frames"
    // Resources
    case cpuUserS = "cpu_user_s", cpuSysS = "cpu_sys_s", childCPUUserS = "child_cpu_user_s", childCPUSysS = "child_cpu_sys_s"
    case peakRSSMB = "peak_rss_mb"
    case bytesRight = "bytes_right", bytesLeft = "bytes_left", bytesDebug = "bytes_debug"
    // Validity and quality
    case valid, validRight = "valid_right", validLeft = "valid_left", validDebug = "valid_debug"
    case invalidReason = "invalid_reason"
    case psnrDB = "psnr_db", psnrDBRight = "psnr_db_right", psnrDBLeft = "psnr_db_left", psnrDBDebug = "psnr_db_debug"
    case verifyS = "verify_s"

    /// The per-output column for `metric` (a column of the right output) and `output`; `metric` itself when it has
    /// no per-output variants.
    static func perOutput(_ metric: PipelineColumn, _ output: PipelineOutput) -> PipelineColumn {
        guard metric.rawValue.hasSuffix("_right") else { return metric }
        let name = metric.rawValue.dropLast("right".count) + output.rawValue
        return PipelineColumn(rawValue: String(name)) ?? metric
    }
}
