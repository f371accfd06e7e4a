/// Something the runner reports while it works, on the running thread.
public enum PipelineProgress: Sendable {
    /// A strategy's run starts; `encoder` is what its writers are asked to use, `summary` says how.
    case starting(strategy: String, encoder: String, summary: String)
    /// A batch was handed to the writers.
    case batch(strategy: String, batches: Int, frames: Int, elapsedSeconds: Double)
    /// Outputs are being verified.
    case verifying(strategy: String)
    /// A row is complete.
    case finished(PipelineRecord)
}
