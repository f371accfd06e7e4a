/// Every column of the per-write samples file (`<results>.samples.csv`, ``SamplesFile``), in file order, with its
/// catalogue entry; results/README.md's "Per-write samples" table is generated from it.
public enum SampleColumn: String, CaseIterable, Sendable, DescribedColumn {
    case runID = "run_id", strategy, frame, writeMs = "write_ms", queueDepth = "queue_depth"
    case pipeWriteMs = "pipe_write_ms"

    /// Unit, direction, number format and meaning of the column.
    public var about: ColumnDescription {
        switch self {
        case .runID: .text("the summary row's `run_id`")
        case .strategy: .text("strategy name (repeated for convenience)")
        case .frame: .integer(.unitless, "0-based index of the write within the run")
        case .writeMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4,
                    "caller-blocking time of that write (the writer's own time when the row's `write_timed_by` is `writer`)")
        case .queueDepth:
            .integer(.frames, "async strategies: frames waiting in the queue right after the write; empty otherwise")
        case .pipeWriteMs:
            .number(.milliseconds, direction: .prefersSmaller, digits: 4,
                    "external writers with writer-side times: caller-side time to put that frame into the pipe; empty otherwise")
        }
    }
}
