/// What one scan of a ``FramePair`` measures, before it becomes PSNR: integer sums, so every kernel gives the same
/// values, and the mean SSIM of the pair's 8×8 windows summed in one fixed order.
public struct FrameScores: Sendable, Equatable {
    /// Σ(a − b)² over every B, G and R sample.
    public var bgrSquaredError: Int
    /// Σ(a − b)² over the BT.601 luma of every pixel.
    public var lumaSquaredError: Int
    /// Mean SSIM over the 8×8 windows placed every 4 pixels.
    public var ssim: Double

    /// Scores from their parts.
    public init(bgrSquaredError: Int, lumaSquaredError: Int, ssim: Double) {
        self.bgrSquaredError = bgrSquaredError
        self.lumaSquaredError = lumaSquaredError
        self.ssim = ssim
    }
}
