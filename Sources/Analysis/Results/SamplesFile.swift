import Foundation

/// The per-write samples companion of a results CSV (`<results>.samples.csv`); see results/README.md.
public enum SamplesFile {
    /// The columns, in order (``SampleColumn``).
    public static let header = SampleColumn.header

    /// The samples path that belongs to a results CSV: `x.csv` → `x.samples.csv`.
    public static func path(forResults results: String) -> String {
        (results.hasSuffix(".csv") ? String(results.dropLast(4)) : results) + ".samples.csv"
    }

    /// The lines for every write of `record` (empty for rows without samples).
    public static func lines(for record: RunRecord) -> String {
        var text = ""
        text.reserveCapacity(record.writeSamplesMs.count * 40)
        let strategy = CSVFormat.escape(record.strategy)
        let writeFormat = SampleColumn.writeMs.about.format
        for (index, sample) in record.writeSamplesMs.enumerated() {
            let depth = record.queueDepths.map { String($0[index]) } ?? ""
            let pipe = record.pipeWriteSamplesMs.map { writeFormat.render(.number($0[index])) } ?? ""
            text += "\(record.runID),\(strategy),\(index),\(writeFormat.render(.number(sample))),\(depth),\(pipe)\n"
        }
        return text
    }
}
