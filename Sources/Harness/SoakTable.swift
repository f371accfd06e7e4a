import Analysis
import Foundation

/// The soak's verdicts, one line per target: memory at the end of warm-up, highest after it, last, growth, drift.
public struct SoakTable: Sendable {
    /// The soaks judged.
    public var outcomes: [SoakOutcome]
    /// Frames before growth is judged.
    public var warmUpFrames: Int
    /// Largest growth that passes, MiB.
    public var limitMiB: Double

    /// A table of `outcomes` judged after `warmUpFrames` against `limitMiB`.
    public init(outcomes: [SoakOutcome], warmUpFrames: Int, limitMiB: Double) {
        self.outcomes = outcomes
        self.warmUpFrames = warmUpFrames
        self.limitMiB = limitMiB
    }

    /// The verdict of one soak: "pass", "FAIL", "failed: …", "unavailable: …", or "inconclusive" when the readings
    /// do not reach past the warm-up.
    public func verdict(_ outcome: SoakOutcome) -> String {
        switch outcome.status {
        case .unavailable(let reason): return "unavailable: \(reason)"
        case .failed(let reason): return "failed: \(reason)"
        case .completed:
            guard let growth = outcome.curve.growthMiB(afterWarmUp: warmUpFrames) else {
                return "inconclusive: no reading on both sides of the warm-up"
            }
            return growth > limitMiB ? "FAIL (grew more than \(format(limitMiB)) MiB)" : "pass"
        }
    }

    /// True when a soak failed or grew more than the limit (unavailable and inconclusive ones do not count).
    public var anyFailed: Bool {
        outcomes.contains { outcome in
            let verdict = verdict(outcome)
            return verdict.hasPrefix("FAIL") || verdict.hasPrefix("failed")
        }
    }

    /// The table as text.
    public func render() -> String {
        var table = PlainTable(header: ["target", "readings", "rss at warm-up MiB", "max after MiB", "last MiB",
                                        "growth MiB", "drift MiB", "verdict"])
        for outcome in outcomes {
            let curve = outcome.curve
            let start = curve.warmedUp(at: warmUpFrames)?.residentMiB
            let after = curve.samples.filter { $0.frame > warmUpFrames }.map(\.residentMiB).max()
            table.rows.append([outcome.target, String(curve.samples.count), start.map(format) ?? "",
                               after.map(format) ?? "", curve.samples.last.map { format($0.residentMiB) } ?? "",
                               curve.growthMiB(afterWarmUp: warmUpFrames).map(format) ?? "",
                               curve.driftMiB(afterWarmUp: warmUpFrames).map(format) ?? "", verdict(outcome)])
        }
        return table.render()
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
