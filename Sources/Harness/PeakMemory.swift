import Analysis
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Peak resident memory of this process, per run.
///
/// Linux keeps one high-water mark per process (VmHWM); writing "5" to /proc/self/clear_refs resets it, so each
/// run's peak excludes earlier runs. Where the reset is refused the peak is process-wide, which ``resetPeak()`` says.
public enum PeakMemory {
    /// Resets the high-water mark to the current resident size. Returns false when the system refused.
    @discardableResult
    public static func resetPeak() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    /// The high-water mark of resident memory in MiB (VmHWM), or nil where /proc is unavailable.
    public static func peakMiB() -> Double? { statusField("VmHWM:") }

    /// Current resident memory in MiB (VmRSS), or nil where /proc is unavailable.
    public static func residentMiB() -> Double? { statusField("VmRSS:") }

    private static func statusField(_ name: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}
