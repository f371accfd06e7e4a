import Analysis
import Testing

/// The soak's judgement: growth after warm-up is the highest reading after it minus the reading that ends it.
@Suite struct MemoryCurveTests {
    func curve(_ readings: [(Int, Double)]) -> MemoryCurve {
        var curve = MemoryCurve()
        for (frame, resident) in readings { curve.record(frame: frame, residentMiB: resident) }
        return curve
    }

    @Test func growthDuringWarmUpIsNotCountedAndAPeakAfterItIs() {
        let readings = curve([(0, 50), (100, 120), (200, 130), (300, 131), (400, 140), (500, 133)])
        #expect(readings.warmedUp(at: 200)?.residentMiB == 130)
        #expect(readings.growthMiB(afterWarmUp: 200) == 10)
        #expect(readings.driftMiB(afterWarmUp: 200) == 3)
    }

    @Test func aCurveThatShrinksAfterWarmUpHasNegativeGrowth() {
        #expect(curve([(0, 10), (100, 80), (200, 70)]).growthMiB(afterWarmUp: 100) == -10)
    }

    @Test func withoutReadingsOnBothSidesOfTheWarmUpThereIsNoVerdict() {
        #expect(curve([(100, 10), (200, 20)]).growthMiB(afterWarmUp: 50) == nil)
        #expect(curve([(0, 10), (100, 20)]).growthMiB(afterWarmUp: 100) == nil)
        #expect(MemoryCurve().driftMiB(afterWarmUp: 0) == nil)
    }
}
