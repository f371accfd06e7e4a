import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Strategies
import Testing
import TestSupport
import Verification

/// The pipeline end to end at small sizes: outputs, baseline, --input, and one output failing.
@Suite struct PipelineRunnerTests {
    static let environment = EnvironmentFingerprint(
        timestamp: "2026-11-25T12:00:00Z", gitRevision: "abc1234", host: "test", cpuModel: "Test CPU",
        logicalCores: 2, os: "Linux", libavVersion: "", ffmpegVersion: "", opencvVersion: "")
    static let libav = LibAVStrategy()
    static let canEncode = libav.availability().isAvailable

    func plan(_ strategies: [any WriterStrategy], source: PipelineSource, batch: Int, in directory: URL) -> PipelinePlan {
        var plan = PipelinePlan(strategies: strategies, source: source, outputDirectory: directory.path)
        plan.batchSize = batch
        plan.verifyStride = 1
        return plan
    }

    @Test(.enabled(if: canEncode))
    func threeOutputsAreValidWithEveryFrameAndTheBaselineFillsTheOverhead() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = PipelineSource.frameSet(.talkingHead, size: FrameSize(width: 64, height: 48), frames: 12)
        let records = PipelineRunner(plan: plan([AsyncStrategy(wrapping: Self.libav)], source: source, batch: 5,
                                                in: directory), environment: Self.environment).run()
        #expect(records.map(\.strategy) == ["null", "libav-async"])
        let baseline = records[0], record = records[1]
        #expect(baseline.status == .ok && baseline.pipelineFPS != nil)
        #expect(record.status == .ok, "\(record.reason)")
        #expect(record.frames == 12 && record.batches == 3 && record.batchDelays?.count == 3)
        for output in PipelineOutput.allCases {
            let result = try #require(record.outputs[output])
            #expect(result.report?.framesWritten == 12)
            #expect(result.report?.encoderUsed == "h264" || result.report?.encoderUsed == "libx264")
            #expect(result.verification?.valid == true, "\(output): \(result.verification?.invalidReason ?? "")")
            #expect(result.verification?.framesDecoded == 12)
            // The debug view's 2-pixel green midline and digits lose chroma to 4:2:0 at this tiny size.
            #expect((result.verification?.psnrMean ?? 0) > (output == .debug ? 20 : 30), "\(output)")
            #expect(result.write?.count == 12)
            #expect(FileManager.default.fileExists(atPath: directory.path + "/libav-async-\(output.rawValue).mp4"))
        }
        #expect(record.nullWriterFPS == baseline.pipelineFPS)
        #expect(!record.field(.nullWriterFPS).isEmpty && !record.field(.writerOverheadPct).isEmpty)
        #expect(!record.field(.pipelineFPS).isEmpty && record.field(.valid) == "true")
        #expect(!record.field(.batchDelayMsMax).isEmpty && !record.field(.writeMsP99Debug).isEmpty)
        #expect(baseline.field(.valid).isEmpty && baseline.field(.writerOverheadPct) == "0.0")
        let csv = CSVFormat.line(PipelineColumn.header) + "\n"
            + records.map { CSVFormat.line($0.csvFields) }.joined(separator: "\n") + "\n"
        let table = try ResultsTable(text: csv)
        #expect(table.rows.count == 2 && table.rows[1]["encoder_used_left"] == record.field(.encoderUsedLeft))
    }

    @Test(.enabled(if: canEncode && TestVideo.ffmpeg != nil))
    func aVideoFileInputIsDecodedProcessedAndVerifiedAgainstItself() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = FrameSize(width: 96, height: 64)
        let input = try TestVideo.encode(.talkingHead, size: size, indices: 0..<10, in: directory, name: "face.mp4",
                                         options: TestVideo.h264Options(matrix: .bt709, tag: .bt709, crf: 10))
        let source = try PipelineSource.video(path: input)
        #expect(source.size == size && source.frameLimit == nil && source.inputPath == input)
        var plan = plan([Self.libav], source: source, batch: 4, in: directory)
        plan.midline = 40
        let records = PipelineRunner(plan: plan, environment: Self.environment).run()
        let record = records[1]
        #expect(record.status == .ok, "\(record.reason)")
        #expect(record.frames == 10 && record.batches == 3 && record.midline == 40 && record.input == input)
        for output in PipelineOutput.allCases {
            let verification = try #require(record.outputs[output]?.verification)
            #expect(verification.valid, "\(output): \(verification.invalidReason)")
            #expect(verification.framesDecoded == 10)
            #expect((verification.psnrMean ?? 0) > (output == .debug ? 20 : 30),
                    "\(output) against the re-decoded, re-processed input")
        }
    }

    @Test func anUnreadableInputIsReportedWithItsPath() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.path + "/not-a-video.mp4"
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try PipelineSource.video(path: path)
        } throws: { error in
            guard case PipelineError.unreadableInput(let reported, _)? = error as? PipelineError else { return false }
            return reported == path
        }
    }

    @Test(.enabled(if: canEncode))
    func whenOneOutputsEncoderDiesThePipelineStopsNamesItAndFinishesTheOthers() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = FrameSize(width: 160, height: 120)
        let frameBytes = size.width * size.height * 3
        let fake = try FakeEncoder.install(in: directory.path, bytesBeforeDying: 3 * frameBytes)
        let strategy = OneDyingOutputStrategy(dying: .left, fakeFFmpeg: fake)
        let source = PipelineSource.frameSet(.talkingHead, size: size, frames: 60)
        let records = PipelineRunner(plan: plan([strategy], source: source, batch: 10, in: directory),
                                     environment: Self.environment).run()
        let record = records[1]
        #expect(record.status == .failed)
        #expect(record.failedOutput == .left)
        #expect(record.reason.contains("output 'left'") && record.reason.contains("out of disk space"), "\(record.reason)")
        #expect(record.frames < 60, "the pipeline stopped early")
        for output in [PipelineOutput.right, .debug] {
            let result = try #require(record.outputs[output])
            let report = try #require(result.report, "\(output) was finished")
            #expect(report.framesWritten == result.framesHanded && report.framesWritten >= record.frames)
            let verification = try #require(result.verification)
            #expect(verification.valid, "\(output) stays playable: \(verification.invalidReason)")
            #expect(verification.framesDecoded == report.framesWritten)
        }
        #expect(record.outputs[.left]?.report == nil)
        #expect(record.field(.valid) == "false" || record.field(.valid).isEmpty)
        let outcomes = PipelineCriteria.judge(record, reference: nil)
        #expect(outcomes[.processingRate] == .fail && outcomes[.duration] == .fail)
    }
}

/// libav writers for every output except `dying`, whose writer pipes into a fake ffmpeg that dies mid-stream.
struct OneDyingOutputStrategy: WriterStrategy {
    let dying: PipelineOutput
    let fakeFFmpeg: String
    let name = "one-dying"
    let settings = EncoderSettings.default
    let colorPolicy = ColorPolicy.bt709Limited
    var summary: String { "test: libav, with one output piped into a dying fake ffmpeg" }
    func availability() -> Availability { .available }
    func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if configuration.outputPath.hasSuffix("-\(dying.rawValue).mp4") {
            // A small pipe buffer makes the death show up as a failed write, not only at finish.
            return try FFmpegPipeStrategy(ffmpegPath: fakeFFmpeg, pipeBufferBytes: 64 << 10).makeWriter(configuration)
        }
        return try LibAVStrategy().makeWriter(configuration)
    }
}

