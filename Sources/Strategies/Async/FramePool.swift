import Synchronization

/// Recycled pixel storage for producers that make a new frame for every write (e.g. a processing pipeline), so the
/// per-frame path does not allocate.
///
/// ``makeFrame(_:)`` fills a recycled buffer when one is free; an ``AsyncVideoWriter`` created with this pool hands
/// every frame's storage back once it has been written. Safe by construction: if anyone still holds a frame whose
/// storage was recycled, the next fill copies on write instead of overwriting it (correct, just not pooled).
public final class FramePool: Sendable {
    /// Size and layout of the pool's frames (tightly packed).
    public let geometry: FrameGeometry
    private let byteCount: Int
    private let limit: Int
    private let free = Mutex<[[UInt8]]>([])
    private let allocationCount = Atomic<Int>(0)

    /// A pool of tightly packed frames of `geometry`, keeping at most `limit` free buffers.
    public init(geometry: FrameGeometry, limit: Int = 128) {
        self.geometry = geometry
        self.limit = max(1, limit)
        byteCount = geometry.format.byteCount(width: geometry.width, height: geometry.height,
                                              stride: geometry.format.minimumStride(width: geometry.width))
    }

    /// Buffers allocated so far (not recycled); for tests and reports.
    public var allocations: Int { allocationCount.load(ordering: .relaxed) }

    /// A frame whose every byte `fill` writes, in recycled storage when available.
    public func makeFrame(_ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> Frame {
        var bytes = free.withLock { $0.popLast() } ?? allocate()
        bytes.withUnsafeMutableBufferPointer { fill($0) }
        return Frame(width: geometry.width, height: geometry.height, format: geometry.format, bytes: bytes)
    }

    /// Takes back a written frame's storage for reuse.
    public func recycle(_ frame: consuming Frame) {
        let bytes = frame.takeBytes()
        guard bytes.count == byteCount else { return }
        free.withLock { buffers in
            if buffers.count < limit { buffers.append(bytes) }
        }
    }

    private func allocate() -> [UInt8] {
        allocationCount.add(1, ordering: .relaxed)
        return [UInt8](repeating: 0, count: byteCount)
    }
}
