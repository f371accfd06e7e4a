import Analysis
@testable import FaceMirror
@testable import Harness
import Strategies
import Testing
import Verification

/// Pins the face-mirror processing pixel by pixel on hand-made frames.
@Suite struct PipelineProcessingTests {
    /// A frame whose pixel (x, y) is B = x, G = y, R = 200: every column and row is recognisable.
    static func pattern(width: Int, height: Int, stride: Int? = nil) -> Frame {
        let stride = stride ?? width * 3
        var bytes = [UInt8](repeating: 99, count: stride * height)
        for y in 0..<height {
            for x in 0..<width {
                bytes[y * stride + x * 3] = UInt8(x)
                bytes[y * stride + x * 3 + 1] = UInt8(y)
                bytes[y * stride + x * 3 + 2] = 200
            }
        }
        return Frame(width: width, height: height, stride: stride, bytes: bytes)
    }

    /// The source column each output column shows, read back from the B channel; checks G and R are untouched.
    static func sourceColumns(_ frame: Frame) -> [[Int]] {
        (0..<frame.height).map { y in
            (0..<frame.width).map { x in
                let o = y * frame.stride + x * 3
                #expect(frame.bytes[o + 1] == UInt8(y) && frame.bytes[o + 2] == 200, "pixel (\(x), \(y))")
                return Int(frame.bytes[o])
            }
        }
    }

    @Test func rightMirroredReplacesTheLeftPartWithTheMirroredRightHalf() {
        let out = FaceMirror.rightMirrored(Self.pattern(width: 6, height: 2), midline: 3)
        #expect(out.isTightlyPacked && out.width == 6 && out.height == 2)
        #expect(Self.sourceColumns(out) == [[5, 4, 3, 3, 4, 5], [5, 4, 3, 3, 4, 5]])
    }

    @Test func leftMirroredReplacesTheRightPartWithTheMirroredLeftHalf() {
        let out = FaceMirror.leftMirrored(Self.pattern(width: 6, height: 2), midline: 3)
        #expect(Self.sourceColumns(out) == [[0, 1, 2, 2, 1, 0], [0, 1, 2, 2, 1, 0]])
    }

    @Test(arguments: [
        // midline, right-mirrored columns, left-mirrored columns (clamped where the mirror image runs out)
        (2, [3, 2, 2, 3, 4, 5], [0, 1, 1, 0, 0, 0]),
        (5, [5, 5, 5, 5, 5, 5], [0, 1, 2, 3, 4, 4]),
        (0, [0, 1, 2, 3, 4, 5], [0, 0, 0, 0, 0, 0]),
        (6, [5, 5, 5, 5, 5, 5], [0, 1, 2, 3, 4, 5]),
    ])
    func anOffCentreMidlineClampsAtTheFrameEdge(midline: Int, right: [Int], left: [Int]) {
        let source = Self.pattern(width: 6, height: 1)
        #expect(Self.sourceColumns(FaceMirror.rightMirrored(source, midline: midline)) == [right])
        #expect(Self.sourceColumns(FaceMirror.leftMirrored(source, midline: midline)) == [left])
    }

    @Test func aPaddedSourceGivesTheSameTightlyPackedOutputs() {
        let tight = Self.pattern(width: 10, height: 4)
        let padded = Self.pattern(width: 10, height: 4, stride: 40)
        for output in PipelineOutput.allCases {
            let a = FaceMirror.render(output, from: tight, midline: 4, index: 3)
            let b = FaceMirror.render(output, from: padded, midline: 4, index: 3)
            #expect(b.isTightlyPacked && a.bytes == b.bytes, "\(output)")
        }
    }

