import Strategies

/// What `writerbench crash` measures: for every strategy × container, a child WriterBench process is killed with
/// SIGKILL after handing the writer each of ``killFrames`` frames, and what survives is decoded; one ordinary
/// complete run of each strategy × container measures the container's write cost.
public struct CrashPlan: Sendable {
    /// Strategy names (``StrategyRegistry``), each built once per container.
    public var strategies: [String] = ["ffmpeg-pipe", "libav"]
    /// Containers to compare.
    public var containers: [ContainerFormat] = [.mp4, .fragmentedMP4, .matroska]
    /// Frame size.
    public var size: FrameSize = .default
    /// Frames of a complete run; kill points are fractions of it.
    public var frames = 150
    /// Stream frame rate, frames/s.
    public var fps = 30
    /// Where the kills happen, as fractions of ``frames`` (default 10 %, 50 %, 90 %).
    public var killFractions: [Double] = [0.1, 0.5, 0.9]
    /// The frames written.
    public var frameSet: FrameSet = .camera
    /// Encoder settings of every strategy; the container is replaced by each of ``containers``.
    public var settings: EncoderSettings = .default
    /// Directory for output videos and the children's stderr.
    public var outputDirectory: String
    /// The WriterBench program that runs ``CrashChild`` (`writerbench crash-child …`).
    public var childExecutable: String
    /// Longest wait, in seconds, for a child to hand its frames; past it the child is killed and the trial fails.
    public var childTimeoutSeconds = 300.0

    /// Creates a plan with the defaults above.
    public init(outputDirectory: String, childExecutable: String) {
        self.outputDirectory = outputDirectory
        self.childExecutable = childExecutable
    }

    /// The frame counts after which a child is killed: each fraction of ``frames``, rounded, at least 1 and at most
    /// ``frames``, without repeats, ascending.
    public var killFrames: [Int] {
        Array(Set(killFractions.map { min(frames, max(1, Int(($0 * Double(frames)).rounded()))) })).sorted()
    }

    /// The strategy called `name` writing `container`, or nil for an unknown name.
    public func strategy(_ name: String, container: ContainerFormat) -> (any WriterStrategy)? {
        var settings = settings
        settings.container = container.rawValue
        return StrategyRegistry.named(name, StrategyOptions(settings: settings))
    }
}
