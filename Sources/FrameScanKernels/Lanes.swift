/// Lane-wise helpers shared by the verification loops (``FramePairScan``, ``YUV420Conversion``), each written lane by
/// lane so that the compiler emits one vector instruction or two: the standard library's generic SIMD conversions
/// (`SIMD8<UInt16>(truncatingIfNeeded:)` and friends) are out-of-line calls here.
enum Lanes {
    /// Eight bytes from `bytes`, each in a 16-bit lane.
    @inline(__always)
    static func widened(_ bytes: UnsafePointer<UInt8>) -> SIMD8<UInt16> {
        SIMD8(UInt16(bytes[0]), UInt16(bytes[1]), UInt16(bytes[2]), UInt16(bytes[3]),
              UInt16(bytes[4]), UInt16(bytes[5]), UInt16(bytes[6]), UInt16(bytes[7]))
    }

    /// Sixteen bytes from `bytes`, each in a 16-bit lane.
    @inline(__always)
    static func widened16(_ bytes: UnsafePointer<UInt8>) -> SIMD16<UInt16> {
        widened(UnsafeRawPointer(bytes).loadUnaligned(as: SIMD16<UInt8>.self))
    }

    /// Sixteen bytes, each in a 16-bit lane.
    @inline(__always)
    static func widened(_ bytes: SIMD16<UInt8>) -> SIMD16<UInt16> {
        var lanes = SIMD16<UInt16>()
        for lane in 0..<16 { lanes[lane] = UInt16(bytes[lane]) }
        return lanes
    }

    /// a·b of lanes 2i and 2i + 1 added into 32-bit lane i: one 16-bit multiply-add (`pmaddwd`).
    @inline(__always)
    static func multiplyAddPairs(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
        var sums = SIMD4<Int32>()
        for lane in 0..<4 {
            sums[lane] = Int32(a[2 &* lane]) &* Int32(b[2 &* lane])
                &+ Int32(a[2 &* lane &+ 1]) &* Int32(b[2 &* lane &+ 1])
        }
        return sums
    }

    /// ``multiplyAddPairs(_:_:)-(SIMD8<Int16>,_)`` of sixteen lanes into eight: one 256-bit `vpmaddwd` with AVX2.
    @inline(__always)
    static func multiplyAddPairs(_ a: SIMD16<Int16>, _ b: SIMD16<Int16>) -> SIMD8<Int32> {
        var sums = SIMD8<Int32>()
        for lane in 0..<8 {
            sums[lane] = Int32(a[2 &* lane]) &* Int32(b[2 &* lane])
                &+ Int32(a[2 &* lane &+ 1]) &* Int32(b[2 &* lane &+ 1])
        }
        return sums
    }

    /// ``multiplyAddPairs(_:_:)`` of lanes holding 0…255 (so that the products and their sums are exact and
    /// non-negative).
    @inline(__always)
    static func multiplyAddPairs(_ a: SIMD8<UInt16>, _ b: SIMD8<UInt16>) -> SIMD4<UInt32> {
        unsafeBitCast(multiplyAddPairs(unsafeBitCast(a, to: SIMD8<Int16>.self), unsafeBitCast(b, to: SIMD8<Int16>.self)),
                      to: SIMD4<UInt32>.self)
    }
}
