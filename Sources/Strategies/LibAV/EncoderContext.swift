import CFFmpeg

/// An open libavcodec video encoder: owns the `AVCodecContext` and frees it in `deinit`.
///
/// Takes yuv420p software pictures (``EncoderFrame``), or, for encoders that only take frames in device memory
/// (`h264_vaapi`, `h264_qsv`), surfaces from the hardware frames context it was opened with (``HardwareFrames``).
/// Configured from the ``EncoderOptions`` that ``FFmpegCommandLine`` renders for the ffmpeg program, so pipe and
/// in-process strategies encode at equal settings by construction: preset and CRF for libx264/libx265, a fixed
/// quantiser for mpeg4, the thread count for all, hardware encoders at their default rate control. The stream is
/// tagged with the options' colour policy (BT.709, limited range), which is what ``ColorConverter`` produces.
/// Confined to the thread that owns its session (``LibAVEncodingSession``, ``HardwareUploadSession``).
final class EncoderContext {
    /// The name of the codec implementation that is encoding (e.g. `libx264`).
    let codecName: String
    /// Time base of the pictures sent and the packets received: 1/fps, so a picture's pts is its frame index.
    let timeBase: AVRational
    /// The options libav accepted for this encoder, in the order they were applied: ``EncoderOptions/options``.
    let appliedOptions: [EncoderOption]
    private var context: UnsafeMutablePointer<AVCodecContext>?

