/// An encoder setting of WriterBench's (`--preset`, `--crf`, `--threads`) that an external writer can be told.
///
/// An external strategy declares the ones it honours; for the others it keeps its library's own choice, and its
/// rows say so in `reason`.
public enum HonouredSetting: String, Sendable, CaseIterable, Codable {
    /// `--preset`, substituted for `{preset}`.
    case preset
    /// `--crf`, substituted for `{crf}`.
    case crf
    /// `--threads`, substituted for `{threads}`.
    case threads
}
