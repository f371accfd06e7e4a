import CFFmpeg

/// The output file and its muxer: owns the `AVFormatContext` and the `AVIOContext` it writes through, and frees
/// both in `deinit` whether or not the file was finished.
///
/// One video stream, described by its ``EncoderContext``, software or hardware. Confined to the thread that owns its
/// session (``LibAVEncodingSession``, ``HardwareUploadSession``).
final class OutputContainer {
    private let context: UnsafeMutablePointer<AVFormatContext>
    private var stream: UnsafeMutablePointer<AVStream>?
    /// True while the AVIOContext is open and this object must close it.
    private var ownsIO: Bool
    /// What ``writeHeader()`` tells the muxer: ``EncoderOptions/muxerOptions``, as the ffmpeg command line gets them.
    private let muxerOptions: [MuxerOption]

    /// Creates `path` (replacing it) for the container `options` name (``EncoderOptions/muxer``, e.g. `mp4`, or
    /// `null` for a probe), whose header will carry ``EncoderOptions/muxerOptions``.
    ///
    /// - Throws: ``LibAVError`` from `avformat_alloc_output_context2` for an unknown container, or from `avio_open`
    ///   when the file cannot be created.
    init(path: String, options: EncoderOptions) throws {
        let format = options.muxer
        muxerOptions = options.muxerOptions
        var created: UnsafeMutablePointer<AVFormatContext>?
        try LibAVError.check(avformat_alloc_output_context2(&created, nil, format, path), "avformat_alloc_output_context2")
        guard let created else {
            throw LibAVError(call: "avformat_alloc_output_context2", message: "no context for container '\(format)'")
        }
        if created.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0 {
            let result = avio_open(&created.pointee.pb, path, AVIO_FLAG_WRITE)
            guard result >= 0 else {
                avformat_free_context(created)
                throw LibAVError(call: "avio_open", code: result)
            }
            ownsIO = true
        } else {
            ownsIO = false
        }
        context = created
    }

    deinit {
        if ownsIO { avio_closep(&context.pointee.pb) }
        // Also runs the muxer's deinit when the header was written but the trailer never was (an aborted encode).
        avformat_free_context(context)
    }

    /// Whether the muxer wants codec headers once, in extradata (`AV_CODEC_FLAG_GLOBAL_HEADER`), as mp4 does.
    var needsGlobalHeader: Bool {
        context.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0
    }

    /// Adds the video stream that `encoder` (already open) will fill at `frameRate`.
    ///
    /// - Throws: ``LibAVError`` when the stream cannot be created or described.
    func addVideoStream(encodedBy encoder: EncoderContext, frameRate: FrameRate) throws {
        precondition(stream == nil, "one video stream per container")
        guard let created = avformat_new_stream(context, nil) else {
            throw LibAVError(call: "avformat_new_stream", message: "out of memory")
        }
        // A hint: the muxer may pick a finer time base in avformat_write_header (mp4: fps·2ⁿ ≥ 10000).
        created.pointee.time_base = encoder.timeBase
        created.pointee.avg_frame_rate = AVRational(num: Int32(frameRate.numerator), den: Int32(frameRate.denominator))
        try encoder.copyParameters(to: created.pointee.codecpar)
        stream = created
    }

    /// Writes the container header with the muxer options; afterwards the stream's time base is final.
    ///
    /// - Throws: ``LibAVError`` from `avformat_write_header` (e.g. a codec the container cannot hold, a muxer option
    ///   value it refuses), or naming the options the muxer did not take, which the ffmpeg program would refuse too.
    func writeHeader() throws {
        var dictionary: OpaquePointer?
        defer { av_dict_free(&dictionary) }
        for option in muxerOptions {
            try LibAVError.check(av_dict_set(&dictionary, option.name, option.value, 0), "av_dict_set")
        }
        try LibAVError.check(avformat_write_header(context, &dictionary), "avformat_write_header")
        let ignored = muxerOptions.map(\.name).filter { av_dict_get(dictionary, $0, nil, 0) != nil }
        guard ignored.isEmpty else {
            throw LibAVError(call: "avformat_write_header",
                             message: "the \(String(cString: context.pointee.oformat.pointee.name)) muxer has no option \(ignored.joined(separator: ", "))")
        }
    }

    /// Hands one encoded packet, timed in `encoderTimeBase`, to the muxer, which takes its payload.
    ///
    /// - Throws: ``LibAVError`` from `av_interleaved_write_frame` (e.g. a full disk).
    func write(_ packet: EncodedPacket, from encoderTimeBase: AVRational) throws {
        guard let stream else { preconditionFailure("write before addVideoStream") }
        packet.prepareForMuxing(streamIndex: stream.pointee.index, from: encoderTimeBase, to: stream.pointee.time_base)
        try LibAVError.check(av_interleaved_write_frame(context, packet.pointer), "av_interleaved_write_frame")
    }

    /// Writes the trailer (mp4: the `moov` index every player needs) and closes the file.
    ///
    /// - Throws: ``LibAVError`` from `av_write_trailer`, or from `avio_closep` when the final flush fails.
    func finish() throws {
        try LibAVError.check(av_write_trailer(context), "av_write_trailer")
        if ownsIO {
            ownsIO = false
            try LibAVError.check(avio_closep(&context.pointee.pb), "avio_closep")
        }
    }

    /// Muxes every packet `encoder` has ready, reusing `packet`; the one drain loop both encoding sessions use.
    ///
    /// - Throws: ``LibAVError`` from the encoder or the muxer (the packet is reset before rethrowing).
    func writeReadyPackets(from encoder: EncoderContext, using packet: EncodedPacket) throws {
        while try encoder.receive(into: packet) {
            do {
                try write(packet, from: encoder.timeBase)
            } catch {
                packet.reset()
                throw error
            }
        }
    }
}
