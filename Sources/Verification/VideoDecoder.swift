import CFFmpeg
import Strategies

/// A libavcodec decoder for one video stream: owns the `AVCodecContext` and frees it in `deinit`.
///
/// Named apart from the encoder-side wrappers in Strategies. Confined to the thread that verifies one file.
final class VideoDecoder {
    private var context: UnsafeMutablePointer<AVCodecContext>?

    /// Opens `codec` configured from the stream's `parameters`.
    ///
    /// - Parameter timeBase: the stream's time base, so decoded pictures carry timestamps in it.
    /// - Throws: ``LibAVError`` when the context cannot be allocated, configured or opened.
    init(codec: UnsafePointer<AVCodec>, parameters: UnsafePointer<AVCodecParameters>, timeBase: AVRational) throws {
        guard let allocated = avcodec_alloc_context3(codec) else {
            throw LibAVError(call: "avcodec_alloc_context3", message: "out of memory")
        }
        do {
            try LibAVError.check(avcodec_parameters_to_context(allocated, parameters), "avcodec_parameters_to_context")
            allocated.pointee.pkt_timebase = timeBase
            // 0 = libavcodec picks the thread count; verification time is reported but measured apart from writing.
            allocated.pointee.thread_count = 0
            try LibAVError.check(avcodec_open2(allocated, codec, nil), "avcodec_open2")
        } catch {
            var owned: UnsafeMutablePointer<AVCodecContext>? = allocated
            avcodec_free_context(&owned)
            throw error
        }
        context = allocated
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// Hands the decoder one packet, or signals the end of input when `packet` is nil.
    ///
    /// Callers drain ``receive(into:)`` after every send, so the decoder never refuses input with EAGAIN.
    /// - Throws: ``LibAVError`` from `avcodec_send_packet` (e.g. invalid data in a damaged file).
    func send(_ packet: DemuxedPacket?) throws {
        try LibAVError.check(avcodec_send_packet(context, packet?.pointer), "avcodec_send_packet")
    }

    /// Takes the next decoded picture into `picture`.
    ///
    /// - Returns: false when the decoder needs more input or is fully drained.
    /// - Throws: ``LibAVError`` from `avcodec_receive_frame` for a decoding error.
    func receive(into picture: DecodedPicture) throws -> Bool {
        let result = avcodec_receive_frame(context, picture.pointer)
        if result == cffmpeg_averror_eagain() || result == cffmpeg_averror_eof() { return false }
        try LibAVError.check(result, "avcodec_receive_frame")
        return true
    }
}
