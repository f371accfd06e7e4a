import Analysis
import Verification
/// Verifies each run's output with ``OutputVerifier`` against the ring of frames the run wrote, for the runner.
///
/// A row whose output falls below ``qualityFloor`` gets `valid=false` and an `invalid_reason` naming the measured mean
/// luma PSNR and SSIM and the floor, exactly as `writerbench verify` reports it.
public struct RunVerifier: OutputVerifying {
    /// Measure quality on every `qualityStride`-th frame.
    public var qualityStride: Int
    /// The quality below which an output's content does not match the frames the run wrote.
    public var qualityFloor: QualityFloor

    /// Creates a verifier; `qualityStride` 1 compares every frame.
    public init(qualityStride: Int = 1, qualityFloor: QualityFloor = .standard) {
        self.qualityStride = max(1, qualityStride)
        self.qualityFloor = qualityFloor
    }

    public func verify(path: String, ring: FrameRing, frames: Int, fps: Double, codec: String?) -> VerificationSummary {
        let verifier = OutputVerifier(frameCount: frames, framesPerSecond: fps, size: ring.size, codec: codec,
                                      qualityStride: qualityStride, qualityFloor: qualityFloor) { ring[$0] }
        return VerificationSummary(verifier.verify(path: path))
    }
}

extension VerificationSummary {
    /// The CSV's view of a full verification result.
    public init(_ result: VerificationResult) {
        self.init(valid: result.valid, invalidReason: result.invalidReason ?? "", framesDecoded: result.framesDecoded,
                  psnrMean: result.psnrMean, psnrMin: result.psnrMin, psnrLumaMean: result.psnrLumaMean,
                  ssimMean: result.ssimMean, ssimMin: result.ssimMin,
                  colorMatrix: result.colorTags?.matrix ?? "", colorPrimaries: result.colorTags?.primaries ?? "",
                  colorTransfer: result.colorTags?.transfer ?? "", colorRange: result.colorTags?.range ?? "",
                  decodedAs: result.colorInterpretation?.description ?? "",
                  verifySeconds: result.verifySeconds)
    }
}
