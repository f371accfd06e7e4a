import Foundation

/// The threads of this process right now, counted in /proc/self/task (Linux); nil where that is unavailable.
///
/// Costs a directory listing (tens of microseconds): read between measured stretches, not inside one.
public enum ProcessThreads {
    /// How many threads the process has.
    public static func count() -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task"))?.count
    }
}
