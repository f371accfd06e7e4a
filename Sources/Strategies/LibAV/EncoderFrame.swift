import CFFmpeg

/// The one picture an encode fills and hands on, reused for every frame: owns an `AVFrame` and its reference-counted
/// pixel buffer. A yuv420p picture goes to the encoder; an nv12 picture is uploaded to a device surface first
/// (``HardwareFrames``).
///
/// Named apart from ``Frame`` (the caller's pixels) and from the Harness's decoder-side picture. Confined to the
/// thread that owns its session (``LibAVEncodingSession``, ``HardwareUploadSession``).
final class EncoderFrame {
    /// The owned frame; valid for the object's lifetime.
    let pointer: UnsafeMutablePointer<AVFrame>
    /// The picture's layout.
    let format: PictureFormat

    /// Allocates a `width`×`height` picture in `format` with libav's preferred alignment.
    ///
    /// - Throws: ``LibAVError`` when the frame or its buffer cannot be allocated.
    init(width: Int, height: Int, format: PictureFormat = .yuv420p) throws {
        guard let frame = av_frame_alloc() else {
            throw LibAVError(call: "av_frame_alloc", message: "out of memory")
        }
        frame.pointee.width = Int32(width)
        frame.pointee.height = Int32(height)
        frame.pointee.format = format.avPixelFormat.rawValue
        do {
            // Alignment 0 lets libavutil pick what its SIMD code wants for this CPU.
            try LibAVError.check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer")
        } catch {
            var owned: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&owned)
            throw error
        }
        pointer = frame
        self.format = format
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }

    /// Presentation time in the encoder's time base (frame index for a 1/fps time base).
    var pts: Int64 {
        get { pointer.pointee.pts }
        set { pointer.pointee.pts = newValue }
    }

    /// Makes sure no encoder still holds a reference to the pixel buffer before it is overwritten.
    ///
    /// Free when the encoder copied the picture (libx264, libx265: they copy into their own lookahead); otherwise
    /// libavutil gives the frame a fresh buffer and the encoder keeps the old one.
    /// - Throws: ``LibAVError`` when a fresh buffer cannot be allocated.
    func makeWritable() throws {
        try LibAVError.check(av_frame_make_writable(pointer), "av_frame_make_writable")
    }

    /// Calls `body` with the plane pointers and line sizes in the layout `sws_scale` takes, without copying them.
    func withPlanes<R>(_ body: (UnsafePointer<UnsafeMutablePointer<UInt8>?>, UnsafePointer<Int32>) throws -> R) rethrows -> R {
        // `data` and `linesize` are fixed-size C arrays, imported as tuples; their storage is contiguous.
        try withUnsafePointer(to: &pointer.pointee.data) { data in
            try withUnsafePointer(to: &pointer.pointee.linesize) { linesize in
                try data.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: Int(AV_NUM_DATA_POINTERS)) { planes in
                    try linesize.withMemoryRebound(to: Int32.self, capacity: Int(AV_NUM_DATA_POINTERS)) { strides in
                        try body(planes, strides)
                    }
                }
            }
        }
    }

    /// Copies a yuv420p ``Frame`` of this yuv420p picture's size plane by plane, honouring its stride.
    ///
    /// Pointing the `AVFrame` at the caller's bytes would not save the copy: `avcodec_send_frame` copies any picture
    /// that is not reference-counted (libavcodec 59, `av_frame_ref`), and allocates for it. Copying into this reused
    /// buffer costs the same memcpy and allocates nothing.
    func copyPlanes(fromYUV420p frame: Frame) {
        precondition(format == .yuv420p && frame.format == .yuv420p && frame.width == Int(pointer.pointee.width)
                     && frame.height == Int(pointer.pointee.height), "frame does not match the picture")
        let lumaStride = frame.stride
        let chromaStride = frame.stride / 2
        let chromaWidth = (frame.width + 1) / 2
        let chromaHeight = (frame.height + 1) / 2
        let uOffset = lumaStride * frame.height
        let vOffset = uOffset + chromaStride * chromaHeight
        frame.withUnsafeBytes { bytes in
            let source = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            withPlanes { planes, strides in
                // Three calls rather than a loop over a table: an array literal here would allocate per frame.
                av_image_copy_plane(planes[0], strides[0], source, Int32(lumaStride),
                                    Int32(frame.width), Int32(frame.height))
                av_image_copy_plane(planes[1], strides[1], source + uOffset, Int32(chromaStride),
                                    Int32(chromaWidth), Int32(chromaHeight))
                av_image_copy_plane(planes[2], strides[2], source + vOffset, Int32(chromaStride),
                                    Int32(chromaWidth), Int32(chromaHeight))
            }
        }
    }
}
