import Foundation
import Harness
@testable import Strategies
import Synchronization
import Testing
import TestSupport

/// A writer that records what it receives, optionally slowly, optionally failing at a given frame.
final class RecordingWriter: VideoWriter, @unchecked Sendable {
    let received = Mutex<[UInt8]>([])
    let delay: useconds_t
    let failAt: Int?
    let finished = Mutex(false)
    let aborted = Mutex(false)

    init(delayMicroseconds: useconds_t = 0, failAt: Int? = nil) {
        delay = delayMicroseconds
        self.failAt = failAt
    }

    func write(_ frame: Frame) throws {
        if delay > 0 { usleep(delay) }
        let count = received.withLock { $0.count }
        if count == failAt { throw WriterError.encoderFailed(encoder: "recording", detail: "refused frame \(count)") }
        received.withLock { $0.append(frame.bytes[0]) }
    }

    func finish() throws -> WriterReport {
        finished.withLock { $0 = true }
        return WriterReport(bytesWritten: 0, encoderUsed: "recording", framesWritten: received.withLock { $0.count })
    }

    func abort() { aborted.withLock { $0 = true } }
}

@Suite struct AsyncVideoWriterTests {
    let geometry = FrameGeometry(width: 4, height: 2)

    func tinyFrame(_ marker: UInt8) -> Frame {
        Frame(width: 4, height: 2, bytes: [marker] + [UInt8](repeating: 0, count: 23))
    }

    @Test func framesReachTheInnerWriterInOrderAndNoneIsDropped() throws {
        let inner = RecordingWriter(delayMicroseconds: 500)
        let writer = AsyncVideoWriter(wrapping: inner, geometry: geometry, capacity: QueueCapacity(frames: 1))
        for marker in 0..<50 { try writer.write(tinyFrame(UInt8(marker))) }
        let report = try writer.finish()
        #expect(inner.received.withLock { $0 } == (0..<50).map(UInt8.init))
        #expect(report.framesWritten == 50)
        #expect(inner.finished.withLock { $0 })
        let queue = try #require(report.queue)
        #expect(queue.highWaterFrames == 1)
        #expect(queue.blockedWrites > 0)
        #expect(queue.blockedSeconds > 0)
    }

    @Test func heldWakeUpsLoseNoFrameAndNeverStallAWriterWhoseQueueFills() throws {
        let inner = RecordingWriter(delayMicroseconds: 200)
        let writer = AsyncVideoWriter(wrapping: inner, geometry: geometry, capacity: QueueCapacity(frames: 3))
        writer.holdWakeUps(true)
        // Far more than the queue holds: each write that waits for room must wake the writer thread itself.
        for marker in 0..<20 { try writer.write(tinyFrame(UInt8(marker))) }
        writer.holdWakeUps(false)
        let report = try writer.finish()
        #expect(inner.received.withLock { $0 } == (0..<20).map(UInt8.init))
        #expect(report.framesWritten == 20)
    }

    @Test func releasingHeldWakeUpsWakesTheWriterThreadWithoutFinish() throws {
        let inner = RecordingWriter()
        let writer = AsyncVideoWriter(wrapping: inner, geometry: geometry, capacity: QueueCapacity(frames: 10))
        writer.holdWakeUps(true)
        for marker in 0..<5 { try writer.write(tinyFrame(UInt8(marker))) }
        writer.holdWakeUps(false)
        let deadline = Date().addingTimeInterval(10)
        while inner.received.withLock({ $0.count }) < 5 && Date() < deadline { usleep(1000) }
        #expect(inner.received.withLock { $0.count } == 5, "written before finish: the release woke the thread")
        _ = try writer.finish()
    }

    @Test func byteBoundLimitsHowManyFramesWait() throws {
        let inner = RecordingWriter(delayMicroseconds: 300)
        let writer = AsyncVideoWriter(wrapping: inner, geometry: geometry, capacity: QueueCapacity(frames: 100, bytes: 24 * 3))
        for marker in 0..<30 { try writer.write(tinyFrame(UInt8(marker))) }
        let report = try writer.finish()
        #expect(try #require(report.queue).highWaterFrames <= 3)
        #expect(report.framesWritten == 30)
    }

    @Test func innerFailureSurfacesOnALaterWriteOrFinishAndAbortsTheInnerWriter() throws {
        let inner = RecordingWriter(failAt: 5)
        let writer = AsyncVideoWriter(wrapping: inner, geometry: geometry, capacity: QueueCapacity(frames: 2))
        var caught: (any Error)?
        do {
            for marker in 0..<200 { try writer.write(tinyFrame(UInt8(truncatingIfNeeded: marker))) }
            _ = try writer.finish()
        } catch {
            caught = error
        }
        #expect(String(describing: try #require(caught)).contains("refused frame 5"))
        #expect(inner.aborted.withLock { $0 })
        #expect(!inner.finished.withLock { $0 })
    }

