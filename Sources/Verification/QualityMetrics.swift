import Foundation
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

    /// SSIM's stabilising constants for 8-bit samples: C1 = (K1·L)², C2 = (K2·L)².
    static let ssimC1 = (0.01 * 255) * (0.01 * 255)
    static let ssimC2 = (0.03 * 255) * (0.03 * 255)

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
                    total += sumOfSquaredDifferences(pa + y * expected.stride, pb + y * actual.stride, count: rowBytes)
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
                sumOfSquaredDifferences(a.baseAddress!, b.baseAddress!, count: a.count)
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
    /// and ``ssim(_:_:)`` of both frames' ``LumaPlane``s, computed in one pass over the rows (see ``FramePairScan``),
    /// on two threads for frames of 512×512 and more.
    ///
    /// - Parameter index: the run frame index recorded in the result.
    /// - Precondition: both frames are BGR24 of the same size.
    public static func compare(expected: Frame, actual: Frame, index: Int) -> FrameQuality {
        precondition(expected.format == .bgr24 && actual.format == .bgr24, "quality compares BGR24 frames")
        precondition(expected.width == actual.width && expected.height == actual.height,
                     "frames differ in size: \(expected.width)x\(expected.height) vs \(actual.width)x\(actual.height)")
        return expected.withUnsafeBytes { e in
            actual.withUnsafeBytes { a in
                compare(FramePairScan(expected: e.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                      expectedStride: expected.stride,
                                      actual: .bgr(a.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                                   stride: actual.stride),
                                      width: expected.width, height: expected.height),
                        index: index)
            }
        }
    }

    /// Every metric for `expected` and a decoded 4:2:0 picture, exactly as ``compare(expected:actual:index:)``
    /// gives them for the frame `conversion` makes of `planes`, without writing that frame out: each row is converted
    /// as the scan reaches it.
    ///
    /// - Precondition: `expected` is BGR24 of the picture's size, and at least 8×8 pixels.
    static func compare(expected: Frame, decoded conversion: YUV420Conversion, planes: YUV420Conversion.Planes,
                        index: Int) -> FrameQuality {
        precondition(expected.format == .bgr24, "quality compares with BGR24 frames")
        precondition(expected.width == planes.width && expected.height == planes.height,
                     "frames differ in size: \(expected.width)x\(expected.height) vs \(planes.width)x\(planes.height)")
        precondition(expected.width >= 8 && expected.height >= 8, "pictures under 8x8 are compared as frames")
        return expected.withUnsafeBytes { e in
            compare(FramePairScan(expected: e.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                  expectedStride: expected.stride, actual: .yuv420(conversion, planes),
                                  width: expected.width, height: expected.height),
                    index: index)
        }
    }

    /// Frames with fewer pixels than this are scored on the calling thread alone: handing work to a second thread
    /// costs more than it saves.
    static let parallelPixels = 512 * 512

    /// Every metric for the frame pair `scan` reads (see ``compare(expected:actual:index:)``).
    static func compare(_ scan: FramePairScan, index: Int) -> FrameQuality {
        let width = scan.width, height = scan.height
        guard scan.hasWindows else {
            // Fewer than 2×2 blocks: one SSIM window over the whole image, by the reference definitions.
            var bgr = 0
            var lumaA = [UInt8](repeating: 0, count: width * height), lumaB = lumaA
            for y in 0..<height {
                guard case let .bgr(actual, actualStride) = scan.actual else {
                    preconditionFailure("pictures under 8x8 are compared as frames")
                }
                let rowA = scan.expected + y * scan.expectedStride, rowB = actual + y * actualStride
                bgr += sumOfSquaredDifferences(rowA, rowB, count: 3 * width)
                lumaA.withUnsafeMutableBufferPointer { FramePairScan.luma(rowA, into: $0.baseAddress! + y * width, count: width) }
                lumaB.withUnsafeMutableBufferPointer { FramePairScan.luma(rowB, into: $0.baseAddress! + y * width, count: width) }
            }
            let a = LumaPlane(width: width, height: height, samples: lumaA)
            let b = LumaPlane(width: width, height: height, samples: lumaB)
            return FrameQuality(index: index, psnr: psnr(meanSquaredError: Double(bgr) / Double(3 * width * height)),
                                psnrLuma: psnr(a, b), ssim: ssim(a, b))
        }
        let blocksY = scan.blocksY
        let bandCount = width * height >= parallelPixels ? min(4, blocksY) : 1
        let windows = UnsafeMutablePointer<Double>.allocate(capacity: scan.windowCount)
        let sums = UnsafeMutablePointer<FramePairScan.Sums>.allocate(capacity: bandCount)
        defer { windows.deallocate(); sums.deallocate() }
        let shared = SharedBands(windows: windows, sums: sums)
        ParallelBands.run(count: bandCount) { band in
            let first = band * blocksY / bandCount, end = (band + 1) * blocksY / bandCount
            let rows = (band == 0 ? 0 : 4 * first)..<(band == bandCount - 1 ? height : 4 * end)
            shared.sums[band] = scan.scan(blockRows: first..<end, rows: rows, windows: shared.windows)
        }
        var bgr = 0, luma = 0
        for band in 0..<bandCount {
            bgr += sums[band].bgr
            luma += sums[band].luma
        }
        // Summed in the reference's order, so the mean is the same double.
        var total = 0.0
        for window in 0..<scan.windowCount { total += windows[window] }
        return FrameQuality(index: index, psnr: psnr(meanSquaredError: Double(bgr) / Double(3 * width * height)),
                            psnrLuma: psnr(meanSquaredError: Double(luma) / Double(width * height)),
                            ssim: total / Double(scan.windowCount))
    }

    /// Where the bands of one comparison write: each band its own windows and its own `sums` slot.
    ///
    /// `@unchecked Sendable`: the buffers outlive ``ParallelBands/run(count:_:)``, which returns only after every band
    /// finished, and no two bands write the same element.
    private struct SharedBands: @unchecked Sendable {
        let windows: UnsafeMutablePointer<Double>
        let sums: UnsafeMutablePointer<FramePairScan.Sums>
    }

    /// Σ(a−b)² over `count` bytes; 32-bit partial sums per 4096 bytes let the compiler vectorise the loop, and the
    /// absolute difference taken in bytes becomes byte-wise max − min and a 16-bit multiply-add (no 32-bit multiply).
    static func sumOfSquaredDifferences(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Int {
        var total = 0
        var start = 0
        while start < count {
            let end = min(count, start + 4096)
            var partial: UInt32 = 0  // ≤ 4096 · 255² < 2³²
            for i in start..<end {
                let p = a[i], q = b[i]
                let difference = UInt32(p > q ? p &- q : q &- p)
                partial &+= difference &* difference
            }
            total += Int(partial)
            start = end
        }
        return total
    }
}

