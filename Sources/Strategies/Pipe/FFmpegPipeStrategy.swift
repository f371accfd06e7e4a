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

    public func availability() -> Availability {
        FFmpegExecutable.resolve(ffmpegPath) == nil ? .unavailable(reason: FFmpegExecutable.missingReason(ffmpegPath)) : .available
    }

    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        try FFmpegPipeWriter.open(strategy: name, ffmpegPath: ffmpegPath, configuration: configuration,
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
