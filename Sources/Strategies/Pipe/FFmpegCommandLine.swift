/// The ffmpeg program's command line for a pipe strategy, built from three parts: the raw frames on stdin, the
/// filters that bring them to what the encoder takes (software or hardware, see ``FramePath``), and the encoder,
/// its options and colour tags from ``EncoderOptions``, which ``EncoderContext`` applies in-process too.
///
/// Used by ``FFmpegPipeStrategy`` and ``HardwarePipeStrategy``; the probe of the ffmpeg program
/// (``probeArguments(_:)``) shares the device options and frame filters of a real run.
enum FFmpegCommandLine {
    /// How frames reach the encoder inside ffmpeg.
    enum FramePath: Sendable, Equatable {
        /// ffmpeg's scaler converts to the encoder's pixel format when the input is not already in it, and the
        /// output `-pix_fmt` states that format.
        case software
        /// Frames for `encoder`: always filtered into what it takes (the pixel format, or NV12 uploaded to its
        /// device with the device created by global options); no output `-pix_fmt`, which for surfaces would ask
        /// ffmpeg to download them again.
        case hardware(HardwareEncoder)
    }

    /// The command line (without the program name) that reads `configuration`'s frames as rawvideo from stdin and
    /// writes `configuration.outputPath` with `options`.
    static func arguments(for configuration: WriterConfiguration, encoding options: EncoderOptions,
                          path: FramePath) -> [String] {
        let geometry = configuration.geometry
        var arguments = ["-hide_banner", "-loglevel", "error", "-nostats", "-y"]
        arguments += deviceArguments(path)
        arguments += [
            "-f", "rawvideo", "-pix_fmt", geometry.format.ffmpegName,
            "-video_size", "\(geometry.width)x\(geometry.height)", "-framerate", configuration.frameRate.description,
            "-i", "pipe:0", "-an",
        ]
        arguments += filterArguments(from: geometry.format, options: options, path: path)
        arguments += options.ffmpegEncoderArguments
        if path == .software { arguments += ["-pix_fmt", options.pixelFormat.ffmpegName] }
        arguments += options.ffmpegColorArguments
        arguments += options.ffmpegMuxerArguments + [configuration.outputPath]
        return arguments
    }

    /// The command line of the hardware probe's test encode: one black frame from lavfi through the same device
    /// options and frame filters as a real run, into the null muxer. See ``EncoderProbe/frameSide`` for the size.
    static func probeArguments(_ encoder: HardwareEncoder) -> [String] {
        let side = EncoderProbe.frameSide
        let options = EncoderOptions(HardwareSettings.make(encoder, threads: 0))
        return ["-hide_banner", "-loglevel", "error", "-nostdin"]
            + deviceArguments(.hardware(encoder))
            + ["-f", "lavfi", "-i", "color=black:s=\(side)x\(side):d=0.1", "-frames:v", "1",
               "-vf", frameFilter(encoder, options: options)]
            + options.ffmpegEncoderArguments + ["-f", "null", "-"]
    }

    /// Global options that create the device a hardware encoder's frames are uploaded to; none otherwise.
    private static func deviceArguments(_ path: FramePath) -> [String] {
        guard case .hardware(let encoder) = path else { return [] }
        return encoder.upload?.ffmpegDeviceArguments ?? []
    }

    /// `-vf` with colour conversion (when the input is not the encoder's format) and, for hardware, the frame filter.
    private static func filterArguments(from input: PixelFormat, options: EncoderOptions, path: FramePath) -> [String] {
        let policy = options.colorPolicy
        // The scaler would otherwise use BT.601 while the stream is played as BT.709 (see ColorPolicy).
        let conversion = "scale=out_color_matrix=\(policy.matrix):out_range=\(policy.range)"
        switch path {
        case .software:
            guard input != options.pixelFormat else { return [] }
            return ["-vf", "\(conversion),format=\(options.pixelFormat.ffmpegName)"]
        case .hardware(let encoder):
            let filters = (input == options.pixelFormat ? [] : [conversion]) + [frameFilter(encoder, options: options)]
            return ["-vf", filters.joined(separator: ",")]
        }
    }

    /// What brings converted frames into what `encoder` takes: NV12 uploaded to its device, or the pixel format.
    private static func frameFilter(_ encoder: HardwareEncoder, options: EncoderOptions) -> String {
        encoder.upload?.ffmpegUploadFilters ?? "format=\(options.pixelFormat.ffmpegName)"
    }
}
