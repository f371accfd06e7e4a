import Analysis

/// What a memory soak of one target (a writer strategy, or the pipeline with one strategy) found.
public struct SoakOutcome: Sendable {
    /// How the soak ended.
    public enum Status: Sendable, Equatable {
        /// Every frame was written and the writers finished.
        case completed
        /// The writer failed; the curve holds the readings up to the failure.
        case failed(reason: String)
        /// The strategy cannot run here.
        case unavailable(reason: String)
    }

    /// "ffmpeg-pipe-async", or "pipeline/libav-async".
    public var target: String
    /// How it ended.
    public var status: Status
    /// Resident memory every `sampleEvery` frames.
    public var curve = MemoryCurve()

    /// An outcome for `target` with no readings yet.
    public init(target: String, status: Status) {
        self.target = target
        self.status = status
    }
}
