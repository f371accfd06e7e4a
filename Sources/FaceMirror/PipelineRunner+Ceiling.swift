import Analysis
import Strategies

extension PipelineRunner {
    /// The CPU the encoder ceiling (``EncoderCeilingStrategy``, libav into the null muxer, same settings) needs per
    /// frame of each output, ms: the first ``PipelinePlan/ceilingFrames`` frames of that output, rendered before the
    /// reading, encoded and flushed. Measured as the process's CPU time (all threads, so encoder workers count), at
    /// a point of the run where no other thread of the process works. Nil when the ceiling cannot run here or fails.
    func encoderCeilingCPU(_ settings: EncoderSettings) -> [PipelineOutput: Double]? {
        let ceiling = EncoderCeilingStrategy(settings: settings)
        guard ceiling.availability().isAvailable else { return nil }
        let count = min(plan.ceilingFrames, plan.source.frameLimit ?? plan.ceilingFrames)
        guard count > 0 else { return nil }
        let source = plan.source.sourceFrames()
        let midline = plan.effectiveMidline
        let size = plan.source.size
        var result: [PipelineOutput: Double] = [:]
        for output in PipelineOutput.allCases {
            if interrupted { return nil }
            let frames = (0..<count).map { FaceMirror.render(output, from: source($0), midline: midline, index: $0) }
            var configuration = WriterConfiguration(
                outputPath: "\(plan.outputDirectory)/\(EncoderCeilingStrategy.strategyName)-\(output.rawValue).\(ceiling.settings.fileExtension)",
                width: size.width, height: size.height, fps: plan.streamFPS)
            configuration.stallTimeout = plan.stallTimeout
            guard let writer = try? ceiling.makeWriter(configuration) else { return nil }
            let before = CPUTimes.now()
            do {
                for frame in frames { try writer.write(frame) }
                _ = try writer.finish()
            } catch {
                writer.abort()
                return nil
            }
            let used = CPUTimes.now().since(before)
            result[output] = (used.selfUser + used.selfSystem) * 1000 / Double(count)
        }
        return result
    }
}
