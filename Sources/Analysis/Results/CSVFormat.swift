/// RFC 4180 CSV text: comma-separated, fields with commas, quotes or line breaks quoted, quotes doubled.
public enum CSVFormat {
    /// One line (without the trailing newline) from `fields`.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",")
    }

    /// `field`, quoted when it needs to be.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Splits CSV text into records of fields. Throws ``CSVError`` for an unterminated quote or stray quote.
    public static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var quoteLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                record.append(field); field = ""; fieldWasQuoted = false
            case "\"":
                guard field.isEmpty && !fieldWasQuoted else {
                    throw CSVError(line: line, field: record.count + 1, message: "stray quote inside an unquoted field")
                }
                inQuotes = true; fieldWasQuoted = true; quoteLine = line
            case "\r":
                continue
            case "\n":
                record.append(field); records.append(record)
                record = []; field = ""; fieldWasQuoted = false; line += 1
            default:
                if fieldWasQuoted {
                    throw CSVError(line: line, field: record.count + 1, message: "text after a closing quote")
                }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes {
            throw CSVError(line: quoteLine, field: record.count + 1, message: "quoted field opened here is never closed")
        }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
            record.append(field); records.append(record)
        }
        return records
    }
}

/// A malformed CSV or rules file: where (1-based line and field) and what.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number in the file.
    public var line: Int
    /// 1-based field number, or 0 when the whole line is at fault.
    public var field: Int
    /// What is wrong there.
    public var message: String

    /// Creates an error.
    public init(line: Int, field: Int, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        field > 0 ? "line \(line), field \(field): \(message)" : "line \(line): \(message)"
    }
}
