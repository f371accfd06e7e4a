/// What a run measured, apart from its repetition: the key `compare` matches rows by and reports group rows by.
///
/// Two rows with equal configurations are repetitions of one measurement.
public struct RunConfiguration: Hashable, Sendable, CustomStringConvertible {
    /// Strategy name.
    public var strategy: String
    /// What was asked of the strategy: frames, size, encoder settings, pace.
    public var workload: Workload

    /// The configuration of a results row.
    public init(_ row: ResultsTable.Row) {
        strategy = row[.strategy]
        workload = Workload(row)
    }

    /// Creates a configuration from its parts.
    public init(strategy: String, workload: Workload) {
        self.strategy = strategy
        self.workload = workload
    }

    /// Whether this is the encoder-ceiling reference rather than a writer.
    public var isEncoderCeiling: Bool { strategy == RunConfiguration.encoderCeiling }

    /// Name of the reference strategy that measures the encoder alone.
    public static let encoderCeiling = "encoder-ceiling"

    /// Whether this is the `null` reference (a writer that discards frames: the harness's own cost per write).
    public var isNullWriter: Bool { strategy == RunConfiguration.nullWriter }

    /// Name of the reference strategy that discards every frame.
    public static let nullWriter = "null"

    /// Whether this is a reference measurement (encoder ceiling or null writer) rather than a writer a user would
    /// pick: never ranked, recommended or compared against the writers.
    public var isReference: Bool { isEncoderCeiling || isNullWriter }

    /// "strategy · workload".
    public var description: String { "\(strategy) · \(workload)" }
}

/// The job every strategy of a comparison is given: frame set, size, encoder settings, pace and frame count.
///
/// Report tables and plot panels hold one workload each, so their rows differ only in strategy.
public struct Workload: Hashable, Sendable, CustomStringConvertible {
    /// Frame set name.
    public var frameset: String
    /// Frame width in pixels (text as in the CSV).
    public var width: String
    /// Frame height in pixels (text as in the CSV).
    public var height: String
    /// Requested encoder (FFmpeg name).
    public var encoder: String
    /// Encoder preset; empty for encoders without one.
    public var preset: String
    /// Constant rate factor; empty for encoders without one.
    public var crf: String
    /// Encoder threads requested.
    public var threads: String
    /// Offered frame rate in frames/s; empty for `--pace max`.
    public var paceFPS: String
    /// Frames written per run.
    public var frames: String

    /// The workload of a results row.
    public init(_ row: ResultsTable.Row) {
        frameset = row[.frameset]
        width = row[.width]
        height = row[.height]
        encoder = row[.encoder]
        preset = row[.preset]
        crf = row[.crf]
        threads = row[.threads]
        paceFPS = row[.paceFPS]
        frames = row[.frames]
    }

    /// "WIDTHxHEIGHT".
    public var size: String { "\(width)x\(height)" }

    /// Pixels per frame, for ordering sizes; 0 when the size is not numeric.
    public var pixels: Int { (Int(width) ?? 0) * (Int(height) ?? 0) }

    /// Encoder settings in words, e.g. "libx264 preset veryfast crf 23 threads auto".
    public var encoderSettings: String {
        var parts = [encoder.isEmpty ? "encoder ?" : encoder]
        if !preset.isEmpty { parts.append("preset \(preset)") }
        if !crf.isEmpty { parts.append("crf \(crf)") }
        if !threads.isEmpty { parts.append("threads \(threads == "0" ? "auto" : threads)") }
        return parts.joined(separator: " ")
    }

    /// "pace max" or "paced at 30 fps".
    public var pace: String { paceFPS.isEmpty ? "pace max" : "paced at \(paceFPS) fps" }

    /// Encoder settings in short, as the console and charts label rows: "libx264 ultrafast crf18", "mpeg4";
    /// threads only when not automatic.
    public var shortSettings: String {
        var parts = [encoder.isEmpty ? "?" : encoder]
        if !preset.isEmpty { parts.append(preset) }
        if !crf.isEmpty { parts.append("crf\(crf)") }
        if !threads.isEmpty && threads != "0" { parts.append("\(threads) threads") }
        return parts.joined(separator: " ")
    }

    /// The same workload with any encoder settings (the key of a chart panel that holds every encoder).
    public var ignoringEncoder: Workload {
        var copy = self
        copy.encoder = ""
        copy.preset = ""
        copy.crf = ""
        copy.threads = ""
        return copy
    }

    /// The same workload at any size (the key of an fps-against-resolution panel).
    public var ignoringSize: Workload {
        var copy = self
        copy.width = ""
        copy.height = ""
        return copy
    }

    /// "camera 1280x720 · libx264 preset veryfast crf 23 threads auto · pace max · 300 frames".
    public var description: String {
        let head = width.isEmpty && height.isEmpty ? frameset : "\(frameset) \(size)"
        return "\(head) · \(encoderSettings) · \(pace) · \(frames) frames"
    }
}
