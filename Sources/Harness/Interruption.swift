import Synchronization

/// A request to stop a run early (Ctrl-C, SIGTERM): set from any thread, read by the runners between frames.
///
/// ``BenchmarkRunner`` and `PipelineRunner` only read it. Once it is set they abort the writers that are open (which
/// kills and reaps their encoder children), drop the unfinished run (it measured nothing whole) and return the rows
/// that were complete. Whoever set it decides how the process ends; the CLI exits with 128 + the signal number.
public final class Interruption: Sendable {
    /// The signal of the first request; 0 while none.
    private let firstSignal = Atomic<Int32>(0)

    /// Creates a flag that is not set.
    public init() {}

    /// Sets the flag on behalf of `signal` (a positive signal number). Returns true for the first request, false when
    /// the flag was already set (the first request's signal is kept).
    @discardableResult
    public func request(signal: Int32) -> Bool {
        precondition(signal > 0, "a request names the signal that asked for it")
        return firstSignal.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent).exchanged
    }

    /// True once a request was made.
    public var isRequested: Bool { firstSignal.load(ordering: .sequentiallyConsistent) != 0 }

    /// The signal number of the first request, nil while none.
    public var signal: Int32? {
        let value = firstSignal.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }
}
