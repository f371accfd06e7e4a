/// Every column of the results CSV, in file order: the typed names that readers (gate, compare, report) use.
///
/// Each column's unit, direction, number format and meaning live in its catalogue entry (``spec``, in
/// `CSVColumn+Catalogue.swift`); results/README.md's "Columns" table is generated from it. Never reorder existing
/// columns; add new ones at the end of their group, with their entry.
public enum CSVColumn: String, CaseIterable, Sendable {
    // Environment
    case timestamp, gitRevision = "git_revision", host, cpuModel = "cpu_model", logicalCores = "logical_cores", os
    case libavVersion = "libav_version", ffmpegVersion = "ffmpeg_version", opencvVersion = "opencv_version"
    // Configuration
    case runID = "run_id", strategy, encoder, encoderUsed = "encoder_used", preset, crf, threads, container
    case colorPolicy = "color_policy", queue, frameset, width, height, frames, ringSize = "ring_size"
    case streamFPS = "stream_fps", paceFPS = "pace_fps", repeatIndex = "repeat", peerVersion = "peer_version"
    // Outcome
    case status, reason
    // Timing
    case openMs = "open_ms", writeMsMean = "write_ms_mean", writeMsP50 = "write_ms_p50", writeMsP95 = "write_ms_p95"
    case writeMsP99 = "write_ms_p99", writeMsMax = "write_ms_max", finishMs = "finish_ms", totalS = "total_s", fps
    case lateFrames = "late_frames", latenessMsMax = "lateness_ms_max", ceilingRatio = "ceiling_ratio"
    case writeTimedBy = "write_timed_by", pipeWriteMsP50 = "pipe_write_ms_p50", pipeWriteMsP95 = "pipe_write_ms_p95"
    case pipeWriteMsP99 = "pipe_write_ms_p99", pipeWriteMsMax = "pipe_write_ms_max"
    // Asynchronous writers
    case queueBlockedMs = "queue_blocked_ms", queueBlockedWrites = "queue_blocked_writes"
    case queueHighWaterFrames = "queue_high_water_frames", queueHighWaterMB = "queue_high_water_mb"
    // Resources
    case cpuUserS = "cpu_user_s", cpuSysS = "cpu_sys_s", childCPUUserS = "child_cpu_user_s", childCPUSysS = "child_cpu_sys_s"
    case peakRSSMB = "peak_rss_mb", bytes, bitrateKbps = "bitrate_kbps"
    case cpuMsPerFrame = "cpu_ms_per_frame", ceilingCPUMsPerFrame = "ceiling_cpu_ms_per_frame"
    case ceilingCPURatio = "ceiling_cpu_ratio"
    // Validity and quality
    case valid, invalidReason = "invalid_reason", framesDecoded = "frames_decoded", psnrDB = "psnr_db"
    case psnrMinDB = "psnr_min_db", psnrLumaDB = "psnr_luma_db", ssim, ssimMin = "ssim_min"
    case colorMatrix = "color_matrix", colorPrimaries = "color_primaries", colorTransfer = "color_transfer"
    case colorRange = "color_range", verifyS = "verify_s", colorDecodedAs = "color_decoded_as"
}
