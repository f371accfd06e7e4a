import CPosixShim

/// What glibc's malloc says about the heap (mallinfo2, summed over every arena), MiB: read beside resident memory by
/// the memory soak, so that a growing curve says whether live allocations grew (a leak, or an index that must
/// grow) or only memory malloc keeps free (fragmentation).
public struct HeapUsage: Sendable, Equatable {
    /// Arena chunks in use plus chunks mapped on their own: live allocations, MiB.
    public var inUseMiB: Double
    /// Arena chunks free but kept by malloc, MiB.
    public var freeMiB: Double

    /// The reading now, or nil where the C library has no mallinfo2. Locks every arena briefly: not for hot paths.
    public static func now() -> HeapUsage? {
        var usage = cposix_heap_usage()
        guard cposix_heap_usage_now(&usage) == 0 else { return nil }
        let mebibyte = Double(1 << 20)
        return HeapUsage(inUseMiB: Double(usage.in_use_bytes + usage.mmapped_bytes) / mebibyte,
                         freeMiB: Double(usage.free_bytes) / mebibyte)
    }
}
