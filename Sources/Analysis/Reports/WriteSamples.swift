import Foundation

/// The per-write samples file (`<results>.samples.csv`) read back: every write time, by run.
public struct WriteSamples: Sendable {
    /// Write times in ms, in call order, by `run_id`.
    public let writeMsByRunID: [String: [Double]]

    /// Parses samples CSV text. Throws ``CSVError`` for a missing column or a write time that is not a number.
    public init(text: String) throws {
        let records = try CSVFormat.parse(text)
        guard let header = records.first else {
            throw CSVError(line: 1, field: 0, message: "the samples file is empty; expected a header line")
        }
        guard let runColumn = header.firstIndex(of: "run_id"), let msColumn = header.firstIndex(of: "write_ms") else {
            throw CSVError(line: 1, field: 0, message: "the samples header needs run_id and write_ms")
        }
        var samples: [String: [Double]] = [:]
        for (offset, record) in records.dropFirst().enumerated() {
            if record.count == 1 && record[0].isEmpty { continue }
            guard record.count == header.count else {
                throw CSVError(line: offset + 2, field: 0, message: "has \(record.count) fields, the header has \(header.count)")
            }
            guard let value = Double(record[msColumn]), value.isFinite else {
                throw CSVError(line: offset + 2, field: msColumn + 1, message: "write_ms '\(record[msColumn])' is not a number")
            }
            samples[record[runColumn], default: []].append(value)
        }
        writeMsByRunID = samples
    }

    /// Reads the samples file at `path`.
    public init(contentsOf path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CSVError(line: 0, field: 0, message: "cannot read samples file '\(path)'")
        }
        try self.init(text: text)
    }

    /// Every write of the completed repetitions of `aggregate`, pooled.
    public func writes(of aggregate: RowAggregate) -> [Double] {
        aggregate.completedRows.flatMap { writeMsByRunID[$0[.runID]] ?? [] }
    }
}
