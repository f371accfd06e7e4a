import Strategies
/// Recycles the pixel storage of output frames, so the pipeline does not allocate (and page-fault) three fresh
/// frames for every source frame.
///
/// Slots are handed out round-robin. Refilling a slot writes into its array through `withUnsafeMutableBufferPointer`,
/// so copy-on-write guarantees safety whatever the timing: while a writer still holds a frame made from that array,
/// the write goes to a fresh copy and the writer's frame is never touched; once every holder has let go, the array is
/// refilled in place. The pool's depth only decides how often that copy is avoided.
///
/// Measured at 1080p, batch 100, null writer, on a loaded 2-core machine: fresh storage per frame spent most of its
/// processing time in page faults (glibc returns each freed 6 MB frame to the kernel), 17 fps; see the README.
/// Confined to the pipeline's thread.
public final class OutputBufferPool {
    private var slots: [[UInt8]] = []
    private var next = 0
    /// Most arrays kept.
    public let capacity: Int
    /// Bytes per array.
    public let byteCount: Int
    /// Refills that had to copy because a writer still held the slot's previous frame.
    public private(set) var copies = 0

    /// A pool of at most `capacity` arrays of `byteCount` bytes, allocated on first use.
    public init(capacity: Int, byteCount: Int) {
        precondition(capacity >= 1 && byteCount >= 1)
        self.capacity = capacity
        self.byteCount = byteCount
        slots.reserveCapacity(capacity)
    }

    /// Allocates arrays up to `count` (at most ``capacity``) and writes every byte of them, so the page faults of
    /// first use happen now rather than inside a measurement. Arrays already allocated count towards `count`.
    public func prefill(count: Int) {
        while slots.count < min(count, capacity) {
            slots.append([UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
                buffer.baseAddress!.initialize(repeating: 0, count: byteCount)
                initialized = byteCount
            })
        }
    }

    /// An array whose every byte `draw` has written; keep no pointer past `draw`.
    public func fill(_ draw: (UnsafeMutablePointer<UInt8>) -> Void) -> [UInt8] {
        if slots.count < capacity {
            let array = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
                draw(buffer.baseAddress!)
                initialized = byteCount
            }
            slots.append(array)
            return array
        }
        let index = next
        next = (next + 1) % capacity
        var copied = false
        let before = slots[index].withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        slots[index].withUnsafeMutableBufferPointer { buffer in
            copied = UnsafeRawPointer(buffer.baseAddress) != before
            draw(buffer.baseAddress!)
        }
        if copied { copies += 1 }
        return slots[index]
    }
}
