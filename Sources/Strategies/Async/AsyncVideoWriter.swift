import CPosixShim
import Foundation

/// Runs any ``VideoWriter`` on a dedicated thread behind a bounded queue: `write` enqueues the frame and returns.
///
/// - Frames are values with copy-on-write storage, so enqueueing copies no pixels.
/// - When the queue is full, `write` blocks until the writer thread makes room (back-pressure); frames are never
///   dropped. Time spent blocked and the queue's high-water mark are reported in ``WriterReport/queue``.
/// - An error on the writer thread aborts the inner writer (killing any child process) and is thrown by the next
///   `write` or by `finish`.
/// - `finish` drains the queue, finishes the inner writer on its thread and joins the thread. Deinit aborts.
/// - No wait is unbounded: when the writer thread shows no sign of life (a frame written, or bytes taken or output
///   produced by an inner pipe writer) for the stall timeout plus ``stallGrace``, a blocked `write` or `finish` throws
///   ``WriterError/stalled(strategy:phase:frame:timeoutSeconds:encoderSaid:)``. The inner writer is aborted when its
///   thread returns; an in-process encoder stuck in a C call cannot be interrupted, so its thread is then left
///   behind. An inner pipe writer detects its own stall first (after the timeout alone) and kills its child.
/// - A writer thread that has not completed its current frame for the stall timeout is reported once, live, through
///   the stall warning (stderr by default), and from the stall timeout plus ``stallGrace`` on every `write` throws
///   the same `stalled` error, even when the queue still has room: a hung in-process encoder ends the run instead of
///   filling the queue and waiting silently.
/// - Opening is bounded too: an inner writer that does not open within the stall timeout plus ``stallGrace`` fails
///   the init with `stalled` in ``StallPhase/open``; its thread is left to end on its own and aborts what it opened.
public final class AsyncVideoWriter: VideoWriter {
    private let state: QueueState
    private let geometry: FrameGeometry
    private var closed = false

    /// Takes ownership of `inner`; from now on only the writer thread touches it. Frames' storage goes back to
    /// `pool` (when given) once written.
    public convenience init(wrapping inner: any VideoWriter, geometry: FrameGeometry, capacity: QueueCapacity = .default,
                            pool: FramePool? = nil, name: String = "writerbench.async-writer",
                            stallTimeout: Duration = WriterConfiguration.defaultStallTimeout,
                            warnStalled: @escaping @Sendable (String) -> Void = AsyncVideoWriter.standardErrorWarning) {
        let transfer = WriterTransfer(writer: inner)
        // Cannot throw: the opener only hands over a writer that is already open (the open bound is never reached).
        try! self.init(opening: { transfer.writer }, geometry: geometry, capacity: capacity, pool: pool, name: name,
                       stallTimeout: stallTimeout, warnStalled: warnStalled)
    }

    /// Added to the stall timeout before a blocked `write` or `finish` gives up on the writer thread, so that an
    /// inner writer that detects the stall itself (and kills its child, reaped within ``ChildProcess/reapBound``)
    /// reports it first, in its own words.
    public static let stallGrace: Duration = .seconds(5)

