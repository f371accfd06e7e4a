import Testing
@testable import Bisect

@Suite struct MonotonicityCheckTests {
    let check = MonotonicityCheck()

    @Test func aSeriesMovingOneWayRaisesNoWarning() {
        #expect(check.warnings(for: [("a", 0), ("b", 0.1), ("c", 0.9), ("d", 1)]).isEmpty)
    }

    @Test func aRevisionThatGoesBackTowardsGoodIsWarnedAbout() {
        let warnings = check.warnings(for: [("a", 0), ("b", 1.0), ("c", 0.1), ("d", 1)])
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("c (at 0.10) comes after b (at 1.00)") == true)
    }

    @Test func aRevisionBeyondAnEndpointIsWarnedAbout() {
        let warnings = check.warnings(for: [("a", 0), ("b", -0.8), ("c", 1)])
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("beyond the endpoints") == true)
    }

    @Test func noiseWithinTheTolerancesIsNotAWarning() {
        #expect(check.warnings(for: [("a", 0), ("b", 0.3), ("c", 0.05), ("d", 1.2), ("e", 1)]).isEmpty)
    }
}
