import Foundation
import Strategies

/// Source frames of a video file for verification, decoded again on demand.
///
/// `@unchecked Sendable`: the reader and cache are only touched while holding `lock`.
public final class SequentialVideoFrames: @unchecked Sendable {
    private let lock = NSLock()
    private let path: String
    private let size: FrameSize
    private var reader: VideoFileReader?
    private var nextIndex = 0
    private var current: Frame?

    /// Frames of the file at `path`, whose frames are `size`.
    public init(path: String, size: FrameSize) {
        self.path = path
        self.size = size
    }

    /// Source frame `index`; a black frame when the file has fewer frames (verification then reports the count).
    public func frame(_ index: Int) -> Frame {
        lock.lock(); defer { lock.unlock() }
        if index < nextIndex - 1 || reader == nil {
            reader = try? VideoFileReader(path: path, limit: nil)
            nextIndex = 0
            current = nil
        }
        while nextIndex <= index {
            guard let frame = try? reader?.next() else { break }
            current = frame
            nextIndex += 1
        }
        if nextIndex == index + 1, let current { return current }
        return Frame(width: size.width, height: size.height, bytes: [UInt8](repeating: 0, count: size.width * size.height * 3))
    }
}
