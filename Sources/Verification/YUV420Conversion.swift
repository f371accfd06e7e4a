/// Converts 8-bit 4:2:0 pictures (`yuv420p`, `yuvj420p`) back to BGR24 with one matrix and range: the conversion
/// verification applies to nearly every decoded picture, written for speed and with an exact definition.
///
/// The definition, per output pixel at column x and row y of a W×H picture with chroma planes of ⌈W/2⌉×⌈H/2⌉:
/// - **Chroma upsampling**: bilinear, with chroma samples centred between the luma samples they cover (MPEG-1/JPEG
///   siting, libswscale's default between YUV formats): the weights of the nearest chroma sample
///   and its horizontal, vertical and diagonal neighbours are 9/16, 3/16, 3/16, 1/16, the neighbours being on the side
///   of the pixel within its 2×2 luma block; at the picture's edges the missing neighbour is the edge sample itself.
/// - **Matrix**: R = Y′ + 2(1−Kr)·Cr, G = Y′ − 2Kb(1−Kb)/Kg·Cb − 2Kr(1−Kr)/Kg·Cr, B = Y′ + 2(1−Kb)·Cb, with
///   Y′ = (Y−16)/219, Cb = (U−128)/224 (limited range) or Y′ = Y/255, Cb = (U−128)/255 (full range), times 255;
///   rounded half up and clamped to 0…255.
///
/// It computes in fixed point with 20 fractional bits and keeps the interpolated chroma unrounded (in 1/16 steps),
/// so it differs from the same formulas in double precision by at most one level, and only for values within
/// 0.002 of a rounding boundary. libswscale's conversion to yuv444p with its bilinear filter upsamples chroma the
/// same way (the FFmpeg cross-check tests pin both). Verification used libswscale's bicubic conversion straight to
/// BGR before (accurate rounding, full chroma interpolation): that costs ≈ 38 ms of CPU per 1080p frame against
/// ≈ 7 ms here on the 2-core CI machine (11 ms when built for baseline x86-64 rather than x86-64-v2, see
/// Package.swift), and its RGB path places chroma half a line lower than its own yuv444p path
/// does; on 1080p H.264 of `camera` the BGR PSNR it gave was 0.2 dB higher (34.54 against 34.34 dB), luma PSNR
/// and SSIM agree to 0.03 dB and 0.0001.
struct YUV420Conversion: Sendable {
    /// Total fractional bits of the arithmetic (luma coefficient 2²⁰, chroma coefficients 2¹⁶ times chroma in 1/16).
    static let fractionBits: Int32 = 20

    let lumaOffset: Int32
    let lumaScale: Int32
    let crToR: Int32, cbToG: Int32, crToG: Int32, cbToB: Int32

    /// The conversion for `matrix` at full (`pc`) or limited (`tv`) range.
    init(matrix: YUVMatrix, fullRange: Bool) {
        let (kr, kb) = matrix.lumaWeights
        let kg = 1 - kr - kb
        let lumaScale = fullRange ? 1.0 : 255.0 / 219
        let chromaScale = fullRange ? 1.0 : 255.0 / 224
        func fixed(_ value: Double, bits: Int32) -> Int32 { Int32((value * Double(1 << bits)).rounded()) }
        let chromaBits = Self.fractionBits - 4
        self.lumaOffset = fullRange ? 0 : 16
        self.lumaScale = fixed(lumaScale, bits: Self.fractionBits)
        crToR = fixed(2 * (1 - kr) * chromaScale, bits: chromaBits)
        cbToG = fixed(2 * kb * (1 - kb) / kg * chromaScale, bits: chromaBits)
        crToG = fixed(2 * kr * (1 - kr) / kg * chromaScale, bits: chromaBits)
        cbToB = fixed(2 * (1 - kb) * chromaScale, bits: chromaBits)
    }

    /// The three planes of one picture: 8-bit samples, rows `…Stride` bytes apart.
    ///
    /// `@unchecked Sendable`: conversions only read the planes, and the caller keeps the picture alive and unchanged
    /// until every conversion of it has returned.
    struct Planes: @unchecked Sendable {
        let y: UnsafePointer<UInt8>, yStride: Int
        let u: UnsafePointer<UInt8>, uStride: Int
        let v: UnsafePointer<UInt8>, vStride: Int
        let width: Int, height: Int

        var chromaWidth: Int { (width + 1) / 2 }
        var chromaHeight: Int { (height + 1) / 2 }
    }

