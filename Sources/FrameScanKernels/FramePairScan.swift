import FrameScan

/// One pass over the rows of a source frame and its decoded copy that yields everything ``Kernel/score(_:)`` reports:
/// the BGR and luma sums of squared differences and the SSIM of every 8×8 window, with no full-frame luma plane and no
/// per-pixel closure.
///
/// The results are those of the reference definitions (Verification's `QualityMetrics` and `LumaPlane(bgr:)`), bit
/// for bit: luma uses the same fixed-point weights, every sum is an integer (the luma differences of whole blocks are
/// taken from their block sums), each window's SSIM goes through the operations of ``WindowSums/ssim(sampleCount:)``
/// on the same integers, and the window values are stored so that their mean is summed in the reference's order.
///
/// The image splits into bands of 4-row block rows that can be scanned on different threads: a band writes only its
/// own windows (those whose lower block row is in the band), and counts squared differences only for its own rows.
/// Scratch rows are owned per call of ``scan(blockRows:rows:windows:)``.
///
/// `@unchecked Sendable`: it only reads the two frames (or the decoded picture), whose storage outlives every scan of
/// them (see ``FramePair``).
struct FramePairScan: @unchecked Sendable {
    let expected: UnsafePointer<UInt8>
    let expectedStride: Int
    let actual: ActualRows
    let width: Int
    let height: Int

    /// Where the rows of the actual (decoded) frame come from.
    enum ActualRows {
        /// A BGR24 frame with rows `stride` bytes apart.
        case bgr(UnsafePointer<UInt8>, stride: Int)
        /// A 4:2:0 picture converted row by row as the scan reaches each row, and compared with the expected row
        /// (split into B, G and R) where it is computed: no converted BGR row is stored. The scores are bit for bit
        /// those of the frame ``YUV420Conversion/convert(_:rows:into:luma:)`` writes.
        case yuv420(YUV420Conversion, YUV420Picture)
    }

    /// The scan of `pair`.
    init(_ pair: FramePair) {
        expected = pair.expected
        expectedStride = pair.expectedStride
        width = pair.width
        height = pair.height
        switch pair.actual {
        case let .bgr(frame, stride): actual = .bgr(frame, stride: stride)
        case let .yuv420(picture, coefficients): actual = .yuv420(YUV420Conversion(coefficients: coefficients), picture)
        }
    }

    /// 4×4 blocks across and down; SSIM windows are 2×2 blocks, so there are `(blocksX − 1) · (blocksY − 1)`.
    var blocksX: Int { width / 4 }
    var blocksY: Int { height / 4 }
    /// Whether the frame has at least 2×2 blocks (smaller frames are one window, which Verification scores by the reference definitions).
    var hasWindows: Bool { blocksX >= 2 && blocksY >= 2 }
    /// Number of SSIM windows.
    var windowCount: Int { (blocksX - 1) * (blocksY - 1) }

    /// Sums of squared differences over the rows of one band.
    struct Sums {
        var bgr = 0
        var luma = 0
    }

