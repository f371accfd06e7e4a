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
}
