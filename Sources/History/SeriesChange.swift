import Analysis

/// A change point of one metric series, with the revisions either side of it.
public struct SeriesChange: Sendable {
    /// The series the change is in.
    public var series: MetricSeries
    /// The statistics of the change.
    public var changePoint: ChangePoint
    /// The last point before the change: its revision is the last known good (or bad) one.
    public var before: SeriesPoint { series.points[changePoint.index - 1] }
    /// The first point after the change: the change happened in the commits after `before.revision` up to this one.
    public var after: SeriesPoint { series.points[changePoint.index] }

    /// Whether the metric moved the worse way, by the column catalogue's direction.
    public var isRegression: Bool {
        switch series.direction {
        case .prefersLarger: changePoint.relativeChange < 0
        case .prefersSmaller: changePoint.relativeChange > 0
        }
    }

    /// The change points of every series, oldest first within each series, found on each point's median.
    public static func find(in series: [MetricSeries], detector: ChangePointDetector = ChangePointDetector())
        -> [SeriesChange] {
        series.flatMap { one in
            detector.changePoints(in: one.points.map(\.median)).map { SeriesChange(series: one, changePoint: $0) }
        }
    }
}
