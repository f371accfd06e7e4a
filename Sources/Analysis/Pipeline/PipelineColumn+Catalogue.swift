extension PipelineColumn: DescribedColumn {
    /// The pipeline CSV's catalogue entry for this column: unit, direction, number format and meaning.
    /// results/README.md's "Pipeline CSV" table is generated from these entries; how a `PipelineRecord` yields each
    /// value lives next to the record (FaceMirror), which this module cannot see.
    public var about: ColumnDescription {
        switch self {
        // Environment
        case .timestamp: .text("ISO 8601 UTC time the invocation started")
        case .gitRevision: .text("as in the run CSV")
        case .host: .text("host name")
        case .cpuModel: .text("CPU model")
        case .logicalCores: .integer(.unitless, "logical cores available to the process")
        case .os: .text("kernel and distribution, as in the run CSV (with `cpu_model` and `logical_cores` it makes the machine ID); empty in pipeline CSVs written before this column")
        case .libavVersion: .text("FFmpeg libraries linked in-process, as in the run CSV")
        case .ffmpegVersion: .text("version of the `ffmpeg` program, as in the run CSV; empty when none is found")
        case .opencvVersion: .text("OpenCV linked in-process, as in the run CSV")
        // Configuration
        case .runID: .text("unique id of the row (`p<timestamp digits>-<pid>-<n>`)")
        case .strategy: .text("strategy whose writers took the outputs; `null` for the baseline")
        case .encoder: .text("encoder the strategy asks for (what the console names at the start)")
        case .encoderUsedRight, .encoderUsedLeft, .encoderUsedDebug:
            .text("encoder each output's writer reported at finish")
        case .queue: .text("queue bound of asynchronous strategies; empty for synchronous ones")
        case .frameset: .text("source frame set (`talking-head` by default); empty for `--input`")
        case .input: .text("source video file; empty for a frame set")
        case .width, .height: .integer(.pixels, "frame size of source and outputs")
        case .frames: .integer(.frames, "frames processed and handed to all three writers")
        case .ringSize: .integer(.frames, "distinct pre-generated source frames (frame sets only)")
        case .streamFPS: .integer(.framesPerSecond, "frame rate of the output streams")
        case .midline:
            .integer(.pixels, "midline column *m*: columns *x < m* are the left part, *x ≥ m* the right part")
        case .batchSize:
            .integer(.frames, "frames processed before they are handed to the writers (`--batch`)")
        case .batches: .integer(.unitless, "batches handed over")
        // Outcome
        case .status: .text("`ok`, `unavailable` or `failed`")
        case .failedOutput:
            .text("for `failed` rows caused by a writer: the output (`right`, `left`, `debug`) whose writer failed")
        case .reason:
            .text("why a row is unavailable or failed (names the failed output and how the others were finished)")
        // Throughput
        case .pipelineFPS: .number(.framesPerSecond, direction: .prefersLarger, digits: 2, "frames / `total_s`")
        case .nullWriterFPS:
            .number(.framesPerSecond, digits: 2, "the `null` row's `pipeline_fps` in the same invocation")
        case .writerOverheadPct:
            .number(.percent, direction: .prefersSmaller, digits: 1, "(1 − `pipeline_fps` / `null_writer_fps`) · 100")
        case .processingMsPerFrame:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "mean time to read (decode or take from the ring) and process one source frame into its three outputs")
        case .poolCopies:
            .integer(.frames, direction: .prefersSmaller,
                     "output frames whose recycled storage was still held by a writer, so processing wrote into a copy (`OutputBufferPool`; output storage is reused round-robin over one batch for synchronous writers, two for asynchronous ones)")
        case .batchDelayMsP50:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "median batch-transition delay: per batch, wall time from the end of its processing to the return of its last `write`, i.e. what the pipeline waits for writers before it can start the next batch (synchronous writers: the whole encode; async: the queue hand-off)")
        case .batchDelayMsMax:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3, "the largest batch-transition delay")
        case .queueBlockedMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "async strategies: total time the three writers' `write` waited for room in a full queue (back-pressure, as opposed to scheduling delays)")
        case .warmupMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 1,
                    "one-time cost before the first frame: touching the output buffer pool (done before the timed run, so outside `total_s`) plus opening the three writers (inside `total_s`)")
        case .steadyFPS:
            .number(.framesPerSecond, direction: .prefersLarger, digits: 2,
                    "steady-state pipeline fps: frames the slowest output's writer took (handed minus queued) per second from the second batch boundary to the last, so neither open, first batch nor final drain counts and runs of different lengths compare; with fewer than three batches frames / (`total_s` − writer open time)")
        case .nullWriterSteadyFPS:
            .number(.framesPerSecond, digits: 2, "the `null` row's `steady_fps` in the same invocation")
        case .processingCPUMsPerFrame:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "CPU the pipeline's thread used per frame reading and processing (below `processing_ms_per_frame` when it waited for a core)")
        case .pipelineCeilingFPS:
            .number(.framesPerSecond, digits: 2,
                    "the pipeline's own ceiling, measured in the same invocation: logical cores × 1000 / `ceiling_cpu_ms_per_frame` (model in \"Pipeline ceiling\" below)")
        case .ceilingCPUMsPerFrame:
            .number(.milliseconds, digits: 3,
                    "CPU one source frame needs without any writer cost: the null row's processing CPU plus the encoder ceiling's CPU for each of the three outputs")
        case .ceilingRatio:
            .number(.ratio, direction: .prefersLarger, digits: 3, "`steady_fps` / `pipeline_ceiling_fps`")
        case .batchDelayWorstBatch:
            .integer(.unitless, "the batch (1-based) with the largest batch-transition delay")
        case .batchDelayWorstOutput:
            .text("the output whose `write` calls took the longest in that batch's hand-off")
        case .boundaryQueueMaxRight, .boundaryQueueMaxLeft, .boundaryQueueMaxDebug:
            .integer(.frames, direction: .prefersSmaller,
                     "per output: the most frames still queued in its writer when a batch's processing ended (0 for writers without a queue)")
        case .batchDelaysMs:
            .text("every batch's transition delay in ms, in order, `;`-separated")
        case .boundaryQueues:
            .text("every batch boundary's queue depths `right/left/debug` in frames, in order, `;`-separated")
        case .processThreadsMax:
            .integer(.unitless, "most threads the writerbench process had at a batch boundary (writer and encoder worker threads included)")
        case .handOff:
            .text("opt-in hand-off levers the run used, `;`-separated: `hold-wake-ups`, `producer-nice=N`, `realtime` (or `realtime refused: REASON`); empty: none")
        case .batchDelayExclStealMsMax:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "the largest batch-transition delay less the time the host (hypervisor) took from that hand-off: per batch, the delay minus its wall time off CPU when the pipeline's thread never slept in it (neither on a CPU nor waiting for one, so its virtual CPU was not running; see \"Batch-transition delay\" in the README); equals `batch_delay_ms_max` where the thread's schedule is unreadable. What the batch-delay criterion and gate rule judge")
        case .batchDelayWorstCPUMs:
            .number(.milliseconds, digits: 3, "the worst batch's hand-off: CPU time of the pipeline's thread (its CPU clock)")
        case .batchDelayWorstRunQueueMs:
            .number(.milliseconds, digits: 3, "the worst batch's hand-off: time the pipeline's thread was runnable but waited for a core")
        case .batchDelayWorstOffCPUMs:
            .number(.milliseconds, digits: 3,
                    "the worst batch's hand-off: wall time neither on a CPU nor waiting for one (asleep, or taken by the host)")
        case .batchDelayWorstSleeps:
            .integer(.unitless, "the worst batch's hand-off: times the pipeline's thread blocked in it (voluntary context switches: a full queue, a lock); 0 means its off-CPU time was the host's")
        case .batchHandOffs:
            .text("per batch, in order, where its hand-off's time went: `CPU/RUNQUEUE/OFFCPU/SLEEPS` (ms, ms, ms, count; as in the `batch_delay_worst_*` columns), `;`-separated; empty where the thread's schedule is unreadable")
        case .hostStealPct:
            .number(.percent, digits: 2, "percent of the machine's CPU time the host gave to other guests during the run (steal, `/proc/stat`); empty where unreadable")
        // Writes, per output
        case .writeMsP50Right, .writeMsP95Right, .writeMsP99Right, .writeMsMaxRight:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4,
                    "caller-blocking time of one `write` to the right output's writer: percentiles and maximum")
        case .writeMsP50Left, .writeMsP95Left, .writeMsP99Left, .writeMsMaxLeft:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "the same for the left output")
        case .writeMsP50Debug, .writeMsP95Debug, .writeMsP99Debug, .writeMsMaxDebug:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4, "the same for the debug output")
        case .finishMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 3,
                    "finishing the three writers, one after the other (async: draining their queues)")
        case .totalS:
            .number(.seconds, direction: .prefersSmaller, digits: 4,
                    "wall time from opening the writers to the end of finishing them")
        case .totalSPer1000Frames:
            .number(.seconds, direction: .prefersSmaller, digits: 3,
                    "`total_s` scaled linearly to 1000 frames (the \"1000-frame video in under 65 s\" criterion at any length)")
        // Resources
        case .cpuUserS, .cpuSysS:
            .number(.seconds, direction: .prefersSmaller, digits: 3,
                    "user and system CPU of the writerbench process during the row (all threads)")
        case .childCPUUserS, .childCPUSysS:
            .number(.seconds, direction: .prefersSmaller, digits: 3,
                    "user and system CPU of child processes reaped during the row (ffmpeg encoders)")
        case .peakRSSMB:
            .number(.mebibytes, direction: .prefersSmaller, digits: 1,
                    "peak resident memory during the row (high-water mark reset first); includes the source ring and the batch")
        case .bytesRight, .bytesLeft, .bytesDebug:
            .integer(.bytes, direction: .prefersSmaller, "size of each output file")
        // Validity and quality
        case .valid:
            .flag("`true` when all three outputs verified valid, `false` when one did not; empty when not verified")
        case .validRight, .validLeft, .validDebug:
            .flag("per output: decodes to exactly the frames, size and duration written")
        case .invalidReason: .text("every mismatch found, prefixed by its output")
        case .psnrDB:
            .number(.decibels, direction: .prefersLarger, digits: 3,
                    "the lowest of the three outputs' mean BGR PSNR (the worst output)")
        case .psnrDBRight, .psnrDBLeft, .psnrDBDebug:
            .number(.decibels, direction: .prefersLarger, digits: 3,
                    "mean BGR PSNR of each output against the expected processed frames, regenerated from the source (frame set: regenerated; `--input`: decoded again and processed again), on every `--verify-stride`-th frame (default 10)")
        case .verifyS:
            .number(.seconds, direction: .prefersSmaller, digits: 3,
                    "time spent verifying the three outputs (never part of any measurement)")
        }
    }
}