    /// Where the once-per-writer warning about a hung writer thread goes by default: standard error, one line.
    public static let standardErrorWarning: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }

    /// Opens the inner writer on the writer thread with `open`, and returns once it is open.
    ///
    /// Opening there matters: threads the encoder starts while opening (x264's workers) inherit the writer
    /// thread's background scheduling instead of competing with the caller (measured in the face-mirror pipeline:
    /// single writes of up to 8 ms while three in-process encoders ran at normal priority).
    ///
    /// `warnStalled` receives, at most once, a sentence saying that the writer thread has been stuck on a frame for
    /// `stallTimeout` (default: ``standardErrorWarning``).
    ///
    /// - Throws: whatever `open` throws, and no thread is left behind; or
    ///   ``WriterError/stalled(strategy:phase:frame:timeoutSeconds:encoderSaid:)`` in ``StallPhase/open`` when `open`
    ///   has not returned within `stallTimeout` plus ``stallGrace`` (its thread then aborts the writer if it ever opens).
    public convenience init(opening open: @escaping @Sendable () throws -> any VideoWriter, geometry: FrameGeometry,
                            capacity: QueueCapacity = .default, pool: FramePool? = nil,
                            name: String = "writerbench.async-writer",
                            stallTimeout: Duration = WriterConfiguration.defaultStallTimeout,
                            warnStalled: @escaping @Sendable (String) -> Void = AsyncVideoWriter.standardErrorWarning) throws {
        try self.init(opening: open, geometry: geometry, capacity: capacity, pool: pool, name: name,
                      stallTimeout: stallTimeout, heartbeat: Heartbeat(), warnStalled: warnStalled)
    }

    /// Opens as above; `heartbeat` is the one the inner writer's configuration carries, so that its progress counts.
    init(opening open: @escaping @Sendable () throws -> any VideoWriter, geometry: FrameGeometry,
         capacity: QueueCapacity, pool: FramePool?, name: String, stallTimeout: Duration, heartbeat: Heartbeat,
         warnStalled: @escaping @Sendable (String) -> Void = AsyncVideoWriter.standardErrorWarning) throws {
        self.geometry = geometry
        let strategy = name.hasPrefix("writerbench.") ? String(name.dropFirst("writerbench.".count)) : name
        let bound = stallTimeout + Self.stallGrace
        self.state = QueueState(capacity: capacity, pool: pool, strategy: strategy, stallTimeout: stallTimeout,
                                bound: bound, heartbeat: heartbeat, warnStalled: warnStalled)
        let state = self.state
        let started = DispatchSemaphore(value: 0)
        let thread = Thread {
            // Named for the OS (top, gdb, /proc), truncated to Linux's 15 bytes.
            _ = cposix_name_current_thread(name)
            // The caller's thread must not lose its core to this thread's wake-ups (measured: write p95 at
            // 1080p paced 30 fps went from 0.3-1.7 ms to 0.03 ms).
            _ = cposix_make_current_thread_batch()
            let writer: any VideoWriter
            do {
                writer = try open()
            } catch {
                state.failToOpen(error)
                started.signal()
                return
            }
            // The caller gave up waiting (a bounded open): nobody will write or finish, so close what opened late.
            guard state.opened() else {
                writer.abort()
                return
            }
            started.signal()
            state.runWriterLoop(writer)
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
        // Opening returns once the writer thread runs the open writer, so a writer that exists always has its
        // named thread. Bounded: an inner open that hangs (a device that never answers) fails here.
        if started.wait(timeout: .now() + .nanoseconds(Int(clamping: bound.wholeNanoseconds))) == .timedOut,
           state.abandonOpen() {
            closed = true
            throw WriterError.stalled(
                strategy: strategy, phase: .open, frame: 0, timeoutSeconds: bound.secondsForMessages,
                encoderSaid: "nothing WriterBench could read: opening the encoder on the writer thread did not return; that thread is left to end on its own and closes the encoder if it ever opens")
        }
        if let error = state.openFailure {
            closed = true
            throw error
        }
    }

    deinit { abort() }

    /// Frames waiting for the writer thread right now (for per-write samples).
    public var queuedFrames: Int { state.queuedFrames }

    /// The bound `write` blocks at.
    public var queueCapacity: QueueCapacity? { state.capacity }

    /// While held, `write` appends without waking the writer thread; releasing wakes it if it waits (see
    /// ``VideoWriter/holdWakeUps(_:)``).
    public func holdWakeUps(_ hold: Bool) { state.holdWakeUps(hold) }

    public func write(_ frame: Frame) throws {
        guard !closed else { throw WriterError.closed }
        try geometry.check(frame)
        do {
            try state.enqueue(frame)
        } catch let error as WriterError {
            // A stalled writer thread is abandoned, not joined: abort must not wait for it.
            if case .stalled = error { closed = true }
            throw error
        }
    }

    public func finish() throws -> WriterReport {
        guard !closed else { throw WriterError.closed }
        closed = true
        return try state.finish()
    }

    public func abort() {
        guard !closed else { return }
        closed = true
        state.abort()
    }
}

