@testable import Harness
import Testing

@Suite struct ProgressThrottleTests {
    /// Whether `throttle` lets a report through at each of `instants`, in order.
    func verdicts(_ throttle: ProgressThrottle, at instants: [UInt64]) -> [Bool] {
        var throttle = throttle
        return instants.map { throttle.isDue(at: $0) }
    }

    @Test func reportsOnlyAfterMoreThanTheIntervalAndRestartsFromThere() {
        let throttle = ProgressThrottle(startingAt: 1_000_000_000)
        // Exactly 250 ms is not more than the interval; the second interval starts at the first report.
        #expect(verdicts(throttle, at: [1_000_000_000, 1_250_000_000, 1_250_000_001, 1_400_000_000, 1_500_000_002])
                == [false, false, true, false, true])
    }

    @Test func theIntervalCanBeChosen() {
        let throttle = ProgressThrottle(startingAt: 0, interval: .seconds(2))
        #expect(verdicts(throttle, at: [1_999_999_999, 2_000_000_001]) == [false, true])
    }
}
