import Analysis

/// One invocation of a series' benchmark (one revision, one run start): its repetitions' values of a metric.
public struct SeriesPoint: Sendable, Equatable {
    /// `git_revision` of the rows.
    public var revision: String
    /// Commit time of the revision ("" when unknown).
    public var commitTime: String
    /// When the run started.
    public var timestamp: String
    /// The metric of each repetition.
    public var values: [Double]

    /// Median of the repetitions.
    public var median: Double { Distribution(values).median ?? .nan }
    /// Smallest and largest repetition.
    public var range: (min: Double, max: Double) {
        (values.min() ?? .nan, values.max() ?? .nan)
    }
    /// Number of repetitions.
    public var count: Int { values.count }
    /// What orders points: the commit time where known, else the run's start.
    var order: (String, String) { (commitTime.isEmpty ? timestamp : commitTime, timestamp) }
}
