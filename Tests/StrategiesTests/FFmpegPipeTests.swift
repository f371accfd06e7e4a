import Testing
@testable import Strategies

@Suite struct Placeholder { @Test func nothing() {} }
