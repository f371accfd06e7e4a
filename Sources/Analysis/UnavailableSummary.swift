/// The one line that stands for every strategy that cannot run here, instead of a row each:
/// "14 strategies unavailable here (hw-*: h264_nvenc: Cannot load libcuda.so.1 …); see `writerbench probe`".
///
/// Hardware strategies (`hw-…`) are summarised as one family with the first reason; any other strategy is named
/// with its own reason. Reasons are shortened; the CSV's `reason` column keeps them whole.
public struct UnavailableSummary: Sendable, Equatable {
    /// Distinct unavailable strategy names, in order of first appearance, with the first reason given for each.
    public private(set) var strategies: [(name: String, reason: String)] = []

    /// Collects `entries` (name, reason), counting each name once.
    public init(_ entries: [(name: String, reason: String)]) {
        var seen = Set<String>()
        for entry in entries where seen.insert(entry.name).inserted { strategies.append(entry) }
    }

    /// Prefix that marks a hardware-encoder strategy.
    public static let hardwarePrefix = "hw-"

    /// Longest reason shown per family, characters.
    public static let reasonLength = 48

    /// The summary line; nil when nothing is unavailable.
    public var line: String? {
        guard !strategies.isEmpty else { return nil }
        let hardware = strategies.filter { $0.name.hasPrefix(Self.hardwarePrefix) }
        var parts: [String] = []
        if let first = hardware.first {
            let family = hardware.count == 1 ? first.name : "\(Self.hardwarePrefix)* (\(hardware.count))"
            parts.append("\(family): \(Self.shorten(first.reason))")
        }
        for other in strategies where !other.name.hasPrefix(Self.hardwarePrefix) {
            parts.append("\(other.name): \(Self.shorten(other.reason))")
        }
        let noun = strategies.count == 1 ? "strategy" : "strategies"
        return "\(strategies.count) \(noun) unavailable here (\(parts.joined(separator: "; "))); see `writerbench probe`"
    }

    static func shorten(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= reasonLength ? flat : String(flat.prefix(reasonLength - 1)) + "…"
    }

    public static func == (lhs: UnavailableSummary, rhs: UnavailableSummary) -> Bool {
        lhs.strategies.map(\.name) == rhs.strategies.map(\.name) && lhs.strategies.map(\.reason) == rhs.strategies.map(\.reason)
    }
}
