/// An open video file accepting frames.
///
/// A writer is confined to one thread at a time: the caller's, or the background thread of an
/// ``AsyncVideoWriter`` that took ownership of it.
public protocol VideoWriter: AnyObject {
    /// Hands one frame to the writer. Returns when the writer no longer needs the caller's buffer.
    ///
    /// - Throws: ``WriterError/frameMismatch(expected:actual:)`` for a frame of the wrong size or layout (nothing is
    ///   written), or the encoder's failure.
    func write(_ frame: Frame) throws
    /// Flushes the encoder, finalises the container and releases every resource.
    ///
    /// - Returns: What the writer knows about the finished file.
    /// - Throws: The encoder's failure; resources are released anyway.
    func finish() throws -> WriterReport
    /// Releases every resource without finalising (kills a child process, frees the encoder). Idempotent; called
    /// after a failure. The output file may be incomplete.
    func abort()
    /// The bound of the queue that holds frames after `write` has returned, or nil for a writer that is done with a
    /// frame when `write` returns (the default). A writer that wraps another forwards its inner writer's.
    var queueCapacity: QueueCapacity? { get }
    /// Frames handed to `write` and not yet written, right now (0 by default: a writer without a queue holds none).
    /// Cheap enough to read after every write; a writer that wraps another forwards its inner writer's.
    var queuedFrames: Int { get }
    /// Holds back (`true`) or releases (`false`) the wake-ups `write` sends a writer thread that waits for frames, so
    /// a producer handing over a batch does not compete for the cores with the threads it wakes; releasing wakes a
    /// waiting thread once. A `write` that must wait for room wakes the thread regardless, so a hold never stalls a
    /// writer. No effect on a writer without a thread (the default); a writer that wraps another forwards it.
    func holdWakeUps(_ hold: Bool)
}

extension VideoWriter {
    /// No queue: the writer is done with a frame when `write` returns.
    public var queueCapacity: QueueCapacity? { nil }
    /// No queue, so no frames waiting.
    public var queuedFrames: Int { 0 }
    /// No thread to wake.
    public func holdWakeUps(_ hold: Bool) {}
    /// Whether frames handed to `write` may still be referenced after it returns (the writer has a queue), so a
    /// producer that reuses frame storage must keep it for longer.
    public var holdsFramesAfterWrite: Bool { queueCapacity != nil }
}