    /// Converts rows `rows` of `planes` into tightly packed BGR24 rows of `out` (row y at `out + 3·width·y`) and
    /// writes the BT.601 luma of the result (exactly ``LumaPlane/init(bgr:)`` of it) to `luma` (row y at
    /// `luma + width·y`).
    ///
    /// Rows are independent: bands of one picture can be converted on different threads into the same buffers.
    func convert(_ planes: Planes, rows: Range<Int>, into out: UnsafeMutablePointer<UInt8>,
                 luma: UnsafeMutablePointer<UInt8>) {
        let scratch = RowScratch(chromaWidth: planes.chromaWidth)
        defer { scratch.deallocate() }
        for y in rows {
            convert(planes, row: y, scratch: scratch, into: out + 3 * planes.width * y, luma: luma + planes.width * y)
        }
    }

    /// Working rows for converting one row at a time: vertically interpolated chroma with one edge sample of
    /// padding on each side (×4), and full-width chroma rows (×16), width rounded up to even. Owned by one thread.
    struct RowScratch {
        let verticalU: UnsafeMutablePointer<Int32>, verticalV: UnsafeMutablePointer<Int32>
        let rowU: UnsafeMutablePointer<Int32>, rowV: UnsafeMutablePointer<Int32>

        /// Allocates rows for pictures whose chroma planes are `chromaWidth` samples wide.
        init(chromaWidth: Int) {
            verticalU = .allocate(capacity: chromaWidth + 2)
            verticalV = .allocate(capacity: chromaWidth + 2)
            rowU = .allocate(capacity: 2 * chromaWidth)
            rowV = .allocate(capacity: 2 * chromaWidth)
        }

        func deallocate() {
            verticalU.deallocate(); verticalV.deallocate(); rowU.deallocate(); rowV.deallocate()
        }
    }

    /// Converts row `y` of `planes` into the BGR24 row `out` and its luma row `luma` (`width` pixels each).
    func convert(_ planes: Planes, row y: Int, scratch: RowScratch, into out: UnsafeMutablePointer<UInt8>,
                 luma: UnsafeMutablePointer<UInt8>) {
        let chromaWidth = planes.chromaWidth
        let nearest = y >> 1
        let neighbour = y & 1 == 0 ? max(nearest - 1, 0) : min(nearest + 1, planes.chromaHeight - 1)
        Self.interpolateVertically(planes.u + nearest * planes.uStride, planes.u + neighbour * planes.uStride,
                                   count: chromaWidth, into: scratch.verticalU + 1)
        Self.interpolateVertically(planes.v + nearest * planes.vStride, planes.v + neighbour * planes.vStride,
                                   count: chromaWidth, into: scratch.verticalV + 1)
        Self.interpolateHorizontally(scratch.verticalU, count: chromaWidth, into: scratch.rowU)
        Self.interpolateHorizontally(scratch.verticalV, count: chromaWidth, into: scratch.rowV)
        convertRow(planes.y + y * planes.yStride, scratch.rowU, scratch.rowV, count: planes.width, into: out,
                   luma: luma)
    }

    /// `into[j] = 3·nearest[j] + neighbour[j]` for j in 0..<count, and one copy of the edge values beyond each end.
    @inline(__always)
    static func interpolateVertically(_ nearest: UnsafePointer<UInt8>, _ neighbour: UnsafePointer<UInt8>, count: Int,
                                      into out: UnsafeMutablePointer<Int32>) {
        for j in 0..<count {
            out[j] = 3 &* Int32(nearest[j]) &+ Int32(neighbour[j])
        }
        out[-1] = out[0]
        out[count] = out[count - 1]
    }

    /// Full-width chroma from the padded vertical row: column 2j takes 3·[j] + [j−1], column 2j+1 takes 3·[j] + [j+1].
    @inline(__always)
    static func interpolateHorizontally(_ padded: UnsafePointer<Int32>, count: Int,
                                        into out: UnsafeMutablePointer<Int32>) {
        for j in 0..<count {
            let centre = 3 &* padded[j &+ 1]
            out[2 &* j] = centre &+ padded[j]
            out[2 &* j &+ 1] = centre &+ padded[j &+ 2]
        }
    }

    /// `value` clamped to 0…255 with lane-wise shifts and masks (`clamped(lowerBound:upperBound:)` is not inlined
    /// here, and cost a quarter of the conversion's time): negative lanes become 0, lanes above 255 become 255.
    @inline(__always)
    static func clampedToByte(_ value: SIMD8<Int32>) -> SIMD8<Int32> {
        let nonNegative = value & ~(value &>> 31)
        return (nonNegative | ((255 &- nonNegative) &>> 31)) & 255
    }

