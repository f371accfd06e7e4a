import Foundation

/// Writes the results CSV as rows arrive, so an interrupted run keeps what it measured.
public final class ResultsFileWriter {
    private let handle: FileHandle
    /// Path of the file.
    public let path: String

    /// Creates (or replaces) the file at `path`, creating folders, and writes the header.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CSVError(line: 0, field: 0, message: "cannot create results file '\(path)'")
        }
        handle = try FileHandle(forWritingTo: url)
        self.path = path
        try append(CSVColumn.header)
    }

    deinit { try? handle.close() }

    /// Appends one record.
    public func append(_ record: RunRecord) throws { try append(record.csvFields) }

    private func append(_ fields: [String]) throws {
        try handle.write(contentsOf: Data((CSVFormat.line(fields) + "\n").utf8))
    }
}
