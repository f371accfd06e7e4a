@testable import Analysis
import Testing

/// A writer's CPU per frame next to the encoder ceiling's.
@Suite struct RunRecordCPUTests {
    static let environment = EnvironmentFingerprint(
        timestamp: "2026-12-02T12:00:00Z", gitRevision: "abc1234", host: "test", cpuModel: "Test CPU",
        logicalCores: 2, os: "Linux", libavVersion: "", ffmpegVersion: "", opencvVersion: "")

    @Test func cpuPerFrameCountsTheProcessAndItsChildren() {
        var record = RunRecord(environment: Self.environment)
        record.frames = 100
        record.cpu = CPUTimes(selfUser: 0.5, selfSystem: 0.25, childrenUser: 0.125, childrenSystem: 0.125)
        #expect(record.cpuMsPerFrame == 10)
        record.ceilingCPUMsPerFrame = 8
        #expect(record.ceilingCPURatio == 1.25)
        #expect(record.field(.cpuMsPerFrame) == "10.000" && record.field(.ceilingCPURatio) == "1.250")
    }

    @Test func withoutACeilingOrFramesThereIsNoRatio() {
        var record = RunRecord(environment: Self.environment)
        record.cpu = CPUTimes(selfUser: 1, selfSystem: 0, childrenUser: 0, childrenSystem: 0)
        #expect(record.cpuMsPerFrame == nil && record.ceilingCPURatio == nil)
        record.frames = 10
        #expect(record.cpuMsPerFrame == 100 && record.ceilingCPURatio == nil && record.field(.ceilingCPURatio).isEmpty)
    }
}
