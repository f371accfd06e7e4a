import Foundation
import Harness
@testable import Strategies
import Synchronization
import Testing
import TestSupport

/// A silent encoder never hangs a writer: within the stall timeout plus a few seconds, the write or finish fails
/// with a `stalled` error naming the strategy, the frame and the encoder's words, and the child is gone.
@Suite struct StallWatchdogTests {
    let size = FrameSize(width: 320, height: 240)
    let timeout: Duration = .seconds(1)
    /// Timeout plus the reap bound plus slack for a machine shared by several builds: generous, proves "no hang".
    let bound: TimeInterval = 1 + 3 + 6

    func configuration(_ directory: String) -> WriterConfiguration {
        var configuration = WriterConfiguration(outputPath: directory + "/out.mp4", width: 320, height: 240)
        configuration.stallTimeout = timeout
        return configuration
    }

    /// Writes up to `count` frames and finishes; returns the error and the seconds it took to arrive.
    func writeUntilFailure(_ writer: any VideoWriter, frames count: Int) -> (error: (any Error)?, seconds: TimeInterval) {
        let start = Date()
        do {
            for index in 0..<count { try writer.write(FrameSet.camera.frame(index, size: size)) }
            _ = try writer.finish()
            return (nil, Date().timeIntervalSince(start))
        } catch {
            writer.abort()
            return (error, Date().timeIntervalSince(start))
        }
    }

    @Test(arguments: FakeEncoder.Stall.allCases)
    func anEncoderThatNeverReadsFailsTheWriteAsStalledAndIsReaped(stall: FakeEncoder.Stall) throws {
        try withTemporaryDirectory { directory in
            let fake = try FakeEncoder.installStalling(in: directory, stall: stall)
            let writer = try FFmpegPipeStrategy(ffmpegPath: fake, pipeBufferBytes: 65_536).makeWriter(configuration(directory))
            let (error, seconds) = writeUntilFailure(writer, frames: 50)
            let stalled = try #require(error as? WriterError)
            guard case .stalled(let strategy, let phase, _, let timeoutSeconds, let said) = stalled else {
                Issue.record("expected a stall, got \(stalled)")
                return
            }
            #expect(strategy == "ffmpeg-pipe")
            #expect(phase == .write)
            #expect(timeoutSeconds == 1)
            #expect(said.contains("fake encoder: stalling now"))
            #expect(stalled.description.contains("--stall-timeout"))
            #expect(seconds < bound)
            #expect(FakeEncoder.wasReaped(in: directory))
        }
    }

