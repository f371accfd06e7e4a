import Foundation

/// A hyperfine-style statement about two writers' throughput: "libav-async is 1.21 ± 0.04× faster than
/// ffmpeg-pipe (fps, median of 3 and 3)".
///
/// The ratio is the faster side's median fps over the slower side's. The ± is the relative standard deviation of
/// both sides' repetitions, propagated to the ratio (r · √((s₁/m₁)² + (s₂/m₂)²)), as hyperfine does; it exists only
/// when both sides have at least two repetitions. With fewer, the sentence says the ratio comes from single runs.
public struct RelativeSpeed: Sendable, Equatable {
    /// The faster writer's name.
    public var faster: String
    /// The slower writer's name.
    public var slower: String
    /// Median fps of `faster` over median fps of `slower` (≥ 1).
    public var ratio: Double
    /// Propagated standard deviation of the ratio; nil when a side has fewer than two repetitions.
    public var uncertainty: Double?
    /// Repetitions behind `faster`'s median.
    public var fasterRepetitions: Int
    /// Repetitions behind `slower`'s median.
    public var slowerRepetitions: Int

    /// Whether the ratio is within its own uncertainty of 1 (the two are not told apart by these repetitions).
    public var isWithinNoise: Bool { uncertainty.map { ratio - $0 <= 1 } ?? false }

    /// "A is 1.21 ± 0.04× faster than B (fps, median of 3 and 3)", or "… (fps, ratio from single runs; no spread
    /// known)" when a side has one repetition.
    public var sentence: String {
        let head = "\(faster) is " + String(format: "%.2f", ratio)
        guard let uncertainty else {
            return head + "× faster than \(slower) (fps, ratio from single runs; no spread known)"
        }
        let counts = fasterRepetitions == slowerRepetitions
            ? "median of \(fasterRepetitions)" : "median of \(fasterRepetitions) and \(slowerRepetitions)"
        return head + " ± " + String(format: "%.2f", uncertainty) + "× faster than \(slower) (fps, \(counts)"
            + (isWithinNoise ? "; within noise)" : ")")
    }

    /// The fastest of `entries` (by median fps) against each of the others, slowest last. Entries without any fps
    /// value are left out; with fewer than two measured entries there is nothing to compare.
    public static func againstFastest(_ entries: [(name: String, fps: [Double])]) -> [RelativeSpeed] {
        let measured = entries.compactMap { entry -> (name: String, fps: Distribution, median: Double)? in
            let distribution = Distribution(entry.fps)
            guard let median = distribution.median, median > 0 else { return nil }
            return (entry.name, distribution, median)
        }.sorted { $0.median > $1.median }
        guard let fastest = measured.first, measured.count > 1 else { return [] }
        return measured.dropFirst().map { other in
            RelativeSpeed(faster: fastest.name, slower: other.name, ratio: fastest.median / other.median,
                          uncertainty: propagated(fastest.fps, fastest.median, other.fps, other.median),
                          fasterRepetitions: fastest.fps.count, slowerRepetitions: other.fps.count)
        }
    }

    private static func propagated(_ a: Distribution, _ medianA: Double, _ b: Distribution, _ medianB: Double) -> Double? {
        guard a.count >= 2, b.count >= 2, let sa = a.standardDeviation, let sb = b.standardDeviation else { return nil }
        let ratio = medianA / medianB
        return ratio * ((sa / medianA) * (sa / medianA) + (sb / medianB) * (sb / medianB)).squareRoot()
    }
}
