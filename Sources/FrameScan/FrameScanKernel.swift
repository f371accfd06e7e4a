/// The loops that score a frame pair and convert 4:2:0 pictures, compiled for one instruction set.
///
/// The same sources are built twice (Package.swift): `FrameScanKernels` for the package's baseline CPU and, on x86-64,
/// `FrameScanKernelsAVX2` for CPUs with AVX2. Both compute exactly the same integers and doubles (integer arithmetic,
/// and the same floating-point operations in the same order); only their speed differs. Verification picks one at
/// run time.
public protocol FrameScanKernel: Sendable {
    /// The instruction set the kernel was compiled for, for reports (`x86-64-v2`, `x86-64-v3 (AVX2)`, …).
    static var instructionSet: String { get }

    /// BGR and luma squared errors and mean SSIM of `pair`, on the calling thread and one helper for frames of
    /// 512×512 pixels and more (``ParallelBands``).
    ///
    /// Exactly the values of the reference definitions (Verification's `QualityMetrics` over full frames and
    /// `LumaPlane`s), bit for bit. For a ``FramePair/Actual/yuv420(_:_:)`` pair, those of the frame
    /// ``convert(_:with:rows:into:luma:)`` writes.
    /// - Precondition: `pair` is at least 8×8 pixels.
    static func score(_ pair: FramePair) -> FrameScores

    /// Converts rows `rows` of `picture` into tightly packed BGR24 rows of `bgr` (row y at `bgr + 3·width·y`) with
    /// `coefficients`, and writes the BT.601 luma of the result to `luma` (row y at `luma + width·y`). Rows are
    /// independent: bands of one picture can be converted on different threads into the same buffers.
    static func convert(_ picture: YUV420Picture, with coefficients: YUV420Coefficients, rows: Range<Int>,
                        into bgr: UnsafeMutablePointer<UInt8>, luma: UnsafeMutablePointer<UInt8>)
}