    /// Opens the encoder called `settings.encoder` for `width`×`height` pictures in `pixelFormat` at `fps`.
    ///
    /// - Parameters:
    ///   - globalHeader: put codec headers in extradata instead of every keyframe, for muxers that want them once
    ///     (mp4's `avcC`).
    ///   - pixelFormat: what the encoder is sent: nil for software pictures in the options' pixel format (yuv420p),
    ///     or the surface format of `hardwareFrames` (`AV_PIX_FMT_VAAPI`, `AV_PIX_FMT_QSV`).
    ///   - hardwareFrames: the frames context the surfaces come from; the encoder takes its own reference. Nil for
    ///     software pictures.
    /// - Throws: ``LibAVError`` naming the failing call: `avcodec_find_encoder_by_name` when the encoder is missing
    ///   or cannot take `pixelFormat` (see ``unsupportedReason(_:)``), `av_opt_set` for a rejected option,
    ///   `av_buffer_ref` when out of memory, `avcodec_open2` when the encoder refuses the configuration (e.g. an
    ///   unknown preset) or the device refuses the encoder.
    init(settings: EncoderSettings, width: Int, height: Int, frameRate: FrameRate, globalHeader: Bool,
         pixelFormat: AVPixelFormat? = nil,
         hardwareFrames: UnsafeMutablePointer<AVBufferRef>? = nil) throws {
        let options = EncoderOptions(settings)
        let pixelFormat = try pixelFormat ?? Self.libavPixelFormat(options.pixelFormat)
        let codec = try Self.lookUp(options.encoder, taking: pixelFormat)
        guard let allocated = avcodec_alloc_context3(codec) else {
            throw LibAVError(call: "avcodec_alloc_context3", message: "out of memory")
        }
        let timeBase = AVRational(num: Int32(frameRate.denominator), den: Int32(frameRate.numerator))
        do {
            allocated.pointee.width = Int32(width)
            allocated.pointee.height = Int32(height)
            allocated.pointee.pix_fmt = pixelFormat
            allocated.pointee.time_base = timeBase
            allocated.pointee.framerate = AVRational(num: Int32(frameRate.numerator), den: Int32(frameRate.denominator))
            if globalHeader { allocated.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
            if let hardwareFrames {
                // The context's own reference, released by avcodec_free_context.
                guard let reference = av_buffer_ref(hardwareFrames) else {
                    throw LibAVError(call: "av_buffer_ref", message: "out of memory")
                }
                allocated.pointee.hw_frames_ctx = reference
            }
            appliedOptions = try Self.apply(options, to: allocated)
            try LibAVError.check(avcodec_open2(allocated, codec, nil), "avcodec_open2")
        } catch {
            var owned: UnsafeMutablePointer<AVCodecContext>? = allocated
            avcodec_free_context(&owned)
            throw error
        }
        context = allocated
        codecName = String(cString: codec.pointee.name)
        self.timeBase = timeBase
    }

    /// Applies `options` to a context for their encoder that is never opened, and returns what libav accepted.
    ///
    /// What ``init(settings:width:height:fps:globalHeader:pixelFormat:hardwareFrames:)`` would tell the encoder,
    /// without needing the encoder to open here: works for hardware encoders on a machine without the hardware.
    /// - Throws: ``LibAVError`` from `avcodec_find_encoder_by_name` when the build lacks the encoder, or from the
    ///   option libav rejected.
    static func dryRun(_ options: EncoderOptions) throws -> [EncoderOption] {
        guard let codec = avcodec_find_encoder_by_name(options.encoder) else {
            throw LibAVError(call: "avcodec_find_encoder_by_name",
                             message: "encoder '\(options.encoder)' not found in this libavcodec build")
        }
        guard let context = avcodec_alloc_context3(codec) else {
            throw LibAVError(call: "avcodec_alloc_context3", message: "out of memory")
        }
        defer {
            var owned: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&owned)
        }
        return try apply(options, to: context)
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// Why `name` cannot encode WriterBench's yuv420p video with this libavcodec build, or nil when it can be looked
    /// up, is a video encoder and accepts yuv420p. Does not open the encoder.
    static func unsupportedReason(_ name: String) -> String? {
        do {
            _ = try lookUp(name)
            return nil
        } catch let error as LibAVError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// Hands the encoder one picture, or signals the end of input when `picture` is nil.
    ///
    /// Callers drain ``receive(into:)`` after every send, so the encoder never refuses input with EAGAIN.
    /// - Throws: ``LibAVError`` from `avcodec_send_frame`.
    func send(_ picture: EncoderFrame?) throws {
        try LibAVError.check(avcodec_send_frame(context, picture?.pointer), "avcodec_send_frame")
    }

    /// Hands the encoder one surface from its hardware frames context (``HardwareFrames/upload(_:)``); the encoder
    /// keeps its own reference. End the input with `send(nil)`.
    ///
    /// - Throws: ``LibAVError`` from `avcodec_send_frame`.
    func send(surface: UnsafeMutablePointer<AVFrame>) throws {
        try LibAVError.check(avcodec_send_frame(context, surface), "avcodec_send_frame")
    }

    /// Takes the next encoded packet into `packet`, in this encoder's ``timeBase``.
    ///
    /// - Returns: false when the encoder needs more input or is fully drained.
    /// - Throws: ``LibAVError`` from `avcodec_receive_packet` for an encoding error.
    func receive(into packet: EncodedPacket) throws -> Bool {
        let result = avcodec_receive_packet(context, packet.pointer)
        if result == cffmpeg_averror_eagain() || result == cffmpeg_averror_eof() { return false }
        try LibAVError.check(result, "avcodec_receive_packet")
        return true
    }

    /// Describes the opened encoder's output (codec, size, extradata, colour tags) in a stream's parameters.
    ///
    /// - Throws: ``LibAVError`` from `avcodec_parameters_from_context`.
    func copyParameters(to parameters: UnsafeMutablePointer<AVCodecParameters>) throws {
        try LibAVError.check(avcodec_parameters_from_context(parameters, context), "avcodec_parameters_from_context")
    }

    /// The encoder called `name`, checked to be a video encoder that takes `pixelFormat`.
    private static func lookUp(_ name: String,
                               taking pixelFormat: AVPixelFormat = AV_PIX_FMT_YUV420P) throws -> UnsafePointer<AVCodec> {
        guard let codec = avcodec_find_encoder_by_name(name) else {
            throw LibAVError(call: "avcodec_find_encoder_by_name",
                             message: "encoder '\(name)' not found in this libavcodec build")
        }
        guard codec.pointee.type == AVMEDIA_TYPE_VIDEO else {
            throw LibAVError(call: "avcodec_find_encoder_by_name", message: "encoder '\(name)' is not a video encoder")
        }
        // A nil list means the encoder does not advertise its formats; avcodec_open2 will judge.
        if var format = codec.pointee.pix_fmts {
            while format.pointee != pixelFormat {
                guard format.pointee != AV_PIX_FMT_NONE else {
                    let formatName = av_get_pix_fmt_name(pixelFormat).map { String(cString: $0) }
                        ?? "\(pixelFormat.rawValue)"
                    throw LibAVError(call: "avcodec_find_encoder_by_name",
                                     message: "encoder '\(name)' does not take \(formatName), which WriterBench's libav strategies write")
                }
                format += 1
            }
        }
        return codec
    }

    /// Sets the colour tags and every option of `options` on `context`, in order.
    ///
    /// - Returns: the options applied, each only once libav accepted it.
    /// - Throws: ``LibAVError`` from `av_opt_set` for a rejected private option, or naming the lookup of a colour
    ///   name libavutil does not know.
    private static func apply(_ options: EncoderOptions, to context: UnsafeMutablePointer<AVCodecContext>) throws
        -> [EncoderOption] {
        try tagColor(options.colorPolicy, on: context)
        var applied: [EncoderOption] = []
        for option in options.options {
            switch option {
            case .privateOption(let name, let value):
                try LibAVError.check(av_opt_set(context.pointee.priv_data, name, value, 0), "av_opt_set(\(name)=\(value))")
            case .fixedQuantiser(let quantiser):
                // What the ffmpeg program makes of `-q:v q`: a fixed quantiser, expressed as lambda.
                context.pointee.flags |= AV_CODEC_FLAG_QSCALE
                context.pointee.global_quality = Int32(quantiser) * FF_QP2LAMBDA
            case .threads(let count):
                context.pointee.thread_count = Int32(count)
            }
            applied.append(option)
        }
        return applied
    }

    /// Tags the stream as ffmpeg's `-colorspace`, `-color_primaries`, `-color_trc` and `-color_range` do, from the
    /// same names (``EncoderOptions/ffmpegColorArguments``).
    private static func tagColor(_ policy: ColorPolicy, on context: UnsafeMutablePointer<AVCodecContext>) throws {
        context.pointee.colorspace = AVColorSpace(rawValue: try colorValue(av_color_space_from_name(policy.matrix),
                                                                           "av_color_space_from_name", policy.matrix))
        context.pointee.color_primaries = AVColorPrimaries(
            rawValue: try colorValue(av_color_primaries_from_name(policy.matrix), "av_color_primaries_from_name", policy.matrix))
        context.pointee.color_trc = AVColorTransferCharacteristic(
            rawValue: try colorValue(av_color_transfer_from_name(policy.matrix), "av_color_transfer_from_name", policy.matrix))
        context.pointee.color_range = AVColorRange(
            rawValue: try colorValue(av_color_range_from_name(policy.range), "av_color_range_from_name", policy.range))
    }

    private static func colorValue(_ result: Int32, _ call: String, _ name: String) throws -> UInt32 {
        guard result >= 0 else {
            throw LibAVError(call: call, message: "libavutil knows no colour name '\(name)'; use FFmpeg's spelling (bt709, tv)")
        }
        return UInt32(result)
    }

    /// The libavutil pixel format called `format.ffmpegName`.
    private static func libavPixelFormat(_ format: PixelFormat) throws -> AVPixelFormat {
        let value = av_get_pix_fmt(format.ffmpegName)
        guard value != AV_PIX_FMT_NONE else {
            throw LibAVError(call: "av_get_pix_fmt", message: "libavutil knows no pixel format '\(format.ffmpegName)'")
        }
        return value
    }
}
