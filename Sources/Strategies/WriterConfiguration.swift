/// Where and what a writer writes: the output file, the frames it will receive and the stream's frame rate.
public struct WriterConfiguration: Sendable {
    /// Path of the output file; it is created or replaced.
    public var outputPath: String
    /// Size and layout of every frame the writer will receive.
    public var geometry: FrameGeometry
    /// Frame rate of the encoded stream (its time base), not the pace at which frames are offered; may be
    /// fractional (30000/1001).
    public var frameRate: FrameRate
    /// How long a writer with a child process waits for its encoder to make progress (take bytes during `write`;
    /// exit or produce output during `finish`) before it kills it and throws
    /// ``WriterError/stalled(strategy:phase:frame:timeoutSeconds:encoderSaid:)``; also how long an asynchronous
    /// writer waits for its writer thread (plus a grace period). Default ``defaultStallTimeout``.
    public var stallTimeout: Duration = WriterConfiguration.defaultStallTimeout
    /// Signs of life from an inner writer, read by the ``AsyncVideoWriter`` that wraps it.
    var heartbeat: Heartbeat?
    /// How many frames the caller will write, when it knows (external strategies' `{frames}`); nil otherwise.
    public var expectedFrames: Int?

    /// 10 s: far longer than any healthy encoder goes without taking a frame (an 8K frame at a slow x264 preset takes
    /// well under a second; hardware encoders open their device in a few seconds) or without writing output while
    /// it flushes at finish, yet short enough that CI notices a stuck encoder within a minute.
    public static let defaultStallTimeout: Duration = .seconds(10)

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
