/// Writes with the best encoder this machine has: the first available strategy of a preference list (hardware
/// encoders, then libx264 through `libav-async`, then OpenCV), falling back to the next when opening fails; named
/// `auto`.
///
/// It never falls back silently: ``plan()`` says upfront what it will use and why (for the console), and every
/// writer's report carries the final ``AutoDecision/summary``, including any fallback at open time, in its notes
/// (the CSV's reason column). A writer that fails after it opened is not replaced: frames already handed to it cannot
/// be replayed, so that failure is the run's.
public struct AutoStrategy: WriterStrategy {
    /// The name of the strategy.
    public static let strategyName = "auto"

    public let name = AutoStrategy.strategyName
    /// The strategies tried, most preferred first.
    public let candidates: [any WriterStrategy]

    /// The default preference list, built with `options` (see ``preferenceList(_:)``).
    public init(options: StrategyOptions = StrategyOptions()) {
        self.init(candidates: Self.preferenceList(options))
    }

    /// An explicit preference list, most preferred first.
    public init(candidates: [any WriterStrategy]) {
        self.candidates = candidates
    }

    /// Hardware encoders in ``HardwareEncoder/autoPreference`` order, each in-process and then through ffmpeg; then
    /// libx264 in-process behind the writer thread (`libav-async`, WriterBench's fastest software writer for the
    /// caller); then OpenCV with `avc1` and `mp4v`.
    ///
    /// Every candidate but OpenCV runs behind an ``AsyncStrategy`` queue, so whatever is chosen, `write` only hands
    /// the frame over, as in `libav-async`. The software step always uses libx264, with the preset, CRF and threads
    /// of `options`, whatever `--encoder` says: `auto` chooses the encoder itself.
    public static func preferenceList(_ options: StrategyOptions) -> [any WriterStrategy] {
        let threads = options.settings.threads
        var list: [any WriterStrategy] = []
        for encoder in HardwareEncoder.autoPreference {
            list.append(AsyncStrategy(wrapping: HardwareLibAVStrategy(encoder: encoder, threads: threads),
                                      capacity: options.queue))
            list.append(AsyncStrategy(wrapping: HardwarePipeStrategy(encoder: encoder, threads: threads,
                                                                     ffmpegPath: options.ffmpegPath),
                                      capacity: options.queue))
        }
        var software = options.settings
        software.encoder = "libx264"
        list.append(AsyncStrategy(wrapping: LibAVStrategy(settings: software), capacity: options.queue))
        list.append(OpenCVStrategy(fourcc: "avc1"))
        list.append(OpenCVStrategy(fourcc: "mp4v"))
        return list
    }

    public var summary: String {
        "the best available encoder: hardware first, then libx264 via libav-async, then OpenCV; falls back at open time"
    }

    /// The planned choice's settings, so CSV rows name the encoder `auto` will use; the first candidate's when none
    /// can run.
    public var settings: EncoderSettings {
        (plan().chosen ?? candidates.first)?.settings ?? .default
    }

    /// The planned choice's colour policy (OpenCV's differs from the others').
    public var colorPolicy: ColorPolicy {
        plan().chosen?.colorPolicy ?? .bt709Limited
    }

    /// The planned choice's queue bound, so the CSV's `queue` column describes the queue `auto` will write through
    /// (nil when the choice is OpenCV, or when nothing can run).
    public var queueCapacity: QueueCapacity? {
        plan().chosen?.queueCapacity
    }

    /// Available when any candidate is; otherwise unavailable with every candidate's reason.
    public func availability() -> Availability {
        let decision = plan()
        return decision.chosen == nil ? .unavailable(reason: decision.summary) : .available
    }

    /// What `auto` will use here, decided from the candidates' availability (probes are cached per process, so this
    /// is cheap after the first call). Print ``AutoDecision/summary`` before a run; ``makeWriter(_:)`` follows this
    /// plan and only departs from it when the chosen writer fails to open.
    public func plan() -> AutoDecision {
        var passedOver: [AutoDecision.PassedOver] = []
        for candidate in candidates {
            if case .unavailable(let reason) = candidate.availability() {
                passedOver.append(Self.entry(candidate, .unavailable, reason))
                continue
            }
            return AutoDecision(chosen: candidate, passedOver: passedOver)
        }
        return AutoDecision(chosen: nil, passedOver: passedOver)
    }

    /// Opens the planned candidate's writer; when that throws, records why and opens the next available one.
    ///
    /// - Returns: An ``AutoVideoWriter`` whose ``AutoVideoWriter/decision`` says what is in use and why, and whose
    ///   report carries that in its notes.
    /// - Throws: ``WriterError/oddDimensions(width:height:)`` or ``WriterError/invalidConfiguration(_:)`` for a
    ///   configuration no candidate could take, ``WriterError/unwritableOutput(path:reason:)`` as soon as a candidate
    ///   reports it (another encoder would not make the path writable), and
    ///   ``WriterError/unavailable(strategy:reason:)`` with every candidate's reason when none opens.
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        try configuration.validateForYUV420()
        var decision = plan()
        guard let planned = decision.chosen,
              let start = candidates.firstIndex(where: { $0.name == planned.name }) else {
            throw WriterError.unavailable(strategy: name, reason: decision.summary)
        }
        for candidate in candidates[start...] {
            if candidate.name != planned.name, case .unavailable(let reason) = candidate.availability() {
                decision.passedOver.append(Self.entry(candidate, .unavailable, reason))
                continue
            }
            do {
                let writer = try candidate.makeWriter(configuration)
                decision.chosen = candidate
                return AutoVideoWriter(wrapping: writer, decision: decision)
            } catch let error as WriterError {
                if case .unwritableOutput = error { throw error }
                decision.passedOver.append(Self.entry(candidate, .failedToOpen, error.description))
            } catch {
                decision.passedOver.append(Self.entry(candidate, .failedToOpen, "\(error)"))
            }
        }
        decision.chosen = nil
        throw WriterError.unavailable(strategy: name, reason: decision.summary)
    }

    private static func entry(_ candidate: any WriterStrategy, _ cause: AutoDecision.PassedOver.Cause,
                              _ reason: String) -> AutoDecision.PassedOver {
        AutoDecision.PassedOver(strategy: candidate.name, encoder: candidate.settings.encoder, cause: cause, reason: reason)
    }
}