    /// One row of the matrix: luma samples and full-width chroma (×16) to BGR24 at `out`, and the BT.601 luma of the
    /// result (``LumaPlane/init(bgr:)``'s exact formula) at `lumaOut`.
    ///
    /// Eight pixels at a time in 32-bit lanes (what x86-64 and ARM64 vectorise); each group of eight is
    /// packed to B, G, R bytes with four overlapping 8-byte stores, whose last two bytes fall on the next pixel: a
    /// group is stored this way only when a pixel follows it in the row, and the scalar tail writes the rest.
    @inline(__always)
    func convertRow(_ luma: UnsafePointer<UInt8>, _ u: UnsafePointer<Int32>, _ v: UnsafePointer<Int32>, count: Int,
                    into out: UnsafeMutablePointer<UInt8>, luma lumaOut: UnsafeMutablePointer<UInt8>) {
        let offset = lumaOffset, scale = lumaScale, half: Int32 = 1 << (Self.fractionBits - 1)
        let crToR = crToR, cbToG = cbToG, crToG = crToG, cbToB = cbToB
        let shift = Self.fractionBits
        var x = 0
        while x &+ 8 < count {
            let samples = UnsafeRawPointer(luma + x).loadUnaligned(as: SIMD8<UInt8>.self)
            let base = (SIMD8<Int32>(truncatingIfNeeded: samples) &- offset) &* scale &+ half
            let cb = UnsafeRawPointer(u + x).loadUnaligned(as: SIMD8<Int32>.self) &- 2048
            let cr = UnsafeRawPointer(v + x).loadUnaligned(as: SIMD8<Int32>.self) &- 2048
            let r = Self.clampedToByte((base &+ crToR &* cr) &>> shift)
            let g = Self.clampedToByte((base &- cbToG &* cb &- crToG &* cr) &>> shift)
            let b = Self.clampedToByte((base &+ cbToB &* cb) &>> shift)
            let grey = (19595 &* r &+ 38470 &* g &+ 7471 &* b &+ 32768) &>> 16
            UnsafeMutableRawPointer(lumaOut + x).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: grey),
                                                            as: SIMD8<UInt8>.self)
            // Pixels as 0RGB words, two per 64-bit lane; each lane's six meaningful bytes close up and are stored
            // 6 bytes apart, every store overwriting the previous one's two spare bytes.
            let words = SIMD8<UInt32>(truncatingIfNeeded: b | (g &<< 8) | (r &<< 16))
            let pairs = unsafeBitCast(words, to: SIMD4<UInt64>.self)
            let packed = (pairs & 0xFF_FFFF) | ((pairs &>> 32) &<< 24)
            let raw = UnsafeMutableRawPointer(out + 3 &* x)
            raw.storeBytes(of: packed[0], as: UInt64.self)
            raw.storeBytes(of: packed[1], toByteOffset: 6, as: UInt64.self)
            raw.storeBytes(of: packed[2], toByteOffset: 12, as: UInt64.self)
            raw.storeBytes(of: packed[3], toByteOffset: 18, as: UInt64.self)
            x &+= 8
        }
        while x < count {
            let base = (Int32(luma[x]) &- offset) &* scale &+ half
            let cb = u[x] &- 2048, cr = v[x] &- 2048
            let r = min(max((base &+ crToR &* cr) &>> shift, 0), 255)
            let g = min(max((base &- cbToG &* cb &- crToG &* cr) &>> shift, 0), 255)
            let b = min(max((base &+ cbToB &* cb) &>> shift, 0), 255)
            lumaOut[x] = UInt8(truncatingIfNeeded: (19595 &* r &+ 38470 &* g &+ 7471 &* b &+ 32768) &>> 16)
            out[3 &* x] = UInt8(truncatingIfNeeded: b)
            out[3 &* x &+ 1] = UInt8(truncatingIfNeeded: g)
            out[3 &* x &+ 2] = UInt8(truncatingIfNeeded: r)
            x &+= 1
        }
    }
}

extension YUVMatrix {
    /// The matrix's luma weights of red and blue, Kr and Kb (green's is 1 − Kr − Kb), as its standard defines them.
    var lumaWeights: (red: Double, blue: Double) {
        switch self {
        case .bt601: (0.299, 0.114)
        case .bt709: (0.2126, 0.0722)
        case .smpte240m: (0.212, 0.087)
        case .fcc: (0.30, 0.11)
        case .bt2020: (0.2627, 0.0593)
        }
    }
}
