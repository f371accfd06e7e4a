import Analysis
import Strategies

/// One row of `writerbench crash`: either what survived a writer killed after ``framesHanded`` frames
/// (``Trial/kill(atFrame:)``), or the write cost of a complete run (``Trial/complete``), for one strategy × container.
public struct CrashRow: Sendable, Equatable {
    /// Which measurement the row holds.
    public enum Trial: Sendable, Equatable {
        /// The writer was killed with SIGKILL after handing this many frames.
        case kill(atFrame: Int)
        /// An ordinary run of every frame, finished and verified.
        case complete
    }

    /// Strategy name.
    public var strategy: String
    /// Container name (`mp4`, `fmp4`, `mkv`, …).
    public var container: String
    /// Frame size.
    public var size: FrameSize
    /// Frames of a complete run.
    public var frames: Int
    /// Which measurement.
    public var trial: Trial
    /// `ok`, `unavailable` (with the reason) or `failed` (the trial or run could not be carried out).
    public var status: RunRecord.Status = .ok
    /// Why the row is not `ok`; for a complete run, also why its file is invalid.
    public var reason = ""
    /// Frames handed to the writer (`write` returned) before the kill, or all frames of a complete run.
    public var framesHanded: Int?
    /// Whether libavformat could open the file and find its video stream.
    public var fileOpens: Bool?
    /// Frames the in-process decoder got out of the file.
    public var framesDecoded: Int?
    /// ``framesDecoded`` / the stream's frame rate: the seconds of video that survived.
    public var decodableSeconds: Double?
    /// Size of the file, bytes (0 when no file was left).
    public var bytes: Int64?
    /// Complete runs: frames written per second of wall time (the run's `fps`).
    public var fps: Double?
    /// Complete runs: 95th percentile of `write` time, ms.
    public var writeP95Ms: Double?

    /// Creates a row with nothing measured yet.
    public init(strategy: String, container: String, size: FrameSize, frames: Int, trial: Trial) {
        self.strategy = strategy
        self.container = container
        self.size = size
        self.frames = frames
        self.trial = trial
    }

    /// Decoded frames per frame handed (0…1); nil when nothing was handed or nothing measured.
    public var recoveredFraction: Double? {
        guard let framesDecoded, let framesHanded, framesHanded > 0 else { return nil }
        return Double(framesDecoded) / Double(framesHanded)
    }

    /// The CSV's `trial` field: `kill` or `complete`.
    public var trialName: String {
        switch trial {
        case .kill: "kill"
        case .complete: "complete"
        }
    }

    /// The kill point, nil for a complete run.
    public var killAtFrame: Int? {
        if case .kill(let frame) = trial { return frame }
        return nil
    }
}
