import Harness
import Strategies

/// The frame set and size a command reads when `--frameset` and `--size` are not given (see ``FrameSourceOptions``).
protocol FrameSourceDefaults {
    /// The default `--frameset`.
    static var frameSet: FrameSet { get }
    /// The default `--size`.
    static var size: FrameSize { get }
}
