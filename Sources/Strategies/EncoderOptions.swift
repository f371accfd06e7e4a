/// Every encoder quirk WriterBench knows, resolved once from ``EncoderSettings``: the options the encoder gets, the
/// pixel format it encodes, the colour tags of its stream, the container and what its muxer is told.
///
/// Both encoding paths read this one value: ``FFmpegCommandLine`` renders it as the ffmpeg program's output options,
/// ``EncoderContext`` applies it to an `AVCodecContext`. "Equal settings" between a pipe strategy and its libav
/// counterpart therefore does not depend on two copies staying in step.
struct EncoderOptions: Sendable, Hashable {
    /// FFmpeg encoder name (`-c:v` value, `avcodec_find_encoder_by_name` argument).
    let encoder: String
    /// What the encoder is told besides its name, in the order of ffmpeg's command line. See ``resolve(_:)``.
    let options: [EncoderOption]
    /// The software layout frames are converted to before encoding (or before upload to a device, which converts
    /// once more, to NV12): yuv420p for every encoder WriterBench drives.
    let pixelFormat: PixelFormat
    /// Conversion matrix and range, and the tags the stream carries (matrix, primaries, transfer, range).
    let colorPolicy: ColorPolicy
    /// Output container as ``EncoderSettings/container`` names it (`mp4`, `fmp4`, `mkv`, or `null` to discard).
    let container: String
    /// libavformat's muxer for ``container`` (`mp4` for every mp4 flavour, `matroska` for `mkv`); an unknown name
    /// is passed on as it is, for the muxer to refuse.
    let muxer: String
    /// The muxer's options for ``container`` (fragmented mp4's `movflags`, Matroska's cluster length), in order:
    /// see ``ContainerFormat``. The ffmpeg command line and ``OutputContainer`` both read them from here.
    let muxerOptions: [MuxerOption]

    /// Resolves `settings` for a stream converted and tagged with `colorPolicy`.
    init(_ settings: EncoderSettings, colorPolicy: ColorPolicy = .bt709Limited) {
        encoder = settings.encoder
        options = Self.resolve(settings)
        pixelFormat = .yuv420p
        self.colorPolicy = colorPolicy
        container = settings.container
        muxer = settings.containerFormat?.muxer ?? settings.container
        muxerOptions = settings.containerFormat?.muxerOptions ?? []
    }

    /// The encoder-specific part:
    /// - libx264/libx265 (``EncoderSettings/usesPresetAndCRF``): `preset` and `crf`; libx265 also
    ///   `x265-params=log-level=error`, because x265 prints its banner and statistics with its own logger, past
    ///   `-loglevel` and `av_log`'s level.
    /// - mpeg4: the fixed quantiser ``EncoderSettings/mpeg4Quantiser``, since its default 200 kb/s target would make
    ///   quality comparisons meaningless.
    /// - every encoder: the thread count. Hardware encoders get nothing else: they run at their default rate
    ///   control, preset and CRF being x264/x265 options they lack.
    static func resolve(_ settings: EncoderSettings) -> [EncoderOption] {
        var options: [EncoderOption] = []
        if settings.usesPresetAndCRF {
            options += [.privateOption(name: "preset", value: settings.preset),
                        .privateOption(name: "crf", value: "\(settings.crf)")]
            if settings.encoder == "libx265" { options.append(.privateOption(name: "x265-params", value: "log-level=error")) }
        } else if settings.encoder == "mpeg4" {
            options.append(.fixedQuantiser(EncoderSettings.mpeg4Quantiser))
        }
        options.append(.threads(settings.threads))
        return options
    }

    /// The encoder on ffmpeg's command line: `-c:v` and every option of ``options``, in order.
    var ffmpegEncoderArguments: [String] {
        ["-c:v", encoder] + options.flatMap(\.ffmpegArguments)
    }

    /// The container on ffmpeg's command line, just before the output path: the muxer options and `-f muxer`.
    var ffmpegMuxerArguments: [String] {
        muxerOptions.flatMap(\.ffmpegArguments) + ["-f", muxer]
    }

    /// The stream's colour tags on ffmpeg's command line. The policy's matrix name (`bt709`) also names the
    /// primaries and the transfer characteristic, as ``EncoderContext`` reads it.
    var ffmpegColorArguments: [String] {
        ["-colorspace", colorPolicy.matrix, "-color_primaries", colorPolicy.matrix,
         "-color_trc", colorPolicy.matrix, "-color_range", colorPolicy.range]
    }
}
