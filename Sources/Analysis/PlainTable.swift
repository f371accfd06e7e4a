/// A left-aligned plain-text table for terminal summaries.
public struct PlainTable: Sendable {
    /// Column titles.
    public var header: [String]
    /// Rows of cells (each as many as the header; an empty row renders as an empty line between blocks).
    public var rows: [[String]] = []

    /// Creates an empty table with `header`.
    public init(header: [String]) { self.header = header }

    /// The table as lines of text, columns separated by two spaces, with a rule under the header.
    public func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
                + rows.map(line)).joined(separator: "\n")
    }
}

import Foundation

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
