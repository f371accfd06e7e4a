import Analysis

/// Which values of a results CSV a revision is judged by: one metric of the rows of one configuration (the rows that
/// ran, with output not judged invalid; the encoder-ceiling reference rows never count).
public struct MetricSelection: Sendable, Equatable {
    /// The CSV column (a measured column of `run` or `pipeline`).
    public var metric: String
    /// The strategy whose rows count; nil when the CSV has rows of one configuration only.
    public var strategy: String?

    /// A selection of `metric`, of `strategy`'s rows when given.
    public init(metric: String, strategy: String? = nil) {
        self.metric = metric
        self.strategy = strategy
    }

    /// The direction of improvement of `metric` in the run or pipeline catalogue; nil when neither measures it.
    public static func direction(of metric: String) -> MetricDirection? {
        CSVColumn(rawValue: metric)?.direction ?? PipelineColumn(rawValue: metric)?.direction
    }

    /// The catalogue's unit of `metric` ("" when it has none).
    public static func unit(of metric: String) -> String {
        CSVColumn(rawValue: metric)?.unit ?? PipelineColumn(rawValue: metric)?.unit ?? ""
    }

    /// The metric's values in `table`, one per row of the selected configuration. Throws
    /// ``BisectCandidateFailure`` when the table has no such value, or rows of several configurations and no
    /// strategy was chosen to tell them apart.
    public func values(in table: ResultsTable) throws -> [Double] {
        guard table.header.contains(metric) else {
            throw BisectCandidateFailure("the results have no column \(metric)")
        }
        var byConfiguration: [String: [Double]] = [:]
        for row in table.rows where row["status"] == "ok" && row["valid"] != "false"
            && row["strategy"] != RunConfiguration.encoderCeiling && (strategy == nil || row["strategy"] == strategy) {
            guard let value = try? row.number(metric) else { continue }
            let size = row["width"].isEmpty ? "" : " \(row["width"])x\(row["height"])"
            byConfiguration["\(row["strategy"]) \(row["frameset"])\(size)", default: []].append(value)
        }
        guard !byConfiguration.isEmpty else {
            let which = strategy.map { " of \($0)" } ?? ""
            throw BisectCandidateFailure("no row\(which) that ran with valid output has a value of \(metric)")
        }
        guard byConfiguration.count == 1, let values = byConfiguration.values.first else {
            throw BisectCandidateFailure("the results hold rows of \(byConfiguration.count) configurations ("
                + byConfiguration.keys.sorted().joined(separator: "; ")
                + "): choose one with bisect's --strategy, or run one configuration")
        }
        return values
    }
}
