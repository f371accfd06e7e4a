/// Whether a strategy can run on this machine, and if not, why.
public enum Availability: Sendable, Equatable {
    /// The strategy can open writers here.
    case available
    /// The strategy cannot run here; `reason` says what is missing, in words a user can act on.
    case unavailable(reason: String)

    /// True for `.available`.
    public var isAvailable: Bool { self == .available }

    /// The reason for `.unavailable`, nil otherwise.
    public var reason: String? {
        if case .unavailable(let reason) = self { return reason }
        return nil
    }
}
