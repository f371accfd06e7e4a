/// An external strategy's command line with its placeholders filled in, ready for `/bin/sh -c`.
///
/// Placeholders: `{width} {height} {fps} {pix_fmt} {output} {preset} {crf} {threads} {frames} {root}`. Each value
/// is inserted single-quoted for the shell, so an output path with spaces stays one argument. `{preset}`, `{crf}`
/// and `{threads}` are WriterBench's settings (the strategy declares whether it honours them); `{frames}` is the
/// number of frames the run will write; `{root}` the package root (see ``ExternalStrategyDeclaration/root``).
public struct ExternalCommand: Sendable, Equatable {
    /// The names that may appear in braces.
    public static let placeholders = ["width", "height", "fps", "pix_fmt", "output", "preset", "crf", "threads",
                                      "frames", "root"]

    /// The text handed to `/bin/sh -c`.
    public let shellText: String

    /// Fills `template`'s placeholders from `values`.
    ///
    /// - Throws: ``WriterError/invalidConfiguration(_:)`` for an unknown placeholder or one without a value (e.g.
    ///   `{frames}` when the caller did not say how many frames it will write).
    public init(template: String, values: [String: String]) throws(WriterError) {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterBrace = rest.index(after: open)
            // Only `{lowercase_word}` is a placeholder; other braces (`{ cmd; }`, `${HOME}`) are the shell's.
            guard let close = rest[afterBrace...].firstIndex(of: "}"),
                  case let key = String(rest[afterBrace..<close]), !key.isEmpty,
                  key.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) else {
                result += "{"
                rest = rest[afterBrace...]
                continue
            }
            guard Self.placeholders.contains(key) else {
                throw .invalidConfiguration(
                    "unknown placeholder {\(key)} in '\(template)'; known: \(Self.placeholders.map { "{\($0)}" }.joined(separator: " "))")
            }
            guard let value = values[key] else {
                throw .invalidConfiguration("placeholder {\(key)} has no value in this run")
            }
            result += Self.quoted(value)
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        shellText = result
    }

    /// `text` in single quotes, with embedded single quotes closed, escaped and reopened.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

import Foundation
