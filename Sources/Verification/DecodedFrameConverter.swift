import CFFmpeg
import Strategies

/// Converts decoded pictures to tightly packed BGR24 ``Frame``s with an explicit matrix and range: owns a
/// libswscale `SwsContext` and frees it in `deinit`.
///
/// The context is created for the first picture's size and pixel format and recreated only if a later picture
/// differs. Confined to the thread that verifies one file.
final class DecodedFrameConverter {
    /// The matrix and range every conversion applies.
    let interpretation: ColorInterpretation
    private var context: OpaquePointer?
    private var sourceKey: (width: Int, height: Int, format: Int32)?

    /// Bicubic with accurate rounding and full horizontal chroma interpolation, so rounding shortcuts in the
    /// conversion back to BGR are not charged to the encoder. The ffmpeg cross-check test uses the same flags.
    static let scalerFlags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT

    /// Creates a converter that applies `interpretation`.
    init(interpretation: ColorInterpretation) {
        self.interpretation = interpretation
    }

    deinit {
        sws_freeContext(context)
    }

    /// Converts `picture` to a new BGR24 frame of the same size.
    ///
    /// - Throws: ``LibAVError`` when libswscale cannot convert the picture's pixel format.
    func convert(_ picture: DecodedPicture) throws -> Frame {
        let context = try context(for: picture)
        let width = picture.width, height = picture.height
        var scaled: Int32 = 0
        let frame = Frame(width: width, height: height, format: .bgr24) { pixels in
            var destination: [UnsafeMutablePointer<UInt8>?] = [pixels.baseAddress, nil, nil, nil]
            var destinationStride: [Int32] = [Int32(width * 3), 0, 0, 0]
            scaled = withUnsafePointer(to: &picture.pointer.pointee.data) { planes in
                withUnsafePointer(to: &picture.pointer.pointee.linesize) { strides in
                    planes.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: Int(AV_NUM_DATA_POINTERS)) {
                        source in
                        strides.withMemoryRebound(to: Int32.self, capacity: Int(AV_NUM_DATA_POINTERS)) { sourceStride in
                            sws_scale(context, source, sourceStride, 0, Int32(height), &destination, &destinationStride)
                        }
                    }
                }
            }
        }
        try LibAVError.check(scaled, "sws_scale")
        guard scaled == Int32(height) else {
            throw LibAVError(call: "sws_scale", message: "converted \(scaled) of \(height) rows")
        }
        return frame
    }

    private func context(for picture: DecodedPicture) throws -> OpaquePointer {
        let key = (width: picture.width, height: picture.height, format: picture.pointer.pointee.format)
        if let context, let sourceKey, sourceKey == key { return context }
        sws_freeContext(context)
        context = nil
        guard let created = sws_getContext(Int32(key.width), Int32(key.height), AVPixelFormat(rawValue: key.format),
                                           Int32(key.width), Int32(key.height), AV_PIX_FMT_BGR24,
                                           Self.scalerFlags, nil, nil, nil) else {
            let name = av_get_pix_fmt_name(AVPixelFormat(rawValue: key.format)).map { String(cString: $0) } ?? "?"
            throw LibAVError(call: "sws_getContext", message: "cannot convert \(name) to bgr24")
        }
        context = created
        sourceKey = key
        if let matrix = interpretation.matrix {
            // brightness 0, contrast and saturation 1.0 in 16.16 fixed point: libswscale's neutral settings.
            try LibAVError.check(sws_setColorspaceDetails(created, sws_getCoefficients(matrix.swscaleColorspace),
                                                          interpretation.fullRange ? 1 : 0,
                                                          sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16),
                                 "sws_setColorspaceDetails")
        }
        return created
    }
}
