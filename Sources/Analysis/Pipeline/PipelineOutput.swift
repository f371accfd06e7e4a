/// One of the pipeline's three output videos; each has its own writer.
public enum PipelineOutput: String, Sendable, CaseIterable, Hashable {
    /// The anatomical right face.
    case right
    /// The anatomical left face.
    case left
    /// The debug view.
    case debug
}