/// Moves a non-Sendable writer to the writer thread exactly once.
///
/// `@unchecked Sendable` is safe because the creating thread gives up its reference before the thread starts:
/// ``AsyncVideoWriter`` keeps no reference to the inner writer.
private struct WriterTransfer: @unchecked Sendable {
    let writer: any VideoWriter
}

/// The queue shared by the caller and the writer thread; every field is guarded by `condition`.
///
/// `@unchecked Sendable`: all mutable state is read and written only while holding `condition`'s lock.
private final class QueueState: @unchecked Sendable {
    private let condition = NSCondition()
    let capacity: QueueCapacity
    private let pool: FramePool?
    /// Queued frames from `head` on; dequeued slots are emptied so the writer thread holds the only reference to a
    /// frame it writes (which lets ``FramePool`` reuse the storage without a copy).
    private var frames: [Frame?] = []
    private var head = 0
    private var queuedBytes = 0
    private var finishing = false
    private var aborting = false
    private var threadDone = false
    /// Whether the writer thread is waiting for a frame, and how many callers wait for room: wake-ups are only
    /// sent to someone who waits, since every futex wake on the caller's path costs it time (and on a busy 2-core
    /// machine can hand its core to the woken thread).
    private var writerWaiting = false
    private var producersWaiting = 0
    /// Set by ``holdWakeUps(_:)``: `enqueue` does not wake the writer thread (unless it must wait for room).
    private var wakeUpsHeld = false
    private var failure: (any Error)?
    private var openError: (any Error)?
    private var report: WriterReport?
    private var statistics = QueueStatistics(blockedSeconds: 0, blockedWrites: 0, highWaterFrames: 0, highWaterBytes: 0)
    /// Frames accepted by ``enqueue(_:)`` so far: the next frame's index.
    private var enqueuedFrames = 0
    private let strategy: String
    /// How long a caller waits without a sign of life from the writer thread.
    private let bound: Duration
    /// How long the writer thread may spend on one frame before the stall warning.
    private let stallTimeout: Duration
    private let heartbeat: Heartbeat
    private let warnStalled: @Sendable (String) -> Void
    /// Whether the writer thread holds a dequeued frame it has not finished writing.
    private var writing = false
    /// Frames the inner writer has completed: the index of the frame it is writing while ``writing``.
    private var writtenFrames = 0
    private var warned = false
    /// The warning to hand to `warnStalled` once the lock is released (it may write to a slow stderr).
    private var pendingWarning: String?
    /// Whether the writer thread got past opening, and whether the caller stopped waiting for that.
    private var openDone = false
    private var openAbandoned = false

    init(capacity: QueueCapacity, pool: FramePool?, strategy: String, stallTimeout: Duration, bound: Duration,
         heartbeat: Heartbeat, warnStalled: @escaping @Sendable (String) -> Void) {
        self.capacity = capacity
        self.pool = pool
        self.strategy = strategy
        self.stallTimeout = stallTimeout
        self.bound = bound
        self.heartbeat = heartbeat
        self.warnStalled = warnStalled
        frames.reserveCapacity(min(capacity.frames, 1024))
    }

    /// Called by the writer thread once the inner writer is open: false when the caller already gave up on it.
    func opened() -> Bool {
        condition.lock(); defer { condition.unlock() }
        openDone = !openAbandoned
        return openDone
    }

    /// Called by the caller when opening took too long: true when the writer thread had indeed not opened (it will
    /// close the writer itself if it ever does), false when it opened in the meantime.
    func abandonOpen() -> Bool {
        condition.lock(); defer { condition.unlock() }
        openAbandoned = !openDone
        return openAbandoned
    }

