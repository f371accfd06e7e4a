import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Strategies
import Testing
import Verification

/// Pins WriterBench's PSNR and SSIM to FFmpeg's `psnr` and `ssim` filters on the same image pairs.
@Suite(.enabled(if: TestVideo.ffmpeg != nil, "needs the ffmpeg program"))
struct FFmpegCrossCheckTests {
    let size = FrameSize(width: 160, height: 120)

    /// Reads `key:value` fields from every line of an FFmpeg filter stats file.
    func statsValues(_ url: URL, key: String) throws -> [Double] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let field = line.split(separator: " ").first { $0.hasPrefix(key + ":") }
            return Double(field?.dropFirst(key.count + 1) ?? "") ?? .nan
        }
    }

    /// The same pair both ways: the decoded H.264 against the source frames, converted back to RGB by FFmpeg with
    /// libswscale's bilinear filter and accurate rounding and by WriterBench's `YUV420Conversion` (FrameScanKernels),
    /// which agree to within a level (see the next test), so any difference is in the metric itself.
    @Test func bgrPSNRAgreesWithFFmpegsPSNRFilterWithinATenthOfADecibel() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let frames = 15
        let path = try TestVideo.encode(size: size, indices: 0..<frames, in: directory, name: "lossy.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709, crf: 30))
        let ours = OutputVerifier(frameSet: .camera, size: size, frameCount: frames, framesPerSecond: 30)
            .verify(path: path)
        #expect(ours.valid)

        let stats = directory.appendingPathComponent("psnr.log")
        let source = directory.appendingPathComponent("lossy.mp4.bgr")  // the raw frames the video was made from
        try TestVideo.run([
            "-i", path, "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", size.description, "-r", "30", "-i", source.path,
            "-lavfi", "[0:v]scale=in_color_matrix=bt709:in_range=tv:flags=bilinear+accurate_rnd+full_chroma_int,"
                + "format=gbrp[decoded];[1:v]format=gbrp[source];[decoded][source]psnr=stats_file=\(stats.path)",
            "-f", "null", "-",
        ])
        let theirs = try statsValues(stats, key: "psnr_avg")
        #expect(theirs.count == frames)
        #expect(ours.frameQualities.count == frames)
        for (mine, reference) in zip(ours.frameQualities, theirs) {
            #expect(abs(mine.psnr - reference) < 0.1, "frame \(mine.index): \(mine.psnr) dB vs ffmpeg \(reference) dB")
        }
        let theirMean = theirs.reduce(0, +) / Double(theirs.count)
        #expect(abs((ours.psnrMean ?? 0) - theirMean) < 0.1, "mean \(ours.psnrMean ?? 0) dB vs ffmpeg \(theirMean) dB")
    }

    /// Verification's conversion of real decoded H.264 pictures equals its definition, and the definition's chroma
    /// upsampling is libswscale's own: FFmpeg decodes the file to raw `yuv420p` (the reference is computed from those
    /// planes) and upsamples it to `yuv444p` with its bilinear filter and accurate rounding (whose chroma must be the
    /// definition's, rounded).
    @Test func conversionOfDecodedPicturesFollowsItsDefinitionAndLibswscalesUpsampling() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let frames = 3, width = size.width, height = size.height
        let path = try TestVideo.encode(size: size, indices: 0..<frames, in: directory, name: "decoded.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709, crf: 30))
        let planar = directory.appendingPathComponent("decoded.yuv"), full = directory.appendingPathComponent("444.yuv")
        try TestVideo.run(["-i", path, "-f", "rawvideo", "-pix_fmt", "yuv420p", planar.path])
        try TestVideo.run(["-i", path, "-vf", "scale=flags=bilinear+accurate_rnd+full_chroma_int,format=yuv444p",
                           "-f", "rawvideo", full.path])
        let decoded = [UInt8](try Data(contentsOf: planar)), upsampled = [UInt8](try Data(contentsOf: full))
        let reader = try VideoFileReader(path: path, limit: nil)
        let lumaBytes = width * height, chromaBytes = lumaBytes / 4
        var worstChroma = 0, worstBGR = 0
        for index in 0..<frames {
            let frame = try #require(try reader.next())
            let start = index * (lumaBytes + 2 * chromaBytes)
            let picture = YUV420ConversionTests.Picture(
                width: width, height: height, y: Array(decoded[start..<(start + lumaBytes)]),
                u: Array(decoded[(start + lumaBytes)..<(start + lumaBytes + chromaBytes)]),
                v: Array(decoded[(start + lumaBytes + chromaBytes)..<(start + lumaBytes + 2 * chromaBytes)]))
            let fullStart = index * 3 * lumaBytes
            for row in 0..<height {
                for x in 0..<width {
                    for (plane, offset) in [(picture.u, lumaBytes), (picture.v, 2 * lumaBytes)] {
                        let theirs = Double(upsampled[fullStart + offset + row * width + x])
                        let ours = picture.upsampledChroma(plane, x: x, row: row)
                        worstChroma = max(worstChroma, Int((abs(ours - theirs)).rounded(.up)))
                    }
                    let expected = picture.reference(x: x, row: row, matrix: .bt709, fullRange: false)
                    for channel in 0..<3 {
                        worstBGR = max(worstBGR, abs(Int(frame.bytes[3 * (row * width + x) + channel])
                                                     - Int(expected[channel])))
                    }
                }
            }
        }
        #expect(worstChroma <= 1, "libswscale's upsampled chroma differs by up to \(worstChroma) levels")
        #expect(worstBGR <= 1, "the verifier's BGR differs from the definition by up to \(worstBGR) levels")
    }

    /// Luma planes written as raw grey, so FFmpeg compares exactly the samples WriterBench compares.
    @Test(arguments: [(FrameSet.camera, 0, FrameSet.camera, 3), (.camera, 0, .talkingHead, 0),
                      (.talkingHead, 1, .talkingHead, 9)])
    func lumaSSIMAndPSNRAgreeWithFFmpegsFilters(setA: FrameSet, indexA: Int, setB: FrameSet, indexB: Int) throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = LumaPlane(bgr: setA.frame(indexA, size: size)), b = LumaPlane(bgr: setB.frame(indexB, size: size))
        let fileA = directory.appendingPathComponent("a.gray"), fileB = directory.appendingPathComponent("b.gray")
        try Data(a.samples).write(to: fileA)
        try Data(b.samples).write(to: fileB)
        let ssimStats = directory.appendingPathComponent("ssim.log")
        let psnrStats = directory.appendingPathComponent("psnr.log")
        let gray = ["-f", "rawvideo", "-pix_fmt", "gray", "-s", size.description]
        try TestVideo.run(gray + ["-i", fileA.path] + gray + ["-i", fileB.path] + [
            "-lavfi", "[0:v]split[a1][a2];[1:v]split[b1][b2];[a1][b1]ssim=stats_file=\(ssimStats.path);"
                + "[a2][b2]psnr=stats_file=\(psnrStats.path)",
            "-f", "null", "-",
        ])
        let theirSSIM = try #require(try statsValues(ssimStats, key: "All").first)
        let theirPSNR = try #require(try statsValues(psnrStats, key: "psnr_y").first)
        #expect(abs(QualityMetrics.ssim(a, b) - theirSSIM) < 1e-4, "ours \(QualityMetrics.ssim(a, b)) vs \(theirSSIM)")
        #expect(abs(QualityMetrics.psnr(a, b) - theirPSNR) < 0.01, "ours \(QualityMetrics.psnr(a, b)) vs \(theirPSNR)")
    }
}
