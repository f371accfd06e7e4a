import ArgumentParser
import Strategies

/// `writerbench list`: every registered strategy with its availability on this machine.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every strategy and whether it can run on this machine.")

    @OptionGroup var encoderOptions: EncoderOptions
    @OptionGroup var externalOptions: ExternalStrategyOptions

    func run() throws {
        let strategies = StrategyRegistry.all(try externalOptions.adding(to: encoderOptions.strategyOptions))
        let width = strategies.map(\.name.count).max() ?? 0
        for strategy in strategies {
            let availability = strategy.availability()
            let state = availability.isAvailable ? "available" : "unavailable: \(availability.reason ?? "")"
            print("\(strategy.name.padding(toLength: width, withPad: " ", startingAt: 0)) \(state)")
            print("  \(strategy.summary)")
        }
    }
}

import Foundation
