import Analysis

/// What the machine could do with the face-mirror pipeline if writing cost nothing beyond encoding.
///
/// Model: one source frame needs the pipeline thread's processing CPU plus, for each of the three outputs, the CPU
/// libav needs to convert and encode that output frame into the null muxer (``Strategies/EncoderCeilingStrategy``,
/// same encoder settings). With perfect parallelism over `cores` logical cores and nothing else running,
/// `fps = cores × 1000 / (processing + right + left + debug CPU ms per frame)`. Wait time, queues, file I/O and
/// scheduling are what a real writer adds on top of it.
public struct PipelineCeiling: Sendable, Equatable {
    /// CPU ms the pipeline's thread needs to read and process one source frame (measured in the null baseline).
    public var processingCPUMs: Double
    /// CPU ms the encoder ceiling needs per frame of each output.
    public var encodeCPUMs: [PipelineOutput: Double]
    /// Logical cores the work is divided over.
    public var cores: Int

    /// Creates a ceiling from its measured parts.
    public init(processingCPUMs: Double, encodeCPUMs: [PipelineOutput: Double], cores: Int) {
        self.processingCPUMs = processingCPUMs
        self.encodeCPUMs = encodeCPUMs
        self.cores = cores
    }

    /// CPU ms one source frame needs in all: processing plus three encodes.
    public var cpuMsPerFrame: Double {
        processingCPUMs + PipelineOutput.allCases.reduce(0) { $0 + (encodeCPUMs[$1] ?? 0) }
    }

    /// The ceiling, frames/s; nil when nothing was measured.
    public var fps: Double? {
        cpuMsPerFrame > 0 && cores > 0 ? Double(cores) * 1000 / cpuMsPerFrame : nil
    }
}
