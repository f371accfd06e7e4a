/// Warns when the measured revisions do not move from the good value to the bad one in one direction. Bisection (like
/// asv's `find`) assumes a single change between the endpoints; when the metric goes back and forth, or beyond
/// the endpoints, the commit it names may be only one of several changes. Only revisions measured are seen: a
/// change and its undoing between two measured revisions stay invisible.
public struct MonotonicityCheck: Sendable {
    /// How far back (in positions, 0 = good, 1 = bad) a later revision may lie before it counts as a reversal.
    public var reversal: Double
    /// How far beyond the endpoints (below 0 or above 1) a revision may lie before it counts as overshooting.
    public var overshoot: Double

    /// Default tolerances: a reversal of a third of the step, an overshoot of half the step.
    public init(reversal: Double = 1.0 / 3, overshoot: Double = 0.5) {
        self.reversal = reversal
        self.overshoot = overshoot
    }

    /// The warnings for `positions`: (label, position) of every measured revision, oldest first, endpoints included.
    public func warnings(for positions: [(label: String, t: Double)]) -> [String] {
        var warnings: [String] = []
        for point in positions where point.t < -overshoot || point.t > 1 + overshoot {
            warnings.append("not monotonic: \(point.label) lies at \(BisectDecisionRule.position(point.t)) of the way "
                + "from good to bad, beyond the endpoints: more than one change between them")
        }
        // Positions beyond an endpoint are warned about above; for reversals they count as the endpoint.
        var highest: (label: String, t: Double)?
        for point in positions.map({ (label: $0.label, t: min(max($0.t, 0), 1)) }) {
            if let peak = highest, peak.t - point.t >= reversal {
                warnings.append("not monotonic: \(point.label) (at \(BisectDecisionRule.position(point.t))) comes after "
                    + "\(peak.label) (at \(BisectDecisionRule.position(peak.t))) but is closer to good: the metric went "
                    + "back between them")
            }
            if highest == nil || point.t > highest!.t { highest = point }
        }
        return warnings
    }
}
