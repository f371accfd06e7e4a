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
    public var streamFPS = 0
    public var pace: Pace = .max
    public var repeatIndex = 0
    public var status: Status = .ok
    public var reason = ""
    public var openMs: Double?
    public var write: Distribution?
    /// Every write's caller-blocking time in ms, in call order (for the samples file).
    public var writeSamplesMs: [Double] = []
    /// Async writers: frames waiting in the queue right after each write (for the samples file).
    public var queueDepths: [Int]?
    public var finishMs: Double?
    public var totalS: Double?
    public var fps: Double?
    public var lateFrames: Int?
    public var latenessMsMax: Double?
    /// fps / the encoder ceiling's fps for the same frame set, size and encoder settings measured in the same run.
    public var ceilingRatio: Double?
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

    /// Output bitrate in kbit/s from bytes, frames and stream rate.
    public var bitrateKbps: Double? {
        guard let bytes, frames > 0, streamFPS > 0 else { return nil }
        return Double(bytes) * 8 / 1000 / (Double(frames) / Double(streamFPS))
    }

    /// The CSV fields in ``CSVColumn`` order.
    public var csvFields: [String] { CSVColumn.allCases.map(field) }

    /// The text of one column.
    public func field(_ column: CSVColumn) -> String {
        switch column {
        case .timestamp: environment.timestamp
        case .gitRevision: environment.gitRevision
        case .host: environment.host
        case .cpuModel: environment.cpuModel
        case .logicalCores: String(environment.logicalCores)
        case .os: environment.os
        case .libavVersion: environment.libavVersion
        case .ffmpegVersion: environment.ffmpegVersion
        case .opencvVersion: environment.opencvVersion
        case .runID: runID
        case .strategy: strategy
        case .encoder: encoder
        case .encoderUsed: encoderUsed
        case .preset: preset ?? ""
        case .crf: crf.map(String.init) ?? ""
        case .threads: threads.map(String.init) ?? ""
        case .container: container
        case .colorPolicy: colorPolicy
        case .queue: queue
        case .frameset: frameset
        case .width: String(width)
        case .height: String(height)
        case .frames: String(frames)
        case .ringSize: ringSize.map(String.init) ?? ""
        case .streamFPS: String(streamFPS)
        case .paceFPS: if case .fixed = pace { pace.description } else { "" }
        case .repeatIndex: String(repeatIndex)
        case .status: status.rawValue
        case .reason: reason
        case .openMs: Self.format(openMs, 3)
        case .writeMsMean: Self.format(write?.mean, 4)
        case .writeMsP50: Self.format(write?.percentile(50), 4)
        case .writeMsP95: Self.format(write?.percentile(95), 4)
        case .writeMsP99: Self.format(write?.percentile(99), 4)
        case .writeMsMax: Self.format(write?.max, 4)
        case .finishMs: Self.format(finishMs, 3)
        case .totalS: Self.format(totalS, 4)
        case .fps: Self.format(fps, 2)
        case .lateFrames: lateFrames.map(String.init) ?? ""
        case .latenessMsMax: Self.format(latenessMsMax, 3)
        case .ceilingRatio: Self.format(ceilingRatio, 3)
        case .queueBlockedMs: Self.format(queueBlockedMs, 3)
        case .queueBlockedWrites: queueBlockedWrites.map(String.init) ?? ""
        case .queueHighWaterFrames: queueHighWaterFrames.map(String.init) ?? ""
        case .queueHighWaterMB: Self.format(queueHighWaterMB, 1)
        case .cpuUserS: Self.format(cpu?.selfUser, 3)
        case .cpuSysS: Self.format(cpu?.selfSystem, 3)
        case .childCPUUserS: Self.format(cpu?.childrenUser, 3)
        case .childCPUSysS: Self.format(cpu?.childrenSystem, 3)
        case .peakRSSMB: Self.format(peakRSSMB, 1)
        case .bytes: bytes.map(String.init) ?? ""
        case .bitrateKbps: Self.format(bitrateKbps, 1)
        case .valid: verification.map { $0.valid ? "true" : "false" } ?? ""
        case .invalidReason: verification?.invalidReason ?? ""
        case .framesDecoded: verification.map { String($0.framesDecoded) } ?? ""
        case .psnrDB: Self.format(verification?.psnrMean, 3)
        case .psnrMinDB: Self.format(verification?.psnrMin, 3)
        case .psnrLumaDB: Self.format(verification?.psnrLumaMean, 3)
        case .ssim: Self.format(verification?.ssimMean, 5)
        case .ssimMin: Self.format(verification?.ssimMin, 5)
        case .colorMatrix: verification?.colorMatrix ?? ""
        case .colorPrimaries: verification?.colorPrimaries ?? ""
        case .colorTransfer: verification?.colorTransfer ?? ""
        case .colorRange: verification?.colorRange ?? ""
        case .verifyS: Self.format(verification?.verifySeconds, 3)
        case .colorDecodedAs: verification?.decodedAs ?? ""
        }
    }

    /// Fixed-point text with `digits` decimals; empty for nil (never "nan" or "inf").
    public static func format(_ value: Double?, _ digits: Int) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.\(digits)f", value)
    }
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
