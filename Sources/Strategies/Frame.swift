/// One video frame: its geometry, pixel layout, row stride and pixel bytes.
///
/// A frame is a value. Its storage is a copy-on-write array, so handing a frame to a queue (or keeping it in a
/// ring) copies no pixels as long as nobody mutates it afterwards.
public struct Frame: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Pixel layout of `bytes`.
    public let format: PixelFormat
    /// Bytes from the start of one row of the first plane to the start of the next (≥ `format.minimumStride`).
    public let stride: Int
    /// The pixel bytes, `format.byteCount(width:height:stride:)` long.
    public private(set) var bytes: [UInt8]

    /// Wraps existing pixel bytes.
    ///
    /// - Precondition: `stride` is at least the format's minimum stride and `bytes` holds a whole frame.
    public init(width: Int, height: Int, format: PixelFormat = .bgr24, stride: Int? = nil, bytes: [UInt8]) {
        let stride = stride ?? format.minimumStride(width: width)
        precondition(width > 0 && height > 0, "frame dimensions must be positive")
        precondition(stride >= format.minimumStride(width: width), "stride \(stride) shorter than a row")
        precondition(bytes.count >= format.byteCount(width: width, height: height, stride: stride),
                     "frame storage holds \(bytes.count) bytes, needs \(format.byteCount(width: width, height: height, stride: stride))")
        self.width = width
        self.height = height
        self.format = format
        self.stride = stride
        self.bytes = bytes
    }

    /// Creates a frame by letting `fill` initialise every byte of freshly allocated, tightly packed storage.
    public init(width: Int, height: Int, format: PixelFormat = .bgr24,
                fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let stride = format.minimumStride(width: width)
        let count = format.byteCount(width: width, height: height, stride: stride)
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
        self.init(width: width, height: height, format: format, stride: stride, bytes: bytes)
    }

    /// True when rows follow each other with no padding, so the whole frame is one contiguous run of bytes.
    public var isTightlyPacked: Bool { stride == format.minimumStride(width: width) }

    /// Number of bytes a tightly packed copy of this frame occupies (what a rawvideo consumer reads per frame).
    public var packedByteCount: Int {
        format.byteCount(width: width, height: height, stride: format.minimumStride(width: width))
    }

    /// Gives up the frame's storage (for ``FramePool``), without copying it.
    public consuming func takeBytes() -> [UInt8] { bytes }

    /// Calls `body` with the frame's bytes, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }
}
