import Analysis
import Strategies

/// A writer that discards every frame: the pipeline's baseline, measuring the pipeline without any writer cost.
///
/// It lives in the harness and is deliberately not in ``StrategyRegistry``: it writes no file, so `run --all`, `list`
/// and recommendations never see it. Only the pipeline runs it, and marks its row `null`.
public struct NullWriterStrategy: WriterStrategy {
    /// The name of the baseline's rows.
    public static let strategyName = "null"

    public let name = NullWriterStrategy.strategyName
    public let settings = EncoderSettings(encoder: "null", preset: "", crf: 0, container: "null")
    public let colorPolicy = ColorPolicy(matrix: "bt709", range: "tv", tagged: false)
    public var summary: String { "reference: discards frames (the pipeline without a writer)" }
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
