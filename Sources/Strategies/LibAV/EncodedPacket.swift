import CFFmpeg

/// The one compressed-packet buffer of an encode, reused for every packet the encoder emits: owns an `AVPacket`.
///
/// Confined to the thread that owns its ``LibAVEncodingSession``.
final class EncodedPacket {
    /// The owned packet; valid for the object's lifetime.
    let pointer: UnsafeMutablePointer<AVPacket>

    /// Allocates an empty packet.
    ///
    /// - Throws: ``LibAVError`` when libav cannot allocate it.
    init() throws {
        guard let packet = av_packet_alloc() else {
            throw LibAVError(call: "av_packet_alloc", message: "out of memory")
        }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }

    /// Moves timestamps and duration from the encoder's time base into the stream's and names the stream, so the
    /// muxer can take the packet.
    ///
    /// libavcodec 59 leaves the duration of video packets at 0; every packet here is one frame of a constant-rate
    /// stream whose encoder time base is 1/fps, so a missing duration is 1 tick. Without it the mp4 muxer has to guess
    /// the last sample's duration.
    func prepareForMuxing(streamIndex: Int32, from encoderTimeBase: AVRational, to streamTimeBase: AVRational) {
        if pointer.pointee.duration == 0 { pointer.pointee.duration = 1 }
        av_packet_rescale_ts(pointer, encoderTimeBase, streamTimeBase)
        pointer.pointee.stream_index = streamIndex
    }

    /// Drops the payload reference (a no-op once the muxer has taken it).
    func reset() {
        av_packet_unref(pointer)
    }
}
