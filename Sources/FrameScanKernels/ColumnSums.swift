/// Per-column sums of the rows of one block row: Σa and Σb per column in 16 bits (four rows of 255 stay below
/// 2¹⁶), Σ(a²+b²) and Σab per pair of columns in 32 bits. Owned by one thread.
struct ColumnSums {
    let a: UnsafeMutablePointer<UInt16>, b: UnsafeMutablePointer<UInt16>
    let squares: UnsafeMutablePointer<UInt32>, products: UnsafeMutablePointer<UInt32>
    /// Columns summed: a multiple of 4.
    let count: Int

    /// Allocates sums for `count` columns (a multiple of 4); ``clear()`` before the first row.
    init(count: Int) {
        self.count = count
        a = .allocate(capacity: count)
        b = .allocate(capacity: count)
        squares = .allocate(capacity: count / 2)
        products = .allocate(capacity: count / 2)
    }

    /// Sets every sum to zero, for the next block row.
    func clear() {
        a.update(repeating: 0, count: count)
        b.update(repeating: 0, count: count)
        squares.update(repeating: 0, count: count / 2)
        products.update(repeating: 0, count: count / 2)
    }

    func deallocate() {
        a.deallocate(); b.deallocate(); squares.deallocate(); products.deallocate()
    }
}
