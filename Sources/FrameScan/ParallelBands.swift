import Dispatch
import Synchronization

/// Runs `count` independent bands of work on the calling thread and one helper thread (the machine's second core),
/// each band exactly once, and returns when all are done.
///
/// Bands are claimed one at a time from a shared counter, so neither thread waits for the other to *start*: when the
/// helper is late (the core is busy, or it is still being scheduled) the caller simply runs every band itself. The
/// caller waits only for bands the helper has claimed and is computing — pure computation with no I/O or lock, so
/// the wait is bounded by that band's own length. A helper that starts after everything is claimed finds nothing
/// to do and touches nothing.
public enum ParallelBands {
    /// Runs `band(0)`, …, `band(count − 1)` over the caller and, when `count > 1`, one helper thread.
    ///
    /// - Parameter band: must be safe to call from two threads at once for different indices.
    public static func run(count: Int, _ band: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { band(0) }
            return
        }
        let work = Claims(count: count)
        DispatchQueue.global(qos: .userInitiated).async {
            while let index = work.claim() {
                band(index)
                work.helperFinished.signal()
            }
        }
        var ranHere = 0
        while let index = work.claim() {
            band(index)
            ranHere += 1
        }
        // Every band is claimed by now; those the helper claimed are running or done.
        for _ in 0..<(count - ranHere) { work.helperFinished.wait() }
    }

    /// The bands not yet claimed, and the helper's completions.
    private final class Claims: Sendable {
        let count: Int
        let next = Atomic<Int>(0)
        let helperFinished = DispatchSemaphore(value: 0)

        init(count: Int) { self.count = count }

        /// The next unclaimed band, or nil when all are claimed.
        func claim() -> Int? {
            let index = next.add(1, ordering: .acquiringAndReleasing).oldValue
            return index < count ? index : nil
        }
    }
}
