@testable import Harness
import Strategies
import Testing

@Suite struct DelayedWriterTests {
    /// Counts what reaches the wrapped writer.
    final class CountingWriter: VideoWriter {
        private(set) var writes = 0
        func write(_ frame: Frame) throws { writes += 1 }
        func finish() throws -> WriterReport { WriterReport(bytesWritten: 0, encoderUsed: "null", framesWritten: writes) }
        func abort() {}
    }

    @Test func everyWriteIsHeldForAtLeastTheDelayAndStillReachesTheWrappedWriter() throws {
        let inner = CountingWriter()
        let writer = DelayedWriter(wrapping: inner, delayMicroseconds: 2_000)
        let frame = Frame(width: 2, height: 2, bytes: [UInt8](repeating: 0, count: 12))
        for _ in 0..<3 {
            let start = MonotonicClock.now()
            try writer.write(frame)
            // A lower bound only: the delay is a floor the writer must hold, whatever else the machine does.
            #expect(MonotonicClock.now() - start >= 2_000_000)
        }
        #expect(inner.writes == 3)
        let report = try writer.finish()
        #expect(report.framesWritten == 3)
        #expect(report.notes.contains("debug: every write delayed by 2000 us"))
    }
}
