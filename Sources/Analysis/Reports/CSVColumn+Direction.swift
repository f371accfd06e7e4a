/// Which way a measured value should move for the change to be an improvement.
public enum MetricDirection: String, Sendable {
    /// Larger values are better (throughput, quality).
    case prefersLarger
    /// Smaller values are better (times, sizes, resources).
    case prefersSmaller
}

extension CSVColumn {
    /// The direction of improvement of a measured column; nil for configuration, environment and text columns.
    ///
    /// `compare` and `recommend` read this instead of deciding per metric in their own code, so a column's direction
    /// is defined once, next to its name and unit.
    public var direction: MetricDirection? {
        switch self {
        case .fps, .ceilingRatio, .psnrDB, .psnrMinDB, .psnrLumaDB, .ssim, .ssimMin, .framesDecoded:
            .prefersLarger
        case .openMs, .writeMsMean, .writeMsP50, .writeMsP95, .writeMsP99, .writeMsMax, .finishMs, .totalS,
             .lateFrames, .latenessMsMax, .queueBlockedMs, .queueBlockedWrites, .queueHighWaterFrames,
             .queueHighWaterMB, .cpuUserS, .cpuSysS, .childCPUUserS, .childCPUSysS, .peakRSSMB, .bytes,
             .bitrateKbps, .verifyS:
            .prefersSmaller
        default:
            nil
        }
    }

    /// The smallest absolute change of this column that `compare` treats as real, or nil for none.
    ///
    /// Millisecond timings have a floor of 0.01 ms: on this project's 2-core machines, unchanged builds measured
    /// asynchronous write percentiles that differed by up to ~3 µs (8–16%) between invocations, with p-values as
    /// low as four repetitions allow; a relative threshold alone called that an improvement in 7 of 9 comparisons.
    public var noiseFloor: Double? {
        unit == "ms" ? 0.01 : nil
    }

    /// Whether the column holds numbers (every measured column, plus numeric configuration columns).
    public var isNumeric: Bool {
        direction != nil || !unit.isEmpty || self == .crf || self == .threads || self == .logicalCores
            || self == .repeatIndex
    }

    /// The metrics `writerbench compare` judges, in the order it prints them.
    public static let comparedMetrics: [CSVColumn] = [.fps, .writeMsP95, .writeMsP99, .finishMs, .bytes, .psnrDB]
}
