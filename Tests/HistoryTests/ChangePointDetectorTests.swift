import Testing
@testable import History

@Suite struct ChangePointDetectorTests {
    let detector = ChangePointDetector()

    @Test func aCleanStepIsFoundAtItsFirstPointWithItsSize() throws {
        let values = Array(repeating: 100.0, count: 8) + Array(repeating: 90.0, count: 8)
        let points = detector.changePoints(in: values.enumerated().map { $0.element + ($0.offset % 2 == 0 ? 0.5 : -0.5) })
        let point = try #require(points.first)
        #expect(points.count == 1)
        #expect(point.index == 8)
        #expect(abs(point.relativeChange - -0.10) < 0.01)
        #expect(point.pValue < 0.01)
    }

    @Test func aFlatSeriesHasNoChangePoint() {
        #expect(detector.changePoints(in: Array(repeating: 50.0, count: 30)).isEmpty)
    }

    @Test func aSignificantChangeSmallerThanTheMinimumIsIgnored() {
        // 2 % apart with no noise: the t-test calls it significant, the 5 % floor does not.
        let values = Array(repeating: 100.0, count: 10) + Array(repeating: 102.0, count: 10)
        #expect(detector.changePoints(in: values.enumerated().map { $0.element + Double($0.offset % 3) * 0.01 }).isEmpty)
    }

    @Test func aSeriesShorterThanTwoSegmentsIsNotJudged() {
        #expect(detector.changePoints(in: [100, 100, 50, 50, 50]).isEmpty)
    }

    @Test func twoStepsAreBothFound() {
        var generator = SplitMix64(seed: 7)
        let values = SyntheticSeries.make([(20, 100), (20, 80), (20, 100)], cv: 0.02, using: &generator)
        let found = detector.changePoints(in: values).map(\.index)
        #expect(found.count == 2)
        #expect(zip(found, [20, 40]).allSatisfy { index, step in abs(index - step) <= 1 })
    }

    @Test func theSameSeriesAlwaysGivesTheSameChangePoints() {
        var first = SplitMix64(seed: 11), second = SplitMix64(seed: 11)
        let a = SyntheticSeries.make([(15, 100), (15, 110)], cv: 0.04, using: &first)
        let b = SyntheticSeries.make([(15, 100), (15, 110)], cv: 0.04, using: &second)
        #expect(detector.changePoints(in: a) == detector.changePoints(in: b))
    }
}
