/// Options every strategy is built with: the CLI's `--encoder/--preset/--crf/--threads/--queue`.
public struct StrategyOptions: Sendable {
    /// Encoder settings shared by all strategies that use FFmpeg encoders.
    public var settings: EncoderSettings
    /// Queue bound of asynchronous strategies.
    public var queue: QueueCapacity
    /// Explicit ffmpeg program for pipe strategies (nil: `$WRITERBENCH_FFMPEG`, then `$PATH`).
    public var ffmpegPath: String?
    /// External strategies (strategies.d/*.toml, `--external`), listed after the built-in ones.
    public var external: [ExternalStrategyDeclaration]

    /// Creates options.
    public init(settings: EncoderSettings = .default, queue: QueueCapacity = .default, ffmpegPath: String? = nil,
                external: [ExternalStrategyDeclaration] = []) {
        self.settings = settings
        self.queue = queue
        self.ffmpegPath = ffmpegPath
        self.external = external
    }
}

/// The one list of strategies that `writerbench list`, `run --all` and the tests read.
public enum StrategyRegistry {
    /// Every registered strategy, in a stable order, built with `options`.
    public static func all(_ options: StrategyOptions = StrategyOptions()) -> [any WriterStrategy] {
        let pipe = FFmpegPipeStrategy(settings: options.settings, ffmpegPath: options.ffmpegPath)
        let libav = LibAVStrategy(settings: options.settings)
        return [
            OpenCVStrategy(fourcc: "mp4v", container: options.settings.container),
            OpenCVStrategy(fourcc: "avc1", container: options.settings.container),
            pipe,
            AsyncStrategy(wrapping: pipe, capacity: options.queue),
            libav,
            AsyncStrategy(wrapping: libav, capacity: options.queue),
            AutoStrategy(options: options),
        ] + HardwareEncoder.allCases.flatMap { encoder -> [any WriterStrategy] in
            [HardwarePipeStrategy(encoder: encoder, threads: options.settings.threads,
                                  container: options.settings.container, ffmpegPath: options.ffmpegPath),
             HardwareLibAVStrategy(encoder: encoder, threads: options.settings.threads, container: options.settings.container)]
        } + options.external.map { ExternalStrategy($0, requested: options.settings) }
    }

    /// Names of every registered strategy.
    public static var names: [String] { all().map(\.name) }

    /// The strategy called `name`, or nil.
    public static func named(_ name: String, _ options: StrategyOptions = StrategyOptions()) -> (any WriterStrategy)? {
        all(options).first { $0.name == name }
    }
}
