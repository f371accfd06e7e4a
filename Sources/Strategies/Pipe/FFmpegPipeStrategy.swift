/// Pipes raw frames into an `ffmpeg` child process on its stdin; synchronous: each `write` returns once the
/// frame's bytes are in the pipe.
public struct FFmpegPipeStrategy: WriterStrategy {
    public let name: String
    public let settings: EncoderSettings
    public let colorPolicy = ColorPolicy.bt709Limited
    /// An explicit ffmpeg path; nil looks in `$WRITERBENCH_FFMPEG`, then `$PATH`.
    public let ffmpegPath: String?
    /// Requested pipe buffer in bytes (F_SETPIPE_SZ); the kernel may grant less.
    public let pipeBufferBytes: Int

    /// Creates the strategy.
    public init(name: String = "ffmpeg-pipe", settings: EncoderSettings = .default, ffmpegPath: String? = nil,
                pipeBufferBytes: Int = 1 << 20) {
        self.name = name
        self.settings = settings
        self.ffmpegPath = ffmpegPath
        self.pipeBufferBytes = pipeBufferBytes
    }

    public var summary: String { "raw frames into an ffmpeg child process's stdin (\(settings.encoder)), synchronous writes" }

    /// Unavailable without an ffmpeg program, or when the container cannot be written here
    /// (``EncoderSettings/containerAvailability``, asked of the linked libavformat).
    public func availability() -> Availability {
        if FFmpegExecutable.resolve(ffmpegPath) == nil { return .unavailable(reason: FFmpegExecutable.missingReason(ffmpegPath)) }
        return settings.containerAvailability
    }

    /// Starts ffmpeg on `configuration`.
    ///
    /// - Throws: ``WriterError/unavailable(strategy:reason:)`` for a container this FFmpeg cannot write, or what
    ///   starting the ffmpeg program throws (a missing program, an unwritable output, odd dimensions).
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if case .unavailable(let reason) = settings.containerAvailability {
            throw WriterError.unavailable(strategy: name, reason: reason)
        }
        return try FFmpegPipeWriter.open(strategy: name, ffmpegPath: ffmpegPath, configuration: configuration,
                                  arguments: arguments(for: configuration), encoder: settings.encoder,
                                  pipeBufferBytes: pipeBufferBytes)
    }

    /// The ffmpeg command line (without the program name) for `configuration`: ``FFmpegCommandLine`` with the
    /// software frame path and ``EncoderOptions`` resolved from ``settings``.
    public func arguments(for configuration: WriterConfiguration) -> [String] {
        FFmpegCommandLine.arguments(for: configuration, encoding: EncoderOptions(settings, colorPolicy: colorPolicy),
                                    path: .software)
    }
}
