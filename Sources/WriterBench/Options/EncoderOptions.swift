import ArgumentParser
import Strategies

/// `--encoder`, `--preset`, `--crf`, `--threads`, `--container`, `--queue`: how strategies encode, shared by every command
/// that builds strategies.
struct EncoderOptions: ParsableArguments {
    @Option(help: "FFmpeg encoder for pipe and libav strategies (libx264, libx265, mpeg4, …).")
    var encoder = EncoderSettings.default.encoder

    @Option(help: "Encoder preset (libx264/libx265).")
    var preset = EncoderSettings.default.preset

    @Option(parsing: .unconditional, help: "Constant rate factor (libx264/libx265); lower is better quality.")
    var crf = EncoderSettings.default.crf

    @Option(parsing: .unconditional, help: "Encoder threads; 0 lets the encoder decide.")
    var threads = 0

    @Option(help: "Output container of pipe and libav strategies: \(ContainerFormat.selectable.map(\.rawValue).joined(separator: ", ")) (fmp4 and mkv survive a killed writer; OpenCV writes mp4 only).")
    var container = EncoderSettings.default.container

    @Option(name: .customLong("queue"), parsing: .unconditional,
            help: "Queue bound of async strategies: frames (e.g. 8) or bytes (e.g. 256MiB). Default: \(QueueCapacity.default).")
    var queueText: String?

    /// The parsed `--queue`, nil when not given.
    var requestedQueue: QueueCapacity? { queueText.flatMap(QueueCapacity.init(parsing:)) }

    /// The parsed options.
    var strategyOptions: StrategyOptions {
        StrategyOptions(settings: EncoderSettings(encoder: encoder, preset: preset, crf: crf, threads: threads, container: container),
                        queue: requestedQueue ?? .default)
    }

    func validate() throws {
        if let queueText, QueueCapacity(parsing: queueText) == nil {
            throw ValidationError("cannot read --queue '\(queueText)'; give a frame count (8) or a size (256MiB, 64MB)")
        }
        guard (0...63).contains(crf) else { throw ValidationError("--crf must be between 0 and 63") }
        guard let format = ContainerFormat(rawValue: container), ContainerFormat.selectable.contains(format) else {
            throw ValidationError("unknown --container '\(container)'; use one of \(ContainerFormat.selectable.map(\.rawValue).joined(separator: ", "))")
        }
        guard threads >= 0 else { throw ValidationError("--threads must be 0 (automatic) or more") }
    }
}