    @Test func theDebugViewDrawsTheMidlineAndTheFrameIndexWhereExpected() {
        let source = Self.pattern(width: 64, height: 48)
        let out = FaceMirror.debugView(source, midline: 32, index: 17)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(out.bytes[(y * 64 + x) * 3..<(y * 64 + x) * 3 + 3]) }
        let green: [UInt8] = [0, 255, 0], white: [UInt8] = [255, 255, 255], black: [UInt8] = [0, 0, 0]
        // 48 lines: scale 1; box at (2, 2), 2 digits → 11 + 2 wide, 9 high; digits from (3, 3), advance 6.
        for y in 0..<48 {
            #expect(pixel(31, y) == green && pixel(32, y) == green, "midline row \(y)")
            #expect(pixel(30, y) == [30, UInt8(y), 200] && pixel(33, y) == [33, UInt8(y), 200])
        }
        var expected = [[UInt8]]()
        var actual = [[UInt8]]()
        for y in 0..<14 {
            for x in 0..<20 {
                let inBox = (2..<15).contains(x) && (2..<11).contains(y)
                var colour: [UInt8] = inBox ? black : [UInt8(x), UInt8(y), 200]
                for (position, digit) in [1, 7].enumerated() {
                    let column = x - 3 - position * 6, row = y - 3
                    if (0..<5).contains(column), (0..<7).contains(row),
                       DigitFont.isSet(digit: digit, column: column, row: row) { colour = white }
                }
                expected.append(colour)
                actual.append(pixel(x, y))
            }
        }
        #expect(actual == expected)
        // The top row of the 7 glyph is solid: five white pixels from x = 9.
        #expect((9..<14).allSatisfy { pixel($0, 3) == white })
        // Everything else is the source.
        #expect(pixel(50, 40) == [50, 40, 200])
    }

    @Test func digitsScaleWithTheFrameHeight() {
        #expect(FaceMirror.digitScale(height: 48) == 1)
        #expect(FaceMirror.digitScale(height: 1080) == 9)
        let out = FaceMirror.debugView(Self.pattern(width: 200, height: 240), midline: 100, index: 1)
        // Scale 2: the 1 glyph's top row has one set pixel at column 2 → image x = 4 + 2 + 2·2 = 10…11, y = 6…7.
        let o = (6 * 200 + 10) * 3
        #expect(Array(out.bytes[o..<o + 6]) == [255, 255, 255, 255, 255, 255])
        let beside = (6 * 200 + 8) * 3
        #expect(Array(out.bytes[beside..<beside + 3]) == [0, 0, 0])
    }

    @Test func everyGlyphIsFiveBySeven() {
        #expect(DigitFont.glyphs.count == 10)
        #expect(DigitFont.glyphs.allSatisfy { $0.count == 7 && $0.allSatisfy { $0 < 32 } })
        #expect(Set(DigitFont.glyphs).count == 10)
    }

    @Test func outputsAreFreshStorageNotTheSource() {
        let source = Self.pattern(width: 8, height: 2)
        let processed = FaceMirror.process(source, midline: 8, index: 0)
        // Midline at the right edge: the left-mirrored frame equals the source, yet is its own copy.
        #expect(processed.left.bytes == source.bytes)
        let same = processed.left.withUnsafeBytes { a in source.withUnsafeBytes { b in a.baseAddress == b.baseAddress } }
        #expect(!same)
    }

    @Test func aPooledSlotStillHeldByAWriterIsCopiedNeverOverwritten() {
        let pool = OutputBufferPool(capacity: 1, byteCount: 4)
        let held = pool.fill { $0.update(repeating: 1, count: 4) }
        let second = pool.fill { $0.update(repeating: 2, count: 4) }
        #expect(held == [1, 1, 1, 1] && second == [2, 2, 2, 2] && pool.copies == 1)
        let reused = { () -> [UInt8] in
            let pool = OutputBufferPool(capacity: 1, byteCount: 4)
            _ = pool.fill { $0.update(repeating: 1, count: 4) }
            let third = pool.fill { $0.update(repeating: 3, count: 4) }
            #expect(pool.copies == 0, "nobody held the first frame, so its storage was refilled in place")
            return third
        }()
        #expect(reused == [3, 3, 3, 3])
    }

    @Test func pooledProcessingMatchesFreshProcessing() {
        let source = Self.pattern(width: 12, height: 6)
        let pool = OutputBufferPool(capacity: 3, byteCount: 12 * 6 * 3)
        for index in 0..<3 {
            let pooled = FaceMirror.process(source, midline: 5, index: index, pool: pool)
            let fresh = FaceMirror.process(source, midline: 5, index: index)
            for output in PipelineOutput.allCases { #expect(pooled[output].bytes == fresh[output].bytes) }
        }
    }
}

@Suite struct OutputBufferPoolPrefillTests {
    @Test func prefilledStorageIsRefilledInPlaceAndNeverGrowsPastTheCapacity() {
        let pool = OutputBufferPool(capacity: 3, byteCount: 8)
        pool.prefill(count: 10)
        for value in 1...3 {
            let array = pool.fill { $0.update(repeating: UInt8(value), count: 8) }
            #expect(array == [UInt8](repeating: UInt8(value), count: 8))
        }
        #expect(pool.copies == 0, "the prefilled arrays were nobody else's")
        let held = (4...6).map { value in pool.fill { $0.update(repeating: UInt8(value), count: 8) } }
        _ = pool.fill { $0.update(repeating: 7, count: 8) }
        #expect(pool.copies == 1, "the fourth fill reused a slot (still held, so copied) instead of adding one")
        #expect(held.map { $0[0] } == [4, 5, 6])
    }
}
