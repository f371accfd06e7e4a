/// Which way a measured value should move for the change to be an improvement.
public enum MetricDirection: String, Sendable {
    /// Larger values are better (throughput, quality).
    case prefersLarger
    /// Smaller values are better (times, sizes, resources).
    case prefersSmaller
}

extension CSVColumn {
    /// The metrics `writerbench compare` judges, in the order it prints them.
    public static let comparedMetrics: [CSVColumn] = [.fps, .writeMsP95, .writeMsP99, .finishMs, .bytes, .psnrDB]
}
