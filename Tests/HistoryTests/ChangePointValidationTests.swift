import Foundation
import Testing
@testable import History

/// The detector on synthetic benchmark series with known steps and noise of the project's size (fps over
/// repetitions varies by a coefficient of variation of about 3–5 %). Seeded, so the rates are the same every run;
/// the numbers are printed (README.md, "History", quotes them).
@Suite struct ChangePointValidationTests {
    static let trials = 200
    let detector = ChangePointDetector()

    /// Share of series with a 10 % drop after `before` points in which a change point within `tolerance` points
    /// of the step, pointing down, is found; the shares where it is within 2 points and exactly at the step; and the
    /// change points found anywhere else, per 100 points.
    func stepRates(before: Int, after: Int, cv: Double, seed: UInt64, tolerance: Int = 5)
        -> (detected: Double, near: Double, exact: Double, spuriousPer100: Double) {
        var generator = SplitMix64(seed: seed)
        var detected = 0, near = 0, exact = 0, spurious = 0
        for _ in 0..<Self.trials {
            let values = SyntheticSeries.make([(before, 100), (after, 90)], cv: cv, using: &generator)
            let found = detector.changePoints(in: values)
            let hit = found.filter { abs($0.index - before) <= tolerance && $0.relativeChange < 0 }
            if !hit.isEmpty { detected += 1 }
            if hit.contains(where: { abs($0.index - before) <= 2 }) { near += 1 }
            if hit.contains(where: { $0.index == before }) { exact += 1 }
            spurious += found.count - min(hit.count, 1)
        }
        let points = Double(Self.trials * (before + after))
        let trials = Double(Self.trials)
        return (Double(detected) / trials, Double(near) / trials, Double(exact) / trials, Double(spurious) / points * 100)
    }

    /// Change points found per 100 points of series without any step.
    func falseAlarmsPer100(points: Int, cv: Double, seed: UInt64) -> Double {
        var generator = SplitMix64(seed: seed)
        var alarms = 0
        for _ in 0..<Self.trials {
            alarms += detector.changePoints(in: SyntheticSeries.make([(points, 100)], cv: cv, using: &generator)).count
        }
        return Double(alarms) / Double(Self.trials * points) * 100
    }

    @Test(arguments: [0.03, 0.04, 0.05])
    func aTenPercentStepIsFoundInLongSeries(cv: Double) {
        let rates = stepRates(before: 30, after: 30, cv: cv, seed: 1)
        print(String(format: "validation: 10%% step, 30+30 points, CV %.0f%%: detected %.1f%% (within 2 points %.1f%%, at the step %.1f%%), "
                     + "other change points %.2f per 100 points",
                     cv * 100, rates.detected * 100, rates.near * 100, rates.exact * 100, rates.spuriousPer100))
        #expect(rates.detected >= 0.97)
        #expect(rates.spuriousPer100 <= 1)
    }

    @Test(arguments: [0.03, 0.04, 0.05])
    func aTenPercentStepIsFoundInShortSeries(cv: Double) {
        // The newest revisions: only 5 runs either side of the step.
        let rates = stepRates(before: 5, after: 5, cv: cv, seed: 2)
        print(String(format: "validation: 10%% step, 5+5 points, CV %.0f%%: detected %.1f%% (within 2 points %.1f%%, at the step %.1f%%), "
                     + "other change points %.2f per 100 points",
                     cv * 100, rates.detected * 100, rates.near * 100, rates.exact * 100, rates.spuriousPer100))
        #expect(rates.detected >= 0.5)
    }

    @Test(arguments: [0.03, 0.04, 0.05])
    func seriesWithoutAStepRarelyRaiseAnAlarm(cv: Double) {
        let rate = falseAlarmsPer100(points: 100, cv: cv, seed: 3)
        print(String(format: "validation: no step, 100 points, CV %.0f%%: %.2f false change points per 100 points", cv * 100, rate))
        #expect(rate <= 1)
    }
}
