import Analysis
import AnalysisCommands
import ArgumentParser
import Foundation
import Harness
import Strategies
import Verification

/// `writerbench verify FILE`: checks any video file — written by WriterBench or by another tool from
/// `writerbench frames` output — against the frames it should hold, and prints a report.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a video holds exactly the expected frames, and measure PSNR and SSIM against them.",
        discussion: """
            Exits with status 0 only when the file opens, decodes without errors, and its codec (if --codec is \
            given), size, frame count, duration (within one frame) and average frame rate (within 0.5 %) match. \
            Decoded frames are converted back to BGR with the stream's tagged colour matrix — BT.601 below 720 \
            lines and BT.709 from 720 lines when untagged — so a matrix mismatch shows up as lost PSNR. \
            The content must also match: when frames were compared, a mean luma PSNR below --min-psnr (default \
            20 dB) or a mean luma SSIM below --min-ssim (default 0.5) means "content does not match the frame set" \
            and exit status 1 (other frame sets measure 13–18.5 dB luma PSNR; faithful encodes 21 dB and up, noise \
            included — luma, because 4:2:0 leaves faithful colour noise at about 12 dB BGR PSNR). When no frame \
            could be compared the content is reported as not judged, which alone does not fail the file.
            """ + "\n\n" + ExitStatus.table
    )

    @Argument(help: "The video file to verify.")
    var file: String

    /// The frames a video is checked against by default: WriterBench's own defaults for `run` and `frames`.
    enum FrameDefaults: FrameSourceDefaults {
        static var frameSet: FrameSet { .camera }
        static var size: FrameSize { .default }
    }

    /// The frame set and size the video was made from.
    @OptionGroup var frameSource: FrameSourceOptions<FrameDefaults>

    @Option(parsing: .unconditional, help: "Number of frames written.")
    var frames: Int

    @Option(parsing: .unconditional, help: "Frame rate the video was written at, frames/s.")
    var fps: Double = 30

    @Option(parsing: .unconditional, help: "Ring size: run frame i is frame set frame i % ring (default: --frames, no ring).")
    var ring: Int?

    @Option(name: .customLong("verify-stride"), parsing: .unconditional, help: "Measure quality on every k-th frame.")
    var verifyStride: Int = 1

    @Option(help: "Expected codec, by FFmpeg codec or encoder name (h264, libx264, hevc, …); default: any.")
    var codec: String?

    @Option(name: .customLong("min-psnr"), parsing: .unconditional, help: "Mean luma PSNR, dB, below which the content does not match the frame set.")
    var minimumPSNR: Double = QualityFloor.standard.minimumPSNR

    @Option(name: .customLong("min-ssim"), parsing: .unconditional, help: "Mean luma SSIM, -1…1, below which the content does not match the frame set.")
    var minimumSSIM: Double = QualityFloor.standard.minimumSSIM

    func validate() throws {
        guard frames >= 1 else { throw ValidationError("--frames must be at least 1.") }
        guard fps > 0, fps.isFinite else { throw ValidationError("--fps must be a positive number.") }
        if let ring, ring < 1 { throw ValidationError("--ring must be at least 1.") }
        guard verifyStride >= 1 else { throw ValidationError("--verify-stride must be at least 1.") }
        guard minimumPSNR >= 0, minimumPSNR.isFinite else {
            throw ValidationError("--min-psnr must be a number of dB ≥ 0 (0 accepts any content).")
        }
        guard (-1...1).contains(minimumSSIM) else {
            throw ValidationError("--min-ssim must be between -1 and 1 (--min-ssim=-1 accepts any content).")
        }
    }

    func run() throws {
        // A missing input is not a usage error: it exits 66 like every other command's missing input.
        guard FileManager.default.isReadableFile(atPath: file) else {
            printError("verify: no readable file at \(file); pass the path of a video written by a strategy")
            throw ExitStatus.missingInput.exit
        }
        let verifier = OutputVerifier(frameSet: frameSource.frameSet, size: frameSource.size,
                                      frameCount: frames, ringSize: ring, framesPerSecond: fps, codec: codec,
                                      qualityStride: verifyStride,
                                      qualityFloor: QualityFloor(minimumPSNR: minimumPSNR, minimumSSIM: minimumSSIM))
        let result = verifier.verify(path: file)
        print(result.report)
        if !result.valid { throw ExitCode(1) }
    }
}
