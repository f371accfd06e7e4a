import Analysis
import Foundation
import Strategies

/// Runs a ``CrashPlan``: per container, one ordinary complete run of every strategy (the write cost, through
/// ``BenchmarkRunner`` with warm-up and verification), then the kills (``CrashTrial``) at every kill point.
public struct CrashRunner {
    /// What is being done, for a progress line.
    public enum Progress: Sendable {
        /// A complete run of every strategy in `container` is starting.
        case measuringWriteCost(container: String)
        /// A kill trial is starting.
        case killing(strategy: String, container: String, atFrame: Int)
        /// A row is done.
        case finished(CrashRow)
    }

    private let plan: CrashPlan
    private let environment: EnvironmentFingerprint
    private let progress: (Progress) -> Void

    /// Creates a runner; `progress` is called on the running thread.
    public init(plan: CrashPlan, environment: EnvironmentFingerprint, progress: @escaping (Progress) -> Void = { _ in }) {
        self.plan = plan
        self.environment = environment
        self.progress = progress
    }

    /// Runs everything and returns the rows: complete runs first, then the kills, each group by container and
    /// strategy. Never throws: what cannot be measured is a `failed` or `unavailable` row saying why.
    public func run() -> [CrashRow] {
        try? FileManager.default.createDirectory(atPath: plan.outputDirectory, withIntermediateDirectories: true)
        var rows: [CrashRow] = []
        for container in plan.containers {
            progress(.measuringWriteCost(container: container.rawValue))
            for row in writeCost(of: container) {
                progress(.finished(row))
                rows.append(row)
            }
        }
        for container in plan.containers {
            for name in plan.strategies {
                for killAt in plan.killFrames {
                    progress(.killing(strategy: name, container: container.rawValue, atFrame: killAt))
                    let row = kill(name, container: container, at: killAt)
                    progress(.finished(row))
                    rows.append(row)
                }
            }
        }
        return rows
    }

    private func kill(_ name: String, container: ContainerFormat, at killAt: Int) -> CrashRow {
        guard let strategy = plan.strategy(name, container: container) else {
            var row = CrashRow(strategy: name, container: container.rawValue, size: plan.size, frames: plan.frames,
                               trial: .kill(atFrame: killAt))
            row.status = .failed
            row.reason = "unknown strategy '\(name)'"
            return row
        }
        return CrashTrial(plan: plan, strategy: strategy, container: container, killAt: killAt).run()
    }

    /// Complete runs of every strategy writing `container`, each into its own folder (fmp4 and mp4 files share the
    /// `.mp4` extension).
    private func writeCost(of container: ContainerFormat) -> [CrashRow] {
        let strategies = plan.strategies.compactMap { plan.strategy($0, container: container) }
        var runPlan = RunPlan(strategies: strategies,
                              outputDirectory: "\(plan.outputDirectory)/complete-\(container.rawValue)")
        runPlan.frameSets = [plan.frameSet]
        runPlan.sizes = [plan.size]
        runPlan.frames = plan.frames
        runPlan.streamFPS = plan.fps
        runPlan.ceiling = false
        let records = BenchmarkRunner(plan: runPlan, environment: environment,
                                      verifier: RunVerifier(qualityStride: CrashTrial.qualityStride)).run()
        return records.map { record in
            var row = CrashRow(strategy: record.strategy, container: container.rawValue, size: plan.size,
                               frames: plan.frames, trial: .complete)
            row.status = record.status
            guard record.status == .ok else {
                row.reason = record.reason
                return row
            }
            row.framesHanded = record.frames
            row.fps = record.fps
            row.writeP95Ms = record.write?.percentile(95)
            row.bytes = record.bytes
            if let verification = record.verification {
                row.fileOpens = verification.valid || verification.framesDecoded > 0
                row.framesDecoded = verification.framesDecoded
                row.decodableSeconds = Double(verification.framesDecoded) / Double(plan.fps)
                if !verification.valid { row.reason = verification.invalidReason }
            }
            return row
        }
    }
}
