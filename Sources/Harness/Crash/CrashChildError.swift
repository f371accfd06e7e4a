/// Why a crash child ended on its own.
public enum CrashChildError: Error, CustomStringConvertible, Equatable {
    /// The strategy cannot run here.
    case unavailable(strategy: String, reason: String)
    /// The child stopped and nobody killed it.
    case notKilled(afterSeconds: Double)

    public var description: String {
        switch self {
        case .unavailable(let strategy, let reason): "\(strategy) is unavailable: \(reason)"
        case .notKilled(let seconds):
            "stopped and waited \(Int(seconds)) s without being killed; crash-child is run by `writerbench crash`, which kills it"
        }
    }
}
