/// Why a crash trial could not measure what survives.
enum CrashTrialError: Error, CustomStringConvertible {
    /// The child process could not be started.
    case cannotStart(String)

    var description: String {
        switch self {
        case .cannotStart(let detail): "cannot start the crash child: \(detail)"
        }
    }
}
