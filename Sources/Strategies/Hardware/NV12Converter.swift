import CFFmpeg

/// Converts caller frames (bgr24, rgb24, bgra or yuv420p) into one reused NV12 picture, the layout VA-API and QSV
/// surfaces are uploaded from: owns the `SwsContext` and the picture's `AVFrame`.
///
/// RGB input is converted as ``ColorConverter`` converts it (BT.709, limited range, ``ColorConverter/scalingFlags``),
/// so hardware rows and software rows encode the same pixels; yuv420p input only has its chroma interleaved. One
/// pass straight to NV12 rather than ``ColorConverter``'s yuv420p followed by an interleave, which would touch every
/// pixel twice. Confined to the thread that owns its ``HardwareUploadSession``.
final class NV12Converter {
    /// The NV12 picture the last ``convert(_:)`` filled.
    let picture: UnsafeMutablePointer<AVFrame>
    private let context: OpaquePointer
    private let geometry: FrameGeometry
    // Plane pointers and strides of the source, kept here so a conversion allocates nothing.
    private let sourcePlanes: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private let sourceStrides: UnsafeMutablePointer<Int32>

    /// Creates a converter for frames of `geometry`.
    ///
    /// - Throws: ``LibAVError`` when libswscale cannot convert the format or the picture cannot be allocated.
    init(geometry: FrameGeometry) throws {
        let width = Int32(geometry.width), height = Int32(geometry.height)
        guard let created = sws_getContext(width, height, geometry.format.avPixelFormat, width, height, AV_PIX_FMT_NV12,
                                           ColorConverter.scalingFlags, nil, nil, nil) else {
            throw LibAVError(call: "sws_getContext", message: "libswscale cannot convert \(geometry.format.rawValue) to nv12")
        }
        if geometry.format != .yuv420p {
            let coefficients = sws_getCoefficients(SWS_CS_ITU709)
            // As in ColorConverter: full-range RGB in, limited-range YUV out; returns -1, not an AVERROR code.
            guard sws_setColorspaceDetails(created, coefficients, 1, coefficients, 0, 0, 1 << 16, 1 << 16) >= 0 else {
                sws_freeContext(created)
                throw LibAVError(call: "sws_setColorspaceDetails",
                                 message: "libswscale cannot convert \(geometry.format.rawValue) with BT.709 coefficients")
            }
        }
        guard let frame = av_frame_alloc() else {
            sws_freeContext(created)
            throw LibAVError(call: "av_frame_alloc", message: "out of memory")
        }
        frame.pointee.width = width
        frame.pointee.height = height
        frame.pointee.format = AV_PIX_FMT_NV12.rawValue
        let result = av_frame_get_buffer(frame, 0)
        guard result >= 0 else {
            var owned: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&owned)
            sws_freeContext(created)
            throw LibAVError(call: "av_frame_get_buffer", code: result)
        }
        context = created
        picture = frame
        self.geometry = geometry
        sourcePlanes = .allocate(capacity: 4)
        sourcePlanes.initialize(repeating: nil, count: 4)
        sourceStrides = .allocate(capacity: 4)
        sourceStrides.initialize(repeating: 0, count: 4)
    }

    deinit {
        sws_freeContext(context)
        var frame: UnsafeMutablePointer<AVFrame>? = picture
        av_frame_free(&frame)
        sourcePlanes.deallocate()
        sourceStrides.deallocate()
    }

    /// Converts `frame` into ``picture``.
    ///
    /// - Precondition: `frame` has the converter's geometry (the session checks it first).
    /// The picture is overwritten in place: nothing else references it, since `av_hwframe_transfer_data` copies it into
    /// a surface rather than keeping it.
    /// - Throws: ``LibAVError`` when `sws_scale` fails or converts fewer rows than the frame has.
    func convert(_ frame: Frame) throws {
        precondition(frame.width == geometry.width && frame.height == geometry.height && frame.format == geometry.format,
                     "frame does not match the converter")
        let rows = frame.withUnsafeBytes { bytes in
            let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            sourcePlanes[0] = UnsafePointer(base)
            sourceStrides[0] = Int32(frame.stride)
            if frame.format == .yuv420p, let base {
                // Plane layout of a yuv420p Frame: see PixelFormat.
                let chromaStride = frame.stride / 2
                let chromaRows = (frame.height + 1) / 2
                sourcePlanes[1] = UnsafePointer(base + frame.stride * frame.height)
                sourcePlanes[2] = UnsafePointer(base + frame.stride * frame.height + chromaStride * chromaRows)
                sourceStrides[1] = Int32(chromaStride)
                sourceStrides[2] = Int32(chromaStride)
            }
            defer { for plane in 0..<4 { sourcePlanes[plane] = nil } }
            return withUnsafePointer(to: &picture.pointee.data) { data in
                withUnsafePointer(to: &picture.pointee.linesize) { linesize in
                    data.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: Int(AV_NUM_DATA_POINTERS)) { planes in
                        linesize.withMemoryRebound(to: Int32.self, capacity: Int(AV_NUM_DATA_POINTERS)) { strides in
                            sws_scale(context, sourcePlanes, sourceStrides, 0, Int32(geometry.height), planes, strides)
                        }
                    }
                }
            }
        }
        try LibAVError.check(rows, "sws_scale")
        guard rows == Int32(geometry.height) else {
            throw LibAVError(call: "sws_scale", message: "converted \(rows) of \(geometry.height) rows")
        }
    }
}
