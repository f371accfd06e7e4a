import Analysis
import Foundation
import Harness
import Strategies

/// Runs the face-mirror pipeline (three writers of one strategy) for many frames and reads resident memory after
/// every batch, to show whether the pipeline's memory levels off (see ``MemoryCurve``). No baseline, no verification.
public struct PipelineSoak: Sendable {
    /// The source: a frame set, its size and the frame count.
    public var source: PipelineSource
    /// Frames per batch; memory is read after each, so this is the sampling interval in frames.
    public var batchSize = 100
    /// Folder for the output videos (deleted after the soak).
    public var outputDirectory: String

    /// A soak of `source` writing into `outputDirectory`.
    public init(source: PipelineSource, outputDirectory: String) {
        self.source = source
        self.outputDirectory = outputDirectory
    }

    /// Soaks the pipeline with `strategy`'s writers.
    public func run(_ strategy: any WriterStrategy, environment: EnvironmentFingerprint) -> SoakOutcome {
        var plan = PipelinePlan(strategies: [strategy], source: source, outputDirectory: outputDirectory)
        plan.batchSize = batchSize
        plan.baseline = false
        plan.verify = false
        plan.progressInterval = .zero
        var outcome = SoakOutcome(target: "pipeline/\(strategy.name)", status: .completed)
        outcome.read(afterFrames: 0)
        let records = PipelineRunner(plan: plan, environment: environment) { event in
            if case .batch(_, _, let frames, _) = event { outcome.read(afterFrames: frames) }
        }.run()
        try? FileManager.default.removeItem(atPath: outputDirectory)
        if let record = records.first {
            switch record.status {
            case .ok: break
            case .unavailable: outcome.status = .unavailable(reason: record.reason)
            default: outcome.status = .failed(reason: record.reason)
            }
        }
        return outcome
    }
}
