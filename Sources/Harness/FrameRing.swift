import Analysis
import Strategies

/// The frames of one run, generated before timing starts.
///
/// When all frames would exceed the memory budget, a ring of distinct frames is kept and frame `i` of the run is
/// frame `i % ringSize` of the set; `ringSize` goes into the CSV, and verification regenerates the same frames.
public struct FrameRing: Sendable {
    /// The frame set the frames come from.
    public let frameSet: FrameSet
    /// Size of every frame.
    public let size: FrameSize
    /// The distinct frames held.
    public let frames: [Frame]

    /// 1 GiB: 300 frames of 720p or 160 of 1080p fit.
    public static let defaultBudgetBytes = 1 << 30

    /// Generates `min(frameCount, budget / frameBytes)` frames (at least one).
    public init(frameSet: FrameSet, size: FrameSize, frameCount: Int, budgetBytes: Int = FrameRing.defaultBudgetBytes) {
        let frameBytes = size.width * size.height * 3
        let count = max(1, min(frameCount, budgetBytes / max(1, frameBytes)))
        self.frameSet = frameSet
        self.size = size
        self.frames = (0..<count).map { frameSet.frame($0, size: size) }
    }

    /// Number of distinct frames.
    public var ringSize: Int { frames.count }

    /// Frame `index` of the run.
    public subscript(index: Int) -> Frame { frames[index % frames.count] }

    /// The set's frame index that run frame `index` shows (for regenerating it).
    public func sourceIndex(of index: Int) -> Int { index % frames.count }
}
