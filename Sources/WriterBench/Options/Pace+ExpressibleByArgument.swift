import Analysis
import ArgumentParser

/// `--pace max` or `--pace 30`, read by ``Pace/init(parsing:)``: the one place the CLI parses a pace.
extension Pace: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
