/// Which strategy ``AutoStrategy`` uses and why it passed over the ones it prefers: the text that goes into the CSV's
/// reason column and onto the console.
public struct AutoDecision: Sendable {
    /// A preferred strategy that `auto` did not use.
    public struct PassedOver: Sendable, Equatable {
        /// Why the strategy was passed over.
        public enum Cause: Sendable, Equatable {
            /// Its availability check (the encoder probe) said no.
            case unavailable
            /// It was available but threw when the writer was opened.
            case failedToOpen
        }

        /// The strategy's name (`hw-h264-nvenc-libav-async`).
        public var strategy: String
        /// The encoder it would have used (`h264_nvenc`).
        public var encoder: String
        /// Why it was passed over.
        public var cause: Cause
        /// The probe's reason or the open error, in the library's words.
        public var reason: String

        /// Creates an entry.
        public init(strategy: String, encoder: String, cause: Cause, reason: String) {
            self.strategy = strategy
            self.encoder = encoder
            self.cause = cause
            self.reason = reason
        }
    }

    /// The strategy in use, or nil when no candidate can run here.
    public var chosen: (any WriterStrategy)?
    /// The candidates before ``chosen`` in preference order, with why each was passed over.
    public var passedOver: [PassedOver]

    /// Creates a decision.
    public init(chosen: (any WriterStrategy)?, passedOver: [PassedOver]) {
        self.chosen = chosen
        self.passedOver = passedOver
    }

    /// The encoder in use and the strategy that drives it, e.g. `libx264 via libav-async`; nil when none.
    public var choice: String? {
        chosen.map { "\($0.settings.encoder) via \($0.name)" }
    }

    /// Whether a candidate that was available failed to open, so `auto` fell back further than planned.
    public var fellBackAtOpen: Bool { passedOver.contains { $0.cause == .failedToOpen } }

    /// One line for the console and the CSV: `auto: using libx264 via libav-async (h264_nvenc unavailable: …; …)`,
    /// or `auto: no encoder can run here (…)`.
    ///
    /// An encoder reached both in-process and through ffmpeg is listed once, with its first reason (the in-process
    /// probe's, which names the library call); open failures are always listed, since they are why the choice differs
    /// from what `writerbench probe` predicts.
    public var summary: String {
        var seenUnavailable: Set<String> = []
        var parts: [String] = []
        for entry in passedOver {
            switch entry.cause {
            case .unavailable:
                guard seenUnavailable.insert(entry.encoder).inserted else { continue }
                parts.append("\(entry.encoder) unavailable: \(entry.reason)")
            case .failedToOpen:
                parts.append("\(entry.encoder) via \(entry.strategy) failed to open: \(entry.reason)")
            }
        }
        let why = parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
        guard let choice else { return "auto: no encoder can run here\(why)" }
        return "auto: using \(choice)\(why)"
    }
}
