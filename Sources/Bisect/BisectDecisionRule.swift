/// The rule that calls a candidate good or bad by comparing its measurement with both endpoints' — never by a fixed
/// threshold, so it works for any metric and either direction.
///
/// The candidate's position is `t = (candidate median − good median) / (bad median − good median)`: 0 where the good
/// endpoint is, 1 where the bad one is. It is **good** when `t ≤ goodBelow` and its range [min, max] does not reach
/// the bad endpoint's range, **bad** when `t ≥ badAbove` and its range does not reach the good endpoint's, and
/// **inconclusive** otherwise (between the endpoints, or too noisy to tell). Before any candidate, the endpoints must
/// differ decisively: ranges apart and medians at least ``minimumRelativeChange`` apart.
public struct BisectDecisionRule: Sendable, Equatable {
    /// A candidate at or below this position is good (default 1/3).
    public var goodBelow: Double
    /// A candidate at or above this position is bad (default 2/3).
    public var badAbove: Double
    /// Least relative difference of the endpoints' medians (default 0.05: 5 %, as `history regressions`).
    public var minimumRelativeChange: Double
    /// Least number of values each endpoint needs for its spread to mean anything (default 2).
    public var minimumValues: Int

    /// The rule with its defaults (see the type's documentation).
    public init(goodBelow: Double = 1.0 / 3, badAbove: Double = 2.0 / 3, minimumRelativeChange: Double = 0.05,
                minimumValues: Int = 2) {
        self.goodBelow = goodBelow
        self.badAbove = badAbove
        self.minimumRelativeChange = minimumRelativeChange
        self.minimumValues = minimumValues
    }

    /// Nil when the endpoints differ decisively; otherwise the reason there is nothing to bisect.
    public func endpointsProblem(good: RevisionMeasurement, bad: RevisionMeasurement) -> String? {
        if good.count < minimumValues || bad.count < minimumValues {
            return "each endpoint needs at least \(minimumValues) values (good has \(good.count), bad \(bad.count)); "
                + "raise --repeat or the run's --repeat"
        }
        if good.overlaps(bad) {
            return "the endpoints' ranges overlap (good \(good.summary()), bad \(bad.summary())): "
                + "no change beyond the noise to look for; measure with more repetitions"
        }
        let relative = abs(bad.median - good.median) / max(abs(good.median), .leastNonzeroMagnitude)
        if relative < minimumRelativeChange {
            return "the endpoints' medians differ by \(Self.percent(relative)), less than the "
                + "\(Self.percent(minimumRelativeChange)) a change must have"
        }
        return nil
    }

    /// Where `candidate` lies between the endpoints: 0 at the good median, 1 at the bad one.
    public func position(of candidate: RevisionMeasurement, good: RevisionMeasurement, bad: RevisionMeasurement) -> Double {
        (candidate.median - good.median) / (bad.median - good.median)
    }

    /// The verdict on `candidate` (the endpoints must have passed ``endpointsProblem(good:bad:)``).
    public func verdict(on candidate: RevisionMeasurement, good: RevisionMeasurement, bad: RevisionMeasurement)
        -> CandidateVerdict {
        let t = position(of: candidate, good: good, bad: bad)
        let place = "at \(Self.position(t)) of the way from good to bad"
        if t <= goodBelow {
            return candidate.overlaps(bad)
                ? .inconclusive("median \(place), but its spread reaches the bad endpoint's")
                : .good
        }
        if t >= badAbove {
            return candidate.overlaps(good)
                ? .inconclusive("median \(place), but its spread reaches the good endpoint's")
                : .bad
        }
        return .inconclusive("median \(place): close to neither endpoint (a partial change, or noise)")
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f %%", fraction * 100) }
    static func position(_ t: Double) -> String { String(format: "%.2f", t) }
}
