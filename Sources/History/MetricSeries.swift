import Analysis

/// One metric of one series over time, oldest point first.
public struct MetricSeries: Sendable {
    public var key: SeriesKey
    /// The CSV column.
    public var metric: String
    /// Which way is better, from the column catalogue.
    public var direction: MetricDirection
    public var points: [SeriesPoint]

    /// The series of `metric` in `results`: only rows that ran (`status` ok) with output not judged invalid, one
    /// point per revision and run start, ordered by commit time (else run time). Throws
    /// ``HistoryError/unknownMetric`` when the catalogue gives `metric` no direction.
    public static func build(from results: [StoredResult], metric: String) throws -> [MetricSeries] {
        guard let direction = ResultsKind.direction(of: metric) else { throw HistoryError.unknownMetric(metric) }
        var grouped: [SeriesKey: [String: SeriesPoint]] = [:]
        for result in results where result.status == "ok" {
            let fields = result.decodedFields()
            guard fields["valid"] != "false", let text = fields[metric], let value = Double(text), value.isFinite else {
                continue
            }
            let invocation = result.revision + "\u{1F}" + result.timestamp
            let key = SeriesKey(result)
            grouped[key, default: [:]][invocation, default: SeriesPoint(
                revision: result.revision, commitTime: result.commitTime, timestamp: result.timestamp, values: [])]
                .values.append(value)
        }
        return grouped.map { key, points in
            MetricSeries(key: key, metric: metric, direction: direction,
                         points: points.values.sorted { $0.order < $1.order })
        }.sorted { $0.key < $1.key }
    }
}
