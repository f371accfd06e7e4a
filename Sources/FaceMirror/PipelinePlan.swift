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
    /// of `batchSize` frames of `frameSize`: `requested` when given (`--queue`), otherwise the default widened to at
    /// least one whole batch of BGR24 frames.
    ///
    /// The writer thread must be able to take a whole batch without blocking the hand-off; the queue still bounds
    /// each writer's memory, at one batch of frames.
    public static func writerQueueCapacity(batchSize: Int, frameSize: FrameSize,
                                           requested: QueueCapacity? = nil) -> QueueCapacity {
        if let requested { return requested }
        let batchBytes = batchSize * frameSize.width * frameSize.height * 3
        return QueueCapacity(frames: max(QueueCapacity.default.frames, batchSize),
                             bytes: max(QueueCapacity.default.bytes, batchBytes))
    }
}