    @Test func wrongFrameSizeIsRejectedOnTheCallersThread() throws {
        let writer = AsyncVideoWriter(wrapping: RecordingWriter(), geometry: geometry)
        defer { writer.abort() }
        #expect(throws: WriterError.self) { try writer.write(FrameSet.noise.frame(0, size: FrameSize(width: 8, height: 2))) }
    }

    @Test func writerThreadIsGoneAfterFinishAndAfterAbort() throws {
        let name = uniqueThreadName()
        for _ in 0..<5 {
            let finishing = AsyncVideoWriter(wrapping: RecordingWriter(), geometry: geometry, name: name)
            try finishing.write(tinyFrame(1))
            #expect(liveThreads(named: name, expecting: 1) == 1)
            _ = try finishing.finish()
            let aborting = AsyncVideoWriter(wrapping: RecordingWriter(delayMicroseconds: 1000), geometry: geometry, name: name)
            try aborting.write(tinyFrame(1))
            aborting.abort()
        }
        #expect(liveThreads(named: name) == 0)
    }

    @Test func noFrameIsLostThroughFFmpegWithAQueueOfOneFrame() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/async.mp4"
        let strategy = AsyncStrategy(wrapping: FFmpegPipeStrategy(), capacity: QueueCapacity(frames: 1))
        #expect(strategy.name == "ffmpeg-pipe-async")
        let writer = try strategy.makeWriter(WriterConfiguration(outputPath: path, width: 320, height: 240))
        for index in 0..<40 { try writer.write(FrameSet.camera.frame(index, size: FrameSize(width: 320, height: 240))) }
        let report = try writer.finish()
        #expect(report.framesWritten == 40)
        #expect(try FFprobe.probe(path) == FFprobe(codec: "h264", width: 320, height: 240, decodedFrames: 40))
    }

    @Test func encoderKilledMidStreamSurfacesWithoutLeavingAThreadOrProcess() throws {
        let directory = try makeTemporaryDirectory()
        let fake = try FakeEncoder.install(in: directory, bytesBeforeDying: 320 * 240 * 3 * 2, death: .killed)
        let name = uniqueThreadName()
        let configuration = WriterConfiguration(outputPath: directory + "/out.mp4", width: 320, height: 240)
        let start = Date()
        var caught: (any Error)?
        do {
            let inner = try FFmpegPipeStrategy(ffmpegPath: fake, pipeBufferBytes: 65_536).makeWriter(configuration)
            let writer = AsyncVideoWriter(wrapping: inner, geometry: configuration.geometry,
                                          capacity: QueueCapacity(frames: 2), name: name)
            for index in 0..<60 { try writer.write(FrameSet.camera.frame(index % 3, size: FrameSize(width: 320, height: 240))) }
            _ = try writer.finish()
        } catch {
            caught = error
        }
        #expect(String(describing: try #require(caught)).contains("killed by signal 9"))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(FakeEncoder.wasReaped(in: directory))
        #expect(liveThreads(named: name) == 0)
    }
}

@Suite struct FramePoolTests {
    let geometry = FrameGeometry(width: 16, height: 8)

    @Test func writtenFramesGoBackToThePoolSoProducingAllocatesOnlyWhatTheQueueHolds() throws {
        let pool = FramePool(geometry: geometry)
        let inner = RecordingWriter(delayMicroseconds: 200)
        let writer = AsyncVideoWriter(wrapping: inner, geometry: geometry, capacity: QueueCapacity(frames: 2), pool: pool)
        for index in 0..<200 {
            try writer.write(pool.makeFrame { pixels in pixels.update(repeating: UInt8(index % 256)) })
        }
        _ = try writer.finish()
        #expect(inner.received.withLock { $0 } == (0..<200).map { UInt8($0 % 256) })
        // Two queued, one being written, one being filled, plus scheduling slack.
        #expect(pool.allocations <= 6)
    }

    @Test func aFrameStillHeldByTheCallerIsNeverOverwritten() throws {
        let pool = FramePool(geometry: geometry)
        let kept = pool.makeFrame { $0.update(repeating: 7) }
        pool.recycle(kept)
        let next = pool.makeFrame { $0.update(repeating: 9) }
        #expect(kept.bytes.allSatisfy { $0 == 7 })
        #expect(next.bytes.allSatisfy { $0 == 9 })
    }
}
