import Foundation

/// What a video file declares about its video stream, read by opening it once.
public struct VideoFileInfo: Sendable {
    /// Declared width in pixels (0 when the stream declares none).
    public var width: Int
    /// Declared height in pixels (0 when the stream declares none).
    public var height: Int
    /// The stream's average frame rate, frames/s; nil when it declares none.
    public var averageFrameRate: Double?

    /// Opens `path` with libav and reads its video stream's declarations.
    ///
    /// - Throws: ``LibAVError`` when libav cannot open it or it has no video stream.
    public init(path: String) throws {
        let input = try DecodingInput(path: path)
        (width, height) = input.declaredSize
        averageFrameRate = input.averageFrameRate
    }
}
