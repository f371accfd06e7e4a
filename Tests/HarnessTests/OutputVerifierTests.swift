import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Strategies
import Testing
import Verification

@Suite(.enabled(if: TestVideo.ffmpeg != nil, "needs the ffmpeg program"))
struct OutputVerifierTests {
    let size = FrameSize(width: 160, height: 120)

    func verifier(frames: Int, codec: String? = nil, stride: Int = 1, frameSet: FrameSet = .camera) -> OutputVerifier {
        OutputVerifier(frameSet: frameSet, size: size, frameCount: frames, framesPerSecond: 30, codec: codec,
                       qualityStride: stride)
    }

    @Test func correctlyTaggedH264IsValidAndFaithful() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<20, in: directory, name: "good.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let result = verifier(frames: 20, codec: "libx264").verify(path: path)
        #expect(result.valid, "\(result.invalidReason ?? "")")
        #expect(result.invalidReason == nil)
        #expect(result.codec == "h264")
        #expect(result.width == 160 && result.height == 120)
        #expect(result.framesDecoded == 20)
        #expect(result.framesCompared == 20)
        #expect(abs((result.durationSeconds ?? 0) - 20.0 / 30) < 1e-3)
        #expect(abs((result.averageFPS ?? 0) - 30) < 1e-3)
        #expect(result.colorTags == StreamColorTags(matrix: "bt709", primaries: "bt709", transfer: "bt709", range: "tv"))
        #expect(result.colorInterpretation == ColorInterpretation(matrix: .bt709, fullRange: false,
                                                                  matrixFromTag: true, rangeFromTag: true))
        #expect((result.psnrMean ?? 0) > 30)
        #expect((result.psnrMin ?? 0) <= (result.psnrMean ?? 0))
        #expect((result.ssimMean ?? 0) > 0.9 && (result.ssimMean ?? 2) < 1)
        #expect(result.frameQualities.map(\.index) == Array(0..<20))
    }

    @Test func fileCutInHalfIsInvalidWithReason() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<20, in: directory, name: "whole.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = directory.appendingPathComponent("half.mp4")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        let result = verifier(frames: 20).verify(path: truncated.path)
        #expect(!result.valid)
        // ffmpeg writes the MP4 index (moov) last, so half a file does not even open.
        #expect(result.invalidReason?.contains("cannot open: avformat_open_input") == true,
                "\(result.invalidReason ?? "")")
        #expect(result.framesDecoded == 0)
        #expect(result.psnrMean == nil)
    }

    @Test func streamableFileCutInHalfIsInvalidBecauseFramesAreMissing() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let truncated = try TestVideo.streamableH264CutInHalf(size: size, frames: 20, in: directory)
        let result = verifier(frames: 20).verify(path: truncated)
        #expect(!result.valid)
        #expect(result.framesDecoded < 20)
        #expect(result.invalidReason?.contains("expected 20") == true, "\(result.invalidReason ?? "")")
    }

    @Test func oneMissingFrameIsInvalid() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<19, in: directory, name: "short.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let result = verifier(frames: 20).verify(path: path)
        #expect(!result.valid)
        #expect(result.framesDecoded == 19)
        #expect(result.invalidReason == "decoded 19 frames, expected 20")
    }

    @Test(arguments: [(FrameSet.noise, FrameSet.camera), (.talkingHead, .camera), (.camera, .talkingHead)])
    func completeFileOfOtherContentIsInvalidBecauseItsContentDoesNotMatch(written: FrameSet, expected: FrameSet) throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(written, size: size, indices: 0..<10, in: directory, name: "other.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let result = verifier(frames: 10, frameSet: expected).verify(path: path)
        #expect(!result.valid)
        #expect(result.framesDecoded == 10)
        #expect(result.contentVerdict == .doesNotMatch)
        #expect((result.psnrLumaMean ?? 100) < 20)
        let reason = result.invalidReason ?? ""
        // Only the content check fails: the file is complete.
        #expect(reason.hasPrefix("content does not match the frame set: mean luma PSNR "), "\(reason)")
        #expect(!reason.contains("; "))
        #expect(reason.hasSuffix("(floor: luma PSNR 20 dB, SSIM 0.5)"), "\(reason)")
        #expect(result.report.contains("valid:        NO — content does not match the frame set"))
        #expect(result.report.contains("content:      DOES NOT MATCH the frame set (floor: luma PSNR 20 dB, SSIM 0.5)"))
    }

    @Test(arguments: [FrameSet.camera, .talkingHead, .noise])
    func faithfulFileMatchesTheFrameSetAndStaysValid(frameSet: FrameSet) throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(frameSet, size: size, indices: 0..<10, in: directory, name: "faithful.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709, crf: 28))
        let result = verifier(frames: 10, frameSet: frameSet).verify(path: path)
        #expect(result.valid, "\(result.invalidReason ?? "")")
        #expect(result.contentVerdict == .matches)
        #expect(result.report.contains("content:      matches the frame set (floor: luma PSNR 20 dB, SSIM 0.5)"))
    }

    @Test func aLowerFloorAcceptsWhatTheStandardFloorRejects() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(.noise, size: size, indices: 0..<10, in: directory, name: "other.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let anything = OutputVerifier(frameSet: .camera, size: size, frameCount: 10, framesPerSecond: 30,
                                      qualityFloor: QualityFloor(minimumPSNR: 0, minimumSSIM: -1))
        let result = anything.verify(path: path)
        #expect(result.valid, "\(result.invalidReason ?? "")")
        #expect(result.contentVerdict == .matches)
    }

    @Test func contentIsNotJudgedWhenNoFrameWasCompared() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(.noise, size: size, indices: 0..<10, in: directory, name: "other.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let otherSize = OutputVerifier(frameSet: .camera, size: FrameSize(width: 320, height: 240), frameCount: 10,
                                       framesPerSecond: 30).verify(path: path)
        #expect(otherSize.framesCompared == 0)
        #expect(otherSize.contentVerdict == .notJudged)
        #expect(otherSize.invalidReason == "size 160x120, expected 320x240")
        #expect(otherSize.report.contains("content:      not judged (no frames compared)"))
    }

    @Test func runRowOfOtherContentIsInvalidNamingTheMeasuredQualityAndTheFloor() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(.noise, size: size, indices: 0..<10, in: directory, name: "other.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let ring = FrameRing(frameSet: .camera, size: size, frameCount: 10)
        let summary = RunVerifier().verify(path: path, ring: ring, frames: 10, fps: 30, codec: nil)
        #expect(!summary.valid)
        #expect(summary.invalidReason.hasPrefix("content does not match the frame set: mean luma PSNR "),
                "\(summary.invalidReason)")
        #expect(summary.invalidReason.contains("mean SSIM "))
        #expect(summary.invalidReason.contains("(floor: luma PSNR 20 dB, SSIM 0.5)"))
    }

    @Test func floorVerdictsFollowTheMeansOfTheComparedFrames() {
        let floor = QualityFloor.standard
        func frames(_ psnrLuma: Double, _ ssim: Double) -> [FrameQuality] {
            [FrameQuality(index: 0, psnr: psnrLuma - 7, psnrLuma: psnrLuma, ssim: ssim)]
        }
        #expect(floor.verdict(for: []) == .notJudged)
        #expect(floor.shortfall(of: []) == nil)
        #expect(floor.verdict(for: frames(20, 0.5)) == .matches)
        #expect(floor.verdict(for: frames(19.9, 0.9)) == .doesNotMatch)
        #expect(floor.verdict(for: frames(35, 0.49)) == .doesNotMatch)
        #expect(floor.shortfall(of: frames(13.04, 0.0231))
                == "content does not match the frame set: mean luma PSNR 13 dB, mean SSIM 0.023 (floor: luma PSNR 20 dB, SSIM 0.5)")
        let faithfulNoise = [FrameQuality(index: 0, psnr: 12.4, psnrLuma: 23.8, ssim: 0.93)]
        #expect(floor.verdict(for: faithfulNoise) == .matches, "judged on luma: 4:2:0 loses colour noise")
        let mixed = [FrameQuality(index: 0, psnr: 33, psnrLuma: 40, ssim: 0.95),
                     FrameQuality(index: 1, psnr: 3, psnrLuma: 10, ssim: 0.3)]
        #expect(floor.verdict(for: mixed) == .matches, "judged on means: 25 dB, 0.625")
    }

    @Test func losslessFileReportsTheCapAndSSIMOne() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<10, in: directory, name: "lossless.mkv",
                                        options: ["-c:v", "ffv1", "-pix_fmt", "bgr0"])
        let result = verifier(frames: 10, codec: "ffv1").verify(path: path)
        #expect(result.valid, "\(result.invalidReason ?? "")")
        #expect(result.psnrMean == QualityMetrics.psnrCap)
        #expect(result.psnrMin == QualityMetrics.psnrCap)
        #expect(result.psnrLumaMean == QualityMetrics.psnrCap)
        #expect(result.ssimMean == 1.0)
        #expect(result.ssimMin == 1.0)
        #expect(result.colorInterpretation?.matrix == nil)
    }

    @Test(arguments: [(YUVMatrix.bt601, YUVMatrix.bt709), (.bt709, .bt601)])
    func mismatchedMatrixTagCostsPSNRAndIsReported(converted: YUVMatrix, tagged: YUVMatrix) throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let right = try TestVideo.encode(.talkingHead, size: size, indices: 0..<10, in: directory, name: "right.mp4",
                                         options: TestVideo.h264Options(matrix: tagged, tag: tagged))
        let wrong = try TestVideo.encode(.talkingHead, size: size, indices: 0..<10, in: directory, name: "wrong.mp4",
                                         options: TestVideo.h264Options(matrix: converted, tag: tagged))
        let good = verifier(frames: 10, frameSet: .talkingHead).verify(path: right)
        let bad = verifier(frames: 10, frameSet: .talkingHead).verify(path: wrong)
        #expect(good.valid && bad.valid)
        #expect(bad.colorInterpretation?.matrix == tagged)
        #expect(bad.colorTags?.matrix == (tagged == .bt709 ? "bt709" : "smpte170m"))
        let loss = (good.psnrMean ?? 0) - (bad.psnrMean ?? 0)
        let lumaLoss = (good.psnrLumaMean ?? 0) - (bad.psnrLumaMean ?? 0)
        // Measured with FFmpeg 5.1 / x264: about 7 dB over BGR and 15 dB over luma; the margins leave room for other
        // encoder builds while staying far above run-to-run noise (x264 is deterministic here).
        #expect(loss > 4, "PSNR \(good.psnrMean ?? 0) dB tagged right vs \(bad.psnrMean ?? 0) dB tagged wrong")
        #expect(lumaLoss > 8, "luma PSNR \(good.psnrLumaMean ?? 0) dB vs \(bad.psnrLumaMean ?? 0) dB")
    }

    @Test func untaggedSDStreamIsConvertedWithTheBT601Default() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<10, in: directory, name: "untagged.mp4",
                                        options: TestVideo.h264Options(matrix: .bt601, tag: nil))
        let result = verifier(frames: 10).verify(path: path)
        #expect(result.valid)
        #expect(result.colorTags?.matrix == "unknown")
        #expect(result.colorInterpretation == ColorInterpretation(matrix: .bt601, fullRange: false,
                                                                  matrixFromTag: false, rangeFromTag: false))
        #expect((result.psnrMean ?? 0) > 30)
    }

    @Test func wrongSizeCodecAndFrameRateAreEachReported() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<10, fps: 25, in: directory, name: "odd.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let expecting = OutputVerifier(frameSet: .camera, size: FrameSize(width: 320, height: 240), frameCount: 10,
                                       framesPerSecond: 30, codec: "hevc")
        let result = expecting.verify(path: path)
        #expect(!result.valid)
        let reason = result.invalidReason ?? ""
        #expect(reason.contains("codec h264, expected hevc"))
        #expect(reason.contains("size 160x120, expected 320x240"))
        #expect(reason.contains("average frame rate 25.000 frames/s, expected 30.000"))
        #expect(reason.contains("duration 0.400 s, expected 0.333 s"))
        #expect(result.framesCompared == 0)
    }

    @Test func missingOrForeignFileIsInvalidNotAnError() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = verifier(frames: 10).verify(path: directory.appendingPathComponent("absent.mp4").path)
        #expect(!missing.valid)
        #expect(missing.invalidReason?.contains("No such file") == true, "\(missing.invalidReason ?? "")")
        let text = directory.appendingPathComponent("notes.mp4")
        try Data("not a video at all\n".utf8).write(to: text)
        let foreign = verifier(frames: 10).verify(path: text.path)
        #expect(!foreign.valid)
        #expect(foreign.invalidReason?.hasPrefix("cannot open:") == true)
    }

    @Test func strideComparesEveryKthFrame() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<10, in: directory, name: "strided.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let result = verifier(frames: 10, stride: 3).verify(path: path)
        #expect(result.valid)
        #expect(result.frameQualities.map(\.index) == [0, 3, 6, 9])
        #expect(result.framesCompared == 4)
    }

    @Test func ringedRunIsRegeneratedFromTheRing() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: (0..<12).map { $0 % 4 }, in: directory,
                                        name: "ring.mkv", options: ["-c:v", "ffv1", "-pix_fmt", "bgr0"])
        let ringed = OutputVerifier(frameSet: .camera, size: size, frameCount: 12, ringSize: 4, framesPerSecond: 30)
            .verify(path: path)
        #expect(ringed.valid)
        #expect(ringed.psnrMin == QualityMetrics.psnrCap)
        let unringed = verifier(frames: 12).verify(path: path)
        #expect((unringed.psnrMin ?? 100) < 40)
    }
}
