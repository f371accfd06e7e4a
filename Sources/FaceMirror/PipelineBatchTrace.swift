import Analysis

/// What one batch of a pipeline run looked like at its boundary: why its hand-off took as long as it did.
///
/// A hand-off waits when a writer's queue has no room for the batch; ``queuedAtBoundary`` shows how far each writer
/// was behind when processing ended, ``handOffMs`` which writer the wait went to.
public struct PipelineBatchTrace: Sendable, Equatable {
    /// Batch-transition delay: wall time from the end of processing to the return of the batch's last `write`, ms.
    public var delayMs: Double
    /// Per output: frames still queued in its writer when processing of this batch ended (0 without a queue).
    public var queuedAtBoundary: [PipelineOutput: Int]
    /// Per output: time its `write` calls took during this batch's hand-off, ms.
    public var handOffMs: [PipelineOutput: Double]
    /// Wall time of reading and processing this batch, ms.
    public var processingMs: Double
    /// CPU time the pipeline's thread used for that, ms (less than ``processingMs`` when it waited for a core).
    public var processingCPUMs: Double
    /// When processing of this batch ended (the boundary), ms after the writers started opening; nil when not timed.
    public var boundaryAtMs: Double?
    /// Where the hand-off's wall time went (CPU, waiting for a core, asleep, taken by the host); nil where the
    /// thread's schedule cannot be read.
    public var account: HandOffAccount?

    /// Creates a trace.
    public init(delayMs: Double, queuedAtBoundary: [PipelineOutput: Int], handOffMs: [PipelineOutput: Double],
                processingMs: Double, processingCPUMs: Double, boundaryAtMs: Double? = nil,
                account: HandOffAccount? = nil) {
        self.delayMs = delayMs
        self.queuedAtBoundary = queuedAtBoundary
        self.handOffMs = handOffMs
        self.processingMs = processingMs
        self.processingCPUMs = processingCPUMs
        self.boundaryAtMs = boundaryAtMs
        self.account = account
    }

    /// The delay without the time the host took from the hand-off (``HandOffAccount/stolenMs``); the whole delay
    /// when that was not measured.
    public var delayExcludingStealMs: Double { delayMs - (account?.stolenMs ?? 0) }

    /// The output whose writes took the longest in this hand-off.
    public var slowestOutput: PipelineOutput? {
        PipelineOutput.allCases.max { (handOffMs[$0] ?? 0) < (handOffMs[$1] ?? 0) }
    }

    /// `r/l/d` queue depths at the boundary, e.g. `0/3/0`.
    public var queuedText: String {
        PipelineOutput.allCases.map { "\(queuedAtBoundary[$0] ?? 0)" }.joined(separator: "/")
    }
}
