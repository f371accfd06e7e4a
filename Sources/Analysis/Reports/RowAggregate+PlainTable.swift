extension RowAggregate {
    /// A terminal table of configurations: outcome, validity (`valid`, `INVALID`, `-` when not verified, as in
    /// `run`'s table) and the medians (± relative spread) of the headline metrics, with units in the headers.
    public static func table(_ groups: [RowAggregate]) -> PlainTable {
        var table = PlainTable(header: ["strategy", "workload", "runs", "outcome", "valid", "fps", "write p50 ms",
                                        "p95 ms", "p99 ms", "finish ms", "PSNR dB"])
        for group in groups {
            func cell(_ column: CSVColumn) -> String {
                let value = ReportFormat.number(group.median(column))
                return ReportFormat.spread(group.relativeSpread(column)).map { "\(value) \($0)" } ?? value
            }
            let valid = if case .invalid = group.outcome { "INVALID" } else { group.verified ? "valid" : "-" }
            table.rows.append([group.strategy, group.configuration.workload.description,
                               "\(group.completedRows.count)/\(group.rows.count)", group.outcome.label, valid, cell(.fps),
                               cell(.writeMsP50), cell(.writeMsP95), cell(.writeMsP99), cell(.finishMs), cell(.psnrDB)])
        }
        return table
    }
}
