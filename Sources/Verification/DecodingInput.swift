import CFFmpeg
import Strategies

/// A media file opened for reading with libavformat, positioned on its best video stream.
///
/// Owns the `AVFormatContext` (closed in `deinit`, and on every failing path of `init`). The only caller of
/// libavformat's demuxing functions in verification. Used by one thread at a time (the verifying one, then its
/// ``DecodingThread``).
final class DecodingInput {
    private var context: UnsafeMutablePointer<AVFormatContext>?
    /// Index of the video stream in the container.
    let videoStreamIndex: Int32
    /// The decoder libavformat chose for that stream.
    let decoder: UnsafePointer<AVCodec>

    /// Opens `path`, reads enough of it to describe its streams, and picks the best video stream.
    ///
    /// - Throws: ``LibAVError`` naming the call that failed: the file does not exist or is not a media file
    ///   (`avformat_open_input`), its streams cannot be probed (`avformat_find_stream_info`), or it has no video
    ///   stream with a decoder (`av_find_best_stream`).
    init(path: String) throws {
        var opened: UnsafeMutablePointer<AVFormatContext>?
        // The `file:` prefix keeps a path containing ':' from being read as a protocol name.
        try LibAVError.check(avformat_open_input(&opened, "file:" + path, nil, nil), "avformat_open_input")
        do {
            try LibAVError.check(avformat_find_stream_info(opened, nil), "avformat_find_stream_info")
            var chosen: UnsafePointer<AVCodec>?
            let index = try LibAVError.check(av_find_best_stream(opened, AVMEDIA_TYPE_VIDEO, -1, -1, &chosen, 0),
                                             "av_find_best_stream")
            guard let chosen else { throw LibAVError(call: "av_find_best_stream", message: "no decoder") }
            videoStreamIndex = index
            decoder = chosen
        } catch {
            avformat_close_input(&opened)
            throw error
        }
        context = opened
    }

    deinit {
        avformat_close_input(&context)
    }

    private var stream: UnsafeMutablePointer<AVStream> {
        context!.pointee.streams[Int(videoStreamIndex)]!
    }

    /// The video stream's codec parameters, valid while this input lives.
    var codecParameters: UnsafePointer<AVCodecParameters> { UnsafePointer(stream.pointee.codecpar) }

    /// The stream's time base, in seconds per timestamp unit.
    var timeBase: AVRational { stream.pointee.time_base }

    /// FFmpeg's short name of the stream's codec (`h264`, `hevc`, `mpeg4`, `ffv1`, …).
    var codecName: String { String(cString: avcodec_get_name(codecParameters.pointee.codec_id)) }

    /// True when `name` is the stream's codec (`h264`) or an encoder of it (`libx264`).
    func codecMatches(_ name: String) -> Bool {
        let id = codecParameters.pointee.codec_id
        if name == codecName { return true }
        return avcodec_find_encoder_by_name(name)?.pointee.id == id
            || avcodec_descriptor_get_by_name(name)?.pointee.id == id
    }

    /// Coded width and height the container or bitstream declares.
    var declaredSize: (width: Int, height: Int) {
        (Int(codecParameters.pointee.width), Int(codecParameters.pointee.height))
    }

    /// The stream's colour tags, FFmpeg's names.
    var colorTags: StreamColorTags {
        let parameters = codecParameters.pointee
        func name(_ text: UnsafePointer<CChar>?) -> String { text.map { String(cString: $0) } ?? "unknown" }
        return StreamColorTags(matrix: name(av_color_space_name(parameters.color_space)),
                               primaries: name(av_color_primaries_name(parameters.color_primaries)),
                               transfer: name(av_color_transfer_name(parameters.color_trc)),
                               range: name(av_color_range_name(parameters.color_range)))
    }

    /// The pixel format the decoder will produce, as the stream declares it.
    var declaredPixelFormat: AVPixelFormat { AVPixelFormat(rawValue: codecParameters.pointee.format) }

    /// Duration in seconds: the stream's own when the container records one (MP4), else the container's (Matroska
    /// records only that); nil when neither is known (raw elementary streams).
    var durationSeconds: Double? {
        let nopts = cffmpeg_nopts_value()
        let streamDuration = stream.pointee.duration
        if streamDuration != nopts, streamDuration > 0 {
            return Double(streamDuration) * av_q2d(timeBase)
        }
        let containerDuration = context!.pointee.duration
        if containerDuration != nopts, containerDuration > 0 {
            return Double(containerDuration) / Double(AV_TIME_BASE)
        }
        return nil
    }

    /// Average frame rate the demuxer reports (`avg_frame_rate`, else `r_frame_rate`); nil when it reports none.
    var averageFrameRate: Double? {
        for rate in [stream.pointee.avg_frame_rate, stream.pointee.r_frame_rate] where rate.num > 0 && rate.den > 0 {
            return av_q2d(rate)
        }
        return nil
    }

    /// Reads the next packet of the video stream into `packet`, skipping other streams' packets.
    ///
    /// - Returns: false at the end of the file.
    /// - Throws: ``LibAVError`` from `av_read_frame` for a read error other than the end of the file.
    func readVideoPacket(into packet: DemuxedPacket) throws -> Bool {
        while true {
            packet.unreference()
            let result = av_read_frame(context, packet.pointer)
            if result == cffmpeg_averror_eof() { return false }
            try LibAVError.check(result, "av_read_frame")
            if packet.pointer.pointee.stream_index == videoStreamIndex { return true }
        }
    }
}
