/// Finds where a noisy series' level shifts: E-Divisive means (binary segmentation on the energy-distance
/// statistic), each candidate kept only when a Welch t-test between the segments either side of it gives
/// p < ``significance`` and the means differ by at least ``minimumRelativeChange``.
///
/// Deterministic (no permutation test): the same series always gives the same change points. Candidates are
/// found top-down; then, while any change point fails the test against its neighbouring segments (the segments
/// between it and the change points on either side), the earliest failing one is dropped and the rest re-tested.
public struct ChangePointDetector: Sendable, Equatable {
    /// Largest two-sided p-value of the t-test that still counts as a change.
    public var significance: Double
    /// Smallest |after − before| / before that counts as a change.
    public var minimumRelativeChange: Double
    /// Fewest points on each side of a change point (so a change at the newest revision shows only after this many
    /// points have been recorded after it).
    public var minimumSegment: Int

    /// The defaults README documents: p < 0.01, at least 5 %, at least 3 points a side.
    public init(significance: Double = 0.01, minimumRelativeChange: Double = 0.05, minimumSegment: Int = 3) {
        self.significance = significance
        self.minimumRelativeChange = minimumRelativeChange
        self.minimumSegment = max(2, minimumSegment)
    }

    /// The change points of `values`, in order.
    public func changePoints(in values: [Double]) -> [ChangePoint] {
        var found: [Int] = []
        var pending = [0..<values.count]
        while let segment = pending.popLast() {
            guard let split = bestSplit(values, segment), test(values, segment.lowerBound..<split, split..<segment.upperBound) != nil
            else { continue }
            found.append(split)
            pending.append(segment.lowerBound..<split)
            pending.append(split..<segment.upperBound)
        }
        found.sort()
        while true {
            let tested = found.indices.map { i -> (Int, ChangePoint?) in
                let start = i == 0 ? 0 : found[i - 1]
                let end = i == found.count - 1 ? values.count : found[i + 1]
                return (i, test(values, start..<found[i], found[i]..<end))
            }
            guard let weakest = tested.filter({ $0.1 == nil }).first else {
                return tested.compactMap(\.1)
            }
            found.remove(at: weakest.0)
        }
    }

    /// The split of `segment` with the largest E-Divisive statistic (α = 1), or nil when the segment is too short.
    func bestSplit(_ values: [Double], _ segment: Range<Int>) -> Int? {
        let n = segment.count
        guard n >= 2 * minimumSegment else { return nil }
        let x = Array(values[segment])
        // Within-left, within-right and between sums of |x_i − x_j| for the split at `tau`, updated as tau moves.
        var left = 0.0, right = 0.0, between = 0.0
        for i in 0..<n { for j in (i + 1)..<n { right += abs(x[i] - x[j]) } }
        var best: (split: Int, q: Double)?
        for tau in 1..<n {
            // Move x[tau − 1] from the right side to the left.
            let moving = x[tau - 1]
            var toLeft = 0.0, toRight = 0.0
            for i in 0..<(tau - 1) { toLeft += abs(x[i] - moving) }
            for j in tau..<n { toRight += abs(x[j] - moving) }
            left += toLeft
            right -= toRight
            between += toRight - toLeft
            let m = Double(tau), k = Double(n - tau)
            guard tau >= minimumSegment, n - tau >= minimumSegment else { continue }
            let energy = 2 * between / (m * k) - left / (m * (m - 1) / 2) - right / (k * (k - 1) / 2)
            let q = m * k / (m + k) * energy
            if best == nil || q > best!.q { best = (segment.lowerBound + tau, q) }
        }
        return best?.split
    }

    /// The change between two adjacent segments when it passes both tests; nil otherwise.
    func test(_ values: [Double], _ before: Range<Int>, _ after: Range<Int>) -> ChangePoint? {
        guard before.count >= minimumSegment, after.count >= minimumSegment else { return nil }
        let a = Array(values[before]), b = Array(values[after])
        let meanBefore = a.reduce(0, +) / Double(a.count), meanAfter = b.reduce(0, +) / Double(b.count)
        guard meanBefore != 0 else { return nil }
        let relative = (meanAfter - meanBefore) / abs(meanBefore)
        let p = WelchTTest.pValue(a, b)
        guard p < significance, abs(relative) >= minimumRelativeChange else { return nil }
        return ChangePoint(index: after.lowerBound, meanBefore: meanBefore, meanAfter: meanAfter,
                           relativeChange: relative, pValue: p)
    }
}
