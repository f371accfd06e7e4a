@testable import Harness
import Testing

/// An in-process encoder cannot be interrupted: a row whose write or finish outlasted the stall timeout says so.
@Suite struct SlowCallNoteTests {
    @Test func aWriteOrFinishLongerThanTheTimeoutIsNamed() throws {
        let note = try #require(SlowCallNote.make(writeSamplesMs: [3, 12_345, 4], finishMs: 11_000,
                                                  stallTimeout: .seconds(10)))
        #expect(note.hasPrefix("write of frame 1 took 12.3 s, finish took 11.0 s: longer than --stall-timeout 10.0 s"))
        #expect(note.contains("cannot be interrupted"))
    }

    @Test func callsWithinTheTimeoutGetNoNote() {
        #expect(SlowCallNote.make(writeSamplesMs: [3, 9_999], finishMs: 10_000, stallTimeout: .seconds(10)) == nil)
    }
}
