/// Encodes in-process with a hardware encoder through FFmpeg's libraries: `hw-<encoder>-libav`, e.g.
/// `hw-h264-nvenc-libav`; synchronous writes, like ``LibAVStrategy``.
///
/// Encoders that take software frames (NVENC, AMF, V4L2 M2M, VideoToolbox) run through the same
/// ``LibAVEncodingSession`` as `libav` (BT.709 conversion to yuv420p, the encoder uploads); VA-API and QSV go through a
/// ``HardwareUploadSession``, which converts to NV12 and uploads to a surface before encoding. Either way the encoder
/// runs at its default rate control: preset and CRF are x264/x265 options, so the CSV leaves them empty.
///
/// Available when ``EncoderProbe`` could open the encoder in-process and encode a frame with it; otherwise every run
/// is an `unavailable` row with the probe's reason.
public struct HardwareLibAVStrategy: WriterStrategy {
    public let name: String
    /// The hardware encoder this strategy drives.
    public let encoder: HardwareEncoder
    public let settings: EncoderSettings
    public let colorPolicy = ColorPolicy.bt709Limited

    /// Creates the strategy for `encoder`; `threads` is passed to the encoder (0: its default), the container is
    /// `container` (``ContainerFormat``: mp4, fmp4, mkv, …).
    public init(encoder: HardwareEncoder, threads: Int = 0, container: String = "mp4") {
        self.encoder = encoder
        name = encoder.strategyStem + "-libav"
        settings = HardwareSettings.make(encoder, threads: threads, container: container)
    }

    public var summary: String {
        let path = encoder.upload == nil ? "software frames" : "NV12 frames uploaded to the device"
        return "in-process libav with \(encoder.ffmpegName) (\(path)), synchronous writes; needs \(encoder.requirement)"
    }

    /// Unavailable when the container cannot be written here (``EncoderSettings/containerAvailability``); otherwise
    /// the in-process probe's answer for ``encoder``, cached per process (see ``EncoderProbe``).
    public func availability() -> Availability {
        if case .unavailable = settings.containerAvailability { return settings.containerAvailability }
        return EncoderProbe.availability(of: encoder, via: .libav)
    }

    /// Opens the device (if the encoder needs one), the encoder and the file.
    ///
    /// - Throws: ``WriterError/unavailable(strategy:reason:)`` with the probe's reason on a machine without the
    ///   hardware, ``WriterError/oddDimensions(width:height:)``, ``WriterError/unwritableOutput(path:reason:)``, or
    ///   ``WriterError/encoderFailed(encoder:detail:)`` naming the libav call that failed.
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if case .unavailable(let reason) = availability() {
            throw WriterError.unavailable(strategy: name, reason: reason)
        }
        try configuration.validateForYUV420()
        try OutputPath.prepare(configuration.outputPath)
        return try Self.open(encoder, configuration: configuration, settings: settings)
    }

    /// Opens the writer for `encoder` without consulting the probe: the probe itself calls this.
    static func open(_ encoder: HardwareEncoder, configuration: WriterConfiguration,
                     settings: EncoderSettings) throws -> any VideoWriter {
        try LibAVWriter(configuration: configuration, settings: settings, upload: encoder.upload)
    }
}

/// The ``EncoderSettings`` every hardware strategy reports.
enum HardwareSettings {
    /// The encoder's name, no preset or CRF (x264/x265 options the hardware encoders lack; ``EncoderSettings``
    /// leaves them out of the CSV for any encoder but those), `threads`, `container`.
    static func make(_ encoder: HardwareEncoder, threads: Int, container: String = "mp4") -> EncoderSettings {
        EncoderSettings(encoder: encoder.ffmpegName, preset: "", crf: 0, threads: threads, container: container)
    }
}
