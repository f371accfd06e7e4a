import FrameScan

/// The frame-pair scan and 4:2:0 conversion of this module, compiled for the instruction set Package.swift gives it
/// (``instructionSet``): this directory is built twice, as `FrameScanKernels` and `FrameScanKernelsAVX2`.
public enum Kernel: FrameScanKernel {
    public static var instructionSet: String {
        #if FRAME_SCAN_AVX2
        "x86-64-v3 (AVX2)"
        #elseif arch(x86_64)
        "x86-64-v2"
        #else
        "baseline"
        #endif
    }

    /// Frames with fewer pixels than this are scored on the calling thread alone: handing work to a second thread
    /// costs more than it saves.
    static let parallelPixels = 512 * 512

    public static func score(_ pair: FramePair) -> FrameScores {
        let scan = FramePairScan(pair)
        precondition(scan.hasWindows, "pairs under 8x8 pixels are scored by the reference definitions")
        let width = pair.width, height = pair.height, blocksY = scan.blocksY
        let bandCount = width * height >= parallelPixels ? min(4, blocksY) : 1
        let windows = UnsafeMutablePointer<Double>.allocate(capacity: scan.windowCount)
        let sums = UnsafeMutablePointer<FramePairScan.Sums>.allocate(capacity: bandCount)
        defer { windows.deallocate(); sums.deallocate() }
        let shared = SharedBands(windows: windows, sums: sums)
        ParallelBands.run(count: bandCount) { band in
            let first = band * blocksY / bandCount, end = (band + 1) * blocksY / bandCount
            let rows = (band == 0 ? 0 : 4 * first)..<(band == bandCount - 1 ? height : 4 * end)
            shared.sums[band] = scan.scan(blockRows: first..<end, rows: rows, windows: shared.windows)
        }
        var bgr = 0, luma = 0
        for band in 0..<bandCount {
            bgr += sums[band].bgr
            luma += sums[band].luma
        }
        // Summed in the reference's order, so the mean is the same double.
        var total = 0.0
        for window in 0..<scan.windowCount { total += windows[window] }
        return FrameScores(bgrSquaredError: bgr, lumaSquaredError: luma, ssim: total / Double(scan.windowCount))
    }

    public static func convert(_ picture: YUV420Picture, with coefficients: YUV420Coefficients, rows: Range<Int>,
                               into bgr: UnsafeMutablePointer<UInt8>, luma: UnsafeMutablePointer<UInt8>) {
        YUV420Conversion(coefficients: coefficients).convert(picture, rows: rows, into: bgr, luma: luma)
    }

    /// Where the bands of one scan write: each band its own windows and its own `sums` slot.
    ///
    /// `@unchecked Sendable`: the buffers outlive ``ParallelBands/run(count:_:)``, which returns only after every band
    /// finished, and no two bands write the same element.
    private struct SharedBands: @unchecked Sendable {
        let windows: UnsafeMutablePointer<Double>
        let sums: UnsafeMutablePointer<FramePairScan.Sums>
    }
}
