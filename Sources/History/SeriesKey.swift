/// What makes rows comparable over time: the same kind of CSV, strategy, encoder settings, workload and machine.
public struct SeriesKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: ResultsKind
    public var strategy: String
    public var encoder: String
    public var preset: String
    public var crf: Int?
    public var threads: Int?
    public var frameset: String
    public var width: Int?
    public var height: Int?
    public var pace: String
    public var frames: Int?
    public var machine: String

    /// The key of a stored row.
    public init(_ result: StoredResult) {
        kind = result.kind
        strategy = result.strategy
        encoder = result.encoder
        preset = result.preset
        crf = result.crf
        threads = result.threads
        frameset = result.frameset
        width = result.width
        height = result.height
        pace = result.pace
        frames = result.frames
        machine = result.machine
    }

    /// One line naming the series: strategy, encoder settings, workload, machine.
    public var description: String {
        var parts = [strategy, encoder]
        if !preset.isEmpty { parts.append(preset) }
        if let crf { parts.append("crf \(crf)") }
        if let threads { parts.append("threads \(threads)") }
        let size = width.flatMap { w in height.map { "\(w)x\($0)" } } ?? "?"
        parts.append("\(frameset) \(size)")
        if let frames { parts.append("\(frames) frames") }
        parts.append(pace.isEmpty || pace == "0" ? (kind == .pipeline ? "pipeline" : "max pace") : "pace \(pace)")
        parts.append("on \(machine)")
        return parts.joined(separator: ", ")
    }

    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool { lhs.description < rhs.description }
}