    var queuedFrames: Int {
        condition.lock(); defer { condition.unlock() }
        return frames.count - head
    }

    func enqueue(_ frame: Frame) throws {
        let size = frame.bytes.count
        condition.lock()
        defer { unlockAndWarn() }
        // The queue may have room while the writer thread is stuck in an encoder call: the caller must hear of it
        // all the same (one clock read, only while a frame is being written).
        if writing && failure == nil { try checkHung() }
        if !hasRoom(for: size) && failure == nil {
            let start = DispatchTime.now().uptimeNanoseconds
            producersWaiting += 1
            defer { producersWaiting -= 1 }
            // The writer thread makes the room: it must not sleep through a held wake-up.
            if writerWaiting { condition.broadcast() }
            while !hasRoom(for: size) && failure == nil {
                try waitBounded(phase: .write)
            }
            statistics.blockedSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            statistics.blockedWrites += 1
        }
        if let failure { throw failure }
        frames.append(frame)
        enqueuedFrames += 1
        queuedBytes += size
        statistics.highWaterFrames = max(statistics.highWaterFrames, frames.count - head)
        statistics.highWaterBytes = max(statistics.highWaterBytes, queuedBytes)
        if writerWaiting && !wakeUpsHeld { condition.broadcast() }
    }

    func holdWakeUps(_ hold: Bool) {
        condition.lock()
        defer { condition.unlock() }
        wakeUpsHeld = hold
        if !hold && writerWaiting && head < frames.count { condition.broadcast() }
    }

    func finish() throws -> WriterReport {
        condition.lock()
        defer { unlockAndWarn() }
        finishing = true
        // The bound counts from now at the latest: an idle writer thread has had nothing to show progress on.
        heartbeat.beat()
        condition.broadcast()
        while !threadDone { try waitBounded(phase: .finish) }
        if let failure { throw failure }
        guard var report else { throw WriterError.closed }
        report.queue = statistics
        return report
    }

