import CFFmpeg
import Foundation
import FrameScan
import Strategies

/// Converts decoded pictures to tightly packed BGR24 ``Frame``s with an explicit matrix and range.
///
/// 8-bit 4:2:0 pictures (`yuv420p`, `yuvj420p`: what every H.264 and MPEG-4 writer here produces) are converted by
/// the selected ``FrameScanKernel`` (``ScanKernels/selected``) in bands on two threads; every other pixel format
/// goes through a libswscale `SwsContext` (bicubic, accurate rounding, full chroma interpolation), owned here and freed
/// in `deinit`, created for the first such picture and recreated only when the size or format changes. (Verification
/// itself does not even write 4:2:0 frames out: it converts their rows inside the comparison, see
/// ``planarSource(_:)``.) Confined to the thread that verifies one file.
final class DecodedFrameConverter {
    /// The matrix and range every conversion applies.
    let interpretation: ColorInterpretation
    private var context: OpaquePointer?
    private var sourceKey: (width: Int, height: Int, format: Int32)?
    /// The storage of the frame last returned, reused by the next conversion when the caller has let go of that
    /// frame (then it is uniquely referenced here): 6 MB at 1080p that is neither allocated nor faulted in again.
    private var storage: [UInt8] = []
    /// Where 4:2:0 conversions put the luma the kernel computes on the way; nobody reads it here (the
    /// comparison converts rows itself, see ``planarSource(_:)``), so it is reused even when frames are not.
    private var lumaScratch: [UInt8] = []
    private let reusesStorage: Bool
    /// The fixed-point conversion for 4:2:0 pictures; nil for RGB-coded streams.
    private let planarConversion: YUV420Coefficients?

    /// Bicubic with accurate rounding and full horizontal chroma interpolation, so rounding shortcuts in the
    /// conversion back to BGR are not charged to the encoder (for the pixel formats that take this path).
    static let scalerFlags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT

    /// Threads libswscale splits each conversion over (its slice threads; the output is the same bytes as with one
    /// thread). Its conversion with these flags costs ≈ 38 ms of CPU per 1080p frame with FFmpeg 5.1 on the 2-core
    /// CI machine, which is why 4:2:0 pictures do not take this path.
    static let threads = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// Pictures with fewer pixels than this are converted on the calling thread alone.
    static let parallelPixels = 512 * 512

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
        planarConversion = interpretation.matrix.map { YUV420Coefficients(matrix: $0, fullRange: interpretation.fullRange) }
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
        let width = picture.width, height = picture.height
        if storage.count != width * height * 3 || !reusesStorage {
            storage = [UInt8](repeating: 0, count: width * height * 3)
        }
        if let (planarConversion, source) = planarSource(picture) {
            if lumaScratch.count != width * height {
                lumaScratch = [UInt8](repeating: 0, count: width * height)
            }
            storage.withUnsafeMutableBufferPointer { bgr in
                lumaScratch.withUnsafeMutableBufferPointer { luma in
                    let target = ConversionTarget(bgr: bgr.baseAddress!, luma: luma.baseAddress!)
                    let bands = width * height >= Self.parallelPixels ? 4 : 1
                    let kernel = ScanKernels.selected
                    ParallelBands.run(count: bands) { band in
                        kernel.convert(source, with: planarConversion,
                                       rows: (band * height / bands)..<((band + 1) * height / bands),
                                       into: target.bgr, luma: target.luma)
                    }
                }
            }
            return Frame(width: width, height: height, format: .bgr24, bytes: storage)
        }
        let context = try context(for: picture)
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

    /// The conversion and planes of `picture` when it is 8-bit 4:2:0 (`yuv420p`, `yuvj420p`) and the stream is
    /// YUV-coded, so a ``FrameScanKernel`` converts it; nil for pictures that go through libswscale. The planes are
    /// valid until `picture` receives the next decoded picture.
    func planarSource(_ picture: DecodedPicture) -> (YUV420Coefficients, YUV420Picture)? {
        let format = picture.pixelFormat
        guard let planarConversion, format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P else { return nil }
        let frame = picture.pointer.pointee
        guard let y = frame.data.0, let u = frame.data.1, let v = frame.data.2 else { return nil }
        return (planarConversion, YUV420Picture(
            y: y, yStride: Int(frame.linesize.0), u: u, uStride: Int(frame.linesize.1), v: v,
            vStride: Int(frame.linesize.2), width: picture.width, height: picture.height))
    }

    /// Where the bands of one 4:2:0 conversion write: rows of the converter's storage, disjoint per band.
    ///
    /// `@unchecked Sendable`: both buffers outlive ``ParallelBands/run(count:_:)``, which returns only after every band
    /// finished, and no two bands write the same row.
    private struct ConversionTarget: @unchecked Sendable {
        let bgr: UnsafeMutablePointer<UInt8>
        let luma: UnsafeMutablePointer<UInt8>
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
