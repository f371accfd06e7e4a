import Foundation
import FrameScan
import Strategies

/// Full-reference quality metrics between a source frame and its decoded copy: pure functions, no libav.
///
/// - PSNR = 10·log₁₀(255² / MSE) in dB, over all B, G and R samples (each channel weighs the same, which is what
///   FFmpeg's `psnr` filter reports as `average` for planar RGB input) or over luma. Identical images — and anything
///   closer than the cap — report ``psnrCap``, never infinity or NaN, so means and CSV cells stay finite.
/// - SSIM (Wang, Bovik, Sheikh & Simoncelli 2004) on luma, K1 = 0.01, K2 = 0.03, L = 255, over 8×8 windows placed
///   every 4 pixels (the windowing of x264 and FFmpeg's `ssim` filter, a fraction of the cost of the paper's 11×11
///   Gaussian) with sample (n−1) variances, averaged over all windows. Identical images give exactly 1.0. Rows and
///   columns beyond the last whole 4-pixel block are not covered; images smaller than 8×8 are one window.
/// - Luma is BT.601-weighted from BGR, see ``LumaPlane/init(bgr:)``.
public enum QualityMetrics {
    /// The PSNR reported for identical images, dB: the convention of x264, rav1e and libvmaf. Real lossy encodes
    /// stay far below it (8-bit rounding alone costs ~59 dB), so a value of 100 means "bit-exact".
    public static let psnrCap: Double = 100

    /// PSNR in dB for a mean squared error over 8-bit samples, capped at ``psnrCap`` (which zero error returns).
    public static func psnr(meanSquaredError: Double) -> Double {
        guard meanSquaredError > 0 else { return psnrCap }
        return min(psnrCap, 10 * log10(255 * 255 / meanSquaredError))
    }

    /// Mean squared error over every B, G and R sample of two BGR24 frames of the same size.
    ///
    /// - Precondition: both frames are BGR24 with equal width and height (strides may differ).
    public static func meanSquaredError(_ expected: Frame, _ actual: Frame) -> Double {
        precondition(expected.format == .bgr24 && actual.format == .bgr24, "PSNR compares BGR24 frames")
        precondition(expected.width == actual.width && expected.height == actual.height,
                     "frames differ in size: \(expected.width)x\(expected.height) vs \(actual.width)x\(actual.height)")
        let rowBytes = expected.width * 3
        var total = 0
        expected.withUnsafeBytes { a in
            actual.withUnsafeBytes { b in
                let pa = a.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let pb = b.baseAddress!.assumingMemoryBound(to: UInt8.self)
                for y in 0..<expected.height {
                    total += SquaredDifferences.sum(pa + y * expected.stride, pb + y * actual.stride, count: rowBytes)
                }
            }
        }
        return Double(total) / Double(rowBytes * expected.height)
    }

    /// PSNR in dB over all B, G and R samples, capped at ``psnrCap``.
    ///
    /// - Precondition: as ``meanSquaredError(_:_:)-(Frame,Frame)``.
    public static func psnr(_ expected: Frame, _ actual: Frame) -> Double {
        psnr(meanSquaredError: meanSquaredError(expected, actual))
    }

    /// Mean squared error between two luma planes of the same size.
    public static func meanSquaredError(_ expected: LumaPlane, _ actual: LumaPlane) -> Double {
        precondition(expected.width == actual.width && expected.height == actual.height, "luma planes differ in size")
        let total = expected.samples.withUnsafeBufferPointer { a in
            actual.samples.withUnsafeBufferPointer { b in
                SquaredDifferences.sum(a.baseAddress!, b.baseAddress!, count: a.count)
            }
        }
        return Double(total) / Double(expected.samples.count)
    }

    /// PSNR in dB between two luma planes, capped at ``psnrCap``.
    public static func psnr(_ expected: LumaPlane, _ actual: LumaPlane) -> Double {
        psnr(meanSquaredError: meanSquaredError(expected, actual))
    }

