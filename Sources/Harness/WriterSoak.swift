import Analysis
import Foundation
import Strategies

/// Writes many frames through one writer and reads resident memory every ``sampleEvery`` frames, to show whether the
/// writer's memory levels off (see ``MemoryCurve``). Frames come from a small ``FrameRing``, shared with the writer
/// copy-on-write, so the frames themselves add nothing after the ring is made.
public struct WriterSoak: Sendable {
    /// Frame set written.
    public var frameSet = FrameSet.camera
    /// Frame size.
    public var size: FrameSize
    /// Frames written.
    public var frames = 10_000
    /// Frames between two readings.
    public var sampleEvery = 100
    /// Stream frame rate of the output.
    public var streamFPS = 30
    /// Memory for the ring of distinct frames, bytes.
    public var ringBudgetBytes = 64 << 20
    /// Folder for the output video (deleted after each soak).
    public var outputDirectory: String

    /// A soak at `size` writing into `outputDirectory`.
    public init(size: FrameSize, outputDirectory: String) {
        self.size = size
        self.outputDirectory = outputDirectory
    }

    /// Soaks `strategy`: opens a writer, writes ``frames`` frames reading memory every ``sampleEvery`` (and once
    /// before the first), finishes, deletes the output.
    public func run(_ strategy: any WriterStrategy) -> SoakOutcome {
        if case .unavailable(let reason) = strategy.availability() {
            return SoakOutcome(target: strategy.name, status: .unavailable(reason: reason))
        }
        var outcome = SoakOutcome(target: strategy.name, status: .completed)
        try? FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let path = "\(outputDirectory)/soak-\(strategy.name).\(strategy.settings.container)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ring = FrameRing(frameSet: frameSet, size: size, frameCount: frames, budgetBytes: ringBudgetBytes)
        let configuration = WriterConfiguration(outputPath: path, width: size.width, height: size.height, fps: streamFPS)
        var writer: (any VideoWriter)?
        do {
            let opened = try strategy.makeWriter(configuration)
            writer = opened
            outcome.read(afterFrames: 0)
            for index in 0..<frames {
                try opened.write(ring[index])
                if (index + 1) % sampleEvery == 0 { outcome.read(afterFrames: index + 1) }
            }
            _ = try opened.finish()
        } catch {
            writer?.abort()
            outcome.status = .failed(reason: "\(error)")
        }
        return outcome
    }
}
