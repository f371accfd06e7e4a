/// Where and what a writer writes: the output file, the frames it will receive and the stream's frame rate.
public struct WriterConfiguration: Sendable {
    /// Path of the output file; it is created or replaced.
    public var outputPath: String
    /// Size and layout of every frame the writer will receive.
    public var geometry: FrameGeometry
    /// Frames per second of the encoded stream (its time base), not the pace at which frames are offered.
    public var fps: Int
    /// How many frames the caller will write, when it knows (external strategies' `{frames}`); nil otherwise.
    public var expectedFrames: Int?

    /// Creates a configuration.
    public init(outputPath: String, width: Int, height: Int, fps: Int = 30, inputFormat: PixelFormat = .bgr24) {
        self.outputPath = outputPath
        self.geometry = FrameGeometry(width: width, height: height, format: inputFormat)
        self.fps = fps
    }

    /// Checks what every strategy that encodes 4:2:0 needs before the first frame: positive fps and even dimensions.
    ///
    /// WriterBench refuses odd widths and heights for yuv420p output rather than padding or cropping silently,
    /// so that the decoded video always has exactly the dimensions that were written.
    public func validateForYUV420() throws {
        guard fps > 0 else { throw WriterError.invalidConfiguration("fps must be positive, got \(fps)") }
        guard geometry.width % 2 == 0, geometry.height % 2 == 0 else {
            throw WriterError.oddDimensions(width: geometry.width, height: geometry.height)
        }
    }
}
