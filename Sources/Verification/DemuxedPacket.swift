import CFFmpeg
import Strategies

/// One compressed packet read from a ``DecodingInput``: owns an `AVPacket` and frees it in `deinit`.
///
/// Reused for every packet of a file (``DecodingInput/readVideoPacket(into:)`` unreferences the previous payload), so
/// demuxing allocates the packet struct once. Used by one thread at a time (the verifying one, then its
/// ``DecodingThread``).
final class DemuxedPacket {
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

    /// Drops the packet's payload reference, keeping the struct for reuse.
    func unreference() {
        av_packet_unref(pointer)
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }
}
