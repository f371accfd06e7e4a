import CFFmpeg

/// The layout of the picture an encode fills (``EncoderFrame``): yuv420p for encoders that take software frames,
/// nv12 for frames uploaded to VA-API and QSV surfaces (``HardwareFrames``), the one layout every such driver uploads.
enum PictureFormat: String {
    /// Planar 4:2:0: Y, then U, then V.
    case yuv420p
    /// 4:2:0 with U and V interleaved in one plane after Y.
    case nv12

    /// The libavutil pixel format with this memory layout.
    var avPixelFormat: AVPixelFormat {
        switch self {
        case .yuv420p: AV_PIX_FMT_YUV420P
        case .nv12: AV_PIX_FMT_NV12
        }
    }
}
