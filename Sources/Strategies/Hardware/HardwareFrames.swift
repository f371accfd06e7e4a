import CFFmpeg

/// A hardware device and its pool of frames in device memory (VA or QSV surfaces), and the one surface the next
/// frame is uploaded into: owns the device and frames contexts (`AVBufferRef`s) and the surface's `AVFrame`.
///
/// Built the way FFmpeg's `vaapi_encode` example does it: `av_hwdevice_ctx_create`, then a frames context with the
/// surface format and `sw_format` NV12 that the encoder is opened with, then per frame `av_hwframe_get_buffer` and
/// `av_hwframe_transfer_data`. Confined to the thread that owns its ``HardwareUploadSession``.
final class HardwareFrames {
    /// The frames context to hand to the encoder (`AVCodecContext.hw_frames_ctx` takes its own reference).
    let frames: UnsafeMutablePointer<AVBufferRef>
    /// The pixel format of the surfaces (`AV_PIX_FMT_VAAPI`, `AV_PIX_FMT_QSV`).
    let surfaceFormat: AVPixelFormat
    private let device: UnsafeMutablePointer<AVBufferRef>
    private let surface: UnsafeMutablePointer<AVFrame>

    /// Opens the device `upload` describes and a pool of `width`×`height` NV12 surfaces on it.
    ///
    /// - Throws: ``LibAVError`` from `av_hwdevice_ctx_create` (no device, no driver, no permission on the node),
    ///   `av_hwframe_ctx_init` (the driver cannot allocate such surfaces) or an allocation.
    init(upload: HardwareUpload, width: Int, height: Int) throws {
        var createdDevice: UnsafeMutablePointer<AVBufferRef>?
        try LibAVError.check(av_hwdevice_ctx_create(&createdDevice, upload.deviceType, upload.deviceName, nil, 0),
                             "av_hwdevice_ctx_create(\(upload.deviceLabel))")
        var createdFrames = av_hwframe_ctx_alloc(createdDevice)
        var createdSurface: UnsafeMutablePointer<AVFrame>?
        do {
            guard let framesContext = createdFrames, let device = createdDevice else {
                throw LibAVError(call: "av_hwframe_ctx_alloc", message: "out of memory")
            }
            framesContext.pointee.data.withMemoryRebound(to: AVHWFramesContext.self, capacity: 1) { context in
                context.pointee.format = upload.surfaceFormat
                context.pointee.sw_format = AV_PIX_FMT_NV12
                context.pointee.width = Int32(width)
                context.pointee.height = Int32(height)
                context.pointee.initial_pool_size = upload.initialPoolSize
            }
            try LibAVError.check(av_hwframe_ctx_init(framesContext), "av_hwframe_ctx_init")
            createdSurface = av_frame_alloc()
            guard let surface = createdSurface else { throw LibAVError(call: "av_frame_alloc", message: "out of memory") }
            self.device = device
            self.frames = framesContext
            self.surface = surface
            self.surfaceFormat = upload.surfaceFormat
        } catch {
            av_frame_free(&createdSurface)
            av_buffer_unref(&createdFrames)
            av_buffer_unref(&createdDevice)
            throw error
        }
    }

    deinit {
        var surface: UnsafeMutablePointer<AVFrame>? = surface
        var frames: UnsafeMutablePointer<AVBufferRef>? = frames
        var device: UnsafeMutablePointer<AVBufferRef>? = device
        // The surface first: it holds a reference into the pool, the pool into the device.
        av_frame_free(&surface)
        av_buffer_unref(&frames)
        av_buffer_unref(&device)
    }

    /// Copies the nv12 `picture` into a fresh surface from the pool and returns that surface, stamped with
    /// `picture`'s pts. The surface stays valid until the next call; the encoder keeps its own reference.
    ///
    /// - Throws: ``LibAVError`` from `av_hwframe_get_buffer` (pool exhausted) or `av_hwframe_transfer_data`.
    func upload(_ picture: EncoderFrame) throws -> UnsafeMutablePointer<AVFrame> {
        precondition(picture.format == .nv12, "surfaces are uploaded from nv12 pictures")
        let source = picture.pointer
        // Drops this object's reference to the previous surface; the pool reuses it once the encoder lets go too.
        av_frame_unref(surface)
        try LibAVError.check(av_hwframe_get_buffer(frames, surface, 0), "av_hwframe_get_buffer")
        try LibAVError.check(av_hwframe_transfer_data(surface, source, 0), "av_hwframe_transfer_data")
        surface.pointee.pts = source.pointee.pts
        return surface
    }
}
