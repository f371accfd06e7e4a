import Analysis
import Strategies
/// Progress reported while a plan runs, for a live status line.
public enum RunProgress: Sendable {
    /// Frames are being generated for a frame set and size.
    case generating(frameSet: FrameSet, size: FrameSize, frames: Int)
    /// Configuration `index` (1-based) of `total` starts: one strategy (or encoder ceiling) on one frame set and
    /// size, `repetitions` recorded runs after the warm-up. Unavailable strategies are not counted.
    case configuration(index: Int, total: Int, repetitions: Int)
    /// A run is under way.
    case writing(strategy: String, frameSet: FrameSet, size: FrameSize, repetition: Int, framesDone: Int,
                 frames: Int, elapsedSeconds: Double, warmUp: Bool)
    /// The output of a run is being verified.
    case verifying(strategy: String)
    /// A run finished and produced this row.
    case finished(RunRecord)
}
