import CFFmpeg
import Strategies

/// One decoded picture as the decoder returns it (planar YUV or whatever the codec produces): owns an `AVFrame`.
///
/// Named apart from ``Frame`` (WriterBench's BGR24 value) and from the encoder-side wrappers in Strategies; reused for
/// picture after picture, so decoding allocates the struct a few times per file. Used by one thread at a time (see
/// ``DecodingThread``).
final class DecodedPicture {
    /// The owned frame; valid for the object's lifetime.
    let pointer: UnsafeMutablePointer<AVFrame>

    /// Allocates an empty frame.
    ///
    /// - Throws: ``LibAVError`` when libav cannot allocate it.
    init() throws {
        guard let frame = av_frame_alloc() else {
            throw LibAVError(call: "av_frame_alloc", message: "out of memory")
        }
        pointer = frame
    }

    /// Width in pixels of the picture last received.
    var width: Int { Int(pointer.pointee.width) }
    /// Height in pixels of the picture last received.
    var height: Int { Int(pointer.pointee.height) }
    /// Pixel format of the picture last received.
    var pixelFormat: AVPixelFormat { AVPixelFormat(rawValue: pointer.pointee.format) }

    /// Presentation time in stream time-base units as libavcodec best guesses it; nil when unknown.
    var bestEffortTimestamp: Int64? {
        let value = pointer.pointee.best_effort_timestamp
        return value == cffmpeg_nopts_value() ? nil : value
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }
}
