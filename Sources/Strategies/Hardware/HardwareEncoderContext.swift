import CFFmpeg

/// An open libavcodec encoder that takes frames in device memory (VA or QSV surfaces from a ``HardwareFrames``
/// pool): owns the `AVCodecContext`.
///
/// The hardware counterpart of ``EncoderContext``, which is built for yuv420p software pictures and checks that the
/// encoder takes them; `h264_vaapi` takes only `AV_PIX_FMT_VAAPI`. The encoder runs at its default rate control:
/// ``EncoderSettings``' preset and CRF are x264/x265 options these encoders do not have. The stream is tagged BT.709,
/// limited range, which is what ``NV12Converter`` produces. Confined to the thread that owns its
/// ``HardwareUploadSession``.
final class HardwareEncoderContext {
    /// The name of the codec implementation that is encoding (e.g. `h264_vaapi`).
    let codecName: String
    /// Time base of the frames sent and packets received: 1/fps, so a frame's pts is its index.
    let timeBase: AVRational
    private var context: UnsafeMutablePointer<AVCodecContext>?

    /// Opens the encoder `name` for `width`×`height` surfaces from `frames` at `fps`.
    ///
    /// - Throws: ``LibAVError`` naming the failing call: `avcodec_find_encoder_by_name` when the encoder is not
    ///   compiled in, `avcodec_open2` when the device or driver refuses it.
    init(name: String, frames: HardwareFrames, width: Int, height: Int, fps: Int, threads: Int,
         globalHeader: Bool) throws {
        guard let codec = avcodec_find_encoder_by_name(name) else {
            throw LibAVError(call: "avcodec_find_encoder_by_name", message: "encoder '\(name)' not found in this libavcodec build")
        }
        guard let allocated = avcodec_alloc_context3(codec) else {
            throw LibAVError(call: "avcodec_alloc_context3", message: "out of memory")
        }
        var owned: UnsafeMutablePointer<AVCodecContext>? = allocated
        let timeBase = AVRational(num: 1, den: Int32(fps))
        allocated.pointee.width = Int32(width)
        allocated.pointee.height = Int32(height)
        allocated.pointee.pix_fmt = frames.surfaceFormat
        allocated.pointee.time_base = timeBase
        allocated.pointee.framerate = AVRational(num: Int32(fps), den: 1)
        allocated.pointee.thread_count = Int32(threads)
        allocated.pointee.colorspace = AVCOL_SPC_BT709
        allocated.pointee.color_primaries = AVCOL_PRI_BT709
        allocated.pointee.color_trc = AVCOL_TRC_BT709
        allocated.pointee.color_range = AVCOL_RANGE_MPEG
        if globalHeader { allocated.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        // The context's own reference, released by avcodec_free_context.
        allocated.pointee.hw_frames_ctx = av_buffer_ref(frames.frames)
        guard allocated.pointee.hw_frames_ctx != nil else {
            avcodec_free_context(&owned)
            throw LibAVError(call: "av_buffer_ref", message: "out of memory")
        }
        let result = avcodec_open2(allocated, codec, nil)
        guard result >= 0 else {
            avcodec_free_context(&owned)
            throw LibAVError(call: "avcodec_open2", code: result)
        }
        context = allocated
        codecName = String(cString: codec.pointee.name)
        self.timeBase = timeBase
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// Hands the encoder one surface, or signals the end of input when `surface` is nil. Callers drain
    /// ``receive(into:)`` after every send.
    ///
    /// - Throws: ``LibAVError`` from `avcodec_send_frame`.
    func send(_ surface: UnsafeMutablePointer<AVFrame>?) throws {
        try LibAVError.check(avcodec_send_frame(context, surface), "avcodec_send_frame")
    }

    /// Takes the next encoded packet into `packet`; false when the encoder needs more input or is drained.
    ///
    /// - Throws: ``LibAVError`` from `avcodec_receive_packet`.
    func receive(into packet: EncodedPacket) throws -> Bool {
        let result = avcodec_receive_packet(context, packet.pointer)
        if result == cffmpeg_averror_eagain() || result == cffmpeg_averror_eof() { return false }
        try LibAVError.check(result, "avcodec_receive_packet")
        return true
    }

    /// Describes the opened encoder's output in a stream's parameters.
    ///
    /// - Throws: ``LibAVError`` from `avcodec_parameters_from_context`.
    func copyParameters(to parameters: UnsafeMutablePointer<AVCodecParameters>) throws {
        try LibAVError.check(avcodec_parameters_from_context(parameters, context), "avcodec_parameters_from_context")
    }
}
