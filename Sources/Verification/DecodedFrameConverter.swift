import CFFmpeg
import Foundation
import Strategies

/// Converts decoded pictures to tightly packed BGR24 ``Frame``s with an explicit matrix and range: owns a
/// libswscale `SwsContext` and frees it in `deinit`.
///
/// The context is created for the first picture's size and pixel format and recreated only if a later picture
/// differs; it converts with ``threads`` slice threads. Confined to the thread that verifies one file.
final class DecodedFrameConverter {
    /// The matrix and range every conversion applies.
    let interpretation: ColorInterpretation
    private var context: OpaquePointer?
    private var sourceKey: (width: Int, height: Int, format: Int32)?
    /// The storage of the frame last returned, reused by the next conversion when the caller has let go of that
    /// frame (then it is uniquely referenced here): 6 MB at 1080p that is neither allocated nor faulted in again.
    private var storage: [UInt8] = []
    private let reusesStorage: Bool

    /// Bicubic with accurate rounding and full horizontal chroma interpolation, so rounding shortcuts in the
    /// conversion back to BGR are not charged to the encoder. The ffmpeg cross-check test uses the same flags.
    static let scalerFlags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT

    /// Threads libswscale splits each conversion over (its slice threads; the output is the same bytes as with one
    /// thread). The conversion with these flags is the costliest step of verification (≈ 38 ms of CPU per 1080p
    /// frame with FFmpeg 5.1 on the 2-core CI machine), and nothing is being timed while it runs.
    static let threads = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// The destination handed to `sws_scale_frame`: it points at ``storage`` during a conversion and holds nothing
    /// between conversions.
    private let destination: UnsafeMutablePointer<AVFrame>

    /// Creates a converter that applies `interpretation`.
    ///
    /// - Throws: ``LibAVError`` when libav cannot allocate a frame.
    /// - Parameter reusesStorage: false for callers that keep every frame (reusing would copy each one first).
    init(interpretation: ColorInterpretation, reusesStorage: Bool = true) throws {
        self.interpretation = interpretation
        self.reusesStorage = reusesStorage
        guard let frame = av_frame_alloc() else {
            throw LibAVError(call: "av_frame_alloc", message: "out of memory")
        }
        destination = frame
    }

    deinit {
        sws_freeContext(context)
        var frame: UnsafeMutablePointer<AVFrame>? = destination
        av_frame_free(&frame)
    }

    /// Converts `picture` to a tightly packed BGR24 frame of the same size.
    ///
    /// The frame's storage is reused by the next call once the caller has dropped the frame; a caller that keeps it
    /// keeps its pixels (the next call then converts into new storage).
    /// - Throws: ``LibAVError`` when libswscale cannot convert the picture's pixel format.
    func convert(_ picture: DecodedPicture) throws -> Frame {
        let context = try context(for: picture)
        let width = picture.width, height = picture.height
        if storage.count != width * height * 3 || !reusesStorage {
            storage = [UInt8](repeating: 0, count: width * height * 3)
        }
        let destination = self.destination
        let result: Int32 = storage.withUnsafeMutableBufferPointer { pixels in
            // An AVBuffer over this converter's storage whose free does nothing: the storage is not libav's.
            guard let buffer = av_buffer_create(pixels.baseAddress, pixels.count, { _, _ in }, nil, 0) else {
                return -12  // AVERROR(ENOMEM)
            }
            destination.pointee.buf.0 = buffer
            destination.pointee.data.0 = pixels.baseAddress
            destination.pointee.linesize.0 = Int32(width * 3)
            destination.pointee.width = Int32(width)
            destination.pointee.height = Int32(height)
            destination.pointee.format = AV_PIX_FMT_BGR24.rawValue
            defer { av_frame_unref(destination) }
            return sws_scale_frame(context, destination, UnsafePointer(picture.pointer))
        }
        try LibAVError.check(result, "sws_scale_frame")
        return Frame(width: width, height: height, format: .bgr24, bytes: storage)
    }

    private func context(for picture: DecodedPicture) throws -> OpaquePointer {
        let key = (width: picture.width, height: picture.height, format: picture.pointer.pointee.format)
        if let context, let sourceKey, sourceKey == key { return context }
        sws_freeContext(context)
        context = nil
        let name = av_get_pix_fmt_name(AVPixelFormat(rawValue: key.format)).map { String(cString: $0) } ?? "?"
        guard let created = sws_alloc_context() else {
            throw LibAVError(call: "sws_alloc_context", message: "out of memory")
        }
        do {
            let options: [(String, Int64)] = [
                ("srcw", Int64(key.width)), ("srch", Int64(key.height)), ("src_format", Int64(key.format)),
                ("dstw", Int64(key.width)), ("dsth", Int64(key.height)),
                ("dst_format", Int64(AV_PIX_FMT_BGR24.rawValue)), ("sws_flags", Int64(Self.scalerFlags)),
                ("threads", Int64(Self.threads)),
            ]
            for (option, value) in options {
                try LibAVError.check(av_opt_set_int(UnsafeMutableRawPointer(created), option, value, 0),
                                     "av_opt_set_int(\(option))")
            }
            guard sws_init_context(created, nil, nil) >= 0 else {
                throw LibAVError(call: "sws_init_context", message: "cannot convert \(name) to bgr24")
            }
            if let matrix = interpretation.matrix {
                // brightness 0, contrast and saturation 1.0 in 16.16 fixed point: libswscale's neutral settings.
                // libswscale passes them on to its slice threads' contexts.
                try LibAVError.check(sws_setColorspaceDetails(created, sws_getCoefficients(matrix.swscaleColorspace),
                                                              interpretation.fullRange ? 1 : 0,
                                                              sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16),
                                     "sws_setColorspaceDetails")
            }
        } catch {
            sws_freeContext(created)
            throw error
        }
        context = created
        sourceKey = key
        return created
    }
}
