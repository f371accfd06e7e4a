import Foundation

/// One row of the results CSV: one strategy × frame set × size × repetition.
///
/// Optional fields stay empty in the CSV when nothing was measured (an unavailable strategy, a failed run,
/// verification switched off): a value here is always something this run measured.
public struct RunRecord: Sendable {
    /// Outcome of a run.
    public enum Status: String, Sendable { case ok, unavailable, failed }

    public var environment: EnvironmentFingerprint
    public var runID = ""
    public var strategy = ""
    public var encoder = ""
    public var encoderUsed = ""
    public var preset: String?
    public var crf: Int?
    public var threads: Int?
    public var container = ""
    public var colorPolicy = ""
    public var queue = ""
    public var frameset = ""
    public var width = 0
    public var height = 0
    public var frames = 0
    public var ringSize: Int?
    public var streamFPS = 0.0
    public var pace: Pace = .max
    public var repeatIndex = 0
    /// External writers: the library version the writer reported; nil otherwise.
    public var peerVersion: String?
    public var status: Status = .ok
    public var reason = ""
    public var openMs: Double?
    public var write: Distribution?
    /// Every write's caller-blocking time in ms, in call order (for the samples file).
    public var writeSamplesMs: [Double] = []
    /// External writers that time their own writes: the caller-side pipe write times (then ``write`` holds the
    /// writer's own); nil for every other row.
    public var pipeWrite: Distribution?
    /// Every caller-side pipe write time in ms when ``pipeWrite`` is set (for the samples file).
    public var pipeWriteSamplesMs: [Double]?
    /// Async writers: frames waiting in the queue right after each write (for the samples file).
    public var queueDepths: [Int]?
    public var finishMs: Double?
    public var totalS: Double?
    public var fps: Double?
    public var lateFrames: Int?
    public var latenessMsMax: Double?
    /// fps / the encoder ceiling's fps for the same frame set, size and encoder settings measured in the same run.
    public var ceilingRatio: Double?
    /// The encoder ceiling's ``cpuMsPerFrame`` for the same frame set, size and encoder settings in the same run.
    public var ceilingCPUMsPerFrame: Double?
    /// Asynchronous writers: total time `write` waited for room in a full queue, ms.
    public var queueBlockedMs: Double?
    /// Asynchronous writers: `write` calls that waited for room.
    public var queueBlockedWrites: Int?
    /// Asynchronous writers: most frames queued at once.
    public var queueHighWaterFrames: Int?
    /// Asynchronous writers: most pixel bytes queued at once, MiB.
    public var queueHighWaterMB: Double?
    public var cpu: CPUTimes?
    public var peakRSSMB: Double?
    public var bytes: Int64?
    public var verification: VerificationSummary?

    /// Creates an empty record for `environment`.
    public init(environment: EnvironmentFingerprint) { self.environment = environment }

    /// CPU of the process and its reaped children per frame, ms.
    public var cpuMsPerFrame: Double? {
        guard let cpu, frames > 0 else { return nil }
        return (cpu.selfUser + cpu.selfSystem + cpu.childrenUser + cpu.childrenSystem) * 1000 / Double(frames)
    }

    /// ``cpuMsPerFrame`` / ``ceilingCPUMsPerFrame``.
    public var ceilingCPURatio: Double? {
        guard let mine = cpuMsPerFrame, let ceiling = ceilingCPUMsPerFrame, ceiling > 0 else { return nil }
        return mine / ceiling
    }

    /// Output bitrate in kbit/s from bytes, frames and stream rate.
    public var bitrateKbps: Double? {
        guard let bytes, frames > 0, streamFPS > 0 else { return nil }
        return Double(bytes) * 8 / 1000 / (Double(frames) / Double(streamFPS))
    }

    /// The CSV fields in ``CSVColumn`` order.
    public var csvFields: [String] { CSVColumn.allCases.map(field) }

    /// The text of one column, as its catalogue entry (``CSVColumn/spec``) reads and formats it.
    public func field(_ column: CSVColumn) -> String { column.spec.field(of: self) }

    /// Fixed-point text with `digits` decimals; empty for nil (never "nan" or "inf").
    public static func format(_ value: Double?, _ digits: Int) -> String { ColumnFormat.fixedPoint(value, digits) }
}

/// What verification of one output found, as the CSV needs it.
public struct VerificationSummary: Sendable, Equatable {
    public var valid: Bool
    public var invalidReason: String
    public var framesDecoded: Int
    public var psnrMean: Double?
    public var psnrMin: Double?
    public var psnrLumaMean: Double?
    public var ssimMean: Double?
    public var ssimMin: Double?
    public var colorMatrix: String
    public var colorPrimaries: String
    public var colorTransfer: String
    public var colorRange: String
    /// How verification interpreted the decoded YUV (matrix/range, "(assumed)" when the stream is untagged).
    public var decodedAs: String
    public var verifySeconds: Double

    /// Creates a summary.
    public init(valid: Bool, invalidReason: String, framesDecoded: Int, psnrMean: Double?, psnrMin: Double?,
                psnrLumaMean: Double?, ssimMean: Double?, ssimMin: Double?, colorMatrix: String,
                colorPrimaries: String, colorTransfer: String, colorRange: String, decodedAs: String,
                verifySeconds: Double) {
        self.valid = valid
        self.invalidReason = invalidReason
        self.framesDecoded = framesDecoded
        self.psnrMean = psnrMean
        self.psnrMin = psnrMin
        self.psnrLumaMean = psnrLumaMean
        self.ssimMean = ssimMean
        self.ssimMin = ssimMin
        self.colorMatrix = colorMatrix
        self.colorPrimaries = colorPrimaries
        self.colorTransfer = colorTransfer
        self.colorRange = colorRange
        self.decodedAs = decodedAs
        self.verifySeconds = verifySeconds
    }
}