    /// Scans the block rows `blockRows` (windows whose lower block row is in them go to `windows`, indexed as in
    /// the reference: `(blockRow − 1) · (blocksX − 1) + column`) and counts squared differences over image rows
    /// `rows`. A band that starts after block row 0 reads the block row above it again, which it does not count.
    ///
    /// - Precondition: ``hasWindows``; `windows` holds ``windowCount`` values; `rows` is the band's share of the
    ///   image rows (the last band also takes the rows below the last whole block row).
    func scan(blockRows: Range<Int>, rows: Range<Int>, windows: UnsafeMutablePointer<Double>) -> Sums {
        let blocksX = self.blocksX, width = self.width
        let covered = 4 * blocksX
        // Scratch: two luma rows, column sums, and the block sums of the previous and current block rows.
        let lumaA = UnsafeMutablePointer<UInt8>.allocate(capacity: width)
        let lumaB = UnsafeMutablePointer<UInt8>.allocate(capacity: width)
        // The expected row split into B, G and R, for comparing with a picture converted row by row.
        let expectedPlanes = UnsafeMutablePointer<UInt8>.allocate(capacity: 3 * width)
        let columns = ColumnSums(count: covered)
        let blocks = UnsafeMutablePointer<UInt32>.allocate(capacity: 8 * blocksX)
        var conversionScratch: YUV420Conversion.RowScratch?
        if case .yuv420(_, let planes) = actual {
            conversionScratch = YUV420Conversion.RowScratch(chromaWidth: planes.chromaWidth)
        }
        defer {
            lumaA.deallocate(); lumaB.deallocate(); expectedPlanes.deallocate(); columns.deallocate(); blocks.deallocate()
            conversionScratch?.deallocate()
        }
        var previous = blocks, current = blocks + 4 * blocksX

        var sums = Sums()
        /// Luma of row y of both frames into `lumaA` and the returned row, and its squared differences if counted: the
        /// luma ones from column `lumaFrom` on (block sums count those left of it, see ``squaredDifferences(_:blocks:)``).
        func measureRow(_ y: Int, lumaFrom: Int) -> UnsafePointer<UInt8> {
            let rowA = expected + y * expectedStride
            let counted = rows.contains(y)
            switch actual {
            case let .bgr(frame, stride):
                let rowB = frame + y * stride
                Self.luma(rowA, into: lumaA, count: width)
                Self.luma(rowB, into: lumaB, count: width)
                if counted { sums.bgr += SquaredDifferences.sum(rowA, rowB, count: 3 * width) }
            case let .yuv420(conversion, planes):
                Self.luma(rowA, into: lumaA, count: width, splittingInto: expectedPlanes)
                let squares = conversion.compare(planes, row: y, scratch: conversionScratch!,
                                                 with: .init(expectedPlanes, count: width), luma: lumaB)
                if counted { sums.bgr += squares }
            }
            if counted, lumaFrom < width {
                sums.luma += SquaredDifferences.sum(lumaA + lumaFrom, lumaB + lumaFrom,
                                                                    count: width - lumaFrom)
            }
            return UnsafePointer(lumaB)
        }

        let firstBlockRow = max(0, blockRows.lowerBound - 1)
        for blockRow in firstBlockRow..<blockRows.upperBound {
            columns.clear()
            // A counted block row's luma differences come from its block sums, but for the columns right of them.
            let counted = blockRow >= blockRows.lowerBound
            for y in (4 * blockRow)..<(4 * blockRow + 4) {
                let lumaRowB = measureRow(y, lumaFrom: counted ? covered : 0)
                Self.accumulate(lumaA, lumaRowB, into: columns)
            }
            Self.blockSums(columns, into: current)
            if counted { sums.luma += Self.squaredDifferences(current, blocks: blocksX) }
            if blockRow >= max(1, blockRows.lowerBound) {
                Self.windows(previous: previous, current: current, blocks: blocksX,
                             into: windows + (blockRow - 1) * (blocksX - 1))
            }
            swap(&previous, &current)
        }
        // Rows below the last whole block row count for PSNR only.
        for y in max(4 * blockRows.upperBound, rows.lowerBound)..<max(rows.upperBound, 4 * blockRows.upperBound) {
            _ = measureRow(y, lumaFrom: 0)
        }
        return sums
    }

    /// Σ(a − b)² over the blocks whose sums ``blockSums(_:into:)`` wrote to `sums`: Σ(a² + b²) − 2·Σab,
    /// exactly.
    @inline(__always)
    static func squaredDifferences(_ sums: UnsafePointer<UInt32>, blocks: Int) -> Int {
        let squares = sums + 2 * blocks, products = sums + 3 * blocks
        var total = 0
        // Each block's difference is Σ(a − b)² of 16 pixels, at most 16 · 255² (exact in 32 bits).
        for block in 0..<blocks { total &+= Int(squares[block] &- 2 &* products[block]) }
        return total
    }

    /// BT.601 luma of `count` BGR pixels, exactly as Verification's `LumaPlane(bgr:)` computes it.
    ///
    /// Sixteen pixels at a time in 16-bit lanes: with each weight split as w = 256·hi + lo, the 24-bit sum
    /// P = 19595 r + 38470 g + 7471 b + 32768 is 256·H + L with H = 76 r + 150 g + 29 b + 128 and
    /// L = 139 r + 70 g + 47 b (both ≤ 65 280), and ⌊P / 2¹⁶⌋ = ⌊(H + ⌊L / 256⌋) / 256⌋. Measured 2.8 ms against
    /// 3.7 ms of CPU per 1080p plane for the scalar loop.
    @inline(__always)
    static func luma(_ bgr: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, count: Int) {
        luma(bgr, into: out, count: count, splittingInto: nil)
    }

