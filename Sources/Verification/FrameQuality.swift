/// How faithfully one decoded frame reproduces its source frame.
public struct FrameQuality: Sendable, Hashable, Codable {
    /// Run frame index (0-based, presentation order).
    public var index: Int
    /// PSNR over all B, G and R samples, dB, capped at ``QualityMetrics/psnrCap``; higher is better.
    public var psnr: Double
    /// PSNR of BT.601 luma (``LumaPlane/init(bgr:)``), dB, capped at ``QualityMetrics/psnrCap``; higher is better.
    public var psnrLuma: Double
    /// SSIM of BT.601 luma (``QualityMetrics/ssim(_:_:)``), in -1…1; 1 means identical; higher is better.
    public var ssim: Double

    /// Creates a record.
    public init(index: Int, psnr: Double, psnrLuma: Double, ssim: Double) {
        self.index = index
        self.psnr = psnr
        self.psnrLuma = psnrLuma
        self.ssim = ssim
    }
}
