import ArgumentParser
import Strategies

/// `--stall-timeout SECONDS`: how long a writer waits for a silent encoder before it gives up on it (`run`, `pipeline`).
struct StallTimeoutOption: ParsableArguments {
    @Option(name: .customLong("stall-timeout"),
            help: ArgumentHelp("Seconds an encoder may take no input (or, at finish, neither exit nor write output) before its writer kills it and the row fails as stalled; also bounds the wait for an async writer's thread (plus 5 s). Default: \(Int(WriterConfiguration.defaultStallTimeout.components.seconds)).",
                               valueName: "seconds"))
    var seconds: Double = Double(WriterConfiguration.defaultStallTimeout.components.seconds)

    /// The parsed timeout.
    var duration: Duration { .milliseconds(Int64((seconds * 1000).rounded())) }

    func validate() throws {
        guard seconds.isFinite, seconds >= 0.1, seconds <= 86_400 else {
            throw ValidationError("--stall-timeout must be between 0.1 and 86400 seconds, got \(seconds)")
        }
    }
}
