import Foundation
import Harness
@testable import Strategies
import Testing
import TestSupport

/// A strategy whose writers block in `write` until ``WriteGate/open()``, so frames pile up in a queue in front of them.
private struct GatedStrategy: WriterStrategy {
    let name = "gated"
    let settings = EncoderSettings(encoder: "gated", preset: "", crf: 0)
    let colorPolicy = ColorPolicy.bt709Limited
    let summary = "waits for the gate before each write"
    let gate: WriteGate
    func availability() -> Availability { .available }
    func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter { GatedWriter(gate: gate) }
}

/// Lets writes through once opened. `@unchecked Sendable`: the semaphore is thread-safe and the only state.
private final class WriteGate: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func wait() { semaphore.wait(); semaphore.signal() }
    func open() { semaphore.signal() }
}

private final class GatedWriter: VideoWriter {
    let gate: WriteGate
    var frames = 0
    init(gate: WriteGate) { self.gate = gate }
    func write(_ frame: Frame) throws { gate.wait(); frames += 1 }
    func finish() throws -> WriterReport { WriterReport(bytesWritten: 0, encoderUsed: "gated", framesWritten: frames) }
    func abort() {}
}

/// What the harness asks of a writer or strategy about its queue, answered the same through `auto` as directly.
@Suite struct QueueCapabilityTests {
    let size = FrameSize(width: 64, height: 48)
    let eight = QueueCapacity(frames: 8)

    func configuration(_ path: String) -> WriterConfiguration {
        WriterConfiguration(outputPath: path, width: size.width, height: size.height)
    }

    @Test func aSynchronousStrategyAndItsWritersHaveNoQueue() throws {
        let strategy = LibAVStrategy()
        #expect(strategy.queueCapacity == nil)
        let writer = try strategy.makeWriter(configuration(try makeTemporaryDirectory() + "/sync.mp4"))
        defer { writer.abort() }
        #expect(writer.queueCapacity == nil && writer.queuedFrames == 0 && !writer.holdsFramesAfterWrite)
    }

    @Test func anAsyncStrategyAndItsWritersReportTheirBound() throws {
        let strategy = AsyncStrategy(wrapping: LibAVStrategy(), capacity: eight)
        #expect(strategy.queueCapacity == eight)
        let writer = try strategy.makeWriter(configuration(try makeTemporaryDirectory() + "/async.mp4"))
        defer { writer.abort() }
        #expect(writer.queueCapacity == eight && writer.holdsFramesAfterWrite)
    }

    @Test func autoThatPicksLibAVAsyncDescribesItsQueueLikeLibAVAsync() throws {
        let libavAsync = AsyncStrategy(wrapping: LibAVStrategy(), name: "libav-async", capacity: eight)
        let auto = AutoStrategy(candidates: [libavAsync, OpenCVStrategy(fourcc: "mp4v")])
        #expect(auto.queueCapacity == eight)
        let writer = try auto.makeWriter(configuration(try makeTemporaryDirectory() + "/auto.mp4"))
        defer { writer.abort() }
        #expect(writer is AutoVideoWriter)
        #expect(writer.queueCapacity == eight && writer.queueCapacity?.description == "8 frames")
        #expect(writer.holdsFramesAfterWrite)
    }

    @Test func autoReportsTheQueueDepthOfTheWriterItChose() throws {
        let gate = WriteGate()
        let auto = AutoStrategy(candidates: [AsyncStrategy(wrapping: GatedStrategy(gate: gate), capacity: eight)])
        let writer = try auto.makeWriter(configuration(try makeTemporaryDirectory() + "/gated.mp4"))
        #expect(writer.queuedFrames == 0)
        for index in 0..<4 { try writer.write(FrameSet.camera.frame(index, size: size)) }
        // The writer thread may already have taken the first frame and be waiting at the gate with it.
        #expect((3...4).contains(writer.queuedFrames), "\(writer.queuedFrames) frames queued")
        gate.open()
        #expect(try writer.finish().framesWritten == 4)
    }

    @Test func autoThatOpensASynchronousWriterHasNoQueue() throws {
        let auto = AutoStrategy(candidates: [LibAVStrategy()])
        #expect(auto.queueCapacity == nil)
        let writer = try auto.makeWriter(configuration(try makeTemporaryDirectory() + "/auto-sync.mp4"))
        defer { writer.abort() }
        #expect(writer.queueCapacity == nil && !writer.holdsFramesAfterWrite)
    }
}
