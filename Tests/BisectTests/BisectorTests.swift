import Testing
@testable import Bisect

@Suite struct BisectorTests {
    let fast = [1.00, 1.02, 0.98], slow = [2.0, 2.1, 1.9]

    @Test func aStepIsFoundWithTheEndpointsAndALogarithmicNumberOfCandidates() {
        var (revisions, bench) = FakeWorkbench.step(at: 6, of: 11, before: fast, after: slow)
        let outcome = Bisector().bisect(revisions, on: &bench)
        #expect(outcome.conclusion == .firstBad(6))
        // Both endpoints first, then 5 (good), 7 (bad), 6 (bad).
        #expect(bench.built == ["r0", "r10", "r5", "r7", "r6"])
        #expect(outcome.builds == 5 && outcome.benchmarkRuns == 5 && outcome.failedBuilds == 0)
        #expect(outcome.verdicts == [5: .good, 7: .bad, 6: .bad])
        #expect(outcome.warnings.isEmpty)
    }

    @Test(arguments: 1...9)
    func theStepIsFoundWhereverItIs(step: Int) {
        var (revisions, bench) = FakeWorkbench.step(at: step, of: 10, before: fast, after: slow)
        #expect(Bisector().bisect(revisions, on: &bench).conclusion == .firstBad(step))
    }

    @Test func aFasterBadEndpointIsBisectedTheSameWay() {
        // fps: higher is better; the bad endpoint is lower. The rule only compares with the endpoints.
        var (revisions, bench) = FakeWorkbench.step(at: 3, of: 8, before: [30, 29.8, 30.1], after: [24, 24.5, 23.8])
        #expect(Bisector().bisect(revisions, on: &bench).conclusion == .firstBad(3))
    }

    @Test func repeatedRunsArePooledAndCounted() {
        var (revisions, bench) = FakeWorkbench.step(at: 2, of: 4, before: fast, after: slow)
        let outcome = Bisector(runsPerRevision: 2).bisect(revisions, on: &bench)
        #expect(outcome.conclusion == .firstBad(2))
        #expect(outcome.benchmarkRuns == 2 * outcome.builds)
        #expect(outcome.measurements[0]?.count == 6)
    }

    @Test func anUnbuildableCandidateIsSkippedAndItsNeighbourTried() {
        var (revisions, bench) = FakeWorkbench.step(at: 8, of: 11, before: fast, after: slow)
        bench.unbuildable = ["r5"]
        let outcome = Bisector().bisect(revisions, on: &bench)
        #expect(outcome.conclusion == .firstBad(8))
        #expect(outcome.skipped[5] == "r5 does not compile")
        #expect(bench.built.prefix(4) == ["r0", "r10", "r5", "r4"])
        #expect(outcome.failedBuilds == 1)
        #expect(!bench.measured.contains("r5"))
    }

    @Test func aCandidateWithoutValuesIsSkippedToo() {
        var (revisions, bench) = FakeWorkbench.step(at: 8, of: 11, before: fast, after: slow)
        bench.unmeasurable = ["r5"]
        let outcome = Bisector().bisect(revisions, on: &bench)
        #expect(outcome.conclusion == .firstBad(8))
        #expect(outcome.skipped[5] == "r5 crashed")
    }

    @Test func skippedCandidatesNextToTheChangeLeaveASetOfSuspects() {
        var (revisions, bench) = FakeWorkbench.step(at: 6, of: 11, before: fast, after: slow)
        bench.unbuildable = ["r6"]
        #expect(Bisector().bisect(revisions, on: &bench).conclusion == .oneOf([6, 7]))
        // Skipped just before the change: it may be the first bad one, so it stays a suspect.
        bench.unbuildable = ["r5"]
        #expect(Bisector().bisect(revisions, on: &bench).conclusion == .oneOf([5, 6]))
    }

    @Test func aCandidateHalfwayStopsTheSearchInsteadOfGuessing() {
        var (revisions, bench) = FakeWorkbench.step(at: 6, of: 11, before: fast, after: slow)
        bench.values["r5"] = [1.5, 1.52, 1.48]
        let outcome = Bisector().bisect(revisions, on: &bench)
        guard case .inconclusive(let candidate, _, let lastGood, let firstBad) = outcome.conclusion else {
            Issue.record("expected inconclusive, got \(outcome.conclusion)")
            return
        }
        #expect(candidate == 5 && lastGood == 0 && firstBad == 10)
        #expect(bench.built == ["r0", "r10", "r5"])
    }

    @Test func endpointsThatDoNotDifferAreNotBisected() {
        var (revisions, bench) = FakeWorkbench.step(at: 11, of: 11, before: fast, after: slow)
        bench.values["r10"] = [1.01, 1.03, 0.99]
        let outcome = Bisector().bisect(revisions, on: &bench)
        guard case .endpointsIndistinct(let reason) = outcome.conclusion else {
            Issue.record("expected endpointsIndistinct, got \(outcome.conclusion)")
            return
        }
        #expect(reason.contains("overlap"))
        #expect(outcome.builds == 2)
    }

    @Test func anUnbuildableEndpointEndsTheSearch() {
        var (revisions, bench) = FakeWorkbench.step(at: 3, of: 6, before: fast, after: slow)
        bench.unbuildable = ["r5"]
        #expect(Bisector().bisect(revisions, on: &bench).conclusion == .endpointFailed(index: 5, reason: "r5 does not compile"))
    }

    @Test func aRevisionBeyondTheBadEndpointIsWarnedAbout() {
        var (revisions, bench) = FakeWorkbench.step(at: 6, of: 11, before: fast, after: slow)
        bench.values["r7"] = [4.0, 4.1, 3.9]
        let outcome = Bisector().bisect(revisions, on: &bench)
        #expect(outcome.conclusion == .firstBad(6))
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.contains("r7") == true)
        #expect(outcome.warnings.first?.contains("not monotonic") == true)
    }

    @Test func aMiddleCandidateIsChosenOlderFirstOnATie() {
        #expect(Bisector.nearestToMiddle([1, 2, 3, 4], lastGood: 0, firstBad: 5) == 2)
        #expect(Bisector.nearestToMiddle([1, 3, 4], lastGood: 0, firstBad: 4) == 1)
        #expect(Bisector.nearestToMiddle([], lastGood: 0, firstBad: 1) == nil)
    }
}
