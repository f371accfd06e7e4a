/// A source frame (BGR24) and its decoded copy, as a kernel reads them: pointers into storage the caller keeps alive
/// and unchanged until the kernel returns.
///
/// `@unchecked Sendable`: kernels only read both frames, from the caller's thread and one helper
/// (``ParallelBands``), and return only when every read is done.
public struct FramePair: @unchecked Sendable {
    /// The source frame's first row; rows `expectedStride` bytes apart, 3 bytes per pixel.
    public let expected: UnsafePointer<UInt8>
    public let expectedStride: Int
    /// Where the decoded frame's rows come from.
    public let actual: Actual
    public let width: Int
    public let height: Int

    /// The decoded frame.
    public enum Actual {
        /// A BGR24 frame with rows `stride` bytes apart.
        case bgr(UnsafePointer<UInt8>, stride: Int)
        /// A 4:2:0 picture, converted to BGR24 with `coefficients` row by row as the kernel reaches each row (no
        /// converted frame is written out); the scores are those of the frame
        /// ``FrameScanKernel/convert(_:with:rows:into:luma:)`` would write.
        case yuv420(YUV420Picture, YUV420Coefficients)
    }

    /// Pairs `expected` with `actual`, both `width` × `height` pixels.
    public init(expected: UnsafePointer<UInt8>, expectedStride: Int, actual: Actual, width: Int, height: Int) {
        self.expected = expected
        self.expectedStride = expectedStride
        self.actual = actual
        self.width = width
        self.height = height
    }
}
