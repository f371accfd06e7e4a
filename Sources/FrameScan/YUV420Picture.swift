/// The three planes of one decoded 8-bit 4:2:0 picture (`yuv420p`, `yuvj420p`): samples one byte each, rows
/// `…Stride` bytes apart, chroma planes ⌈width/2⌉ × ⌈height/2⌉.
///
/// `@unchecked Sendable`: scans and conversions only read the planes, and whoever makes the value keeps the picture
/// alive and unchanged until every scan and conversion of it has returned.
public struct YUV420Picture: @unchecked Sendable {
    public let y: UnsafePointer<UInt8>, yStride: Int
    public let u: UnsafePointer<UInt8>, uStride: Int
    public let v: UnsafePointer<UInt8>, vStride: Int
    public let width: Int, height: Int

    /// Wraps planes of a `width` × `height` picture.
    public init(y: UnsafePointer<UInt8>, yStride: Int, u: UnsafePointer<UInt8>, uStride: Int,
                v: UnsafePointer<UInt8>, vStride: Int, width: Int, height: Int) {
        self.y = y
        self.yStride = yStride
        self.u = u
        self.uStride = uStride
        self.v = v
        self.vStride = vStride
        self.width = width
        self.height = height
    }

    /// Samples per chroma row.
    public var chromaWidth: Int { (width + 1) / 2 }
    /// Chroma rows.
    public var chromaHeight: Int { (height + 1) / 2 }
}
