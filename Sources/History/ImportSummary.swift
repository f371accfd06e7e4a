/// What storing one results CSV did.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    /// The CSV file.
    public var path: String
    /// Run or pipeline CSV.
    public var kind: ResultsKind
    /// Rows new to the store.
    public var added: Int
    /// Rows the store already held (same kind, machine, run, strategy and repetition).
    public var alreadyStored: Int
    /// Rows whose write-sample aggregates were stored from the samples file beside the CSV.
    public var withSamples: Int

    public var description: String {
        "\(path): \(added) \(kind.rawValue) row\(added == 1 ? "" : "s") added, \(alreadyStored) already stored"
            + (withSamples > 0 ? ", write samples summarised for \(withSamples)" : "")
    }
}
