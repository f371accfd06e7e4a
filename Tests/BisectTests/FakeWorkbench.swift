@testable import Bisect

/// A workbench that builds nothing: each revision's values come from a table, and every call is recorded.
struct FakeWorkbench: BisectWorkbench {
    var values: [String: [Double]]
    var unbuildable: Set<String> = []
    var unmeasurable: Set<String> = []
    private(set) var built: [String] = []
    private(set) var measured: [String] = []

    init(_ values: [String: [Double]], unbuildable: Set<String> = [], unmeasurable: Set<String> = []) {
        self.values = values
        self.unbuildable = unbuildable
        self.unmeasurable = unmeasurable
    }

    /// Revisions r0…r`count - 1`: r0 … r`step - 1` measure `before`, the rest `after`.
    static func step(at step: Int, of count: Int, before: [Double], after: [Double]) -> (revisions: [String], bench: Self) {
        let revisions = (0..<count).map { "r\($0)" }
        return (revisions, Self(Dictionary(uniqueKeysWithValues: revisions.enumerated().map {
            ($0.element, $0.offset < step ? before : after)
        })))
    }

    mutating func build(_ revision: String) throws {
        built.append(revision)
        if unbuildable.contains(revision) { throw BisectCandidateFailure("\(revision) does not compile") }
    }

    mutating func measure(_ revision: String, run: Int) throws -> [Double] {
        measured.append(revision)
        if unmeasurable.contains(revision) { throw BisectCandidateFailure("\(revision) crashed") }
        return values[revision] ?? []
    }
}
