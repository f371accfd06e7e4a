/// Why an external strategy could not be declared: a strategies.d file or an `--external` argument is wrong.
///
/// Every case names the file (and line, where the TOML parser knows it) and says what to fix.
public enum ExternalStrategyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TOML in `file` does not parse.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// `file` parses but a key is missing, has the wrong type or an unusable value.
    case invalidDeclaration(file: String, message: String)
    /// An `--external` argument is not `NAME=COMMAND`.
    case invalidArgument(String)
    /// Two declarations (or a declaration and a built-in strategy) share a name.
    case duplicateName(name: String, places: [String])
    /// The strategies directory named on the command line does not exist.
    case missingDirectory(String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let column, let message):
            "\(file):\(line):\(column): \(message); fix the TOML syntax there"
        case .invalidDeclaration(let file, let message):
            "\(file): \(message)"
        case .invalidArgument(let text):
            "cannot read --external '\(text)'; write NAME='COMMAND' with a kebab-case NAME, e.g. --external my-writer='./my-writer {width} {height} {output}'"
        case .duplicateName(let name, let places):
            "strategy name '\(name)' is declared more than once (\(places.joined(separator: ", "))); rename one"
        case .missingDirectory(let path):
            "strategies directory '\(path)' does not exist; give an existing folder of *.toml declarations"
        }
    }
}
