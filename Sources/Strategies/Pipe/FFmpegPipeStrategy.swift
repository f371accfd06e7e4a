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

    /// The ffmpeg command line (without the program name) for `configuration`.
    public func arguments(for configuration: WriterConfiguration) -> [String] {
        let geometry = configuration.geometry
        var arguments = [
            "-hide_banner", "-loglevel", "error", "-nostats", "-y",
            "-f", "rawvideo", "-pix_fmt", geometry.format.ffmpegName,
            "-video_size", "\(geometry.width)x\(geometry.height)", "-framerate", "\(configuration.fps)",
            "-i", "pipe:0", "-an",
        ]
        if geometry.format != .yuv420p {
            // The scaler would otherwise use BT.601 while the stream is played as BT.709 (see ColorPolicy).
            arguments += ["-vf", "scale=out_color_matrix=\(colorPolicy.matrix):out_range=\(colorPolicy.range),format=yuv420p"]
        }
        arguments += FFmpegEncoderArguments.make(settings)
        arguments += ["-pix_fmt", "yuv420p",
                      "-colorspace", colorPolicy.matrix, "-color_primaries", colorPolicy.matrix,
                      "-color_trc", colorPolicy.matrix, "-color_range", colorPolicy.range,
                      "-f", settings.container, configuration.outputPath]
        return arguments
    }
}

/// Encoder options on ffmpeg's command line, shared by every strategy that runs the ffmpeg program.
enum FFmpegEncoderArguments {
    static func make(_ settings: EncoderSettings) -> [String] {
        var arguments = ["-c:v", settings.encoder]
        if settings.usesPresetAndCRF {
            arguments += ["-preset", settings.preset, "-crf", "\(settings.crf)"]
            if settings.encoder == "libx265" { arguments += ["-x265-params", "log-level=error"] }
        } else if settings.encoder == "mpeg4" {
            arguments += ["-q:v", "\(EncoderSettings.mpeg4Quantiser)"]
        }
        if settings.threads > 0 { arguments += ["-threads", "\(settings.threads)"] }
        return arguments
    }
}
