import Foundation

/// A CSV file written as records arrive, so an interrupted run keeps what it measured.
public final class CSVFileWriter {
    private let handle: FileHandle
    /// Path of the file.
    public let path: String

    /// Creates (or replaces) the file at `path`, creating folders, and writes `header`.
    public init(path: String, header: [String]) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            let reason = error.localizedDescription
            throw CSVError(line: 0, field: 0,
                           message: "cannot create the folder '\(folder.path)' for '\(path)' (\(reason)); choose a writable path")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CSVError(line: 0, field: 0, message: "cannot create '\(path)'; choose a writable path")
        }
        handle = try FileHandle(forWritingTo: url)
        self.path = path
        try append(header)
    }

    deinit { try? handle.close() }

    /// Appends one record.
    public func append(_ fields: [String]) throws { try appendLines(CSVFormat.line(fields) + "\n") }

    /// Appends already formatted CSV lines (each ending in a newline), for bulk output.
    public func appendLines(_ text: String) throws { try handle.write(contentsOf: Data(text.utf8)) }
}
