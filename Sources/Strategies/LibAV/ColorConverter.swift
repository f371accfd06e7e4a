import CFFmpeg

/// Converts caller frames into a yuv420p or nv12 ``EncoderFrame`` with BT.709 coefficients into limited (TV) range,
/// the conversion ``ColorPolicy/bt709Limited`` promises: owns a `SwsContext`.
///
/// Packed RGB input (bgr24, rgb24, bgra) is converted the same way to either destination, so hardware rows (nv12,
/// uploaded to VA-API or QSV surfaces) and software rows (yuv420p) encode the same pixels. yuv420p input only has its
/// chroma interleaved for nv12; into yuv420p it is copied (``EncoderFrame/copyPlanes(fromYUV420p:)``), not converted.
/// RGB goes to nv12 in one pass rather than through yuv420p and an interleave, which would touch every pixel twice.
/// Same size in and out, so libswscale only converts colour and subsamples chroma. Confined to the thread that owns
/// its session (``LibAVEncodingSession``, ``HardwareUploadSession``).
final class ColorConverter {
    /// The libswscale flags every converter uses.
    ///
    /// Measured with libswscale 6.7 at 1920x1080 (2 shared cores, so ±30 %): bgr24 → yuv420p takes libswscale's
    /// unscaled bgr24-to-yv12 path whatever the filter flag (≈2 ms/frame for POINT, FAST_BILINEAR, BILINEAR and
    /// BICUBIC alike), and it honours the BT.709 table set below. `SWS_ACCURATE_RND` disables that path (≈3× slower)
    /// for at most one level of rounding, so it is left out. rgb24 and bgra go through the generic scaler, where
    /// POINT is ≈35 % faster than BILINEAR but picks one pixel of each pair for chroma instead of averaging;
    /// BILINEAR keeps chroma honest for the secondary input formats and costs nothing for the default one.
    /// For bgr24 the result matches the pipe strategy's `scale=out_color_matrix=bt709:out_range=tv` within one level,
    /// except on the chroma rows where ffmpeg's sliced scale filter joins its slices.
    static let scalingFlags: Int32 = SWS_BILINEAR

    private let context: OpaquePointer
    private let width: Int
    private let height: Int
    private let format: PixelFormat
    private let destination: PictureFormat
    // sws_scale takes arrays of plane pointers and strides; keeping them here spares an allocation per frame.
    // Allocated in init only once the context exists, so a failing init leaks neither.
    private let sourcePlanes: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private let sourceStrides: UnsafeMutablePointer<Int32>

    /// Creates a converter for `width`×`height` frames in `format` into `destination` pictures (yuv420p into
    /// yuv420p needs no conversion).
    ///
    /// - Throws: ``LibAVError`` when libswscale cannot convert `format` or cannot use the BT.709 coefficients.
    init(width: Int, height: Int, format: PixelFormat, to destination: PictureFormat = .yuv420p) throws {
        precondition(format != .yuv420p || destination != .yuv420p, "yuv420p frames are copied, not converted")
        guard let created = sws_getContext(Int32(width), Int32(height), format.avPixelFormat,
                                           Int32(width), Int32(height), destination.avPixelFormat,
                                           Self.scalingFlags, nil, nil, nil) else {
            throw LibAVError(call: "sws_getContext",
                             message: "libswscale cannot convert \(format.rawValue) to \(destination.rawValue)")
        }
        // yuv420p input is YUV already and only has its chroma rearranged: the RGB matrix and ranges do not apply.
        if format != .yuv420p {
            let coefficients = sws_getCoefficients(SWS_CS_ITU709)
            // Source range 1: RGB is full range. Destination range 0: limited (16–235). Brightness 0, contrast and
            // saturation 1.0 in 16.16 fixed point. The call returns -1, not an AVERROR code, so av_strerror would
            // describe it as EPERM; say what it means instead.
            guard sws_setColorspaceDetails(created, coefficients, 1, coefficients, 0, 0, 1 << 16, 1 << 16) >= 0 else {
                sws_freeContext(created)
                throw LibAVError(call: "sws_setColorspaceDetails",
                                 message: "libswscale cannot convert \(format.rawValue) with BT.709 coefficients")
            }
        }
        context = created
        self.width = width
        self.height = height
        self.format = format
        self.destination = destination
        sourcePlanes = .allocate(capacity: 4)
        sourcePlanes.initialize(repeating: nil, count: 4)
        sourceStrides = .allocate(capacity: 4)
        sourceStrides.initialize(repeating: 0, count: 4)
    }

    deinit {
        sws_freeContext(context)
        sourcePlanes.deallocate()
        sourceStrides.deallocate()
    }

    /// Converts `frame` into `picture`, reading `frame.stride` bytes per row.
    ///
    /// - Precondition: `frame` has the size and format the converter was made for (the session checks this and
    ///   throws before calling), and `picture` is in its destination format.
    /// - Throws: ``LibAVError`` when `sws_scale` fails or converts fewer rows than the frame has.
    func convert(_ frame: Frame, into picture: EncoderFrame) throws {
        precondition(frame.width == width && frame.height == height && frame.format == format
                     && picture.format == destination, "frame does not match the converter")
        let rows = frame.withUnsafeBytes { bytes in
            let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            sourcePlanes[0] = base
            sourceStrides[0] = Int32(frame.stride)
            if format == .yuv420p, let base {
                // Plane layout of a yuv420p Frame: see PixelFormat.
                let chromaStride = frame.stride / 2
                let chromaRows = (frame.height + 1) / 2
                sourcePlanes[1] = base + frame.stride * frame.height
                sourcePlanes[2] = base + frame.stride * frame.height + chromaStride * chromaRows
                sourceStrides[1] = Int32(chromaStride)
                sourceStrides[2] = Int32(chromaStride)
            }
            defer { for plane in 0..<3 { sourcePlanes[plane] = nil } }
            return picture.withPlanes { planes, strides in
                sws_scale(context, sourcePlanes, sourceStrides, 0, Int32(height), planes, strides)
            }
        }
        try LibAVError.check(rows, "sws_scale")
        guard rows == Int32(height) else {
            throw LibAVError(call: "sws_scale", message: "converted \(rows) of \(height) rows")
        }
    }
}
