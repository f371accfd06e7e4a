import Foundation

/// The machine's CPU time by kind, summed over all CPUs (the `cpu` line of `/proc/stat`, in clock ticks): enough to
/// say what share of the CPUs' time the host (hypervisor) gave to other guests between two readings (steal).
public struct HostCPUTimes: Sendable, Equatable {
    /// Every kind of time the line counts (user, nice, system, idle, iowait, irq, softirq, steal; guest time is
    /// already inside user and nice), ticks.
    public var totalTicks: UInt64
    /// Time the host ran something else while a virtual CPU wanted to run, ticks.
    public var stealTicks: UInt64

    /// Creates a reading.
    public init(totalTicks: UInt64, stealTicks: UInt64) {
        self.totalTicks = totalTicks
        self.stealTicks = stealTicks
    }

    /// The `cpu` line of a `/proc/stat` text; nil when there is none or it has fewer than eight numbers.
    public static func parse(_ text: String) -> HostCPUTimes? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let numbers = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard numbers.count >= 8 else { return nil }
        return HostCPUTimes(totalTicks: numbers[0..<8].reduce(0, +), stealTicks: numbers[7])
    }

    /// This machine now; nil where `/proc/stat` is unreadable. Costs a file read (tens of microseconds): read it
    /// outside measured stretches.
    public static func now() -> HostCPUTimes? {
        (try? String(contentsOfFile: "/proc/stat", encoding: .utf8)).flatMap(parse)
    }

    /// Percent of the CPUs' time stolen by the host from `earlier` to this reading; nil when no time passed.
    public func stealPercent(since earlier: HostCPUTimes) -> Double? {
        guard totalTicks > earlier.totalTicks, stealTicks >= earlier.stealTicks else { return nil }
        return Double(stealTicks - earlier.stealTicks) / Double(totalTicks - earlier.totalTicks) * 100
    }
}
