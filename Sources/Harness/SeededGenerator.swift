/// SplitMix64: a tiny, fast, seedable generator whose output is the same on every platform and run.
///
/// Frame sets derive one generator per (set, frame, row) from ``seed(_:)`` so any frame can be regenerated alone.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Mixes several integers into one seed (order matters).
    public static func seed(_ parts: UInt64...) -> UInt64 {
        var generator = SeededGenerator(seed: 0x5752_4954_4552_4245) // "WRITERBE"
        var value: UInt64 = 0
        for part in parts {
            generator.state ^= part
            value = generator.next()
        }
        return value
    }
}
