/// Σ(a − b)² over runs of 8-bit samples: the reference metrics and every kernel sum squared differences with it.
public enum SquaredDifferences {
    /// Σ(a−b)² over `count` bytes; 32-bit partial sums per 4096 bytes let the compiler vectorise the loop, and the
    /// absolute difference taken in bytes becomes byte-wise max − min and a 16-bit multiply-add (no 32-bit multiply).
    /// `@inlinable`, so that each kernel compiles the loop for its own instruction set.
    @inlinable
    public static func sum(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Int {
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