    @Test func anEncoderThatStopsItselfMidStreamNamesTheFrameItStalledOn() throws {
        try withTemporaryDirectory { directory in
            let frameBytes = 320 * 240 * 3
            let fake = try FakeEncoder.installStalling(in: directory, bytesBeforeStalling: 5 * frameBytes,
                                                       stall: .stopItself)
            let writer = try FFmpegPipeStrategy(ffmpegPath: fake, pipeBufferBytes: 65_536).makeWriter(configuration(directory))
            let (error, seconds) = writeUntilFailure(writer, frames: 200)
            guard case .stalled(_, .write, let frame, _, _) = try #require(error as? WriterError) else {
                Issue.record("expected a stall while writing, got \(String(describing: error))")
                return
            }
            // Five frames were read; what fits in the pipe (64 KiB or more) was accepted on top.
            #expect(frame >= 5)
            #expect(frame < 200)
            #expect(seconds < bound)
            #expect(FakeEncoder.wasReaped(in: directory))
        }
    }

    @Test func anEncoderThatNeverExitsFailsFinishAsStalled() throws {
        try withTemporaryDirectory { directory in
            let fake = try FakeEncoder.installStalling(in: directory, readAllThenStall: true)
            let writer = try FFmpegPipeStrategy(ffmpegPath: fake).makeWriter(configuration(directory))
            let (error, seconds) = writeUntilFailure(writer, frames: 10)
            guard case .stalled(_, .finish, let frame, _, let said) = try #require(error as? WriterError) else {
                Issue.record("expected a stall at finish, got \(String(describing: error))")
                return
            }
            #expect(frame == 10)
            #expect(said.contains("stalling now"))
            #expect(String(describing: error!).contains("at finish after 10 frames"))
            #expect(seconds < bound)
            #expect(FakeEncoder.wasReaped(in: directory))
        }
    }

    @Test func anAsyncPipeWriterReportsTheStallAndLeavesNoThread() throws {
        try withTemporaryDirectory { directory in
            let fake = try FakeEncoder.installStalling(in: directory)
            let name = uniqueThreadName()
            let configuration = configuration(directory)
            let writer = try AsyncVideoWriter(
                opening: { try FFmpegPipeStrategy(ffmpegPath: fake, pipeBufferBytes: 65_536).makeWriter(configuration) },
                geometry: configuration.geometry, capacity: QueueCapacity(frames: 4), name: name,
                stallTimeout: timeout)
            let (error, seconds) = writeUntilFailure(writer, frames: 100)
            guard case .stalled(let strategy, _, _, _, let said) = try #require(error as? WriterError) else {
                Issue.record("expected a stall, got \(String(describing: error))")
                return
            }
            // The inner pipe writer noticed first and said so in the encoder's words, under the async writer's name.
            #expect(strategy == name)
            #expect(said.contains("stalling now"))
            #expect(seconds < bound)
            #expect(FakeEncoder.wasReaped(in: directory))
            #expect(liveThreads(named: name) == 0)
        }
    }

    @Test func asyncFinishGivesUpOnAWriterThreadThatNeverReturns() throws {
        let release = DispatchSemaphore(value: 0)
        let name = uniqueThreadName()
        let writer = AsyncVideoWriter(wrapping: StuckWriter(release: release),
                                      geometry: FrameGeometry(width: 320, height: 240, format: .bgr24),
                                      name: name, stallTimeout: .milliseconds(200))
        let start = Date()
        try writer.write(FrameSet.camera.frame(0, size: size))
        var caught: (any Error)?
        do { _ = try writer.finish() } catch { caught = error }
        let elapsed = Date().timeIntervalSince(start)
        guard case .stalled(let strategy, .finish, let frame, _, _) = try #require(caught as? WriterError) else {
            Issue.record("expected a stall at finish, got \(String(describing: caught))")
            return
        }
        #expect(strategy == name)
        #expect(frame == 1)
        #expect(elapsed >= 0.2 + AsyncVideoWriter.stallGrace.secondsForMessages - 0.1)
        #expect(elapsed < 0.2 + AsyncVideoWriter.stallGrace.secondsForMessages + 6)
        // Let the stuck call return: the abandoned thread then aborts its writer and ends.
        release.signal()
        #expect(liveThreads(named: name) == 0)
    }

    @Test func anAsyncOpenThatNeverReturnsFailsAsStalledAndTheLateWriterIsClosed() throws {
        let release = DispatchSemaphore(value: 0)
        let late = RecordingWriter()
        let name = uniqueThreadName()
        let start = Date()
        var caught: (any Error)?
        do {
            _ = try AsyncVideoWriter(opening: { release.wait(); return late },
                                     geometry: FrameGeometry(width: 320, height: 240, format: .bgr24),
                                     name: name, stallTimeout: .milliseconds(200))
        } catch {
            caught = error
        }
        let elapsed = Date().timeIntervalSince(start)
        let stalled = try #require(caught as? WriterError)
        guard case .stalled(let strategy, .open, 0, _, _) = stalled else {
            Issue.record("expected a stall while opening, got \(stalled)")
            return
        }
        #expect(strategy == name)
        #expect(stalled.description.contains("while opening"))
        #expect(elapsed >= 0.2 + AsyncVideoWriter.stallGrace.secondsForMessages - 0.1)
        #expect(elapsed < 0.2 + AsyncVideoWriter.stallGrace.secondsForMessages + 6)
        // The open returns late: nobody will finish that writer, so its thread aborts it and ends.
        release.signal()
        #expect(liveThreads(named: name) == 0)
        #expect(late.aborted.withLock { $0 })
        #expect(late.finished.withLock { !$0 })
    }

    @Test func aHungInProcessEncoderIsWarnedAboutOnceAndStopsTheRunWhileTheQueueStillHasRoom() throws {
        let release = DispatchSemaphore(value: 0)
        let name = uniqueThreadName()
        let warnings = Mutex<[(message: String, afterWrites: Int)]>([])
        let writes = Atomic<Int>(0)
        let writer = AsyncVideoWriter(wrapping: StuckWriter(release: release),
                                      geometry: FrameGeometry(width: 320, height: 240, format: .bgr24),
                                      capacity: QueueCapacity(frames: 10_000), name: name,
                                      stallTimeout: .milliseconds(200),
                                      warnStalled: { message in
                                          warnings.withLock { $0.append((message, writes.load(ordering: .relaxed))) }
                                      })
        let start = Date()
        var caught: (any Error)?
        // A paced producer: the queue never fills, so only the hung-writer rule can stop it.
        while Date().timeIntervalSince(start) < 0.2 + AsyncVideoWriter.stallGrace.secondsForMessages + 6 {
            do {
                try writer.write(FrameSet.camera.frame(0, size: size))
            } catch {
                caught = error
                break
            }
            writes.add(1, ordering: .relaxed)
            usleep(50_000)
        }
        let stalled = try #require(caught as? WriterError)
        guard case .stalled(let strategy, .write, let frame, _, let said) = stalled else {
            Issue.record("expected a stall while writing, got \(stalled)")
            return
        }
        #expect(strategy == name)
        #expect(frame == 0)
        #expect(said.contains("in-process encoder cannot be interrupted"))
        let warned = warnings.withLock { $0 }
        #expect(warned.count == 1)
        #expect(warned.first?.message.contains("has not completed frame 0 for 0.2 s") == true)
        // Live: the warning came while the run went on, well before the stall ended it.
        #expect((warned.first?.afterWrites ?? .max) < writes.load(ordering: .relaxed))
        #expect(Date().timeIntervalSince(start) >= 0.2 + AsyncVideoWriter.stallGrace.secondsForMessages - 0.1)
        release.signal()
        #expect(liveThreads(named: name) == 0)
    }

    @Test func aSlowButLiveInProcessEncoderIsNeitherWarnedAboutNorStopped() throws {
        let warnings = Mutex(0)
        let writer = AsyncVideoWriter(wrapping: RecordingWriter(delayMicroseconds: 50_000),
                                      geometry: FrameGeometry(width: 320, height: 240, format: .bgr24),
                                      capacity: QueueCapacity(frames: 4), stallTimeout: .milliseconds(500),
                                      warnStalled: { _ in warnings.withLock { $0 += 1 } })
        for _ in 0..<20 { try writer.write(FrameSet.camera.frame(0, size: size)) }
        #expect(try writer.finish().framesWritten == 20)
        #expect(warnings.withLock { $0 } == 0)
    }
}

/// An in-process writer whose first write blocks until released, like a C encoder call that never returns.
private final class StuckWriter: VideoWriter, @unchecked Sendable {
    private let release: DispatchSemaphore
    init(release: DispatchSemaphore) { self.release = release }
    func write(_ frame: Frame) throws { release.wait() }
    func finish() throws -> WriterReport { WriterReport(bytesWritten: 0, encoderUsed: "stuck", framesWritten: 1, notes: []) }
    func abort() {}
}
