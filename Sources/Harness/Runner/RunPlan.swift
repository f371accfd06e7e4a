import Analysis
import Strategies

/// What `writerbench run` measures: strategies × frame sets × sizes × repetitions, and how.
public struct RunPlan: Sendable {
    /// Strategies to run, in order.
    public var strategies: [any WriterStrategy]
    /// Frame sets to feed.
    public var frameSets: [FrameSet] = [.camera]
    /// Frame sizes.
    public var sizes: [FrameSize] = [.default]
    /// Frames written per run.
    public var frames = 300
    /// Stream frame rate (time base of the output); may be fractional (30000/1001).
    public var frameRate = FrameRate(30)
    /// The stream rate rounded to whole frames/s; setting it makes the rate whole.
    public var streamFPS: Int {
        get { Int(frameRate.value.rounded()) }
        set { frameRate = FrameRate(newValue) }
    }
    /// When frames are offered.
    public var pace: Pace = .max
    /// Recorded repetitions per configuration.
    public var repetitions = 1
    /// Whether one short unrecorded warm-up run precedes each strategy × frame set × size.
    public var warmUp = true
    /// Directory for output videos.
    public var outputDirectory: String
    /// Largest memory the pre-generated frames of one configuration may take (see ``FrameRing``).
    public var memoryBudgetBytes = FrameRing.defaultBudgetBytes
    /// Whether to measure an `encoder-ceiling` row for every frame set × size × encoder settings measured, and fill
    /// every row's `ceiling_ratio` from it. The ceiling always runs at `--pace max`.
    public var ceiling = true
    /// Whether to measure a `null` row (``NullWriterStrategy``: a writer that discards frames) for every frame set ×
    /// size, first: what the harness itself costs per write. Like the ceiling it runs at `--pace max` and is never
    /// verified. Off unless asked for (`writerbench run` asks, unless `--no-null`), so a plan measures only what
    /// it names.
    public var nullBaseline = false
    /// Debugging aid: extra delay, in microseconds, added to every write of the measured strategies (not the
    /// ceiling), to demonstrate that regression checks catch a slowdown. 0 in every real measurement.
    public var debugWriteDelayMicroseconds: UInt32 = 0
    /// How long a writer waits for a silent encoder (``WriterConfiguration/stallTimeout``); in-process encoders that
    /// cannot be interrupted get a note in the row's reason when a write or finish took longer.
    public var stallTimeout = WriterConfiguration.defaultStallTimeout

    /// Creates a plan writing outputs to `outputDirectory`.
    public init(strategies: [any WriterStrategy], outputDirectory: String) {
        self.strategies = strategies
        self.outputDirectory = outputDirectory
    }

    /// Frames in a warm-up run: two seconds of stream, at most the run's length.
    public var warmUpFrames: Int { min(frames, max(1, 2 * streamFPS)) }
}