    /// ``luma(_:into:count:)``, also splitting the pixels into B, G and R when `planes` is not nil: `count` bytes of
    /// each, one after another (a ``YUV420Conversion/PlanarRow``).
    @inline(__always)
    static func luma(_ bgr: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, count: Int,
                     splittingInto planes: UnsafeMutablePointer<UInt8>?) {
        let raw = UnsafeRawPointer(bgr)
        var x = 0
        while x &+ 16 <= count {
            let v0 = raw.loadUnaligned(fromByteOffset: 3 &* x, as: SIMD16<UInt8>.self)
            let v1 = raw.loadUnaligned(fromByteOffset: 3 &* x &+ 16, as: SIMD16<UInt8>.self)
            let v2 = raw.loadUnaligned(fromByteOffset: 3 &* x &+ 32, as: SIMD16<UInt8>.self)
            let blue = SIMD16<UInt8>(
                v0[0], v0[3], v0[6], v0[9], v0[12], v0[15], v1[2], v1[5], v1[8], v1[11], v1[14], v2[1], v2[4], v2[7],
                v2[10], v2[13])
            let green = SIMD16<UInt8>(
                v0[1], v0[4], v0[7], v0[10], v0[13], v1[0], v1[3], v1[6], v1[9], v1[12], v1[15], v2[2], v2[5], v2[8],
                v2[11], v2[14])
            let red = SIMD16<UInt8>(
                v0[2], v0[5], v0[8], v0[11], v0[14], v1[1], v1[4], v1[7], v1[10], v1[13], v2[0], v2[3], v2[6], v2[9],
                v2[12], v2[15])
            if let planes {
                UnsafeMutableRawPointer(planes + x).storeBytes(of: blue, as: SIMD16<UInt8>.self)
                UnsafeMutableRawPointer(planes + (count &+ x)).storeBytes(of: green, as: SIMD16<UInt8>.self)
                UnsafeMutableRawPointer(planes + (2 &* count &+ x)).storeBytes(of: red, as: SIMD16<UInt8>.self)
            }
            let b = Lanes.widened(blue), g = Lanes.widened(green), r = Lanes.widened(red)
            let high = 76 &* r &+ 150 &* g &+ 29 &* b &+ 128
            let low = 139 &* r &+ 70 &* g &+ 47 &* b
            let luma = (high &+ (low &>> 8)) &>> 8
            for lane in 0..<16 { out[x &+ lane] = UInt8(truncatingIfNeeded: luma[lane]) }
            x &+= 16
        }
        while x < count {
            let b = UInt32(bgr[3 &* x]), g = UInt32(bgr[3 &* x &+ 1]), r = UInt32(bgr[3 &* x &+ 2])
            out[x] = UInt8(truncatingIfNeeded: (19595 &* r &+ 38470 &* g &+ 7471 &* b &+ 32768) &>> 16)
            if let planes {
                planes[x] = UInt8(truncatingIfNeeded: b)
                planes[count &+ x] = UInt8(truncatingIfNeeded: g)
                planes[2 &* count &+ x] = UInt8(truncatingIfNeeded: r)
            }
            x &+= 1
        }
    }

    /// Adds one luma row pair to `columns`: eight pixels at a time, the squares and products of each pair of pixels
    /// summed by one 16-bit multiply-add (`pmaddwd`).
    @inline(__always)
    static func accumulate(_ lumaA: UnsafePointer<UInt8>, _ lumaB: UnsafePointer<UInt8>, into columns: ColumnSums) {
        let sumA = UnsafeMutableRawPointer(columns.a), sumB = UnsafeMutableRawPointer(columns.b)
        let squares = UnsafeMutableRawPointer(columns.squares), products = UnsafeMutableRawPointer(columns.products)
        var x = 0
        while x &+ 8 <= columns.count {
            let a = Lanes.widened(lumaA + x), b = Lanes.widened(lumaB + x)
            func add<Vector: SIMD>(_ value: Vector, to sums: UnsafeMutableRawPointer, at offset: Int)
                where Vector.Scalar: FixedWidthInteger {
                sums.storeBytes(of: sums.loadUnaligned(fromByteOffset: offset, as: Vector.self) &+ value,
                                toByteOffset: offset, as: Vector.self)
            }
            add(a, to: sumA, at: 2 &* x)
            add(b, to: sumB, at: 2 &* x)
            add(Lanes.multiplyAddPairs(a, a) &+ Lanes.multiplyAddPairs(b, b), to: squares, at: 2 &* x)
            add(Lanes.multiplyAddPairs(a, b), to: products, at: 2 &* x)
            x &+= 8
        }
        while x < columns.count {
            let p = UInt32(lumaA[x]), q = UInt32(lumaB[x])
            columns.a[x] &+= UInt16(p)
            columns.b[x] &+= UInt16(q)
            columns.squares[x &>> 1] &+= p &* p &+ q &* q
            columns.products[x &>> 1] &+= p &* q
            x &+= 1
        }
    }

