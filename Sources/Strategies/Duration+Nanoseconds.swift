extension Duration {
    /// Whole nanoseconds, for deadlines on the monotonic clock (negative durations count as 0).
    var wholeNanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }

    /// The duration in seconds, for messages.
    var secondsForMessages: Double { Double(wholeNanoseconds) / 1e9 }
}
