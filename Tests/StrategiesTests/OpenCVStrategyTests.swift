import Foundation
import Harness
@testable import Strategies
import Testing
import TestSupport

/// Pins the OpenCV strategies: what reaches the file, what is refused, and what is reported.
@Suite struct OpenCVStrategyTests {
    static let size = FrameSize(width: 320, height: 240)
    static let frameCount = 20

    func configuration(_ directory: String, _ file: String = "out.mp4",
                       width: Int = OpenCVStrategyTests.size.width, height: Int = OpenCVStrategyTests.size.height) -> WriterConfiguration {
        WriterConfiguration(outputPath: "\(directory)/\(file)", width: width, height: height, fps: 30)
    }

    func cameraFrame(_ index: Int) -> Frame { FrameSet.camera.frame(index, size: Self.size) }

    @Test("every frame reaches the file at the requested size", arguments: [
        ("mp4v", "mpeg4", "mpeg4"),
        ("avc1", "libx264", "h264"),
    ])
    func writesEveryFrameAtTheRequestedSize(fourcc: String, encoder: String, codec: String) throws {
        let directory = try makeTemporaryDirectory()
        let strategy = OpenCVStrategy(fourcc: fourcc)
        let configuration = configuration(directory)
        let writer = try strategy.makeWriter(configuration)
        for index in 0..<Self.frameCount { try writer.write(cameraFrame(index)) }
        let report = try writer.finish()

        #expect(report.framesWritten == Self.frameCount)
        #expect(report.encoderUsed == encoder)
        #expect(report.bytesWritten > 0)
        #expect(report.notes.contains("opencv \(OpenCVStrategy.openCVVersion)"))
        let probe = try #require(try FFprobe.probe(configuration.outputPath))
        #expect(probe == FFprobe(codec: codec, width: Self.size.width, height: Self.size.height,
                                 decodedFrames: Self.frameCount))
    }

    @Test func registeredFirstAsMp4vThenAvc1AndAvailable() {
        let strategies = StrategyRegistry.all()
        #expect(strategies.prefix(2).map(\.name) == ["opencv-mp4v", "opencv-avc1"])
        for strategy in strategies.prefix(2) {
            #expect(strategy.availability() == .available)
            #expect(strategy.colorPolicy == ColorPolicy(matrix: "smpte170m", range: "tv", tagged: false))
        }
    }

    @Test func openCVVersionIsTheLinkedOne() {
        #expect(OpenCVStrategy.openCVVersion.split(separator: ".").count == 3)
        #expect(OpenCVStrategy.openCVVersion.hasPrefix("4."))
    }

    @Test func unknownFourccIsUnavailableWithOpenCVsReason() throws {
        let strategy = OpenCVStrategy(fourcc: "QQQQ")
        let reason = try #require(strategy.availability().reason)
        #expect(reason.contains("'QQQQ' is not found"))

        let directory = try makeTemporaryDirectory()
        #expect {
            _ = try strategy.makeWriter(configuration(directory))
        } throws: { error in
            guard case WriterError.unavailable(let name, let message) = error else { return false }
            return name == "opencv-qqqq" && message == reason
        }
    }

    @Test func malformedFourccIsUnavailableWithAReason() throws {
        let reason = try #require(OpenCVStrategy(fourcc: "mp4").availability().reason)
        #expect(reason.contains("four characters"))
    }

    @Test func wrongFrameSizeIsRejectedBeforeEncoding() throws {
        let directory = try makeTemporaryDirectory()
        let configuration = configuration(directory)
        let writer = try OpenCVStrategy(fourcc: "mp4v").makeWriter(configuration)
        try writer.write(cameraFrame(0))
        let small = FrameSet.camera.frame(1, size: FrameSize(width: 160, height: 120))
        #expect(throws: WriterError.frameMismatch(expected: configuration.geometry,
                                                  actual: FrameGeometry(width: 160, height: 120))) {
            try writer.write(small)
        }
        try writer.write(cameraFrame(2))
        let report = try writer.finish()

        #expect(report.framesWritten == 2)
        #expect(try FFprobe.probe(configuration.outputPath)?.decodedFrames == 2)
    }

    @Test func shimRefusesAWrongSizeFrameItself() throws {
        let directory = try makeTemporaryDirectory()
        let handle = try OpenCVVideoWriterHandle(path: "\(directory)/shim.mp4", fourcc: "mp4v", fps: 30,
                                                 width: 320, height: 240)
        let oneColumnWider = Frame(width: 321, height: 240) { $0.initialize(repeating: 90) }
        #expect {
            try handle.writeBGR24(oneColumnWider)
        } throws: { error in
            "\(error)".contains("frame is 321x240 but the writer was opened for 320x240")
        }
        _ = try handle.release()
    }

    @Test func paddedRowsAreReadThroughTheStride() throws {
        let (width, height, padding) = (64, 48, 40)
        let stride = width * 3 + padding
        // Grey pixels, white padding: a writer that ignored the stride would smear white diagonals into the picture.
        var bytes = [UInt8](repeating: 255, count: stride * height)
        for row in 0..<height {
            for column in 0..<(width * 3) { bytes[row * stride + column] = 128 }
        }
        let frame = Frame(width: width, height: height, stride: stride, bytes: bytes)
        let directory = try makeTemporaryDirectory()
        let configuration = configuration(directory, width: width, height: height)
        let writer = try OpenCVStrategy(fourcc: "mp4v").makeWriter(configuration)
        for _ in 0..<3 { try writer.write(frame) }
        _ = try writer.finish()

        let luma = try decodeFirstLumaPlane(configuration.outputPath, width: width, height: height)
        // Grey 128 is Y 126 in BT.601 limited range (16 + 219·128/255).
        #expect(luma.count == width * height)
        #expect(luma.allSatisfy { abs(Int($0) - 126) <= 3 })
    }

    @Test func oddSizeIsRefusedBeforeOpening() throws {
        let directory = try makeTemporaryDirectory()
        #expect(throws: WriterError.oddDimensions(width: 321, height: 240)) {
            _ = try OpenCVStrategy(fourcc: "avc1").makeWriter(configuration(directory, width: 321, height: 240))
        }
    }

    @Test func unwritableOutputPathIsAnErrorNotACrash() throws {
        let path = "/nonexistent-writerbench-directory/out.mp4"
        #expect {
            _ = try OpenCVStrategy(fourcc: "mp4v").makeWriter(
                WriterConfiguration(outputPath: path, width: 320, height: 240))
        } throws: { error in
            guard case WriterError.unwritableOutput(let failing, _) = error else { return false }
            return failing == path
        }
        // Below the strategy's own check, the shim turns OpenCV's silent refusal into text.
        #expect {
            _ = try OpenCVVideoWriterHandle(path: path, fourcc: "mp4v", fps: 30, width: 320, height: 240)
        } throws: { error in
            "\(error)".contains("failed")
        }
    }

    @Test func consoleChatterGoesIntoTheNotes() throws {
        // 'H264' is not an MP4 tag: OpenCV prints a fallback to 'avc1' on stderr, which the shim captures.
        let directory = try makeTemporaryDirectory()
        let writer = try OpenCVStrategy(fourcc: "H264").makeWriter(configuration(directory))
        try writer.write(cameraFrame(0))
        let report = try writer.finish()
        #expect(report.notes.contains { $0.contains("fallback to use tag") && $0.contains("avc1") })
    }

    @Test func finishedOrAbortedWriterRefusesFramesAndAbortIsIdempotent() throws {
        let directory = try makeTemporaryDirectory()
        let strategy = OpenCVStrategy(fourcc: "mp4v")
        let finished = try strategy.makeWriter(configuration(directory, "finished.mp4"))
        try finished.write(cameraFrame(0))
        _ = try finished.finish()
        #expect(throws: WriterError.closed) { try finished.write(cameraFrame(1)) }
        #expect(throws: WriterError.closed) { _ = try finished.finish() }
        finished.abort()

        let aborted = try strategy.makeWriter(configuration(directory, "aborted.mp4"))
        try aborted.write(cameraFrame(0))
        aborted.abort()
        aborted.abort()
        #expect(throws: WriterError.closed) { try aborted.write(cameraFrame(1)) }
    }

    @Test func nonBGRInputIsRefused() throws {
        let directory = try makeTemporaryDirectory()
        let configuration = WriterConfiguration(outputPath: "\(directory)/out.mp4", width: 320, height: 240,
                                                inputFormat: .rgb24)
        #expect(throws: WriterError.self) { _ = try OpenCVStrategy(fourcc: "mp4v").makeWriter(configuration) }
    }
}

/// The first frame's luma plane as stored (no range conversion), decoded by the ffmpeg program.
private func decodeFirstLumaPlane(_ path: String, width: Int, height: Int) throws -> [UInt8] {
    let run = try ProgramRun.run("ffmpeg", ["-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo",
                                            "-pix_fmt", "yuv420p", "pipe:1"])
    return [UInt8](run.stdout.prefix(width * height))
}
