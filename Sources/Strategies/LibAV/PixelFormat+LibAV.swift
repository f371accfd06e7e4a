import CFFmpeg

extension PixelFormat {
    /// The libavutil pixel format with this memory layout.
    var avPixelFormat: AVPixelFormat {
        switch self {
        case .bgr24: AV_PIX_FMT_BGR24
        case .rgb24: AV_PIX_FMT_RGB24
        case .bgra: AV_PIX_FMT_BGRA
        case .yuv420p: AV_PIX_FMT_YUV420P
        }
    }
}
