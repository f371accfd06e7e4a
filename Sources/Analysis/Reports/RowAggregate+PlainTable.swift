extension RowAggregate {
    /// A terminal table of configurations: outcome and the medians (± relative spread) of the headline metrics.
    public static func table(_ groups: [RowAggregate]) -> PlainTable {
        var table = PlainTable(header: ["strategy", "workload", "runs", "outcome", "fps", "write p50 ms", "p95", "p99",
                                        "finish ms", "PSNR dB"])
        for group in groups {
            func cell(_ column: CSVColumn) -> String {
                let value = ReportFormat.number(group.median(column))
                return ReportFormat.spread(group.relativeSpread(column)).map { "\(value) \($0)" } ?? value
            }
            table.rows.append([group.strategy, group.configuration.workload.description,
                               "\(group.completedRows.count)/\(group.rows.count)", group.outcome.label, cell(.fps),
                               cell(.writeMsP50), cell(.writeMsP95), cell(.writeMsP99), cell(.finishMs), cell(.psnrDB)])
        }
        return table
    }
}
