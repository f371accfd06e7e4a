/// Encodes in-process with FFmpeg's libraries: libswscale converts each frame to yuv420p, libavcodec encodes it and
/// libavformat muxes it into the file; synchronous: each `write` returns once the frame is encoded (or queued inside
/// the encoder).
///
/// Takes the same ``EncoderSettings`` as ``FFmpegPipeStrategy``, which ``EncoderContext`` resolves into the same
/// ``EncoderOptions`` the pipe's command line is rendered from, and converts colour the same way (BT.709, limited
/// range, tagged), so the two encode at equal settings by construction. Wrap it in ``AsyncStrategy`` to move conversion and
/// encoding onto a writer thread.
///
/// Errors: configuration problems are thrown by ``makeWriter(_:)`` as ``WriterError`` (`oddDimensions`,
/// `unwritableOutput`, `unavailable`); every libav failure reaches the caller as
/// ``WriterError/encoderFailed(encoder:detail:)`` whose detail is the ``LibAVError`` description, i.e. the failing
/// call and `av_strerror`'s text (`avcodec_open2: Invalid argument`). One error type across strategies keeps the
/// harness's reporting uniform; the call name keeps the cause findable.
public struct LibAVStrategy: WriterStrategy {
    public let name: String
    public let settings: EncoderSettings
    public let colorPolicy = ColorPolicy.bt709Limited

    /// Creates the strategy; `name` defaults to `libav`.
    public init(name: String = "libav", settings: EncoderSettings = .default) {
        self.name = name
        self.settings = settings
    }

    public var summary: String {
        "frames encoded in-process by libavcodec (\(settings.encoder)) and muxed by libavformat, synchronous writes"
    }

    /// Available when this libavformat can write the container (``EncoderSettings/containerAvailability``) and
    /// this libavcodec build has the encoder, it takes yuv420p and it opens here; the encoder is probed once per
    /// encoder and process (see ``LibAVEncoderProbe``).
    public func availability() -> Availability {
        if case .unavailable = settings.containerAvailability { return settings.containerAvailability }
        return LibAVEncoderProbe.availability(of: settings.encoder)
    }

    /// Opens the encoder and writes the container header.
    ///
    /// - Throws: ``WriterError/unavailable(strategy:reason:)`` for an encoder that cannot run here,
    ///   ``WriterError/oddDimensions(width:height:)`` or ``WriterError/invalidConfiguration(_:)`` before anything is
    ///   created, ``WriterError/unwritableOutput(path:reason:)``, or ``WriterError/encoderFailed(encoder:detail:)``
    ///   when libav refuses the settings (e.g. an unknown preset or container).
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if case .unavailable(let reason) = availability() {
            throw WriterError.unavailable(strategy: name, reason: reason)
        }
        try configuration.validateForYUV420()
        try OutputPath.prepare(configuration.outputPath)
        return try LibAVWriter(configuration: configuration, settings: settings)
    }
}