    /// Mean SSIM between two luma planes of the same size, in -1…1 (1 for identical planes).
    public static func ssim(_ expected: LumaPlane, _ actual: LumaPlane) -> Double {
        precondition(expected.width == actual.width && expected.height == actual.height, "luma planes differ in size")
        let width = expected.width
        let blocksX = width / 4, blocksY = expected.height / 4
        return expected.samples.withUnsafeBufferPointer { a in
            actual.samples.withUnsafeBufferPointer { b in
                guard blocksX >= 2, blocksY >= 2 else {
                    return WindowSums(a.baseAddress!, b.baseAddress!, rowLength: width, columns: width,
                                      rows: expected.height).ssim(sampleCount: a.count)
                }
                // Two rows of 4×4 block sums at a time: each 8×8 window is 2×2 blocks of two adjacent rows.
                var previous = [WindowSums](repeating: WindowSums(), count: blocksX)
                var current = previous
                var total = 0.0
                for blockRow in 0..<blocksY {
                    let offset = blockRow * 4 * width
                    for blockColumn in 0..<blocksX {
                        current[blockColumn] = WindowSums(a.baseAddress! + offset + 4 * blockColumn,
                                                          b.baseAddress! + offset + 4 * blockColumn,
                                                          rowLength: width, columns: 4, rows: 4)
                    }
                    if blockRow > 0 {
                        for column in 0..<(blocksX - 1) {
                            let window = previous[column] + previous[column + 1] + current[column] + current[column + 1]
                            total += window.ssim(sampleCount: 64)
                        }
                    }
                    swap(&previous, &current)
                }
                return total / Double((blocksX - 1) * (blocksY - 1))
            }
        }
    }

    /// Every metric for one frame pair: exactly ``psnr(_:_:)-(Frame,Frame)``, and ``psnr(_:_:)-(LumaPlane,LumaPlane)``
    /// and ``ssim(_:_:)`` of both frames' ``LumaPlane``s, computed in one pass over the rows by `kernel` (see
    /// ``FrameScanKernel``), on two threads for frames of 512×512 and more. Frames of fewer than 8×8 pixels are scored
    /// by the reference definitions themselves.
    ///
    /// - Parameters:
    ///   - index: the run frame index recorded in the result.
    ///   - kernel: the compiled scan to use; every one gives the same result.
    /// - Precondition: both frames are BGR24 of the same size.
    public static func compare(expected: Frame, actual: Frame, index: Int,
                               kernel: any FrameScanKernel.Type = ScanKernels.selected) -> FrameQuality {
        precondition(expected.format == .bgr24 && actual.format == .bgr24, "quality compares BGR24 frames")
        precondition(expected.width == actual.width && expected.height == actual.height,
                     "frames differ in size: \(expected.width)x\(expected.height) vs \(actual.width)x\(actual.height)")
        guard expected.width >= 8, expected.height >= 8 else {
            // Fewer than 2×2 blocks of 4×4: one SSIM window over the whole image.
            let a = LumaPlane(bgr: expected), b = LumaPlane(bgr: actual)
            return FrameQuality(index: index, psnr: psnr(expected, actual), psnrLuma: psnr(a, b), ssim: ssim(a, b))
        }
        return expected.withUnsafeBytes { e in
            actual.withUnsafeBytes { a in
                quality(kernel.score(FramePair(expected: e.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                               expectedStride: expected.stride,
                                               actual: .bgr(a.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                                            stride: actual.stride),
                                               width: expected.width, height: expected.height)),
                        pixels: expected.width * expected.height, index: index)
            }
        }
    }

    /// Every metric for `expected` and a decoded 4:2:0 picture, exactly as ``compare(expected:actual:index:kernel:)``
    /// gives them for the frame `kernel` converts `picture` to with `coefficients`, without writing that frame out:
    /// each row is converted as the scan reaches it.
    ///
    /// - Precondition: `expected` is BGR24 of the picture's size, and at least 8×8 pixels.
    static func compare(expected: Frame, decoded picture: YUV420Picture, coefficients: YUV420Coefficients,
                        index: Int, kernel: any FrameScanKernel.Type = ScanKernels.selected) -> FrameQuality {
        precondition(expected.format == .bgr24, "quality compares with BGR24 frames")
        precondition(expected.width == picture.width && expected.height == picture.height,
                     "frames differ in size: \(expected.width)x\(expected.height) vs \(picture.width)x\(picture.height)")
        precondition(expected.width >= 8 && expected.height >= 8, "pictures under 8x8 are compared as frames")
        return expected.withUnsafeBytes { e in
            quality(kernel.score(FramePair(expected: e.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                           expectedStride: expected.stride, actual: .yuv420(picture, coefficients),
                                           width: expected.width, height: expected.height)),
                    pixels: expected.width * expected.height, index: index)
        }
    }

    /// The metrics of a scan's sums over a frame of `pixels` pixels.
    private static func quality(_ scores: FrameScores, pixels: Int, index: Int) -> FrameQuality {
        FrameQuality(index: index, psnr: psnr(meanSquaredError: Double(scores.bgrSquaredError) / Double(3 * pixels)),
                     psnrLuma: psnr(meanSquaredError: Double(scores.lumaSquaredError) / Double(pixels)),
                     ssim: scores.ssim)
    }
}
