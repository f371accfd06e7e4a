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
/// ≈ 7 ms for ``convert(_:rows:into:luma:)`` on the 2-core CI machine (11 ms when built for baseline x86-64 rather
/// than x86-64-v2, see Package.swift); verification itself uses ``compare(_:row:scratch:with:luma:)``, which
/// stores no BGR row and takes luma and squared differences in 16-bit lanes. libswscale's RGB path places chroma
/// half a line lower than its own yuv444p path does; on 1080p H.264 of `camera` the BGR PSNR it gave was 0.2 dB
/// higher (34.54 against 34.34 dB), luma PSNR and SSIM agree to 0.03 dB and 0.0001.
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
        interpolateChroma(planes, row: y, scratch: scratch)
        convertRow(planes.y + y * planes.yStride, scratch.rowU, scratch.rowV, count: planes.width, into: out,
                   luma: luma)
    }

    /// Converts row `y` of `planes` as ``convert(_:row:scratch:into:luma:)`` does, but keeps only its luma (written
    /// to `luma`) and returns the sum of squared differences between its B, G and R samples and `source`'s: the
    /// converted row is compared where it is computed, and never stored.
    func compare(_ planes: Planes, row y: Int, scratch: RowScratch, with source: PlanarRow,
                 luma: UnsafeMutablePointer<UInt8>) -> Int {
        interpolateChroma(planes, row: y, scratch: scratch)
        return compareRow(planes.y + y * planes.yStride, scratch.rowU, scratch.rowV, count: planes.width,
                          with: source, luma: luma)
    }

    /// One row of a BGR24 frame split into its B, G and R samples: three runs of `count` bytes, one after another
    /// (what ``FramePairScan/luma(_:into:count:splittingInto:)`` writes).
    struct PlanarRow {
        let b: UnsafePointer<UInt8>, g: UnsafePointer<UInt8>, r: UnsafePointer<UInt8>

        init(_ samples: UnsafePointer<UInt8>, count: Int) {
            b = samples
            g = samples + count
            r = samples + 2 * count
        }
    }

    /// Full-width chroma (×16) of row `y` into `scratch.rowU` and `scratch.rowV`.
    @inline(__always)
    func interpolateChroma(_ planes: Planes, row y: Int, scratch: RowScratch) {
        let chromaWidth = planes.chromaWidth
        let nearest = y >> 1
        let neighbour = y & 1 == 0 ? max(nearest - 1, 0) : min(nearest + 1, planes.chromaHeight - 1)
        Self.interpolateVertically(planes.u + nearest * planes.uStride, planes.u + neighbour * planes.uStride,
                                   count: chromaWidth, into: scratch.verticalU + 1)
        Self.interpolateVertically(planes.v + nearest * planes.vStride, planes.v + neighbour * planes.vStride,
                                   count: chromaWidth, into: scratch.verticalV + 1)
        Self.interpolateHorizontally(scratch.verticalU, count: chromaWidth, into: scratch.rowU)
        Self.interpolateHorizontally(scratch.verticalV, count: chromaWidth, into: scratch.rowV)
    }

    /// `into[j] = 3·nearest[j] + neighbour[j]` for j in 0..<count, and one copy of the edge values beyond each end.
    @inline(__always)
    static func interpolateVertically(_ nearest: UnsafePointer<UInt8>, _ neighbour: UnsafePointer<UInt8>, count: Int,
                                      into out: UnsafeMutablePointer<Int32>) {
        for j in 0..<count {
            let near = Int32(nearest[j])
            out[j] = (near &<< 1) &+ near &+ Int32(neighbour[j])
        }
        out[-1] = out[0]
        out[count] = out[count - 1]
    }

    /// Full-width chroma from the padded vertical row: column 2j takes 3·[j] + [j−1], column 2j+1 takes 3·[j] + [j+1].
    @inline(__always)
    static func interpolateHorizontally(_ padded: UnsafePointer<Int32>, count: Int,
                                        into out: UnsafeMutablePointer<Int32>) {
        let raw = UnsafeRawPointer(padded)
        var j = 0
        // Four chroma samples at a time, their eight outputs interleaved even, odd, even, odd, …
        while j &+ 4 <= count {
            let left = raw.loadUnaligned(fromByteOffset: 4 &* j, as: SIMD4<Int32>.self)
            let middle = raw.loadUnaligned(fromByteOffset: 4 &* j &+ 4, as: SIMD4<Int32>.self)
            let right = raw.loadUnaligned(fromByteOffset: 4 &* j &+ 8, as: SIMD4<Int32>.self)
            let centre = (middle &<< 1) &+ middle
            let even = centre &+ left, odd = centre &+ right
            UnsafeMutableRawPointer(out + 2 &* j).storeBytes(
                of: SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3]), as: SIMD8<Int32>.self)
            j &+= 4
        }
        while j < count {
            let centre = 3 &* padded[j &+ 1]
            out[2 &* j] = centre &+ padded[j]
            out[2 &* j &+ 1] = centre &+ padded[j &+ 2]
            j &+= 1
        }
    }

    /// `value` clamped to 0…255. Lane by lane, which the compiler turns into one 32-bit maximum and minimum per
    /// register (`clamped(lowerBound:upperBound:)` is an out-of-line call here).
    @inline(__always)
    static func clampedToByte(_ value: SIMD8<Int32>) -> SIMD8<Int32> {
        var lanes = value
        for lane in 0..<8 { lanes[lane] = min(max(value[lane], 0), 255) }
        return lanes
    }

    /// Eight bytes from `bytes`, each in a 32-bit lane.
    @inline(__always)
    static func widened(_ bytes: UnsafePointer<UInt8>) -> SIMD8<Int32> {
        // Lane by lane: the generic `SIMD8<Int32>(truncatingIfNeeded:)` is an out-of-line call here.
        SIMD8(Int32(bytes[0]), Int32(bytes[1]), Int32(bytes[2]), Int32(bytes[3]),
              Int32(bytes[4]), Int32(bytes[5]), Int32(bytes[6]), Int32(bytes[7]))
    }

    /// (a − b)² of lanes holding 0…255, lanes 2i and 2i + 1 summed into 32-bit lane i.
    @inline(__always)
    static func pairedSquares(_ a: SIMD8<UInt16>, _ b: SIMD8<UInt16>) -> SIMD4<UInt32> {
        let difference = unsafeBitCast(a &- b, to: SIMD8<Int16>.self)  // −255…255
        return unsafeBitCast(Lanes.multiplyAddPairs(difference, difference), to: SIMD4<UInt32>.self)
    }

    /// The low byte of each lane of `value`, stored at `out`.
    @inline(__always)
    static func storeLowBytes(_ value: SIMD8<UInt16>, at out: UnsafeMutablePointer<UInt8>) {
        for lane in 0..<8 { out[lane] = UInt8(truncatingIfNeeded: value[lane]) }
    }

    /// B, G and R of the eight pixels whose luma is at `luma` and full-width chroma (×16) at `u` and `v`, in 32-bit
    /// lanes and not yet clamped to 0…255.
    @inline(__always)
    func unclampedPixels(_ luma: UnsafePointer<UInt8>, _ u: UnsafePointer<Int32>, _ v: UnsafePointer<Int32>)
        -> (b: SIMD8<Int32>, g: SIMD8<Int32>, r: SIMD8<Int32>) {
        let half: Int32 = 1 << (Self.fractionBits - 1), shift = Self.fractionBits
        let base = (Self.widened(luma) &- lumaOffset) &* lumaScale &+ half
        let cb = UnsafeRawPointer(u).loadUnaligned(as: SIMD8<Int32>.self) &- 2048
        let cr = UnsafeRawPointer(v).loadUnaligned(as: SIMD8<Int32>.self) &- 2048
        return (b: (base &+ cbToB &* cb) &>> shift, g: (base &- cbToG &* cb &- crToG &* cr) &>> shift,
                r: (base &+ crToR &* cr) &>> shift)
    }

    /// ``unclampedPixels(_:_:_:)`` clamped to 0…255, in 32-bit lanes.
    @inline(__always)
    func pixels(_ luma: UnsafePointer<UInt8>, _ u: UnsafePointer<Int32>, _ v: UnsafePointer<Int32>)
        -> (b: SIMD8<Int32>, g: SIMD8<Int32>, r: SIMD8<Int32>) {
        let (b, g, r) = unclampedPixels(luma, u, v)
        return (Self.clampedToByte(b), Self.clampedToByte(g), Self.clampedToByte(r))
    }

    /// `value` clamped to 0…255, in 16-bit lanes: lane by lane, which the compiler turns into a saturating pack and
    /// one 16-bit minimum.
    @inline(__always)
    static func clampedToByteLanes(_ value: SIMD8<Int32>) -> SIMD8<UInt16> {
        var lanes = SIMD8<UInt16>()
        for lane in 0..<8 { lanes[lane] = UInt16(truncatingIfNeeded: min(max(value[lane], 0), 255)) }
        return lanes
    }

    /// B, G and R of one pixel: ``pixels(_:_:_:)`` for the pixels after the last group of eight.
    @inline(__always)
    func pixel(_ luma: UInt8, _ u: Int32, _ v: Int32) -> (b: Int32, g: Int32, r: Int32) {
        let half: Int32 = 1 << (Self.fractionBits - 1), shift = Self.fractionBits
        let base = (Int32(luma) &- lumaOffset) &* lumaScale &+ half
        let cb = u &- 2048, cr = v &- 2048
        return (b: min(max((base &+ cbToB &* cb) &>> shift, 0), 255),
                g: min(max((base &- cbToG &* cb &- crToG &* cr) &>> shift, 0), 255),
                r: min(max((base &+ crToR &* cr) &>> shift, 0), 255))
    }

    /// BT.601 luma of B, G, R lanes (each 0…255): ``LumaPlane/init(bgr:)``'s exact formula, in 16-bit lanes as
    /// ``FramePairScan/luma(_:into:count:)`` computes it (half the multiplies of 32-bit lanes).
    @inline(__always)
    static func grey(_ b: SIMD8<UInt16>, _ g: SIMD8<UInt16>, _ r: SIMD8<UInt16>) -> SIMD8<UInt16> {
        let high = 76 &* r &+ 150 &* g &+ 29 &* b &+ 128
        let low = 139 &* r &+ 70 &* g &+ 47 &* b
        return (high &+ (low &>> 8)) &>> 8
    }

    /// BT.601 luma of one pixel, as ``grey(_:_:_:)``.
    @inline(__always)
    static func grey(_ b: Int32, _ g: Int32, _ r: Int32) -> UInt8 {
        UInt8(truncatingIfNeeded: (19595 &* r &+ 38470 &* g &+ 7471 &* b &+ 32768) &>> 16)
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
        var x = 0
        while x &+ 8 < count {
            let (b, g, r) = pixels(luma + x, u + x, v + x)
            Self.storeLowBytes(Self.grey(Self.clampedToByteLanes(b), Self.clampedToByteLanes(g),
                                         Self.clampedToByteLanes(r)), at: lumaOut + x)
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
            let (b, g, r) = pixel(luma[x], u[x], v[x])
            lumaOut[x] = Self.grey(b, g, r)
            out[3 &* x] = UInt8(truncatingIfNeeded: b)
            out[3 &* x &+ 1] = UInt8(truncatingIfNeeded: g)
            out[3 &* x &+ 2] = UInt8(truncatingIfNeeded: r)
            x &+= 1
        }
    }

    /// ``convertRow(_:_:_:count:into:luma:)`` compared with `source` instead of stored: the luma of the converted
    /// pixels goes to `lumaOut`, and the sum of squared differences of their B, G and R samples from `source`'s is
    /// returned.
    @inline(__always)
    func compareRow(_ luma: UnsafePointer<UInt8>, _ u: UnsafePointer<Int32>, _ v: UnsafePointer<Int32>, count: Int,
                    with source: PlanarRow, luma lumaOut: UnsafeMutablePointer<UInt8>) -> Int {
        var total = 0
        var x = 0
        while x &+ 8 <= count {
            // Each lane adds at most 6 · 255² per group: 2¹⁰ groups stay below 2²⁹ per lane.
            var partial = SIMD4<UInt32>()
            let end = min(count, x &+ 8 &* 1024)
            while x &+ 8 <= end {
                let pixels = unclampedPixels(luma + x, u + x, v + x)
                let b = Self.clampedToByteLanes(pixels.b), g = Self.clampedToByteLanes(pixels.g)
                let r = Self.clampedToByteLanes(pixels.r)
                Self.storeLowBytes(Self.grey(b, g, r), at: lumaOut + x)
                partial &+= Self.pairedSquares(b, Lanes.widened(source.b + x))
                    &+ Self.pairedSquares(g, Lanes.widened(source.g + x))
                    &+ Self.pairedSquares(r, Lanes.widened(source.r + x))
                x &+= 8
            }
            for lane in 0..<4 { total += Int(partial[lane]) }
        }
        while x < count {
            let (b, g, r) = pixel(luma[x], u[x], v[x])
            lumaOut[x] = Self.grey(b, g, r)
            let db = Int(b) - Int(source.b[x]), dg = Int(g) - Int(source.g[x]), dr = Int(r) - Int(source.r[x])
            total += db * db + dg * dg + dr * dr
            x &+= 1
        }
        return total
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
