/// Which results CSV a file is, told from its header: the run CSV (``CSVColumn``) or the pipeline CSV
/// (``PipelineColumn``). Their metrics differ, so they are never merged into one file.
public enum ResultsCSVKind: String, Sendable, Codable, CaseIterable {
    /// A `writerbench run` CSV.
    case run
    /// A `writerbench pipeline` CSV.
    case pipeline

    /// The kind of a CSV with `header`; nil when it is neither (no `run_id` and `strategy`, or neither `pipeline_fps`
    /// nor `fps` and `repeat`).
    public init?(header: [String]) {
        let columns = Set(header)
        if columns.isSuperset(of: ["run_id", "strategy", "pipeline_fps"]) {
            self = .pipeline
        } else if columns.isSuperset(of: ["run_id", "strategy", "fps", "repeat"]) {
            self = .run
        } else {
            return nil
        }
    }
}
