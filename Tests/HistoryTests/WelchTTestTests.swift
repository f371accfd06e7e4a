import Testing
@testable import History

@Suite struct WelchTTestTests {
    @Test(arguments: [
        // (t, degrees of freedom, two-sided p from Student's t tables)
        (2.0, 10.0, 0.07339), (2.228, 10.0, 0.05), (3.169, 10.0, 0.01), (1.96, 1e6, 0.05), (0.0, 5.0, 1.0),
    ])
    func studentTailsMatchTheTables(t: Double, df: Double, p: Double) {
        #expect(abs(WelchTTest.studentTwoSided(t: t, degreesOfFreedom: df) - p) < 5e-4)
    }

    @Test func identicalSamplesAreNotDifferent() {
        #expect(WelchTTest.pValue([1, 2, 3, 4], [1, 2, 3, 4]) > 0.99)
    }

    @Test func samplesWithoutSpreadDifferOnlyWhenTheirMeansDo() {
        #expect(WelchTTest.pValue([5, 5, 5], [6, 6, 6]) == 0)
        #expect(WelchTTest.pValue([5, 5, 5], [5, 5, 5]) == 1)
    }

    @Test func tooFewValuesSayNothing() {
        #expect(WelchTTest.pValue([1], [5, 6, 7]) == 1)
    }

    @Test func aKnownWelchExampleGivesItsPValue() {
        // Means 20.0 and 22.0, variances 2.5 and 2.5, n = 5 each: t = -2, df = 8, two-sided p = 0.0805.
        let p = WelchTTest.pValue([18, 19, 20, 21, 22], [20, 21, 22, 23, 24])
        #expect(abs(p - 0.0805) < 5e-4)
    }
}
