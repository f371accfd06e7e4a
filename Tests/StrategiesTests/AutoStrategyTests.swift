import Foundation
import Harness
@testable import Strategies
import Testing
import TestSupport

/// A strategy that says it can run but throws when a writer is opened, as an encoder that passes its probe and then
/// refuses the real configuration would.
private struct RefusingStrategy: WriterStrategy {
    let name = "refusing"
    let settings = EncoderSettings(encoder: "h264_fake", preset: "", crf: 0)
    let colorPolicy = ColorPolicy.bt709Limited
    let summary = "opens nothing"
    func availability() -> Availability { .available }
    func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        throw WriterError.encoderFailed(encoder: "h264_fake", detail: "avcodec_open2: Function not implemented")
    }
}

@Suite struct AutoStrategyTests {
    let size = FrameSize(width: 320, height: 240)

    func configuration(_ path: String) -> WriterConfiguration {
        WriterConfiguration(outputPath: path, width: size.width, height: size.height)
    }

    func write(_ count: Int, to writer: any VideoWriter) throws -> WriterReport {
        for index in 0..<count { try writer.write(FrameSet.camera.frame(index, size: size)) }
        return try writer.finish()
    }

    @Test(.enabled(if: ThisMachine.lacksHardwareEncoders))
    func withoutHardwareAutoPlansLibx264ViaLibAVAsyncAndSaysWhy() {
        let decision = AutoStrategy().plan()
        #expect(decision.choice == "libx264 via libav-async")
        #expect(decision.summary.hasPrefix("auto: using libx264 via libav-async (h264_nvenc unavailable: "))
        for encoder in HardwareEncoder.allCases {
            #expect(decision.summary.contains("\(encoder.ffmpegName) unavailable: "))
        }
        // Each encoder is named once even though both of its paths were passed over.
        #expect(decision.summary.components(separatedBy: "h264_nvenc unavailable").count == 2)
        #expect(!decision.fellBackAtOpen)
    }

    @Test(.enabled(if: ThisMachine.lacksHardwareEncoders))
    func withoutHardwareAutoWritesH264WithLibx264AndRecordsTheDecision() throws {
        let strategy = try #require(StrategyRegistry.named("auto"))
        #expect(strategy.settings.encoder == "libx264")
        let path = try makeTemporaryDirectory() + "/auto.mp4"
        let writer = try strategy.makeWriter(configuration(path))
        let decision = try #require((writer as? AutoVideoWriter)?.decision)
        #expect(decision.chosen?.name == "libav-async")
        let report = try write(12, to: writer)
        #expect(report.encoderUsed == "libx264")
        #expect(report.notes.first == decision.summary)
        #expect(report.notes.first?.hasPrefix("auto: using libx264 via libav-async (") == true)
        #expect(report.queue != nil, "the chosen writer runs behind the queue")
        #expect(try FFprobe.probe(path) == FFprobe(codec: "h264", width: 320, height: 240, decodedFrames: 12))
    }

    @Test(.enabled(if: ThisMachine.lacksHardwareEncoders))
    func unavailableHardwareEncoderIsPassedOverWithTheProbesReason() throws {
        let nvenc = HardwareLibAVStrategy(encoder: .h264NVENC)
        let auto = AutoStrategy(candidates: [nvenc, LibAVStrategy()])
        let decision = auto.plan()
        #expect(decision.chosen?.name == "libav")
        let passed = try #require(decision.passedOver.first)
        #expect(passed == AutoDecision.PassedOver(strategy: nvenc.name, encoder: "h264_nvenc", cause: .unavailable,
                                                 reason: nvenc.availability().reason ?? ""))
        #expect(decision.summary == "auto: using libx264 via libav (h264_nvenc unavailable: \(passed.reason))")
    }

    @Test func candidateThatFailsToOpenFallsBackToTheNextAndTheReportSaysWhy() throws {
        let auto = AutoStrategy(candidates: [RefusingStrategy(), LibAVStrategy()])
        #expect(auto.plan().chosen?.name == "refusing", "the plan trusts availability; opening finds out")
        let path = try makeTemporaryDirectory() + "/fallback.mp4"
        let writer = try auto.makeWriter(configuration(path))
        let decision = try #require((writer as? AutoVideoWriter)?.decision)
        #expect(decision.chosen?.name == "libav")
        #expect(decision.fellBackAtOpen)
        #expect(decision.passedOver.map(\.cause) == [.failedToOpen])
        let report = try write(5, to: writer)
        #expect(report.encoderUsed == "libx264")
        #expect(report.notes.first == "auto: using libx264 via libav (h264_fake via refusing failed to open: "
                + "h264_fake failed: avcodec_open2: Function not implemented)")
    }

    @Test func whenNothingOpensAutoIsUnavailableWithEveryReason() throws {
        let auto = AutoStrategy(candidates: [HardwareLibAVStrategy(encoder: .h264VideoToolbox), RefusingStrategy()])
        #expect(auto.availability().isAvailable, "RefusingStrategy claims to be available")
        let path = try makeTemporaryDirectory() + "/none.mp4"
        #expect {
            _ = try auto.makeWriter(configuration(path))
        } throws: { error in
            guard case WriterError.unavailable(let strategy, let reason) = error else { return false }
            return strategy == "auto" && reason.hasPrefix("auto: no encoder can run here (h264_videotoolbox unavailable: ")
                && reason.contains("h264_fake via refusing failed to open")
        }
    }

    @Test func noAvailableCandidateMakesAutoUnavailableBeforeOpening() {
        let auto = AutoStrategy(candidates: [HardwareLibAVStrategy(encoder: .h264VideoToolbox)])
        let reason = auto.availability().reason ?? ""
        #expect(reason.hasPrefix("auto: no encoder can run here (h264_videotoolbox unavailable: "))
        #expect(auto.settings.encoder == "h264_videotoolbox", "with no choice the first candidate's settings show")
    }

    @Test func oddDimensionsAreRefusedBeforeAnyCandidateIsTried() throws {
        let auto = AutoStrategy(candidates: [RefusingStrategy(), LibAVStrategy()])
        let path = try makeTemporaryDirectory() + "/odd.mp4"
        #expect(throws: WriterError.oddDimensions(width: 321, height: 240)) {
            _ = try auto.makeWriter(WriterConfiguration(outputPath: path, width: 321, height: 240))
        }
    }
}
