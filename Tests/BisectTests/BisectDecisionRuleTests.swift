import Testing
@testable import Bisect

@Suite struct BisectDecisionRuleTests {
    let rule = BisectDecisionRule()
    let good = RevisionMeasurement(values: [30, 29.5, 30.5])
    let bad = RevisionMeasurement(values: [20, 19.5, 20.5])

    @Test(arguments: [([29.0, 29.4, 28.8], "good"), ([21.0, 20.6, 21.5], "bad"), ([25.0, 24.6, 25.3], "inconclusive"),
                      ([31.0, 30.8, 31.6], "good"), ([18.0, 17.5, 18.2], "bad")])
    func aCandidateIsJudgedByWhichEndpointItIsCloseTo(values: [Double], expected: String) {
        #expect(rule.verdict(on: RevisionMeasurement(values: values), good: good, bad: bad).word == expected)
    }

    @Test func aCandidateNearGoodWhoseSpreadReachesBadIsInconclusive() {
        let noisy = RevisionMeasurement(values: [29, 29.5, 20.2])
        guard case .inconclusive(let reason) = rule.verdict(on: noisy, good: good, bad: bad) else {
            Issue.record("expected inconclusive")
            return
        }
        #expect(reason.contains("spread reaches the bad endpoint"))
    }

    @Test func theCandidatesPositionRunsFromGoodToBad() {
        #expect(rule.position(of: good, good: good, bad: bad) == 0)
        #expect(rule.position(of: bad, good: good, bad: bad) == 1)
        #expect(abs(rule.position(of: RevisionMeasurement(values: [25]), good: good, bad: bad) - 0.5) < 1e-12)
    }

    @Test func endpointsMustBeApartBeyondTheirSpreadAndTheMinimumChange() {
        #expect(rule.endpointsProblem(good: good, bad: bad) == nil)
        let close = RevisionMeasurement(values: [30.9, 31.0, 31.1])
        #expect(rule.endpointsProblem(good: good, bad: close)?.contains("less than the 5.0 %") == true)
        #expect(rule.endpointsProblem(good: good, bad: RevisionMeasurement(values: [30.4, 31])).map { $0.contains("overlap") } == true)
        #expect(rule.endpointsProblem(good: RevisionMeasurement(values: [30]), bad: bad)?.contains("at least 2 values") == true)
    }
}
