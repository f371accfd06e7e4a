import CFFmpeg

/// The output file and muxer of a ``HardwareUploadSession``: owns the `AVFormatContext` and its `AVIOContext`.
///
/// ``OutputContainer`` does the same for software encodes, but takes its stream's description from an
/// ``EncoderContext``, which cannot hold a hardware encoder; this copy takes it from a ``HardwareEncoderContext``.
/// Folding the two together needs ``OutputContainer`` to take codec parameters instead of an encoder (a follow-up
/// in `LibAV/`). Confined to the thread that owns its session.
final class HardwareOutputContainer {
    private let context: UnsafeMutablePointer<AVFormatContext>
    private var stream: UnsafeMutablePointer<AVStream>?
    private var ownsIO: Bool

    /// Creates `path` (replacing it) for the muxer called `format` (`mp4`, or `null` for a probe).
    ///
    /// - Throws: ``LibAVError`` from `avformat_alloc_output_context2` or `avio_open`.
    init(path: String, format: String) throws {
        var created: UnsafeMutablePointer<AVFormatContext>?
        try LibAVError.check(avformat_alloc_output_context2(&created, nil, format, path), "avformat_alloc_output_context2")
        guard let created else {
            throw LibAVError(call: "avformat_alloc_output_context2", message: "no context for container '\(format)'")
        }
        ownsIO = created.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0
        if ownsIO {
            let result = avio_open(&created.pointee.pb, path, AVIO_FLAG_WRITE)
            guard result >= 0 else {
                avformat_free_context(created)
                throw LibAVError(call: "avio_open", code: result)
            }
        }
        context = created
    }

    deinit {
        if ownsIO { avio_closep(&context.pointee.pb) }
        avformat_free_context(context)
    }

    /// Whether the muxer wants codec headers once, in extradata (mp4).
    var needsGlobalHeader: Bool { context.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 }

    /// Adds the video stream `encoder` fills at `fps` and writes the header.
    ///
    /// - Throws: ``LibAVError`` when the stream cannot be created or the header written.
    func start(encodedBy encoder: HardwareEncoderContext, fps: Int) throws {
        guard let created = avformat_new_stream(context, nil) else {
            throw LibAVError(call: "avformat_new_stream", message: "out of memory")
        }
        created.pointee.time_base = encoder.timeBase
        created.pointee.avg_frame_rate = AVRational(num: Int32(fps), den: 1)
        try encoder.copyParameters(to: created.pointee.codecpar)
        stream = created
        try LibAVError.check(avformat_write_header(context, nil), "avformat_write_header")
    }

    /// Hands one packet, timed in `encoderTimeBase`, to the muxer.
    ///
    /// - Throws: ``LibAVError`` from `av_interleaved_write_frame`.
    func write(_ packet: EncodedPacket, from encoderTimeBase: AVRational) throws {
        guard let stream else { preconditionFailure("write before start") }
        packet.prepareForMuxing(streamIndex: stream.pointee.index, from: encoderTimeBase, to: stream.pointee.time_base)
        try LibAVError.check(av_interleaved_write_frame(context, packet.pointer), "av_interleaved_write_frame")
    }

    /// Writes the trailer and closes the file.
    ///
    /// - Throws: ``LibAVError`` from `av_write_trailer` or `avio_closep`.
    func finish() throws {
        try LibAVError.check(av_write_trailer(context), "av_write_trailer")
        if ownsIO {
            ownsIO = false
            try LibAVError.check(avio_closep(&context.pointee.pb), "avio_closep")
        }
    }
}
