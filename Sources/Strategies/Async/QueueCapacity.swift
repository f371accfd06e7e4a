/// How much an ``AsyncVideoWriter`` may hold before `write` blocks (back-pressure).
///
/// A frame is admitted while fewer than `frames` are queued and the queued pixel bytes stay within `bytes`;
/// an empty queue always admits one frame, so a frame larger than `bytes` still goes through.
public struct QueueCapacity: Sendable, Hashable, CustomStringConvertible {
    /// Most frames queued at once (≥ 1).
    public var frames: Int
    /// Most pixel bytes queued at once.
    public var bytes: Int

    /// Creates a capacity.
    public init(frames: Int, bytes: Int = Int.max) {
        self.frames = max(1, frames)
        self.bytes = max(1, bytes)
    }

    /// 64 frames, at most 512 MiB: two seconds of 30 fps video, and a bounded footprint even at 4K.
    public static let `default` = QueueCapacity(frames: 64, bytes: 512 << 20)

    /// Parses `--queue`: a frame count (`8`) or a byte size (`256MiB`, `64MB`, `1GiB`, `1048576B`).
    public init?(parsing text: String) {
        let units: [(suffix: String, factor: Int)] = [
            ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("GB", 1_000_000_000), ("MB", 1_000_000),
            ("KB", 1_000), ("B", 1),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let value = Int(text.dropLast(unit.suffix.count)), value > 0 else { return nil }
            self.init(frames: Int.max, bytes: value * unit.factor)
            return
        }
        guard let frames = Int(text), frames > 0 else { return nil }
        self.init(frames: frames)
    }

    public var description: String {
        switch (frames == Int.max, bytes == Int.max) {
        case (false, true): "\(frames) frames"
        case (true, false): "\(bytes) bytes"
        default: "\(frames) frames or \(bytes) bytes"
        }
    }
}
