/// The fixed-point matrix and range of one 4:2:0 → BGR24 conversion (see the kernels' `YUV420Conversion` for the
/// definition it implements): luma scaled by 2²⁰, chroma coefficients by 2¹⁶ (chroma is interpolated in 1/16 steps,
/// so the products carry 20 fractional bits too).
public struct YUV420Coefficients: Sendable, Equatable {
    /// Total fractional bits of the arithmetic.
    public static let fractionBits: Int32 = 20

    /// 16 for limited range, 0 for full range.
    public let lumaOffset: Int32
    /// 255/219 (limited) or 1 (full), times 2²⁰.
    public let lumaScale: Int32
    /// The matrix's chroma coefficients (scaled to the range), times 2¹⁶.
    public let crToR: Int32, cbToG: Int32, crToG: Int32, cbToB: Int32

    /// The conversion for a matrix with luma weights Kr = `red` and Kb = `blue` (green's is 1 − Kr − Kb), at full
    /// (`pc`) or limited (`tv`) range: R = Y′ + 2(1−Kr)·Cr, G = Y′ − 2Kb(1−Kb)/Kg·Cb − 2Kr(1−Kr)/Kg·Cr,
    /// B = Y′ + 2(1−Kb)·Cb, with Y′ = (Y−16)/219, Cb = (U−128)/224 (limited) or Y′ = Y/255, Cb = (U−128)/255 (full).
    public init(lumaWeights red: Double, blue: Double, fullRange: Bool) {
        let kr = red, kb = blue
        let kg = 1 - kr - kb
        let lumaScale = fullRange ? 1.0 : 255.0 / 219
        let chromaScale = fullRange ? 1.0 : 255.0 / 224
        func fixed(_ value: Double, bits: Int32) -> Int32 { Int32((value * Double(1 << bits)).rounded()) }
        let chromaBits = Self.fractionBits - 4
        lumaOffset = fullRange ? 0 : 16
        self.lumaScale = fixed(lumaScale, bits: Self.fractionBits)
        crToR = fixed(2 * (1 - kr) * chromaScale, bits: chromaBits)
        cbToG = fixed(2 * kb * (1 - kb) / kg * chromaScale, bits: chromaBits)
        crToG = fixed(2 * kr * (1 - kr) / kg * chromaScale, bits: chromaBits)
        cbToB = fixed(2 * (1 - kb) * chromaScale, bits: chromaBits)
    }
}
