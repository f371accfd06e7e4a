import Foundation

/// The Mann–Whitney U (Wilcoxon rank-sum) test of whether two samples come from the same distribution.
///
/// It compares ranks, not values, so one wild repetition cannot dominate it, and it assumes nothing about the shape
/// of timing noise. Small samples get the exact permutation distribution (ties handled with mid-ranks); larger ones
/// the normal approximation with tie and continuity corrections.
public struct MannWhitneyTest: Sendable, Equatable {
    /// U of the first sample: how many (first, second) pairs have first > second, ties counting ½.
    public let u: Double
    /// Two-sided p-value: the chance of a rank difference at least this large if both samples came from one
    /// distribution.
    public let pValue: Double
    /// Whether `pValue` is exact (permutation distribution) rather than the normal approximation.
    public let isExact: Bool

    /// Above this many values in total, the normal approximation is used.
    static let exactLimit = 60

    /// Tests `first` against `second`; nil when either is empty.
    public init?(_ first: [Double], _ second: [Double]) {
        guard !first.isEmpty, !second.isEmpty else { return nil }
        let m = first.count, n = second.count, total = m + n
        // Mid-ranks doubled, so that ties (rank 2.5) stay integers.
        let pooled = (first.map { ($0, true) } + second.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var doubledRanks = [Int](repeating: 0, count: total)
        var tieSizes: [Int] = []
        var start = 0
        while start < total {
            var end = start
            while end + 1 < total && pooled[end + 1].0 == pooled[start].0 { end += 1 }
            for index in start...end { doubledRanks[index] = start + end + 2 }
            tieSizes.append(end - start + 1)
            start = end + 1
        }
        let observed = zip(pooled, doubledRanks).filter { $0.0.1 }.reduce(0) { $0 + $1.1 }
        u = Double(observed) / 2 - Double(m * (m + 1)) / 2
        if total <= Self.exactLimit {
            pValue = Self.exactPValue(doubledRanks: doubledRanks, m: m, observed: observed)
            isExact = true
        } else {
            let meanU = Double(m * n) / 2
            let tieTerm = tieSizes.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / Double(total * (total - 1))
            let variance = Double(m * n) / 12 * (Double(total + 1) - tieTerm)
            if variance <= 0 {
                pValue = 1
            } else {
                let z = max(abs(u - meanU) - 0.5, 0) / variance.squareRoot()
                pValue = min(1, erfc(z / 2.0.squareRoot()))
            }
            isExact = false
        }
    }

    /// The smallest two-sided p-value samples of these sizes can reach (no ties): 2 / C(m+n, m).
    ///
    /// When it is above the significance level, no outcome of the test can show a difference, so a comparison
    /// with that few repetitions must say inconclusive.
    public static func smallestPValue(_ m: Int, _ n: Int) -> Double {
        guard m > 0, n > 0 else { return 1 }
        var combinations = 1.0
        for k in 0..<min(m, n) { combinations = combinations * Double(m + n - k) / Double(k + 1) }
        return min(1, 2 / combinations)
    }

    /// The fewest repetitions per side (equal on both) at which the test can reach `alpha`.
    public static func repetitionsNeeded(alpha: Double) -> Int {
        var count = 1
        while smallestPValue(count, count) > alpha && count < 1000 { count += 1 }
        return count
    }

    /// Counts, for every subset of size `m` of the pooled values, its doubled rank sum, and sums the probability
    /// of the sums at least as far from the mean as the observed one.
    private static func exactPValue(doubledRanks: [Int], m: Int, observed: Int) -> Double {
        let maxSum = doubledRanks.sorted(by: >).prefix(m).reduce(0, +)
        var ways = [[Double]](repeating: [Double](repeating: 0, count: maxSum + 1), count: m + 1)
        ways[0][0] = 1
        for rank in doubledRanks {
            for k in stride(from: m, through: 1, by: -1) {
                for sum in stride(from: maxSum, through: rank, by: -1) where ways[k - 1][sum - rank] > 0 {
                    ways[k][sum] += ways[k - 1][sum - rank]
                }
            }
        }
        let mean = m * (doubledRanks.count + 1)
        let distance = abs(observed - mean)
        var extreme = 0.0, all = 0.0
        for (sum, count) in ways[m].enumerated() where count > 0 {
            all += count
            if abs(sum - mean) >= distance { extreme += count }
        }
        return all > 0 ? min(1, extreme / all) : 1
    }
}
