/// A way of writing frames to a video file, e.g. "pipe raw frames into ffmpeg".
///
/// A strategy is an immutable description plus a factory for writers. It has a stable kebab-case ``name`` used in
/// CSV rows, on the command line and in gate rules. Register new strategies in ``StrategyRegistry``.
public protocol WriterStrategy: Sendable {
    /// Stable kebab-case identifier (`ffmpeg-pipe`, `opencv-mp4v`, …).
    var name: String { get }
    /// One line for `writerbench list`.
    var summary: String { get }
    /// Encoder, preset, CRF, threads and container this strategy asks for.
    var settings: EncoderSettings { get }
    /// How this strategy converts colour and tags the stream.
    var colorPolicy: ColorPolicy { get }
    /// True for reference measurements (the encoder ceiling); see the default in the extension.
    var isReference: Bool { get }
    /// The bound of the queue its writers hold frames in after `write` returns, or nil when they have none (the
    /// default); the CSV's `queue` column. A strategy that wraps others forwards the one it will use.
    var queueCapacity: QueueCapacity? { get }
    /// Whether the strategy can run here; cheap enough to call before every run.
    func availability() -> Availability
    /// Opens a writer. Errors in the configuration (odd size, unwritable path, missing program) are thrown here,
    /// before any frame is accepted.
    func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter
}

extension WriterStrategy {
    /// True for reference measurements (the encoder ceiling), which are not writers a user would pick: the harness
    /// runs them at full speed, does not verify their discarded output and leaves them out of recommendations.
    public var isReference: Bool { false }

    /// No queue: writers are done with a frame when `write` returns.
    public var queueCapacity: QueueCapacity? { nil }

    /// The fields of ``settings`` that apply to this strategy's encoder, for reports: preset and CRF are nil when
    /// the encoder does not use them.
    public var reportedPreset: String? { settings.usesPresetAndCRF ? settings.preset : nil }
    /// See ``reportedPreset``.
    public var reportedCRF: Int? { settings.usesPresetAndCRF ? settings.crf : nil }
}
