import Foundation

/// Writes the per-write samples companion file (`<results>.samples.csv`) as runs finish.
public final class SamplesFileWriter {
    /// The columns of the samples file, in order (documented in results/README.md).
    public static let header = ["run_id", "strategy", "frame", "write_ms", "queue_depth"]

    private let handle: FileHandle
    /// Path of the file.
    public let path: String

    /// The samples path that belongs to a results CSV: `x.csv` → `x.samples.csv`.
    public static func path(forResults results: String) -> String {
        (results.hasSuffix(".csv") ? String(results.dropLast(4)) : results) + ".samples.csv"
    }

    /// Creates (or replaces) the file and writes the header.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CSVError(line: 0, field: 0, message: "cannot create samples file '\(path)'")
        }
        handle = try FileHandle(forWritingTo: url)
        self.path = path
        try handle.write(contentsOf: Data((CSVFormat.line(Self.header) + "\n").utf8))
    }

    deinit { try? handle.close() }

    /// Appends every write of `record` (nothing for rows without samples).
    public func append(_ record: RunRecord) throws {
        guard !record.writeSamplesMs.isEmpty else { return }
        var text = ""
        text.reserveCapacity(record.writeSamplesMs.count * 40)
        let strategy = CSVFormat.escape(record.strategy)
        for (index, sample) in record.writeSamplesMs.enumerated() {
            let depth = record.queueDepths.map { String($0[index]) } ?? ""
            text += "\(record.runID),\(strategy),\(index),\(String(format: "%.4f", sample)),\(depth)\n"
        }
        try handle.write(contentsOf: Data(text.utf8))
    }
}
