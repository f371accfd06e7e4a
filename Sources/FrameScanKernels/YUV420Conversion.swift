import FrameScan

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
/// than x86-64-v2, see Package.swift; this module is also built for AVX2); verification itself uses
/// ``compare(_:row:scratch:with:luma:)``, which stores no BGR row and takes luma and squared differences in 16-bit
/// lanes. libswscale's RGB path places chroma half a line lower than its own yuv444p path does; on 1080p H.264 of
/// `camera` the BGR PSNR it gave was 0.2 dB higher (34.54 against 34.34 dB), luma PSNR and SSIM agree to 0.03 dB and
/// 0.0001.
struct YUV420Conversion: Sendable {
    static let fractionBits = YUV420Coefficients.fractionBits

    /// The matrix and range in fixed point (see ``YUV420Coefficients/init(lumaWeights:blue:fullRange:)``).
    let coefficients: YUV420Coefficients

    /// Converts rows `rows` of `planes` into tightly packed BGR24 rows of `out` (row y at `out + 3·width·y`) and
    /// writes the BT.601 luma of the result (exactly Verification's `LumaPlane(bgr:)` of it) to `luma` (row y at
    /// `luma + width·y`).
    ///
    /// Rows are independent: bands of one picture can be converted on different threads into the same buffers.
    func convert(_ planes: YUV420Picture, rows: Range<Int>, into out: UnsafeMutablePointer<UInt8>,
                 luma: UnsafeMutablePointer<UInt8>) {
        let scratch = RowScratch(chromaWidth: planes.chromaWidth)
        defer { scratch.deallocate() }
        for y in rows {
            convert(planes, row: y, scratch: scratch, into: out + 3 * planes.width * y, luma: luma + planes.width * y)
        }
    }

    /// Working rows for converting one row at a time: the chroma terms of B, G and R (see
    /// ``interpolateChroma(_:row:scratch:)``) interpolated vertically, with one edge sample of padding on each side.
    /// Owned by one thread.
    struct RowScratch {
        let blue: UnsafeMutablePointer<Int32>, green: UnsafeMutablePointer<Int32>, red: UnsafeMutablePointer<Int32>

        /// Allocates rows for pictures whose chroma planes are `chromaWidth` samples wide.
        init(chromaWidth: Int) {
            blue = .allocate(capacity: chromaWidth + 2)
            green = .allocate(capacity: chromaWidth + 2)
            red = .allocate(capacity: chromaWidth + 2)
        }

        func deallocate() {
            blue.deallocate(); green.deallocate(); red.deallocate()
        }
    }

    /// Converts row `y` of `planes` into the BGR24 row `out` and its luma row `luma` (`width` pixels each).
    func convert(_ planes: YUV420Picture, row y: Int, scratch: RowScratch, into out: UnsafeMutablePointer<UInt8>,
                 luma: UnsafeMutablePointer<UInt8>) {
        interpolateChroma(planes, row: y, scratch: scratch)
        convertRow(planes.y + y * planes.yStride, scratch, count: planes.width, into: out, luma: luma)
    }

