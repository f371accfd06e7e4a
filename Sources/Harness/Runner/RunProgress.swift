import Analysis
import Strategies
/// Progress reported while a plan runs, for a live status line.
public enum RunProgress: Sendable {
    /// Frames are being generated for a frame set and size.
    case generating(frameSet: FrameSet, size: FrameSize, frames: Int)
    /// A run is under way.
    case writing(strategy: String, frameSet: FrameSet, size: FrameSize, repetition: Int, framesDone: Int,
                 frames: Int, elapsedSeconds: Double, warmUp: Bool)
    /// The output of a run is being verified.
    case verifying(strategy: String)
    /// A run finished and produced this row.
    case finished(RunRecord)
}
