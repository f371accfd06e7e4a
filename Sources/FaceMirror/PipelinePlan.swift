import Harness
import Strategies

/// What `writerbench pipeline` measures: the face-mirror pipeline, once per strategy, after a null-writer baseline.
public struct PipelinePlan: Sendable {
    /// Strategies whose writers take the three outputs, in order (the null baseline is added by the runner).
    public var strategies: [any WriterStrategy]
    /// The source frames.
    public var source: PipelineSource
    /// Frames processed before they are handed to the writers.
    public var batchSize = 100
    /// Midline column (see ``FaceMirror``); nil: `width / 2`, where the frame sets centre the face.
    public var midline: Int?
    /// Frame rate of the output streams, frames/s.
    public var streamFPS = 30
    /// Directory for the output videos.
    public var outputDirectory: String
    /// Whether to run the null-writer baseline first.
    public var baseline = true
    /// Whether to verify each output after its run.
    public var verify = true
    /// Measure PSNR on every k-th frame (every frame is always decoded for validity).
    public var verifyStride = 10
    /// How long a writer waits for a silent encoder (``WriterConfiguration/stallTimeout``).
    public var stallTimeout = WriterConfiguration.defaultStallTimeout
    /// Nice steps the pipeline's thread gives up, after opening the writers, while queueing writers encode: their
    /// threads then get the larger share of the cores and stay ahead of processing, so a batch boundary finds room
    /// in every queue (see the README, "Batch-transition delay"). 0 keeps the thread's priority. Each run then runs
    /// on a thread of its own, since a raised nice value cannot be lowered again without privilege.
    public var producerNice = PipelinePlan.defaultProducerNice
    /// `writerbench pipeline`'s default ``producerNice``.
    public static let defaultProducerNice = 0
    /// Whether a batch's hand-off holds back the writers' wake-ups until its last `write` (``VideoWriter/holdWakeUps(_:)``):
    /// the writer threads then start encoding after the hand-off instead of competing with it for the cores.
    public var holdsWakeUpsDuringHandOff = false
    /// Whether the pipeline's thread runs each hand-off to a queueing writer under a real-time priority, so that
    /// encoder threads cannot preempt it mid hand-off (needs `CAP_SYS_NICE` or `ulimit -r` ≥ 1; see
    /// ``HandOffPriority``). Synchronous writers encode inside `write`, so their hand-offs are left as they are.
    public var realtimeHandOff = false
    /// Why ``realtimeHandOff`` cannot work on this thread (the system's refusal), or nil when it can.
    public static var realtimeHandOffRefusal: String? {
        switch HandOffPriority.raise() {
        case .success(let raised): raised.restore(); return nil
        case .failure(let refused): return refused.description
        }
    }
    /// Whether to measure ``PipelineCeiling`` (three encoder-ceiling encodes per distinct encoder settings, after
    /// the strategy's run).
    public var ceiling = true
    /// Frames of each output the encoder ceiling encodes to measure its CPU per frame.
    public var ceilingFrames = 60
    /// Least time between two `.batch` progress reports (`.zero`: after every batch, as the memory soak needs).
    public var progressInterval = ProgressThrottle.defaultInterval

    /// Creates a plan writing outputs to `outputDirectory`.
    public init(strategies: [any WriterStrategy], source: PipelineSource, outputDirectory: String) {
        self.strategies = strategies
        self.source = source
        self.outputDirectory = outputDirectory
    }

    /// The midline actually used.
    public var effectiveMidline: Int { midline ?? source.size.width / 2 }

    /// The queue bound for each writer of a queueing strategy (`*-async`, `auto`) in a pipeline handing over batches
    /// of `batchSize` frames of `frameSize`: `requested` when given (`--queue`), otherwise the default widened to one
    /// whole batch plus ``queueHeadroom(batchSize:)`` frames of BGR24 (150 frames for a batch of 100).
    ///
    /// The writer thread must be able to take a whole batch without blocking the hand-off. A queue of exactly one
    /// batch blocks whenever an encoder is still a few frames behind at the boundary: measured at 1080p, batch 100,
    /// 3 and 14 frames queued at the first boundary after the encoders started (48.9 and 161.1 ms delays), and with
    /// a quarter batch of headroom still 28–32 frames in 2 of 27 runs (107 and 145 ms). The headroom absorbs such
    /// a backlog; the queue still bounds each writer's memory.
    public static func writerQueueCapacity(batchSize: Int, frameSize: FrameSize,
                                           requested: QueueCapacity? = nil) -> QueueCapacity {
        if let requested { return requested }
        let frames = batchSize + queueHeadroom(batchSize: batchSize)
        return QueueCapacity(frames: max(QueueCapacity.default.frames, frames),
                             bytes: max(QueueCapacity.default.bytes, frames * frameSize.width * frameSize.height * 3))
    }

    /// Frames a pipeline writer's default queue holds beyond one batch: half a batch, at least one.
    public static func queueHeadroom(batchSize: Int) -> Int { max(1, batchSize / 2) }
}
