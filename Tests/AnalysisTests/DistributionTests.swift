@testable import Analysis
import Testing

@Suite struct DistributionTests {
    // Reference values from numpy.percentile(values, p) (linear interpolation, numpy's default).
    let values: [Double] = [15, 20, 35, 40, 50]

    @Test(arguments: [(0.0, 15.0), (25, 20), (40, 29), (50, 35), (95, 48), (99, 49.6), (100, 50)])
    func percentilesInterpolateBetweenClosestRanks(p: Double, expected: Double) throws {
        let value = try #require(Distribution(values).percentile(p))
        #expect(abs(value - expected) < 1e-9)
    }

    @Test func orderOfInputDoesNotMatter() {
        #expect(Distribution(values.reversed()).percentile(95) == Distribution(values).percentile(95))
    }

    @Test func meanMinMaxAndStandardDeviation() throws {
        let distribution = Distribution(values)
        #expect(distribution.mean == 32)
        #expect(distribution.min == 15)
        #expect(distribution.max == 50)
        // sqrt(sum((x-32)^2)/4) = sqrt(830/4)
        #expect(abs(try #require(distribution.standardDeviation) - (830.0 / 4).squareRoot()) < 1e-9)
    }

    @Test func medianOfAnEvenSampleIsTheMeanOfTheMiddleTwo() {
        #expect(Distribution([1, 2, 3, 10]).median == 2.5)
    }

    @Test func emptySampleHasNoStatistics() {
        let empty = Distribution([Double]())
        #expect(empty.mean == nil)
        #expect(empty.percentile(50) == nil)
        #expect(empty.standardDeviation == nil)
    }
}
