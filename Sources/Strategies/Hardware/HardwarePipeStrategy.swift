/// Pipes raw frames into an `ffmpeg` child process that encodes with a hardware encoder: `hw-<encoder>-pipe`, e.g.
/// `hw-h264-vaapi-pipe`; synchronous writes, like ``FFmpegPipeStrategy``.
///
/// ffmpeg converts colour as ``FFmpegPipeStrategy`` does (BT.709, limited range, tagged), then either hands yuv420p
/// to encoders that take software frames or converts to NV12 and runs `hwupload` onto the device the encoder needs
/// (``HardwareUpload``). The encoder runs at its default rate control; preset and CRF are left out.
///
/// Available when ``EncoderProbe`` could make the ffmpeg program encode a frame with the same device options and
/// filters; otherwise every run is an `unavailable` row with ffmpeg's own words.
public struct HardwarePipeStrategy: WriterStrategy {
    public let name: String
    /// The hardware encoder this strategy drives.
    public let encoder: HardwareEncoder
    public let settings: EncoderSettings
    public let colorPolicy = ColorPolicy.bt709Limited
    /// An explicit ffmpeg path; nil looks in `$WRITERBENCH_FFMPEG`, then `$PATH`.
    public let ffmpegPath: String?
    /// Requested pipe buffer in bytes, as for ``FFmpegPipeStrategy``.
    public let pipeBufferBytes: Int

    /// Creates the strategy for `encoder`; `threads` is passed to the encoder (0: its default), the container is
    /// `container` (``ContainerFormat``: mp4, fmp4, mkv, …).
    public init(encoder: HardwareEncoder, threads: Int = 0, container: String = "mp4", ffmpegPath: String? = nil,
                pipeBufferBytes: Int = 1 << 20) {
        self.encoder = encoder
        name = encoder.strategyStem + "-pipe"
        settings = HardwareSettings.make(encoder, threads: threads, container: container)
        self.ffmpegPath = ffmpegPath
        self.pipeBufferBytes = pipeBufferBytes
    }

    public var summary: String {
        let path = encoder.upload == nil ? "" : ", hwupload"
        return "raw frames into an ffmpeg child process (\(encoder.ffmpegName)\(path)), synchronous writes; needs \(encoder.requirement)"
    }

    /// Unavailable when the container cannot be written here (``EncoderSettings/containerAvailability``); otherwise
    /// the ffmpeg program's answer for ``encoder``, cached per process and program (see ``EncoderProbe``).
    public func availability() -> Availability {
        if case .unavailable = settings.containerAvailability { return settings.containerAvailability }
        return EncoderProbe.availability(of: encoder, via: .ffmpeg, ffmpegPath: ffmpegPath)
    }

    /// Starts ffmpeg with the device options and upload filters the encoder needs.
    ///
    /// - Throws: ``WriterError/unavailable(strategy:reason:)`` with the probe's reason on a machine without the
    ///   hardware or without ffmpeg, ``WriterError/oddDimensions(width:height:)``,
    ///   ``WriterError/unwritableOutput(path:reason:)``, or a spawn failure.
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if case .unavailable(let reason) = availability() {
            throw WriterError.unavailable(strategy: name, reason: reason)
        }
        return try FFmpegPipeWriter.open(strategy: name, ffmpegPath: ffmpegPath, configuration: configuration,
                                         arguments: arguments(for: configuration), encoder: settings.encoder,
                                         pipeBufferBytes: pipeBufferBytes)
    }

    /// The ffmpeg command line (without the program name) for `configuration`: ``FFmpegCommandLine`` with the
    /// hardware frame path for ``encoder`` and ``EncoderOptions`` resolved from ``settings``.
    public func arguments(for configuration: WriterConfiguration) -> [String] {
        FFmpegCommandLine.arguments(for: configuration, encoding: EncoderOptions(settings, colorPolicy: colorPolicy),
                                    path: .hardware(encoder))
    }

    /// The command line of the probe's test encode (``FFmpegCommandLine/probeArguments(_:)``).
    static func probeArguments(_ encoder: HardwareEncoder) -> [String] {
        FFmpegCommandLine.probeArguments(encoder)
    }
}
