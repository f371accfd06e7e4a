/// What a writer expects every frame to look like: size and pixel layout.
public struct FrameGeometry: Sendable, Hashable, CustomStringConvertible {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Pixel layout of incoming frames.
    public var format: PixelFormat

    /// Creates a geometry; `format` defaults to BGR24.
    public init(width: Int, height: Int, format: PixelFormat = .bgr24) {
        self.width = width
        self.height = height
        self.format = format
    }

    /// "WxH format", as used in error messages.
    public var description: String { "\(width)x\(height) \(format.rawValue)" }

    /// Throws ``WriterError/frameMismatch(expected:actual:)`` unless `frame` has exactly this geometry.
    public func check(_ frame: Frame) throws {
        guard frame.width == width, frame.height == height, frame.format == format else {
            throw WriterError.frameMismatch(
                expected: self,
                actual: FrameGeometry(width: frame.width, height: frame.height, format: frame.format))
        }
    }
}
