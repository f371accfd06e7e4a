import Analysis

/// What `--version` prints for `writerbench` and `writerbench-analysis` (see ``WriterBenchVersion``).
public enum ProgramVersion {
    /// "0.4.0 (git 1a2b3c4, /path/to/checkout)".
    public static var text: String { WriterBenchVersion.current.description }
}
