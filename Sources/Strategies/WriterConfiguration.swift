/// Where and what a writer writes: the output file, the frames it will receive and the stream's frame rate.
public struct WriterConfiguration: Sendable {
    /// Path of the output file; it is created or replaced.
    public var outputPath: String
    /// Size and layout of every frame the writer will receive.
    public var geometry: FrameGeometry
    /// Frame rate of the encoded stream (its time base), not the pace at which frames are offered; may be
    /// fractional (30000/1001).
    public var frameRate: FrameRate

    /// The frame rate rounded to whole frames per second; setting it makes the rate whole.
    public var fps: Int {
        get { Int(frameRate.value.rounded()) }
        set {
            frameRate = FrameRate(newValue)
            invalidFPS = newValue > 0 ? nil : newValue
        }
    }

    /// Creates a configuration at a whole rate of `fps` frames/s, or at `frameRate` when given.
    public init(outputPath: String, width: Int, height: Int, fps: Int = 30, frameRate: FrameRate? = nil,
                inputFormat: PixelFormat = .bgr24) {
        self.outputPath = outputPath
        self.geometry = FrameGeometry(width: width, height: height, format: inputFormat)
        self.frameRate = frameRate ?? FrameRate(fps)
        if frameRate == nil && fps <= 0 { invalidFPS = fps }
    }

    /// A non-positive whole rate given to the initialiser, kept so that validation can name it.
    private var invalidFPS: Int?

    /// Checks what every strategy that encodes 4:2:0 needs before the first frame: positive fps and even dimensions.
    ///
    /// WriterBench refuses odd widths and heights for yuv420p output rather than padding or cropping silently,
    /// so that the decoded video always has exactly the dimensions that were written.
    public func validateForYUV420() throws {
        if let invalidFPS { throw WriterError.invalidConfiguration("fps must be positive, got \(invalidFPS)") }
        guard geometry.width % 2 == 0, geometry.height % 2 == 0 else {
            throw WriterError.oddDimensions(width: geometry.width, height: geometry.height)
        }
    }
}
