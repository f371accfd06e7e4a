import Analysis
import Foundation
import Harness
import Strategies
import Verification

/// Where the pipeline's source frames come from: a synthetic frame set, or any video file decoded in-process.
///
/// - A frame set is pre-generated into a ``FrameRing`` before timing starts (as `writerbench run` does); reading a
///   frame in the timed loop hands out the ring's frame without copying. Run frame `i` is ring frame `i mod ringSize`.
/// - A video file is decoded with libav *inside* the timed loop, frame by frame, as the original pipeline read its
///   input; each measured run (the null baseline and every strategy) decodes it again from the start.
public struct PipelineSource: Sendable {
    /// What the frames are.
    public enum Kind: Sendable, Equatable {
        /// A synthetic frame set.
        case frameSet(FrameSet)
        /// A video file.
        case video(path: String)
    }

    /// What the frames are.
    public let kind: Kind
    /// Size of every source frame (and of every output).
    public let size: FrameSize
    /// Frames to process: the frame set's count, or the file's first `frames` (nil: all of them).
    public let frameLimit: Int?
    /// The file's average frame rate, frames/s; nil for frame sets or when the file declares none.
    public let frameRate: Double?
    private let ring: FrameRing?

    /// A frame set source of `frames` frames at `size`, pre-generated into a ring of at most `ringBudgetBytes`.
    public static func frameSet(_ frameSet: FrameSet, size: FrameSize, frames: Int,
                                ringBudgetBytes: Int = 256 << 20) -> PipelineSource {
        PipelineSource(kind: .frameSet(frameSet), size: size, frameLimit: frames, frameRate: nil,
                       ring: FrameRing(frameSet: frameSet, size: size, frameCount: frames, budgetBytes: ringBudgetBytes))
    }

    /// A video file source; opens the file once to learn its size and frame rate.
    ///
    /// - Throws: ``PipelineError/unreadableInput(path:reason:)`` when libav cannot open it or it has no video
    ///   stream, ``PipelineError/oddInputSize(path:width:height:)`` when the 4:2:0 writers could not take its size.
    public static func video(path: String, frames: Int? = nil) throws -> PipelineSource {
        let info: VideoFileInfo
        do { info = try VideoFileInfo(path: path) } catch {
            throw PipelineError.unreadableInput(path: path, reason: "\(error)")
        }
        let (width, height) = (info.width, info.height)
        guard width > 0, height > 0 else {
            throw PipelineError.unreadableInput(path: path, reason: "the video stream declares no size")
        }
        guard width % 2 == 0, height % 2 == 0 else {
            throw PipelineError.oddInputSize(path: path, width: width, height: height)
        }
        return PipelineSource(kind: .video(path: path), size: FrameSize(width: width, height: height),
                              frameLimit: frames, frameRate: info.averageFrameRate, ring: nil)
    }

    /// Distinct frames held for a frame set (nil for a video file).
    public var ringSize: Int? { ring?.ringSize }

    /// The frame set's name, or nil for a video file.
    public var frameSetName: String? {
        if case .frameSet(let set) = kind { return set.rawValue }
        return nil
    }

    /// The video file's path, or nil for a frame set.
    public var inputPath: String? {
        if case .video(let path) = kind { return path }
        return nil
    }

    /// `talking-head 1920x1080` or the file's path, for the console.
    public var label: String {
        switch kind {
        case .frameSet(let set): "\(set.rawValue) \(size)"
        case .video(let path): "\(path) (\(size))"
        }
    }

    /// Opens a reader that yields the source frames from the first, in order.
    ///
    /// - Throws: ``PipelineError/unreadableInput(path:reason:)`` when the file cannot be opened for decoding.
    func openReader() throws -> any PipelineFrameReader {
        switch kind {
        case .frameSet:
            return RingFrameReader(ring: ring!, frames: frameLimit ?? ring!.ringSize)
        case .video(let path):
            do {
                return try VideoFileReader(path: path, limit: frameLimit)
            } catch {
                throw PipelineError.unreadableInput(path: path, reason: "\(error)")
            }
        }
    }

    /// Regenerates source frame `i` for verification: from the frame set, or by decoding the file again
    /// sequentially (efficient when indices increase, as verification asks for them).
    func sourceFrames() -> @Sendable (Int) -> Frame {
        switch kind {
        case .frameSet:
            let ring = ring!
            return { ring[$0] }
        case .video(let path):
            let frames = SequentialVideoFrames(path: path, size: size)
            return { frames.frame($0) }
        }
    }
}

/// Yields source frames one by one; confined to the pipeline's thread.
protocol PipelineFrameReader: AnyObject {
    /// The next frame, or nil after the last one.
    func next() throws -> Frame?
}

/// Frames of a pre-generated ring.
final class RingFrameReader: PipelineFrameReader {
    private let ring: FrameRing
    private let frames: Int
    private var index = 0

    init(ring: FrameRing, frames: Int) {
        self.ring = ring
        self.frames = frames
    }

    func next() throws -> Frame? {
        guard index < frames else { return nil }
        defer { index += 1 }
        return ring[index]
    }
}

extension VideoFileReader: PipelineFrameReader {}
