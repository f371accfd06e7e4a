/// The encoder's own limit: libav converting and encoding frames that are already in memory, with the same encoder,
/// preset, CRF and threads as the strategy it is the ceiling for, into FFmpeg's `null` muxer.
///
/// It has every cost the real strategies cannot avoid (BGR→YUV conversion with the same policy, encoding) and none
/// they could remove (no caller pacing, queue, pipe, child process or file I/O). A strategy's `ceiling_ratio` is its
/// throughput divided by this one's, measured in the same invocation. It is a reference, not a writer: its output
/// is discarded, so it is never verified.
public struct EncoderCeilingStrategy: WriterStrategy {
    /// The name every ceiling row carries.
    public static let strategyName = "encoder-ceiling"

    public let name = EncoderCeilingStrategy.strategyName
    /// The settings of the strategies this is the ceiling for (container included; the ceiling replaces it by null).
    public let settings: EncoderSettings
    public let colorPolicy = ColorPolicy.bt709Limited
    private let encoding: LibAVStrategy

    /// The ceiling for strategies using `settings`.
    public init(settings: EncoderSettings) {
        self.settings = settings
        var discarding = settings
        discarding.container = "null"
        encoding = LibAVStrategy(name: EncoderCeilingStrategy.strategyName, settings: discarding)
    }

    public var summary: String { "reference: libav converts and encodes (\(settings.encoder)) into the null muxer" }
    public var isReference: Bool { true }
    public func availability() -> Availability { encoding.availability() }
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        try encoding.makeWriter(configuration)
    }
}
