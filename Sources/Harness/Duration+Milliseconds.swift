/// The two units WriterBench reports durations in: milliseconds (writes, open, finish, delays) and seconds (runs).
extension Duration {
    /// This duration in milliseconds, e.g. `0.25` for 250 µs.
    ///
    /// Exact to the nanosecond for durations below about 104 days (the nanosecond count fits a `Double` exactly), so
    /// it equals `Double(nanoseconds) / 1e6`.
    public var milliseconds: Double { nanosecondCount / 1e6 }

    /// This duration in seconds.
    public var seconds: Double { nanosecondCount / 1e9 }

    /// Whole nanoseconds (finer parts dropped), as a `Double`.
    private var nanosecondCount: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds / 1_000_000_000)
    }
}
