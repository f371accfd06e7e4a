/// What a CSV column's values are measured in; the raw value is the symbol the README and reports print.
public enum ColumnUnit: String, Sendable, CaseIterable {
    /// Text, flags and plain counts without a unit.
    case unitless = ""
    case milliseconds = "ms"
    case seconds = "s"
    case framesPerSecond = "frames/s"
    /// 2^20 bytes.
    case mebibytes = "MiB"
    case bytes
    /// 1000 bits per second.
    case kilobitsPerSecond = "kbit/s"
    case decibels = "dB"
    case pixels
    case frames
    case ratio
    case percent = "%"

    /// The smallest absolute change `compare` treats as real for a column in this unit, or nil for none.
    ///
    /// Millisecond timings have a floor of 0.01 ms: on this project's 2-core machines, unchanged builds measured
    /// asynchronous write percentiles that differed by up to ~3 µs (8–16%) between invocations, with p-values as
    /// low as four repetitions allow; a relative threshold alone called that an improvement in 7 of 9 comparisons.
    public var defaultNoiseFloor: Double? {
        self == .milliseconds ? 0.01 : nil
    }
}
