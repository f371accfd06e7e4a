import Foundation

/// A seeded generator (SplitMix64) so that the synthetic series, and so the detector's measured rates, are the
/// same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal value (Box–Muller).
    mutating func gaussian() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

/// Benchmark-like series: a level per segment with Gaussian noise of a fixed coefficient of variation.
enum SyntheticSeries {
    /// `levels` as (points, mean) segments, each value mean × (1 + cv × N(0, 1)).
    static func make(_ levels: [(points: Int, mean: Double)], cv: Double, using generator: inout SplitMix64) -> [Double] {
        levels.flatMap { level in
            (0..<level.points).map { _ in level.mean * (1 + cv * generator.gaussian()) }
        }
    }
}