    /// Folds `columns` into the sums of its 4×4 blocks: `into` holds Σa, Σb, Σ(a²+b²), Σab of `columns.count / 4`
    /// blocks, in four consecutive arrays.
    @inline(__always)
    static func blockSums(_ columns: ColumnSums, into out: UnsafeMutablePointer<UInt32>) {
        let blocks = columns.count / 4
        for block in 0..<blocks {
            let x = 4 &* block
            out[block] = UInt32(columns.a[x]) &+ UInt32(columns.a[x &+ 1]) &+ UInt32(columns.a[x &+ 2])
                &+ UInt32(columns.a[x &+ 3])
            out[blocks &+ block] = UInt32(columns.b[x]) &+ UInt32(columns.b[x &+ 1]) &+ UInt32(columns.b[x &+ 2])
                &+ UInt32(columns.b[x &+ 3])
            out[2 &* blocks &+ block] = columns.squares[2 &* block] &+ columns.squares[2 &* block &+ 1]
            out[3 &* blocks &+ block] = columns.products[2 &* block] &+ columns.products[2 &* block &+ 1]
        }
    }

    /// The SSIM of every 8×8 window made of blocks `column`, `column + 1` of the previous and current block rows:
    /// ``WindowSums/ssim(sampleCount:)`` with n = 64, four windows at a time.
    ///
    /// Every integer that formula takes stays below 2³¹ for a 64-sample window (64 · Σ(a² + b²) ≤ 64 · 64 · 2 · 255²),
    /// so the sums and products are exact in 32-bit lanes, each converts to the same double as there, and the doubles
    /// go through the same operations in the same order: the same values, bit for bit.
    @inline(__always)
    static func windows(previous: UnsafePointer<UInt32>, current: UnsafePointer<UInt32>, blocks: Int,
                        into out: UnsafeMutablePointer<Double>) {
        let (c1, c2) = WindowSums.stabilisers(sampleCount: 64)
        let count = blocks - 1
        var column = 0
        while column &+ 4 <= count {
            /// Part `part` (Σa, Σb, Σ(a²+b²), Σab) of windows `column`…`column + 3`.
            func sums(_ part: Int) -> SIMD4<Int32> {
                let above = UnsafeRawPointer(previous + (part &* blocks &+ column))
                let below = UnsafeRawPointer(current + (part &* blocks &+ column))
                let sum = above.loadUnaligned(as: SIMD4<UInt32>.self)
                    &+ above.loadUnaligned(fromByteOffset: 4, as: SIMD4<UInt32>.self)
                    &+ below.loadUnaligned(as: SIMD4<UInt32>.self)
                    &+ below.loadUnaligned(fromByteOffset: 4, as: SIMD4<UInt32>.self)
                return unsafeBitCast(sum, to: SIMD4<Int32>.self)
            }
            let a = sums(0), b = sums(1), squares = sums(2), products = sums(3)
            let covariance = (products &<< 6) &- a &* b           // n(n−1)·σab
            let variances = (squares &<< 6) &- a &* a &- b &* b  // n(n−1)·(σa² + σb²)
            let means = a &* b                                     // n²·μaμb
            let meanSquares = a &* a &+ b &* b                     // n²·(μa² + μb²)
            for pair in 0..<2 {
                func lanes(_ value: SIMD4<Int32>) -> SIMD2<Double> {
                    SIMD2(Double(value[2 &* pair]), Double(value[2 &* pair &+ 1]))
                }
                let ssim = (2 * lanes(means) + c1) * (2 * lanes(covariance) + c2)
                    / ((lanes(meanSquares) + c1) * (lanes(variances) + c2))
                out[column &+ 2 &* pair] = ssim[0]
                out[column &+ 2 &* pair &+ 1] = ssim[1]
            }
            column &+= 4
        }
        while column < count {
            var window = WindowSums()
            func sum(_ part: Int) -> Int {
                let offset = part &* blocks &+ column
                return Int(previous[offset]) + Int(previous[offset &+ 1]) + Int(current[offset])
                    + Int(current[offset &+ 1])
            }
            window.sumA = sum(0)
            window.sumB = sum(1)
            window.sumSquares = sum(2)
            window.sumProducts = sum(3)
            out[column] = window.ssim(sampleCount: 64)
            column &+= 1
        }
    }
}
