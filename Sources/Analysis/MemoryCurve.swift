/// Resident memory sampled along a long run (a soak), and how much it grew once warmed up.
///
/// A writer that leaks per frame grows without bound; one that does not levels off once its queues, pools and
/// encoder buffers are full. So the curve is judged after a warm-up: the highest sample after it minus the sample
/// that ends it.
public struct MemoryCurve: Sendable, Equatable {
    /// One reading: resident memory (VmRSS, MiB) after `frame` frames.
    public struct Sample: Sendable, Equatable {
        /// Frames handed over when the reading was taken.
        public var frame: Int
        /// Resident memory, MiB.
        public var residentMiB: Double

        /// A reading of `residentMiB` after `frame` frames.
        public init(frame: Int, residentMiB: Double) {
            self.frame = frame
            self.residentMiB = residentMiB
        }
    }

    /// The readings, in frame order.
    public private(set) var samples: [Sample] = []

    /// An empty curve.
    public init() {}

    /// Adds a reading (frames must not go backwards).
    public mutating func record(frame: Int, residentMiB: Double) {
        precondition(samples.last.map { $0.frame <= frame } ?? true, "readings in frame order")
        samples.append(Sample(frame: frame, residentMiB: residentMiB))
    }

    /// The last reading at or before `warmUpFrames`: where the judged part starts. Nil when there is none.
    public func warmedUp(at warmUpFrames: Int) -> Sample? { samples.last { $0.frame <= warmUpFrames } }

    /// Growth after warm-up, MiB: the highest reading after `warmUpFrames` minus ``warmedUp(at:)``. Nil (not
    /// judgeable) when there is no reading on one side.
    public func growthMiB(afterWarmUp warmUpFrames: Int) -> Double? {
        guard let start = warmedUp(at: warmUpFrames),
              let peak = samples.filter({ $0.frame > warmUpFrames }).map(\.residentMiB).max() else { return nil }
        return peak - start.residentMiB
    }

    /// The last reading minus ``warmedUp(at:)``, MiB: where the curve ended up, rather than its highest point.
    public func driftMiB(afterWarmUp warmUpFrames: Int) -> Double? {
        guard let start = warmedUp(at: warmUpFrames), let last = samples.last, last.frame > warmUpFrames else { return nil }
        return last.residentMiB - start.residentMiB
    }
}
