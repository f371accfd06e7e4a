/// Sums over one SSIM window (or 4×4 block) of two luma planes: Σa, Σb, Σ(a²+b²), Σab; and the SSIM of a window from
/// them (the reference definition every kernel reproduces).
///
/// `@inlinable`, so that each kernel compiles the arithmetic for its own instruction set.
public struct WindowSums: Sendable {
    public var sumA = 0, sumB = 0, sumSquares = 0, sumProducts = 0

    /// SSIM's stabilising constants for 8-bit samples: C1 = (K1·L)², C2 = (K2·L)² with K1 = 0.01, K2 = 0.03, L = 255.
    public static let c1 = (0.01 * 255) * (0.01 * 255)
    public static let c2 = (0.03 * 255) * (0.03 * 255)

    /// All sums zero.
    @inlinable public init() {}

    /// Sums `columns × rows` samples starting at `a` and `b`, rows `rowLength` samples apart.
    @inlinable
    public init(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, rowLength: Int, columns: Int, rows: Int) {
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

    @inlinable
    public static func + (lhs: WindowSums, rhs: WindowSums) -> WindowSums {
        var sum = lhs
        sum.sumA += rhs.sumA
        sum.sumB += rhs.sumB
        sum.sumSquares += rhs.sumSquares
        sum.sumProducts += rhs.sumProducts
        return sum
    }

    /// ``c1`` and ``c2`` scaled as ``ssim(_:_:sampleCount:)`` scales the means and variances (by n² and n(n−1)).
    @inlinable
    public static func stabilisers(sampleCount n: Int) -> (c1: Double, c2: Double) {
        let count = Double(n)
        return (c1 * count * count, c2 * count * Double(max(n - 1, 1)))
    }

    /// SSIM of the window from its sums, with every mean, variance and covariance scaled by n² to stay in integers
    /// until the final division (no cancellation error, so identical windows give exactly 1).
    @inlinable
    public func ssim(sampleCount n: Int) -> Double {
        Self.ssim(self, self, sampleCount: n)[0]
    }

    /// ``ssim(sampleCount:)`` of two windows at once, lane by lane (the same operations in the same order, so the
    /// same doubles): the divisions of neighbouring windows overlap instead of waiting for each other.
    @inlinable
    public static func ssim(_ first: WindowSums, _ second: WindowSums, sampleCount n: Int) -> SIMD2<Double> {
        func lanes(_ value: (WindowSums) -> Int) -> SIMD2<Double> { SIMD2(Double(value(first)), Double(value(second))) }
        let covariance = lanes { n * $0.sumProducts - $0.sumA * $0.sumB }                   // n(n−1)·σab
        let variances = lanes { n * $0.sumSquares - $0.sumA * $0.sumA - $0.sumB * $0.sumB }  // n(n−1)·(σa² + σb²)
        let means = lanes { $0.sumA * $0.sumB }                                             // n²·μaμb
        let meanSquares = lanes { $0.sumA * $0.sumA + $0.sumB * $0.sumB }                   // n²·(μa² + μb²)
        let (c1, c2) = stabilisers(sampleCount: n)
        return (2 * means + c1) * (2 * covariance + c2) / ((meanSquares + c1) * (variances + c2))
    }
}
