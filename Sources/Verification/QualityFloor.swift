import Foundation

/// The least quality a file must show against its expected frames for its content to count as matching them.
///
/// Both measures are of luma, on purpose. BGR PSNR cannot tell a faithful 4:2:0 encode of the `noise` frame set (its
/// per-pixel colour noise does not survive chroma subsampling) from other content: with FFmpeg 5.1, x264 at CRF
/// 18–28 and MPEG-4 Part 2 at its default bitrate measured 11.8–12.5 dB BGR PSNR on faithful noise, against 9–16 dB
/// for other content. Luma separates them: faithful noise measured 21.4–27.4 dB luma PSNR (SSIM 0.87–0.98), faithful
/// camera and talking-head 40–46 dB (SSIM 0.93–0.98), and every mix-up of the three frame sets 12.9–18.5 dB
/// (SSIM 0.02–0.78; camera and talking-head share enough structure that SSIM alone misses them). The standard floor
/// sits between the two groups, so it catches wrong pictures (another clip, a frame-order mix-up) without judging
/// compression, which the benchmark gate does.
public struct QualityFloor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Mean luma PSNR below which the content does not match, dB.
    public var minimumPSNR: Double
    /// Mean luma SSIM below which the content does not match, -1…1.
    public var minimumSSIM: Double

    /// 20 dB mean luma PSNR and 0.5 mean luma SSIM: the defaults of `writerbench verify --min-psnr/--min-ssim` and of `run`.
    public static let standard = QualityFloor(minimumPSNR: 20, minimumSSIM: 0.5)

    /// Creates a floor; a file passes when its mean luma PSNR ≥ `minimumPSNR` **and** its mean luma SSIM ≥
    /// `minimumSSIM`.
    public init(minimumPSNR: Double, minimumSSIM: Double) {
        self.minimumPSNR = minimumPSNR
        self.minimumSSIM = minimumSSIM
    }

    /// Judges the compared frames by their mean luma PSNR and mean luma SSIM; ``ContentVerdict/notJudged`` when there are none.
    public func verdict(for qualities: [FrameQuality]) -> ContentVerdict {
        guard let (psnr, ssim) = Self.means(qualities) else { return .notJudged }
        return psnr >= minimumPSNR && ssim >= minimumSSIM ? .matches : .doesNotMatch
    }

    /// The reason a file fails the floor, naming the measured means and the floor
    /// (`content does not match the frame set: mean luma PSNR 13 dB, mean SSIM 0.023 (floor: luma PSNR 20 dB,
    /// SSIM 0.5)`);
    /// nil when the content matches or was not judged.
    public func shortfall(of qualities: [FrameQuality]) -> String? {
        guard verdict(for: qualities) == .doesNotMatch, let (psnr, ssim) = Self.means(qualities) else { return nil }
        return "content does not match the frame set: mean luma PSNR \(Self.format(psnr, 1)) dB, mean SSIM "
            + "\(Self.format(ssim, 3)) (floor: \(description))"
    }

    /// The floor in words: `luma PSNR 20 dB, SSIM 0.5`.
    public var description: String { "luma PSNR \(Self.format(minimumPSNR, 1)) dB, SSIM \(Self.format(minimumSSIM, 3))" }

    private static func means(_ qualities: [FrameQuality]) -> (psnr: Double, ssim: Double)? {
        guard !qualities.isEmpty else { return nil }
        let count = Double(qualities.count)
        return (qualities.reduce(0) { $0 + $1.psnrLuma } / count, qualities.reduce(0) { $0 + $1.ssim } / count)
    }

    private static func format(_ value: Double, _ maximumDigits: Int) -> String {
        // 20 rather than 20.0; 5.4 rather than 5.40.
        var text = String(format: "%.\(maximumDigits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
