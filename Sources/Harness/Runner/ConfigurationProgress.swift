/// "k of N configurations, ETA mm:ss": how far a run is and how long the rest should take at the pace so far.
///
/// The estimate assumes the remaining configurations take as long as the finished ones did on average; the warm-up
/// counts as no progress, so the first estimate of a configuration is pessimistic rather than optimistic.
public struct ConfigurationProgress: Sendable, Equatable {
    /// Configurations to measure in the whole run.
    public let total: Int
    /// The configuration under way (1-based); 0 before the first.
    public private(set) var index = 0
    /// Recorded repetitions per configuration.
    public private(set) var repetitions = 1
    /// Fraction of the current configuration done, 0…1.
    public private(set) var fractionOfCurrent = 0.0

    /// Creates the progress of a run of `total` configurations.
    public init(total: Int) { self.total = max(0, total) }

    /// Configuration `index` (1-based) starts with `repetitions` recorded runs.
    public mutating func start(configuration index: Int, repetitions: Int) {
        self.index = min(max(1, index), max(1, total))
        self.repetitions = max(1, repetitions)
        fractionOfCurrent = 0
    }

    /// Recorded run `repetition` (0-based; negative for the warm-up) has written `framesDone` of `frames`.
    public mutating func wrote(repetition: Int, framesDone: Int, frames: Int) {
        guard repetition >= 0, frames > 0 else { return }
        let run = min(1, Double(framesDone) / Double(frames))
        fractionOfCurrent = min(1, (Double(repetition) + run) / Double(repetitions))
    }

    /// Configurations done so far, fractional.
    public var done: Double { index == 0 ? 0 : Double(index - 1) + fractionOfCurrent }

    /// Seconds still to go after `elapsedSeconds`, or nil before anything measurable was done.
    public func remainingSeconds(elapsedSeconds: Double) -> Double? {
        guard done > 0, elapsedSeconds >= 0 else { return nil }
        return elapsedSeconds / done * (Double(total) - done)
    }

    /// "3 of 10 configurations, ETA 01:24" ("ETA --:--" while unknown).
    public func text(elapsedSeconds: Double) -> String {
        "\(index) of \(total) configurations, ETA " + Self.clock(remainingSeconds(elapsedSeconds: elapsedSeconds))
    }

    /// mm:ss, h:mm:ss from an hour on, "--:--" for nil.
    public static func clock(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "--:--" }
        let whole = Int(seconds.rounded())
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0 ? String(hours) + ":" + two(minutes) + ":" + two(secs) : two(minutes) + ":" + two(secs)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
