import Harness
import Testing

/// The pipeline thread's schedule and the machine's steal, as Linux reports them.
@Suite struct ThreadScheduleTests {
    @Test func schedstatGivesCPUAndRunQueueNanoseconds() {
        let fields = ThreadSchedule.parseSchedstat("235109 11099628 2\n")
        #expect(fields?.cpu == 235_109 && fields?.runQueue == 11_099_628)
        #expect(ThreadSchedule.parseSchedstat("") == nil && ThreadSchedule.parseSchedstat("12 x 3") == nil)
    }

    @Test func aProbeSeesItsOwnThreadRunAndNeverGoesBackwards() throws {
        let probe = try #require(ThreadScheduleProbe(), "Linux with /proc/thread-self/schedstat")
        let first = try #require(probe.read())
        var sum = 0
        for i in 0..<3_000_000 { sum &+= i &* i }
        #expect(sum != 0)
        let second = try #require(probe.read())
        #expect(second.cpuNanoseconds > first.cpuNanoseconds)
        #expect(second.runQueueNanoseconds >= first.runQueueNanoseconds)
        #expect(second.voluntarySwitches >= first.voluntarySwitches && second.involuntarySwitches >= first.involuntarySwitches)
    }

    @Test func stealIsTheHostsShareOfAllCPUTimeBetweenTwoReadings() throws {
        // user nice system idle iowait irq softirq steal guest guest_nice
        let earlier = try #require(HostCPUTimes.parse("cpu  100 0 50 800 10 0 5 35 0 0\ncpu0 50 0 25 400 5 0 2 18 0 0\n"))
        #expect(earlier.totalTicks == 1000 && earlier.stealTicks == 35)
        let later = HostCPUTimes(totalTicks: 1200, stealTicks: 45)
        #expect(later.stealPercent(since: earlier) == 5)
        #expect(earlier.stealPercent(since: earlier) == nil, "no time passed")
        #expect(HostCPUTimes.parse("intr 1 2 3\n") == nil && HostCPUTimes.parse("cpu 1 2 3\n") == nil)
        #expect(HostCPUTimes.now() != nil, "Linux has /proc/stat")
    }
}