/// Sums over one SSIM window (or 4×4 block) of two luma planes: Σa, Σb, Σ(a²+b²), Σab.
struct WindowSums {
    var sumA = 0, sumB = 0, sumSquares = 0, sumProducts = 0

    init() {}

    /// Sums `columns × rows` samples starting at `a` and `b`, rows `rowLength` samples apart.
    init(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, rowLength: Int, columns: Int, rows: Int) {
        for y in 0..<rows {
            let rowA = a + y * rowLength, rowB = b + y * rowLength
            for x in 0..<columns {
                let p = Int(rowA[x]), q = Int(rowB[x])
                sumA += p
                sumB += q
                sumSquares += p * p + q * q
                sumProducts += p * q
            }
        }
    }

    static func + (lhs: WindowSums, rhs: WindowSums) -> WindowSums {
        var sum = lhs
        sum.sumA += rhs.sumA
        sum.sumB += rhs.sumB
        sum.sumSquares += rhs.sumSquares
        sum.sumProducts += rhs.sumProducts
        return sum
    }

    /// SSIM's stabilising constants C1 and C2 scaled as ``ssim(_:_:sampleCount:)`` scales the means and variances
    /// (by n² and n(n−1)).
    @inline(__always)
    static func stabilisers(sampleCount n: Int) -> (c1: Double, c2: Double) {
        let count = Double(n)
        return (QualityMetrics.ssimC1 * count * count, QualityMetrics.ssimC2 * count * Double(max(n - 1, 1)))
    }

    /// SSIM of the window from its sums, with every mean, variance and covariance scaled by n² to stay in integers
    /// until the final division (no cancellation error, so identical windows give exactly 1).
    func ssim(sampleCount n: Int) -> Double {
        Self.ssim(self, self, sampleCount: n)[0]
    }

    /// ``ssim(sampleCount:)`` of two windows at once, lane by lane (the same operations in the same order, so the
    /// same doubles): the divisions of neighbouring windows overlap instead of waiting for each other.
    static func ssim(_ first: WindowSums, _ second: WindowSums, sampleCount n: Int) -> SIMD2<Double> {
        func lanes(_ value: (WindowSums) -> Int) -> SIMD2<Double> { SIMD2(Double(value(first)), Double(value(second))) }
        let covariance = lanes { n * $0.sumProducts - $0.sumA * $0.sumB }                   // n(n−1)·σab
        let variances = lanes { n * $0.sumSquares - $0.sumA * $0.sumA - $0.sumB * $0.sumB }  // n(n−1)·(σa² + σb²)
        let means = lanes { $0.sumA * $0.sumB }                                             // n²·μaμb
        let meanSquares = lanes { $0.sumA * $0.sumA + $0.sumB * $0.sumB }                   // n²·(μa² + μb²)
        let (c1, c2) = stabilisers(sampleCount: n)
        return (2 * means + c1) * (2 * covariance + c2) / ((meanSquares + c1) * (variances + c2))
    }
}
