import Analysis
import Harness
import Testing

/// Soak verdicts: pass within the limit, FAIL beyond it, and neither for soaks that could not judge.
@Suite struct SoakTableTests {
    func outcome(_ target: String, status: SoakOutcome.Status = .completed, _ readings: [(Int, Double)]) -> SoakOutcome {
        var outcome = SoakOutcome(target: target, status: status)
        for (frame, resident) in readings { outcome.curve.record(frame: frame, residentMiB: resident) }
        return outcome
    }

    @Test func growthBeyondTheLimitFailsAndWithinItPasses() {
        let steady = outcome("steady", [(0, 40), (1000, 100), (5000, 110), (10000, 105)])
        let leaking = outcome("leaking", [(0, 40), (1000, 100), (5000, 140), (10000, 180)])
        let table = SoakTable(outcomes: [steady, leaking], warmUpFrames: 1000, limitMiB: 16)
        #expect(table.verdict(steady) == "pass")
        #expect(table.verdict(leaking).hasPrefix("FAIL"))
        #expect(table.anyFailed)
        #expect(table.render().contains("leaking"))
    }

    @Test func unavailableAndInconclusiveSoaksNeitherPassNorFail() {
        let missing = outcome("missing", status: .unavailable(reason: "no ffmpeg"), [])
        let short = outcome("short", [(0, 40), (100, 50)])
        let table = SoakTable(outcomes: [missing, short], warmUpFrames: 1000, limitMiB: 16)
        #expect(table.verdict(missing) == "unavailable: no ffmpeg")
        #expect(table.verdict(short).hasPrefix("inconclusive"))
        #expect(!table.anyFailed)
    }

    @Test func aFailedSoakFails() {
        let table = SoakTable(outcomes: [outcome("broken", status: .failed(reason: "encoder died"), [(0, 40)])],
                              warmUpFrames: 10, limitMiB: 16)
        #expect(table.anyFailed)
    }
}
