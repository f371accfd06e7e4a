import Analysis

/// Which CSV a stored row came from: the two results CSVs share the store, their metrics differ.
public enum ResultsKind: String, Sendable, Codable, CaseIterable {
    /// A `writerbench run` row (``CSVColumn``).
    case run
    /// A `writerbench pipeline` row (``PipelineColumn``).
    case pipeline

    /// The kind of a results CSV, told from its header; nil when it is neither.
    public init?(header: [String]) {
        guard let kind = ResultsCSVKind(header: header) else { return nil }
        self.init(rawValue: kind.rawValue)
    }

    /// The direction of improvement of `metric` in this kind's catalogue; nil when it is no measured column.
    public func direction(of metric: String) -> MetricDirection? {
        switch self {
        case .run: CSVColumn(rawValue: metric)?.direction
        case .pipeline: PipelineColumn(rawValue: metric)?.direction
        }
    }

    /// The direction of `metric` in whichever catalogue has it (run first); nil when neither measures it.
    public static func direction(of metric: String) -> MetricDirection? {
        ResultsKind.run.direction(of: metric) ?? ResultsKind.pipeline.direction(of: metric)
    }
}