    func abort() {
        condition.lock()
        defer { condition.unlock() }
        aborting = true
        condition.broadcast()
        // Bounded like every other wait: a thread stuck in an encoder's C call is left to end on its own.
        while !threadDone && heartbeat.nanosecondsSinceLastBeat < bound.wholeNanoseconds {
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.25))
        }
    }

    /// The inner writer's error, with a stall named after this writer (`ffmpeg-pipe-async`, not `ffmpeg-pipe`): the
    /// strategy the user ran.
    private func naming(_ error: any Error) -> any Error {
        guard case .stalled(_, let phase, let frame, let timeout, let said) = error as? WriterError else { return error }
        return WriterError.stalled(strategy: strategy, phase: phase, frame: frame, timeoutSeconds: timeout,
                                   encoderSaid: said)
    }

    /// Releases the lock, then issues the stall warning if one became due meanwhile.
    private func unlockAndWarn() {
        let warning = pendingWarning.take()
        condition.unlock()
        if let warning { warnStalled(warning) }
    }

    /// (Lock held, a frame in the writer's hands.) Warns once when the writer thread has shown no sign of life for the
    /// stall timeout, and throws `stalled` on that frame once it has shown none for `bound` (unless `warnOnly`: a
    /// blocked wait throws by its own rule, naming its phase).
    private func checkHung(warnOnly: Bool = false) throws {
        let silent = heartbeat.nanosecondsSinceLastBeat
        guard silent >= stallTimeout.wholeNanoseconds else { return }
        if !warned {
            warned = true
            pendingWarning = ("\(strategy): the writer thread has not completed frame \(writtenFrames) for \(stallTimeout.secondsForMessages) s; an in-process encoder cannot be interrupted, so the run stops with a stall after \(bound.secondsForMessages) s unless it recovers (--stall-timeout)")
        }
        if !warnOnly && silent >= bound.wholeNanoseconds {
            aborting = true
            condition.broadcast()
            throw WriterError.stalled(
                strategy: strategy, phase: .write, frame: writtenFrames, timeoutSeconds: bound.secondsForMessages,
                encoderSaid: "nothing WriterBench could read: its writer thread has been inside the encoder since this frame; an in-process encoder cannot be interrupted, so that thread is left to end on its own")
        }
    }

    /// Waits (lock held) for the writer thread, at most a quarter second at a time; throws `stalled` once it has
    /// shown no sign of life for `bound`, and tells it to abort whenever it comes back.
    private func waitBounded(phase: StallPhase) throws {
        if writing { try checkHung(warnOnly: true) }
        if heartbeat.nanosecondsSinceLastBeat >= bound.wholeNanoseconds {
            aborting = true
            condition.broadcast()
            throw WriterError.stalled(
                strategy: strategy, phase: phase, frame: enqueuedFrames,
                timeoutSeconds: bound.secondsForMessages,
                encoderSaid: "nothing WriterBench could read: its writer thread stopped making progress; an in-process encoder cannot be interrupted, so that thread is left to end on its own")
        }
        _ = condition.wait(until: Date(timeIntervalSinceNow: 0.25))
    }

    /// The writer thread's body: write queued frames in order, then finish or abort the inner writer.
    func runWriterLoop(_ writer: any VideoWriter) {
        heartbeat.beat()
        while let frame = nextFrame() {
            do {
                try writer.write(frame)
                heartbeat.beat()
                frameWritten(size: frame.bytes.count)
                pool?.recycle(frame)
            } catch {
                writer.abort()
                stop(with: naming(error), report: nil)
                return
            }
        }
        if isAborting {
            writer.abort()
            stop(with: nil, report: nil)
            return
        }
        heartbeat.beat()
        do {
            stop(with: nil, report: try writer.finish())
        } catch {
            writer.abort()
            stop(with: naming(error), report: nil)
        }
    }

    private func hasRoom(for size: Int) -> Bool {
        let count = frames.count - head
        return count == 0 || (count < capacity.frames && queuedBytes + size <= capacity.bytes)
    }

    /// The next frame to write, or nil once the queue is empty and finishing, or when aborting.
    private func nextFrame() -> Frame? {
        condition.lock()
        defer { condition.unlock() }
        while head == frames.count && !finishing && !aborting {
            writerWaiting = true
            condition.wait()
            writerWaiting = false
        }
        if aborting || head == frames.count { return nil }
        defer { if head == frames.count { frames.removeAll(keepingCapacity: true); head = 0 } }
        let frame = frames[head].take()
        head += 1
        writing = true
        heartbeat.beat()
        // Keep the array from growing without bound while still never shifting on every dequeue.
        if head >= 256 && head * 2 >= frames.count {
            frames.removeFirst(head)
            head = 0
        }
        return frame
    }

    private func frameWritten(size: Int) {
        condition.lock()
        writing = false
        writtenFrames += 1
        queuedBytes -= size
        if producersWaiting > 0 { condition.broadcast() }
        condition.unlock()
    }

    private var isAborting: Bool {
        condition.lock(); defer { condition.unlock() }
        return aborting
    }

    /// Records that the inner writer could not be opened; the thread ends without a loop.
    func failToOpen(_ error: any Error) {
        condition.lock()
        openError = error
        condition.unlock()
        stop(with: error, report: nil)
    }

    /// The error that kept the inner writer from opening, if any.
    var openFailure: (any Error)? {
        condition.lock(); defer { condition.unlock() }
        return openError
    }

    private func stop(with error: (any Error)?, report: WriterReport?) {
        condition.lock()
        failure = error
        self.report = report
        frames.removeAll()
        head = 0
        queuedBytes = 0
        threadDone = true
        condition.broadcast()
        condition.unlock()
    }
}
