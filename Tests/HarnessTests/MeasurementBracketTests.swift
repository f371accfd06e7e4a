import Analysis
@testable import Harness
import Testing

@Suite struct MeasurementBracketTests {
    @Test func durationsConvertToMillisecondsAndSecondsLikeNanosecondArithmetic() {
        for nanoseconds: Int64 in [0, 1, 999, 250_000, 1_234_567, 3_000_000_001, 86_400_000_000_123] {
            let duration = Duration.nanoseconds(nanoseconds)
            #expect(duration.milliseconds == Double(nanoseconds) / 1e6)
            #expect(duration.seconds == Double(nanoseconds) / 1e9)
        }
    }

    @Test func elapsedIsTheDifferenceOfTwoClockReadings() {
        #expect(MonotonicClock.elapsed(from: 1_000, to: 2_501_000) == .microseconds(2_500))
    }

    @Test func aBracketMeasuresWallTimeCPUAndPeakMemoryOfItsBlock() {
        let bracket = MeasurementBracket.start()
        let sleepUntil = bracket.start + 20_000_000
        MonotonicClock.sleep(until: sleepUntil)
        var spin = 0.0
        for index in 0..<2_000_000 { spin += Double(index).squareRoot() }
        let reading = bracket.stop()
        #expect(spin > 0)
        #expect(reading.wall >= .milliseconds(20))
        #expect(reading.wall == bracket.elapsed(until: reading.end))
        let sinceProcessStart = CPUTimes.now()
        #expect(reading.cpu.selfUser >= 0 && reading.cpu.selfUser <= sinceProcessStart.selfUser,
                "CPU time counts from the bracket's start, not the process's")
        #expect(reading.wall.seconds < 60)
        if let peak = reading.peakRSSMiB { #expect(peak > 0) }
    }

    @Test func runIDsNumberRowsFromOneAfterTheTimestampsDigits() {
        let environment = EnvironmentFingerprint(
            timestamp: "2026-11-25T12:00:00Z", gitRevision: "", host: "", cpuModel: "", logicalCores: 1, os: "",
            libavVersion: "", ffmpegVersion: "", opencvVersion: "")
        var plain = RunIDSequence(environment: environment, processID: 4711)
        var pipeline = RunIDSequence(environment: environment, prefix: "p", processID: 4711)
        var otherProcess = RunIDSequence(environment: environment, processID: 4712)
        let ids = [plain.next(), plain.next(), pipeline.next(), otherProcess.next()]
        #expect(ids == ["20261125120000-4711-1", "20261125120000-4711-2", "p20261125120000-4711-1", "20261125120000-4712-1"])
    }
}
