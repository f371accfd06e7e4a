/// A writer that discards every frame: the cost of the code around a writer, with no writer cost.
///
/// `run` measures it like `encoder-ceiling` (a reference row per frame set × size, unless `--no-null`): its write
/// times are what the harness itself adds to every write (two clock reads, the call, the geometry check), and its
/// fps what the harness's loop (pacing, sample storage, progress) allows. The pipeline runs it as its baseline.
/// It is deliberately not in ``StrategyRegistry``: it writes no file, so `--all`, `list` and recommendations never
/// pick it as a writer.
public struct NullWriterStrategy: WriterStrategy {
    /// The name of the baseline's rows.
    public static let strategyName = "null"

    public let name = NullWriterStrategy.strategyName
    public let settings = EncoderSettings(encoder: "null", preset: "", crf: 0, container: "null")
    public let colorPolicy = ColorPolicy(matrix: "bt709", range: "tv", tagged: false)
    public var summary: String { "reference: discards frames (the harness without a writer)" }
    /// A reference measurement, not a writer a user would pick.
    public var isReference: Bool { true }

    /// Creates the strategy.
    public init() {}

    public func availability() -> Availability { .available }

    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        NullWriter(geometry: configuration.geometry)
    }
}

/// Checks each frame's geometry like a real writer, then drops it. Confined to its caller's thread.
final class NullWriter: VideoWriter {
    private let geometry: FrameGeometry
    private var frames = 0
    private var closed = false

    init(geometry: FrameGeometry) { self.geometry = geometry }

    func write(_ frame: Frame) throws {
        guard !closed else { throw WriterError.closed }
        try geometry.check(frame)
        frames += 1
    }

    func finish() throws -> WriterReport {
        guard !closed else { throw WriterError.closed }
        closed = true
        return WriterReport(bytesWritten: 0, encoderUsed: "null", framesWritten: frames)
    }

    func abort() { closed = true }
}
