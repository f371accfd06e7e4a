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
    /// malloc's accounting taken with each reading of ``curve`` (same index; nil where unavailable).
    public var heap: [HeapUsage?] = []

    /// An outcome for `target` with no readings yet.
    public init(target: String, status: Status) {
        self.target = target
        self.status = status
    }

    /// Reads resident memory (into ``curve``) and malloc's accounting (into ``heap``) after `frame` frames.
    public mutating func read(afterFrames frame: Int) {
        guard let resident = PeakMemory.residentMiB() else { return }
        curve.record(frame: frame, residentMiB: resident)
        heap.append(HeapUsage.now())
    }
}
