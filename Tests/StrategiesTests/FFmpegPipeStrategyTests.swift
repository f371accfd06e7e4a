import Foundation
import Harness
@testable import Strategies
import Testing
import TestSupport

@Suite struct FFmpegPipeStrategyTests {
    let size = FrameSize(width: 320, height: 240)

    func frames(_ count: Int, set: FrameSet = .camera) -> [Frame] {
        (0..<count).map { set.frame($0, size: size) }
    }

    @Test func pipedOutputHasEveryFrameAtTheRequestedSizeAndCodec() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/out.mp4"
        let writer = try FFmpegPipeStrategy().makeWriter(WriterConfiguration(outputPath: path, width: 320, height: 240))
        for frame in frames(25) { try writer.write(frame) }
        let report = try writer.finish()
        #expect(report.framesWritten == 25)
        #expect(report.encoderUsed == "libx264")
        #expect(report.bytesWritten > 0)
        #expect(try FFprobe.probe(path) == FFprobe(codec: "h264", width: 320, height: 240, decodedFrames: 25))
    }

    @Test func paddedRowsArePackedBeforeTheyReachFFmpeg() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/padded.mp4"
        let source = FrameSet.camera.frame(0, size: size)
        let stride = 320 * 3 + 64
        var padded = [UInt8](repeating: 0, count: stride * 240)
        for row in 0..<240 {
            padded[(row * stride)..<(row * stride + 960)] = source.bytes[(row * 960)..<(row * 960 + 960)]
        }
        let frame = Frame(width: 320, height: 240, stride: stride, bytes: padded)
        let writer = try FFmpegPipeStrategy().makeWriter(WriterConfiguration(outputPath: path, width: 320, height: 240))
        for _ in 0..<5 { try writer.write(frame) }
        _ = try writer.finish()
        #expect(try FFprobe.probe(path)?.decodedFrames == 5)
    }

    @Test func wrongFrameSizeIsRejectedNamingBothSizes() throws {
        let directory = try makeTemporaryDirectory()
        let writer = try FFmpegPipeStrategy().makeWriter(
            WriterConfiguration(outputPath: directory + "/out.mp4", width: 320, height: 240))
        defer { writer.abort() }
        let wrong = FrameSet.camera.frame(0, size: FrameSize(width: 640, height: 480))
        #expect {
            try writer.write(wrong)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("640x480") && text.contains("320x240")
        }
    }

    @Test func unwritableOutputPathFailsBeforeAnyFrame() throws {
        #expect {
            _ = try FFmpegPipeStrategy().makeWriter(
                WriterConfiguration(outputPath: "/nonexistent-dir/sub/out.mp4", width: 320, height: 240))
        } throws: { error in
            guard case WriterError.unwritableOutput(let path, _) = error else { return false }
            return path == "/nonexistent-dir/sub/out.mp4"
        }
    }

    @Test func oddDimensionsAreRefusedBeforeTheFirstFrame() throws {
        let directory = try makeTemporaryDirectory()
        #expect(throws: WriterError.oddDimensions(width: 641, height: 481)) {
            _ = try FFmpegPipeStrategy().makeWriter(
                WriterConfiguration(outputPath: directory + "/odd.mp4", width: 641, height: 481))
        }
    }

    @Test func missingFFmpegMakesTheStrategyUnavailableWithTheReason() throws {
        let strategy = FFmpegPipeStrategy(ffmpegPath: "/nonexistent/ffmpeg")
        let reason = try #require(strategy.availability().reason)
        #expect(reason.contains("ffmpeg not found"))
        #expect(throws: WriterError.self) {
            _ = try strategy.makeWriter(WriterConfiguration(outputPath: "/tmp/x.mp4", width: 320, height: 240))
        }
    }

    @Test(arguments: [FakeEncoder.Death.exitWithError, .killed])
    func encoderDyingMidStreamSurfacesQuicklyWithItsStderr(death: FakeEncoder.Death) throws {
        let directory = try makeTemporaryDirectory()
        let fake = try FakeEncoder.install(in: directory, bytesBeforeDying: 320 * 240 * 3 * 3, death: death)
        let writer = try FFmpegPipeStrategy(ffmpegPath: fake, pipeBufferBytes: 65_536)
            .makeWriter(WriterConfiguration(outputPath: directory + "/out.mp4", width: 320, height: 240))
        let start = Date()
        var caught: (any Error)?
        do {
            for frame in frames(4) + frames(4) + frames(4) + frames(4) + frames(4) + frames(4) { try writer.write(frame) }
            _ = try writer.finish()
        } catch {
            caught = error
        }
        let error = try #require(caught)
        #expect(Date().timeIntervalSince(start) < 5)
        let text = String(describing: error)
        if death == .exitWithError {
            #expect(text.contains("out of disk space"))
            #expect(text.contains("exited with status 3"))
        } else {
            #expect(text.contains("killed by signal 9"))
        }
        #expect(FakeEncoder.wasReaped(in: directory))
    }
}
