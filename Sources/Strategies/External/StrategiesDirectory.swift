import Foundation
import TOMLKit

/// A folder of external strategy declarations (`strategies.d/*.toml`, one writer per file), read in file-name order.
public struct StrategiesDirectory: Sendable {
    /// The folder the package keeps its declarations in, relative to the package root (the working directory).
    public static let defaultPath = "strategies.d"

    /// The folder's path.
    public let path: String

    /// A directory at `path`.
    public init(path: String = StrategiesDirectory.defaultPath) { self.path = path }

    /// Absolute path of the folder that holds this directory, substituted for `{root}` in its commands.
    public var root: String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.deletingLastPathComponent().path
    }

    /// Every declaration in the folder, in file-name order; an empty list when the folder does not exist and
    /// `required` is false.
    ///
    /// - Throws: ``ExternalStrategyError/missingDirectory(_:)`` when `required` and absent; ``ExternalStrategyError``
    ///   naming the file (and line) of the first file that does not parse or declares something unusable; duplicate
    ///   names.
    public func load(required: Bool = false) throws(ExternalStrategyError) -> [ExternalStrategyDeclaration] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if required { throw .missingDirectory(path) }
            return []
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".toml") }
            .sorted()
        var declarations: [ExternalStrategyDeclaration] = []
        for file in files {
            let filePath = "\(path)/\(file)"
            guard let text = try? String(contentsOfFile: filePath, encoding: .utf8) else {
                throw .invalidDeclaration(file: filePath, message: "cannot be read as UTF-8 text")
            }
            var declaration = try Self.parse(text, file: filePath)
            declaration.root = root
            declarations.append(declaration)
        }
        try Self.checkUnique(declarations)
        return declarations
    }

    /// Parses one declaration from TOML `text`; `file` names it in errors.
    ///
    /// - Throws: ``ExternalStrategyError/syntax(file:line:column:message:)`` with the parser's line and column, or
    ///   ``ExternalStrategyError/invalidDeclaration(file:message:)`` for a missing key, a wrong type or a bad value.
    public static func parse(_ text: String, file: String) throws(ExternalStrategyError) -> ExternalStrategyDeclaration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(file: file, line: error.source.begin.line, column: error.source.begin.column,
                          message: error.description)
        } catch {
            throw .invalidDeclaration(file: file, message: "\(error)")
        }
        let known = Set(["name", "summary", "command", "encoder", "container", "honours", "check", "notes",
                         "unavailable_hint", "color_policy", "preset", "crf", "threads", "stall_timeout_s", "finish_timeout_s"])
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidDeclaration(file: file, message: "unknown key '\(unknown)'; known keys: \(known.sorted().joined(separator: ", "))")
        }
        var declaration: ExternalStrategyDeclaration
        do {
            declaration = try TOMLDecoder().decode(ExternalStrategyDeclaration.self, from: table)
        } catch let error as DecodingError {
            throw .invalidDeclaration(file: file, message: describe(error))
        } catch {
            throw .invalidDeclaration(file: file, message: "\(error)")
        }
        declaration.origin = file
        try declaration.validate()
        return declaration
    }

    /// Parses `--external NAME='COMMAND'`.
    ///
    /// - Throws: ``ExternalStrategyError/invalidArgument(_:)`` when there is no `=` or the name is not kebab-case.
    public static func parseArgument(_ text: String) throws(ExternalStrategyError) -> ExternalStrategyDeclaration {
        guard let equals = text.firstIndex(of: "=") else { throw .invalidArgument(text) }
        let declaration = ExternalStrategyDeclaration(name: String(text[..<equals]),
                                                      command: String(text[text.index(after: equals)...]))
        do { try declaration.validate() } catch { throw .invalidArgument(text) }
        return declaration
    }

    /// Throws when two declarations share a name.
    public static func checkUnique(_ declarations: [ExternalStrategyDeclaration]) throws(ExternalStrategyError) {
        var seen: [String: String] = [:]
        for declaration in declarations {
            if let first = seen[declaration.name] {
                throw .duplicateName(name: declaration.name, places: [first, declaration.origin])
            }
            seen[declaration.name] = declaration.origin
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _):
            "missing required key '\(key.stringValue)' (every declaration needs name and command)"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            "key '\(context.codingPath.map(\.stringValue).joined(separator: "."))' should be \(type): \(context.debugDescription)"
        case .dataCorrupted(let context):
            "key '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        @unknown default:
            "\(error)"
        }
    }
}