    /// Converts row `y` of `planes` as ``convert(_:row:scratch:into:luma:)`` does, but keeps only its luma (written
    /// to `luma`) and returns the sum of squared differences between its B, G and R samples and `source`'s: the
    /// converted row is compared where it is computed, and never stored.
    func compare(_ planes: YUV420Picture, row y: Int, scratch: RowScratch, with source: PlanarRow,
                 luma: UnsafeMutablePointer<UInt8>) -> Int {
        interpolateChroma(planes, row: y, scratch: scratch)
        return compareRow(planes.y + y * planes.yStride, scratch, count: planes.width, with: source, luma: luma)
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

    /// The chroma terms of row `y`, interpolated vertically, into `scratch`: for chroma column j, with
    /// cb = 3·U[nearest row][j] + U[neighbour row][j] − 4·128 (and cr likewise from V), `blue[j + 1]` = cbToB·cb,
    /// `green[j + 1]` = cbToG·cb + crToG·cr and `red[j + 1]` = crToR·cr; index 0 and `chromaWidth + 1` repeat the edge
    /// values.
    ///
    /// The matrix is linear, so interpolating these products horizontally (``chromaTerms(_:pixels:)``) gives exactly the
    /// products of the interpolated chroma: with weights w summing to 16, coefficient · (Σ w·U − 16·128) =
    /// Σ w · coefficient · (U − 128). Every value stays below 2²⁹ in magnitude. The multiplies happen once per chroma
    /// sample instead of once per pixel.
    @inline(__always)
    func interpolateChroma(_ planes: YUV420Picture, row y: Int, scratch: RowScratch) {
        let chromaWidth = planes.chromaWidth
        let nearest = y >> 1
        let neighbour = y & 1 == 0 ? max(nearest - 1, 0) : min(nearest + 1, planes.chromaHeight - 1)
        let nearU = planes.u + nearest * planes.uStride, neighbourU = planes.u + neighbour * planes.uStride
        let nearV = planes.v + nearest * planes.vStride, neighbourV = planes.v + neighbour * planes.vStride
        let blue = UnsafeMutableRawPointer(scratch.blue + 1), green = UnsafeMutableRawPointer(scratch.green + 1)
        let red = UnsafeMutableRawPointer(scratch.red + 1)
        let (cbToB, cbToG) = (coefficients.cbToB, coefficients.cbToG)
        let (crToG, crToR) = (coefficients.crToG, coefficients.crToR)
        var j = 0
        while j &+ 8 <= chromaWidth {
            let cb = Self.verticalChroma(nearU + j, neighbourU + j), cr = Self.verticalChroma(nearV + j, neighbourV + j)
            blue.storeBytes(of: cbToB &* cb, toByteOffset: 4 &* j, as: SIMD8<Int32>.self)
            green.storeBytes(of: cbToG &* cb &+ crToG &* cr, toByteOffset: 4 &* j, as: SIMD8<Int32>.self)
            red.storeBytes(of: crToR &* cr, toByteOffset: 4 &* j, as: SIMD8<Int32>.self)
            j &+= 8
        }
        while j < chromaWidth {
            let cb = 3 &* Int32(nearU[j]) &+ Int32(neighbourU[j]) &- 512
            let cr = 3 &* Int32(nearV[j]) &+ Int32(neighbourV[j]) &- 512
            scratch.blue[j &+ 1] = cbToB &* cb
            scratch.green[j &+ 1] = cbToG &* cb &+ crToG &* cr
            scratch.red[j &+ 1] = crToR &* cr
            j &+= 1
        }
        func padEdges(_ row: UnsafeMutablePointer<Int32>) {
            row[0] = row[1]
            row[chromaWidth + 1] = row[chromaWidth]
        }
        padEdges(scratch.blue)
        padEdges(scratch.green)
        padEdges(scratch.red)
    }

    /// 3·nearest + neighbour − 4·128 of eight chroma samples, in 32-bit lanes.
    @inline(__always)
    static func verticalChroma(_ nearest: UnsafePointer<UInt8>, _ neighbour: UnsafePointer<UInt8>) -> SIMD8<Int32> {
        let near = widened(nearest)
        return (near &<< 1) &+ near &+ widened(neighbour) &- 512
    }

    /// The chroma terms of the eight pixels from `x` (even) on, from a padded row of ``interpolateChroma(_:row:scratch:)``:
    /// pixel 2j takes 3·[j] + [j−1], pixel 2j + 1 takes 3·[j] + [j+1] (chroma column j at padded index j + 1).
    @inline(__always)
    static func chromaTerms(_ padded: UnsafePointer<Int32>, pixels x: Int) -> SIMD8<Int32> {
        let raw = UnsafeRawPointer(padded + (x &>> 1))
        let left = raw.loadUnaligned(as: SIMD4<Int32>.self)
        let middle = raw.loadUnaligned(fromByteOffset: 4, as: SIMD4<Int32>.self)
        let right = raw.loadUnaligned(fromByteOffset: 8, as: SIMD4<Int32>.self)
        let centre = (middle &<< 1) &+ middle
        let even = centre &+ left, odd = centre &+ right
        return SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3])
    }

    /// The chroma term of pixel `x` alone, as ``chromaTerms(_:pixels:)``.
    @inline(__always)
    static func chromaTerm(_ padded: UnsafePointer<Int32>, pixel x: Int) -> Int32 {
        let j = x &>> 1
        return 3 &* padded[j &+ 1] &+ (x & 1 == 0 ? padded[j] : padded[j &+ 2])
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

    /// ``pairedSquares(_:_:)-(SIMD8<UInt16>,_)`` of sixteen lanes.
    @inline(__always)
    static func pairedSquares(_ a: SIMD16<UInt16>, _ b: SIMD16<UInt16>) -> SIMD8<UInt32> {
        let difference = unsafeBitCast(a &- b, to: SIMD16<Int16>.self)  // −255…255
        return unsafeBitCast(Lanes.multiplyAddPairs(difference, difference), to: SIMD8<UInt32>.self)
    }

    /// The low byte of each of sixteen lanes, stored at `out`.
    @inline(__always)
    static func storeLowBytes(_ value: SIMD16<UInt16>, at out: UnsafeMutablePointer<UInt8>) {
        for lane in 0..<16 { out[lane] = UInt8(truncatingIfNeeded: value[lane]) }
    }

    /// The low byte of each lane of `value`, stored at `out`.
    @inline(__always)
    static func storeLowBytes(_ value: SIMD8<UInt16>, at out: UnsafeMutablePointer<UInt8>) {
        for lane in 0..<8 { out[lane] = UInt8(truncatingIfNeeded: value[lane]) }
    }

    /// B, G and R of the eight pixels from `x` on, whose luma samples start at `luma` and whose chroma terms are in
    /// `scratch`, in 32-bit lanes and not yet clamped to 0…255.
    @inline(__always)
    func unclampedPixels(_ luma: UnsafePointer<UInt8>, _ scratch: RowScratch, at x: Int)
        -> (b: SIMD8<Int32>, g: SIMD8<Int32>, r: SIMD8<Int32>) {
        let half: Int32 = 1 << (Self.fractionBits - 1), shift = Self.fractionBits
        let base = (Self.widened(luma + x) &- coefficients.lumaOffset) &* coefficients.lumaScale &+ half
        return (b: (base &+ Self.chromaTerms(scratch.blue, pixels: x)) &>> shift,
                g: (base &- Self.chromaTerms(scratch.green, pixels: x)) &>> shift,
                r: (base &+ Self.chromaTerms(scratch.red, pixels: x)) &>> shift)
    }

    /// ``unclampedPixels(_:_:at:)`` clamped to 0…255, in 32-bit lanes.
    @inline(__always)
    func pixels(_ luma: UnsafePointer<UInt8>, _ scratch: RowScratch, at x: Int)
        -> (b: SIMD8<Int32>, g: SIMD8<Int32>, r: SIMD8<Int32>) {
        let (b, g, r) = unclampedPixels(luma, scratch, at: x)
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

    /// Two groups of eight lanes clamped to 0…255, as sixteen 16-bit lanes (`low` first).
    @inline(__always)
    static func clampedToByteLanes(_ low: SIMD8<Int32>, _ high: SIMD8<Int32>) -> SIMD16<UInt16> {
        var lanes = SIMD16<UInt16>()
        for lane in 0..<8 {
            lanes[lane] = UInt16(truncatingIfNeeded: min(max(low[lane], 0), 255))
            lanes[lane &+ 8] = UInt16(truncatingIfNeeded: min(max(high[lane], 0), 255))
        }
        return lanes
    }

    /// B, G and R of pixel `x` alone: ``pixels(_:_:at:)`` for the pixels after the last group of eight.
    @inline(__always)
    func pixel(_ luma: UnsafePointer<UInt8>, _ scratch: RowScratch, at x: Int) -> (b: Int32, g: Int32, r: Int32) {
        let half: Int32 = 1 << (Self.fractionBits - 1), shift = Self.fractionBits
        let base = (Int32(luma[x]) &- coefficients.lumaOffset) &* coefficients.lumaScale &+ half
        return (b: min(max((base &+ Self.chromaTerm(scratch.blue, pixel: x)) &>> shift, 0), 255),
                g: min(max((base &- Self.chromaTerm(scratch.green, pixel: x)) &>> shift, 0), 255),
                r: min(max((base &+ Self.chromaTerm(scratch.red, pixel: x)) &>> shift, 0), 255))
    }

    /// BT.601 luma of B, G, R lanes (each 0…255): Verification's `LumaPlane(bgr:)`'s exact formula, in 16-bit lanes as
    /// ``FramePairScan/luma(_:into:count:)`` computes it (half the multiplies of 32-bit lanes).
    @inline(__always)
    static func grey(_ b: SIMD8<UInt16>, _ g: SIMD8<UInt16>, _ r: SIMD8<UInt16>) -> SIMD8<UInt16> {
        let high = 76 &* r &+ 150 &* g &+ 29 &* b &+ 128
        let low = 139 &* r &+ 70 &* g &+ 47 &* b
        return (high &+ (low &>> 8)) &>> 8
    }

    /// ``grey(_:_:_:)-(SIMD8<UInt16>,_,_)`` of sixteen lanes.
    @inline(__always)
    static func grey(_ b: SIMD16<UInt16>, _ g: SIMD16<UInt16>, _ r: SIMD16<UInt16>) -> SIMD16<UInt16> {
        let high = 76 &* r &+ 150 &* g &+ 29 &* b &+ 128
        let low = 139 &* r &+ 70 &* g &+ 47 &* b
        return (high &+ (low &>> 8)) &>> 8
    }

    /// BT.601 luma of one pixel, as ``grey(_:_:_:)``.
    @inline(__always)
    static func grey(_ b: Int32, _ g: Int32, _ r: Int32) -> UInt8 {
        UInt8(truncatingIfNeeded: (19595 &* r &+ 38470 &* g &+ 7471 &* b &+ 32768) &>> 16)
    }

    /// One row of the matrix: luma samples and the chroma terms in `scratch` to BGR24 at `out`, and the BT.601 luma of
    /// the result (Verification's `LumaPlane(bgr:)`'s exact formula) at `lumaOut`.
    ///
    /// Eight pixels at a time in 32-bit lanes (what x86-64 and ARM64 vectorise); each group of eight is
    /// packed to B, G, R bytes with four overlapping 8-byte stores, whose last two bytes fall on the next pixel: a
    /// group is stored this way only when a pixel follows it in the row, and the scalar tail writes the rest.
    @inline(__always)
    func convertRow(_ luma: UnsafePointer<UInt8>, _ scratch: RowScratch, count: Int,
                    into out: UnsafeMutablePointer<UInt8>, luma lumaOut: UnsafeMutablePointer<UInt8>) {
        var x = 0
        while x &+ 8 < count {
            let (b, g, r) = pixels(luma, scratch, at: x)
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
            let (b, g, r) = pixel(luma, scratch, at: x)
            lumaOut[x] = Self.grey(b, g, r)
            out[3 &* x] = UInt8(truncatingIfNeeded: b)
            out[3 &* x &+ 1] = UInt8(truncatingIfNeeded: g)
            out[3 &* x &+ 2] = UInt8(truncatingIfNeeded: r)
            x &+= 1
        }
    }

    /// ``convertRow(_:_:count:into:luma:)`` compared with `source` instead of stored: the luma of the converted
    /// pixels goes to `lumaOut`, and the sum of squared differences of their B, G and R samples from `source`'s is
    /// returned.
    @inline(__always)
    func compareRow(_ luma: UnsafePointer<UInt8>, _ scratch: RowScratch, count: Int, with source: PlanarRow,
                    luma lumaOut: UnsafeMutablePointer<UInt8>) -> Int {
        var total = 0
        var x = 0
        // Sixteen pixels at a time: the 16-bit half of the work (luma, differences, squares) then fills a 256-bit
        // register in the AVX2 build; the 32-bit matrix arithmetic runs as two groups of eight.
        while x &+ 16 <= count {
            // Each lane adds at most 6 · 255² per group: 2¹⁰ groups stay below 2²⁹ per lane.
            var partial = SIMD8<UInt32>()
            let end = min(count, x &+ 16 &* 1024)
            while x &+ 16 <= end {
                let low = unclampedPixels(luma, scratch, at: x), high = unclampedPixels(luma, scratch, at: x &+ 8)
                let b = Self.clampedToByteLanes(low.b, high.b), g = Self.clampedToByteLanes(low.g, high.g)
                let r = Self.clampedToByteLanes(low.r, high.r)
                Self.storeLowBytes(Self.grey(b, g, r), at: lumaOut + x)
                partial &+= Self.pairedSquares(b, Lanes.widened16(source.b + x))
                    &+ Self.pairedSquares(g, Lanes.widened16(source.g + x))
                    &+ Self.pairedSquares(r, Lanes.widened16(source.r + x))
                x &+= 16
            }
            for lane in 0..<8 { total += Int(partial[lane]) }
        }
        if x &+ 8 <= count {
            let pixels = unclampedPixels(luma, scratch, at: x)
            let b = Self.clampedToByteLanes(pixels.b), g = Self.clampedToByteLanes(pixels.g)
            let r = Self.clampedToByteLanes(pixels.r)
            Self.storeLowBytes(Self.grey(b, g, r), at: lumaOut + x)
            let partial = Self.pairedSquares(b, Lanes.widened(source.b + x))
                &+ Self.pairedSquares(g, Lanes.widened(source.g + x))
                &+ Self.pairedSquares(r, Lanes.widened(source.r + x))
            for lane in 0..<4 { total += Int(partial[lane]) }
            x &+= 8
        }
        while x < count {
            let (b, g, r) = pixel(luma, scratch, at: x)
            lumaOut[x] = Self.grey(b, g, r)
            let db = Int(b) - Int(source.b[x]), dg = Int(g) - Int(source.g[x]), dr = Int(r) - Int(source.r[x])
            total += db * db + dg * dg + dr * dr
            x &+= 1
        }
        return total
    }
}
