extension CSVColumn: DescribedColumn {
    /// The results CSV's catalogue entry for this column: unit, direction, number format, meaning, and how a
    /// ``RunRecord`` yields the value. results/README.md's "Columns" table is generated from these entries.
    public var spec: ColumnSpec<RunRecord> {
        switch self {
        // Environment
        case .timestamp:
            .text("ISO 8601 UTC time the invocation started (same for every row of one invocation)") { $0.environment.timestamp }
        case .gitRevision:
            .text("`git rev-parse --short HEAD` of the checkout writerbench was built in (else of the working directory), `+dirty` with uncommitted changes; empty outside git") {
                $0.environment.gitRevision
            }
        case .host: .text("host name") { $0.environment.host }
        case .cpuModel: .text("CPU model from /proc/cpuinfo") { $0.environment.cpuModel }
        case .logicalCores: .integer(.unitless, "logical cores available to the process") { $0.environment.logicalCores }
        case .os: .text("kernel and distribution") { $0.environment.os }
        case .libavVersion:
            .text("FFmpeg libraries linked in-process (libavutil's version string and libavcodec's version)") {
                $0.environment.libavVersion
            }
        case .ffmpegVersion:
            .text("version of the `ffmpeg` program the pipe strategies run; empty when none is found") {
                $0.environment.ffmpegVersion
            }
        case .opencvVersion: .text("OpenCV linked in-process") { $0.environment.opencvVersion }
        // Configuration
        case .runID:
            .text("unique id of the run (`<timestamp digits>-<pid>-<n>`), links companion files to the row") {
                $0.runID
            }
        case .strategy: .text("strategy name (`writerbench list`); `encoder-ceiling` and `null` are the references `run` adds") { $0.strategy }
        case .encoder: .text("encoder requested (FFmpeg name)") { $0.encoder }
        case .encoderUsed: .text("encoder that actually produced the stream, as the writer reports it") { $0.encoderUsed }
        case .preset: .text("encoder preset; empty for encoders without presets") { $0.preset }
        case .crf:
            .integer(.unitless, "constant rate factor; empty for encoders without CRF (mpeg4 uses a fixed quantiser, `-q:v 3`)") {
                $0.crf
            }
        case .threads: .integer(.unitless, "encoder threads requested (0 = encoder's choice)") { $0.threads }
        case .container: .text("output container") { $0.container }
        case .colorPolicy:
            .text("the writer's RGB→YUV conversion: `matrix/range`, plus `/untagged` when it does not tag the stream") {
                $0.colorPolicy
            }
        case .queue: .text("queue bound of asynchronous strategies; empty for synchronous ones") { $0.queue }
        case .frameset: .text("`camera`, `talking-head` or `noise`") { $0.frameset }
        case .width: .integer(.pixels, "frame size") { $0.width }
        case .height: .integer(.pixels, "frame size") { $0.height }
        case .frames: .integer(.frames, "frames written in the run") { $0.frames }
        case .ringSize:
            .integer(.frames, "distinct frames generated for the run; frame *i* of the run is frame *i mod ring_size* of the set") {
                $0.ringSize
            }
        case .streamFPS:
            ColumnSpec(
                ColumnDescription(
                    unit: .framesPerSecond, direction: nil, format: .shortest,
                    meaning: "frame rate of the output stream (its time base); fractional for rates such as `--fps 30000/1001` (29.97002997002997)"),
                .number { $0.streamFPS })
        case .paceFPS:
            ColumnSpec(
                ColumnDescription(
                    unit: .framesPerSecond, direction: nil, format: .shortest,
                    meaning: "rate at which frames were offered; empty for `--pace max` (as fast as the writer takes them)"),
                .number { if case .fixed(let fps) = $0.pace { fps } else { nil } })
        case .repeatIndex: .integer(.unitless, "repetition index, 0-based") { $0.repeatIndex }
        case .peerVersion:
            .text("external writers: the library version the writer reported on fd 3 (`version …` line); empty otherwise") {
                $0.peerVersion
            }
        // Outcome
        case .status:
            .text("`ok`, `unavailable` (cannot run on this machine) or `failed` (opened or wrote with an error)") {
                $0.status.rawValue
            }
        case .reason:
            .text("why a row is unavailable or failed; for ok rows, the writer's notes (e.g. pipe buffer size)") { $0.reason }
        // Timing
        case .openMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3, "time to open the writer (spawn ffmpeg, open encoder and file)") {
                $0.openMs
            }
        case .writeMsMean:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "mean caller-blocking time of one `write` call") { $0.write?.mean }
        case .writeMsP50:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4,
                    "median write time (percentiles interpolate linearly between closest ranks)") { $0.write?.percentile(50) }
        case .writeMsP95:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "95th percentile write time") { $0.write?.percentile(95) }
        case .writeMsP99:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "99th percentile write time") { $0.write?.percentile(99) }
        case .writeMsMax: .number(.milliseconds, direction: .prefersSmaller, digits: 4, "longest write") { $0.write?.max }
        case .finishMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3, "flush + finalise + waiting for any child process") {
                $0.finishMs
            }
        case .totalS:
            .number(.seconds, direction: .prefersSmaller, digits: 4, "wall time from the start of open to the end of finish") { $0.totalS }
        case .fps: .number(.framesPerSecond, direction: .prefersLarger, digits: 2, "throughput: frames / total_s") { $0.fps }
        case .lateFrames:
            .integer(.frames, direction: .prefersSmaller,
                     "paced runs: frames offered more than 1 ms after their scheduled time (never skipped)") { $0.lateFrames }
        case .latenessMsMax:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3, "paced runs: the largest lateness") { $0.latenessMsMax }
        case .ceilingRatio:
            .number(.ratio, direction: .prefersLarger, digits: 3,
                    "`fps` / the `encoder-ceiling` row's `fps` for the same frame set, size and encoder settings in the same invocation (median over its repetitions); empty when no ceiling was measured") {
                $0.ceilingRatio
            }
        case .writeTimedBy:
            .text("who timed `write_ms_*`: `caller` (writerbench around each call) or `writer` (an external writer's own times on fd 3)") {
                $0.write == nil ? nil : ($0.pipeWrite == nil ? "caller" : "writer")
            }
        case .pipeWriteMsP50:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4,
                    "external writers with writer-side times: median caller-side time to put one frame into the writer's stdin pipe") {
                $0.pipeWrite?.percentile(50)
            }
        case .pipeWriteMsP95:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "95th percentile of the caller-side pipe write time") {
                $0.pipeWrite?.percentile(95)
            }
        case .pipeWriteMsP99:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "99th percentile of the caller-side pipe write time") {
                $0.pipeWrite?.percentile(99)
            }
        case .pipeWriteMsMax:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "longest caller-side pipe write") { $0.pipeWrite?.max }
        // Asynchronous writers
        case .queueBlockedMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "async strategies: total time `write` waited for room in a full queue") { $0.queueBlockedMs }
        case .queueBlockedWrites:
            .integer(.frames, direction: .prefersSmaller, "async strategies: writes that had to wait for room") { $0.queueBlockedWrites }
        case .queueHighWaterFrames:
            .integer(.frames, direction: .prefersSmaller, "async strategies: most frames queued at once") { $0.queueHighWaterFrames }
        case .queueHighWaterMB:
            .number(.mebibytes, direction: .prefersSmaller, digits: 1, "async strategies: most pixel bytes queued at once") {
                $0.queueHighWaterMB
            }
        // Resources
        case .cpuUserS:
            .number(.seconds, direction: .prefersSmaller, digits: 3, Self.processCPUMeaning) { $0.cpu?.selfUser }
        case .cpuSysS:
            .number(.seconds, direction: .prefersSmaller, digits: 3, Self.processCPUMeaning) { $0.cpu?.selfSystem }
        case .childCPUUserS:
            .number(.seconds, direction: .prefersSmaller, digits: 3, Self.childCPUMeaning) { $0.cpu?.childrenUser }
        case .childCPUSysS:
            .number(.seconds, direction: .prefersSmaller, digits: 3, Self.childCPUMeaning) { $0.cpu?.childrenSystem }
        case .peakRSSMB:
            .number(.mebibytes, direction: .prefersSmaller, digits: 1,
                    "peak resident memory of writerbench during the run (high-water mark reset before each run); includes the pre-generated frames") {
                $0.peakRSSMB
            }
        case .bytes: .integer(.bytes, direction: .prefersSmaller, "size of the output file") { $0.bytes }
        case .bitrateKbps:
            .number(.kilobitsPerSecond, direction: .prefersSmaller, digits: 1, "bytes · 8 / 1000 / (frames / stream_fps)") {
                $0.bitrateKbps
            }
        case .cpuMsPerFrame:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "CPU per frame of writerbench and its reaped children during the run: (`cpu_user_s` + `cpu_sys_s` + `child_cpu_user_s` + `child_cpu_sys_s`) · 1000 / `frames`") {
                $0.cpuMsPerFrame
            }
        case .ceilingCPUMsPerFrame:
            .number(.milliseconds, digits: 3,
                    "the `encoder-ceiling` row's `cpu_ms_per_frame` for the same frame set, size and encoder settings in the same invocation (median over its repetitions)") {
                $0.ceilingCPUMsPerFrame
            }
        case .ceilingCPURatio:
            .number(.ratio, direction: .prefersSmaller, digits: 3,
                    "`cpu_ms_per_frame` / `ceiling_cpu_ms_per_frame`: the CPU a writer spends beyond the encoder's own (1 = none)") {
                $0.ceilingCPURatio
            }
        // Validity and quality
        case .valid:
            .flag("`true` when the output decodes to exactly the frames, size and duration written; empty when not verified") {
                $0.verification?.valid
            }
        case .invalidReason: .text("every mismatch found by verification") { $0.verification?.invalidReason }
        case .framesDecoded:
            .integer(.frames, direction: .prefersLarger, "frames the in-process decoder got from the output") {
                $0.verification?.framesDecoded
            }
        case .psnrDB:
            .number(.decibels, direction: .prefersLarger, digits: 3,
                    "mean PSNR over all BGR channels of the decoded frames (converted back to BGR as README's verification section defines) vs. the frames the run wrote (identical frames: 100 dB cap)") {
                $0.verification?.psnrMean
            }
        case .psnrMinDB:
            .number(.decibels, direction: .prefersLarger, digits: 3, "PSNR of the worst frame") { $0.verification?.psnrMin }
        case .psnrLumaDB:
            .number(.decibels, direction: .prefersLarger, digits: 3, "mean luma PSNR") { $0.verification?.psnrLumaMean }
        case .ssim:
            .number(.unitless, direction: .prefersLarger, digits: 5, "mean luma SSIM (1 = identical)") { $0.verification?.ssimMean }
        case .ssimMin: .number(.unitless, direction: .prefersLarger, digits: 5, "SSIM of the worst frame") { $0.verification?.ssimMin }
        case .colorMatrix:
            .text("matrix coefficients the stream is tagged with (`bt709`, `unknown`, …)") { $0.verification?.colorMatrix }
        case .colorPrimaries: .text("colour primaries tag") { $0.verification?.colorPrimaries }
        case .colorTransfer: .text("transfer characteristics tag") { $0.verification?.colorTransfer }
        case .colorRange: .text("`tv` (limited), `pc` (full) or `unknown`") { $0.verification?.colorRange }
        case .verifyS:
            .number(.seconds, direction: .prefersSmaller, digits: 3,
                    "time spent verifying the output (never part of any writing measurement)") {
                $0.verification?.verifySeconds
            }
        case .colorDecodedAs:
            .text("how verification converted the decoded YUV back to BGR: the tagged matrix/range, or `(assumed)` defaults for untagged streams (BT.601 below 720 lines, BT.709 from 720)") {
                $0.verification?.decodedAs
            }
        }
    }

    /// Unit, direction, number format, noise floor and meaning of the column.
    public var about: ColumnDescription { spec.about }

    private static let processCPUMeaning = "user and system CPU of the writerbench process during the run (all threads)"
    private static let childCPUMeaning =
        "user and system CPU of child processes reaped during the run (the ffmpeg encoder)"
}
