import Foundation
import Strategies

/// The writer side of a crash trial, run in its own process by `writerbench crash-child`: opens one strategy's
/// writer, hands it frames one by one and reports each on standard output, so the parent (``CrashTrial``) can kill
/// it at a known frame.
///
/// Protocol, one line per event: `opened`, then `handed <n>` after `write` returned for the n-th frame. With
/// ``stopAfter`` set, the child prints `stopped <n>` after the n-th frame and waits, without finishing, to be killed;
/// otherwise it finishes the file and prints `finished`. The child makes itself the leader of a new process group
/// first, so that one `kill(-pid, SIGKILL)` also ends an encoder child it started (the ffmpeg program of a pipe
/// strategy): the whole writer dies at once, as in an out-of-memory kill of a job or a power cut.
public struct CrashChild: Sendable {
    /// The writer's strategy.
    public var strategy: any WriterStrategy
    /// Output file, frame geometry and rate.
    public var configuration: WriterConfiguration
    /// The frames written: frame `i` is frame `i % ringSize` of this set (see ``ringSize(for:frames:)``).
    public var frameSet: FrameSet
    /// Frames of the full run.
    public var frames: Int
    /// Stop (and wait to be killed) after handing this many frames; nil writes all and finishes.
    public var stopAfter: Int?
    /// How long a stopped child waits to be killed before giving up with an error, seconds.
    public var waitSeconds: Double

    /// Creates the child's work.
    public init(strategy: any WriterStrategy, configuration: WriterConfiguration, frameSet: FrameSet, frames: Int,
                stopAfter: Int?, waitSeconds: Double = 600) {
        self.strategy = strategy
        self.configuration = configuration
        self.frameSet = frameSet
        self.frames = frames
        self.stopAfter = stopAfter
        self.waitSeconds = waitSeconds
    }

    /// Budget of the frames a child pre-generates (see ``FrameRing``): 128 MiB, 21 frames at 1080p.
    public static let ringBudgetBytes = 128 << 20

    /// Distinct frames a child cycles through at `size`, which the verifier of its output regenerates.
    public static func ringSize(for size: FrameSize, frames: Int) -> Int {
        max(1, min(frames, ringBudgetBytes / max(1, size.width * size.height * 3)))
    }

    /// Runs the trial side, printing each event through `report` (which must flush: the parent reads it live).
    ///
    /// - Throws: ``CrashChildError`` when the strategy is unavailable or a stopped child was not killed in time, or
    ///   the writer's own error.
    public func run(report: (String) -> Void) throws {
        _ = setpgid(0, 0)
        if case .unavailable(let reason) = strategy.availability() {
            throw CrashChildError.unavailable(strategy: strategy.name, reason: reason)
        }
        let size = FrameSize(width: configuration.geometry.width, height: configuration.geometry.height)
        let ring = FrameRing(frameSet: frameSet, size: size, frameCount: frames,
                             budgetBytes: Self.ringSize(for: size, frames: frames) * size.width * size.height * 3)
        let writer = try strategy.makeWriter(configuration)
        report("opened")
        for index in 0..<frames {
            do { try writer.write(ring[index]) } catch { writer.abort(); throw error }
            report("handed \(index + 1)")
            if index + 1 == stopAfter {
                report("stopped \(index + 1)")
                Thread.sleep(forTimeInterval: waitSeconds)
                writer.abort()
                throw CrashChildError.notKilled(afterSeconds: waitSeconds)
            }
        }
        _ = try writer.finish()
        report("finished")
    }
}
