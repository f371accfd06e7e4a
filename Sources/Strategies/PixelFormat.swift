/// The memory layout of the pixels a caller hands to a writer.
///
/// Packed formats (`bgr24`, `rgb24`, `bgra`) store one plane of `stride` bytes per row.
/// `yuv420p` stores three planes back to back: luma (`stride` bytes per row, `height` rows) followed by
/// U and V (`stride / 2` bytes per row, `(height + 1) / 2` rows each).
public enum PixelFormat: String, Sendable, CaseIterable, Codable {
    /// Blue, green, red; 8 bits each. OpenCV's native layout and WriterBench's default.
    case bgr24
    /// Red, green, blue; 8 bits each.
    case rgb24
    /// Blue, green, red, alpha; 8 bits each.
    case bgra
    /// Planar 4:2:0 YUV, 8 bits per sample.
    case yuv420p

    /// Bytes per pixel of the first plane.
    public var bytesPerPixel: Int {
        switch self {
        case .bgr24, .rgb24: 3
        case .bgra: 4
        case .yuv420p: 1
        }
    }

    /// The smallest row stride, in bytes, of the first plane for `width` pixels.
    public func minimumStride(width: Int) -> Int { width * bytesPerPixel }

    /// Bytes needed to hold one frame with the given row stride of the first plane.
    public func byteCount(width: Int, height: Int, stride: Int) -> Int {
        switch self {
        case .bgr24, .rgb24, .bgra:
            return stride * height
        case .yuv420p:
            return stride * height + 2 * (stride / 2) * ((height + 1) / 2)
        }
    }

    /// The name FFmpeg uses for this layout (`-pix_fmt`).
    public var ffmpegName: String { rawValue }
}
