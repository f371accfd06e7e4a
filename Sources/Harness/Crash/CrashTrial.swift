import Foundation
import Strategies
import Verification

/// One kill: starts `writerbench crash-child` for a strategy × container, waits until it has handed the writer
/// ``killAt`` frames, kills its process group with SIGKILL and decodes what is left of the file with
/// ``OutputVerifier``.
struct CrashTrial {
    let plan: CrashPlan
    let strategy: any WriterStrategy
    let container: ContainerFormat
    let killAt: Int

    /// The output video's path.
    var outputPath: String {
        "\(plan.outputDirectory)/\(strategy.name)-\(container.rawValue)-kill\(killAt).\(container.fileExtension)"
    }

    /// The child's command line (without the program).
    var childArguments: [String] {
        ["crash-child", "--strategy", strategy.name, "--container", container.rawValue,
         "--size", "\(plan.size.width)x\(plan.size.height)", "--frames", "\(plan.frames)", "--fps", "\(plan.fps)",
         "--frameset", plan.frameSet.rawValue, "--output", outputPath, "--stop-after", "\(killAt)",
         "--encoder", plan.settings.encoder, "--preset", plan.settings.preset, "--crf", "\(plan.settings.crf)",
         "--threads", "\(plan.settings.threads)"]
    }

    /// Runs the trial; never throws: a trial that cannot be carried out is a `failed` row with the reason.
    func run() -> CrashRow {
        var row = CrashRow(strategy: strategy.name, container: container.rawValue, size: plan.size,
                           frames: plan.frames, trial: .kill(atFrame: killAt))
        if case .unavailable(let reason) = strategy.availability() {
            row.status = .unavailable
            row.reason = reason
            return row
        }
        let child: CrashChildProcess
        do {
            child = try CrashChildProcess(executable: plan.childExecutable, arguments: childArguments,
                                          stderrPath: outputPath + ".stderr.txt")
        } catch {
            row.status = .failed
            row.reason = "\(error)"
            return row
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(plan.childTimeoutSeconds * 1000))
        var handed = 0
        var stopped = false
        while !stopped, let line = child.nextLine(before: deadline) {
            if line.hasPrefix("handed "), let count = Int(line.dropFirst(7)) { handed = count }
            stopped = line.hasPrefix("stopped ")
        }
        let exitedEarly = !stopped && child.waitForExit(seconds: 0.2)
        child.killAndReap()
        row.framesHanded = handed
        guard stopped else {
            row.status = .failed
            row.reason = exitedEarly
                ? "the child exited (status \(child.exitStatus)) after \(handed) of \(killAt) frames: \(child.stderrTail())"
                : "the child did not hand \(killAt) frames within \(Int(plan.childTimeoutSeconds)) s (handed \(handed)); killed"
            return row
        }
        try? FileManager.default.removeItem(atPath: child.stderrPath)
        measureSurvivors(into: &row)
        return row
    }

    /// Opens and decodes the file the killed writer left.
    private func measureSurvivors(into row: inout CrashRow) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: outputPath)
        row.bytes = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let verifier = OutputVerifier(frameSet: plan.frameSet, size: plan.size, frameCount: killAt,
                                      ringSize: CrashChild.ringSize(for: plan.size, frames: plan.frames),
                                      framesPerSecond: Double(plan.fps), qualityStride: CrashTrial.qualityStride)
        let result = verifier.verify(path: outputPath)
        row.fileOpens = result.codec != nil
        row.framesDecoded = result.framesDecoded
        row.decodableSeconds = Double(result.framesDecoded) / Double(plan.fps)
        if result.codec == nil { row.reason = result.invalidReason ?? "" }
    }

    /// Quality is measured on every 10th recovered frame: enough to show the frames are the written ones.
    static let qualityStride = 10
}
