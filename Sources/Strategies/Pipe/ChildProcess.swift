import CPosixShim
import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A child process whose stdin is a pipe we write to and whose stderr is drained continuously into a ``StderrTail``;
/// optionally with a second output channel on file descriptor 3, drained into a ``WriterTimingLog`` (the external
/// writers' timing protocol). The one spawner of every strategy with a child: the ffmpeg pipe and external commands.
///
/// The child's stdout goes to /dev/null. Pipes are created close-on-exec so that a sibling child (three writers
/// at once) never inherits our end of another child's stdin and keeps it from seeing end of file.
/// Our end of stdin is non-blocking, so writes can wait with a bound (``OwnedFileDescriptor/writeAll(_:stallTimeout:onProgress:)``):
/// that bound and ``wait(stallTimeout:countingStderr:progress:)`` are the one stall watchdog of every child.
///
/// The child leads its own process group, and ``kill()`` kills the whole group: a wrapper script's children, or
/// every process of a shell pipeline (`a | b`), die with it. Every wait here has a bound: ``wait(stallTimeout:countingStderr:progress:)``
/// gives up when the child makes no progress, ``kill()`` gives up on a child the kernel cannot reap (a process
/// stuck in uninterruptible sleep) after a few seconds, and the drains are waited for at most a few seconds (a
/// process that outlives the child and holds its stderr is killed with the group).
/// Confined to its owner's thread, except for the drain threads, which only touch `stderrTail` and `timingLog`.
final class ChildProcess {
    /// The child's process id, which is also its process group's id.
    let pid: pid_t
    /// Our end of the child's stdin.
    let stdin: OwnedFileDescriptor
    /// What the child printed on stderr lately.
    let stderrTail = StderrTail()
    /// What the child reported on fd 3, when it was given one.
    let timingLog: WriterTimingLog?
    /// Signalled once by each drain thread at end of file.
    private let drainDone = DispatchSemaphore(value: 0)
    /// Drain threads that have not reached end of file yet.
    private var drainsPending: Int
    private var exitStatus: Int32?
    /// Resource usage of the child (and of everything it reaped) once it has been reaped.
    private(set) var usage = rusage()

    /// Spawns `executable` (a path, or a name looked up in PATH) with `arguments`.
    ///
    /// - Parameters:
    ///   - timingChannel: give the child a pipe on fd 3, drained into ``timingLog``.
    ///   - batchScheduling: run the child under SCHED_BATCH (an encoder is background work whose wake-ups must not
    ///     preempt the producing thread); false leaves it on the normal scheduler (a peer measured as its users run it).
    /// - Throws: ``WriterError/system(call:errno:message:)`` when a pipe cannot be made or the spawn fails.
    init(executable: String, arguments: [String], timingChannel: Bool = false, batchScheduling: Bool = true)
        throws(WriterError) {
        // Each end closes itself if this init throws; making them ignores SIGPIPE (see OwnedFileDescriptor.pipe).
        let stdinPipe = try OwnedFileDescriptor.pipe()
        let stderrPipe = try OwnedFileDescriptor.pipe()
        let timingPipe = timingChannel ? try OwnedFileDescriptor.pipe() : nil

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // In target order 0, 1, 2, 3: every source is at least 3, so no source is overwritten before it is copied.
        posix_spawn_file_actions_adddup2(&actions, stdinPipe.readEnd.rawValue, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.writeEnd.rawValue, 2)
        if let timingPipe { posix_spawn_file_actions_adddup2(&actions, timingPipe.writeEnd.rawValue, 3) }
        // Then nothing else: a descriptor another thread made inheritable (a Foundation Pipe, a test's fifo) would
        // otherwise live on in this child and keep its pipe from ending. Where the C library cannot, the
        // close-on-exec flags of our own ends still hold.
        _ = cposix_spawn_file_actions_addclosefrom(&actions, timingPipe == nil ? 3 : 4)

        // SIGPIPE is ignored in this process (see BrokenPipeSignal); give the child the default disposition back.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Its own process group (0: the child's pid), so kill() reaches whatever it starts.
        posix_spawnattr_setpgroup(&attributes, 0)
        var flags = Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)
        if batchScheduling && cposix_spawnattr_set_batch(&attributes) == 0 { flags |= Int16(POSIX_SPAWN_SETSCHEDULER) }
        posix_spawnattr_setflags(&attributes, flags)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var result = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
        // ETXTBSY: the program file is still open for writing somewhere, typically because another thread's child
        // inherited the descriptor of a script that was just written (seen in the test suite). It clears within
        // milliseconds; retry briefly instead of failing the run.
        for _ in 0..<50 where result == ETXTBSY {
            usleep(10_000)
            result = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
        }
        // The child's ends: it has its own copies now, and ours would keep it from ever seeing end of file.
        stdinPipe.readEnd.close()
        stderrPipe.writeEnd.close()
        timingPipe?.writeEnd.close()
        // posix_spawnp returns the error number rather than setting errno.
        guard result == 0 else { throw WriterError(call: "posix_spawnp(\(executable))", errno: Errno(rawValue: result)) }
        self.pid = pid
        self.stdin = stdinPipe.writeEnd
        let tail = stderrTail
        Self.startDrain(stderrPipe.readEnd, name: "writerbench.stderr-drain", done: drainDone) { tail.append($0) }
        if let timingPipe {
            let log = WriterTimingLog()
            timingLog = log
            drainsPending = 2
            Self.startDrain(timingPipe.readEnd, name: "writerbench.fd3-drain", done: drainDone) { log.append($0) }
        } else {
            timingLog = nil
            drainsPending = 1
        }
        do {
            try stdin.makeNonBlocking()
        } catch {
            kill()
            throw error
        }
    }

    /// Spawns `/bin/sh -c shellText`: an external writer's command line, which may be a pipeline.
    convenience init(shellText: String, timingChannel: Bool, batchScheduling: Bool) throws(WriterError) {
        try self.init(executable: "/bin/sh", arguments: ["-c", shellText], timingChannel: timingChannel,
                      batchScheduling: batchScheduling)
    }

    deinit {
        kill()
    }

    /// Closes our end of stdin: the child sees end of file.
    func closeStdin() { stdin.close() }

    /// Waits for the child to exit and for its outputs to reach end of file, as long as it makes progress: returns
    /// the wait status, or nil when `progress` (any number that grows while the child works: bytes it wrote) and,
    /// when `countingStderr`, what it printed on stderr stayed unchanged for `stallTimeout`. With a constant
    /// `progress` and `countingStderr` false, `stallTimeout` is a plain deadline. The child is left running on nil;
    /// call ``kill()``.
    func wait(stallTimeout: Duration, countingStderr: Bool = true, progress: () -> Int64 = { 0 }) -> Int32? {
        if let exitStatus { return exitStatus }
        let stderrBytes = { countingStderr ? self.stderrTail.byteCount : 0 }
        var lastSeen = (progress(), stderrBytes())
        var lastChange = Heartbeat.now()
        var lastCheck = lastChange
        var spinsAfterDrain = 0
        while true {
            // The child's stderr reaches end of file when it exits, which wakes this wait at once: `finish` costs
            // no polling delay. Until then, look every 50 ms.
            if drainsPending > 0 {
                if drainDone.wait(timeout: .now() + .milliseconds(50)) == .success { drainsPending -= 1 }
            } else {
                // Exiting right after closing stderr, normally; a child that closed it and lives on is looked at
                // less often.
                usleep(spinsAfterDrain < 50 ? 200 : 5_000)
                spinsAfterDrain += 1
            }
            if let status = reapIfExited() { return status }
            let now = Heartbeat.now()
            guard now - lastCheck >= 50_000_000 else { continue }
            lastCheck = now
            let seen = (progress(), stderrBytes())
            if seen != lastSeen {
                lastSeen = seen
                lastChange = now
            } else if now - lastChange >= stallTimeout.wholeNanoseconds {
                return nil
            }
        }
    }

    /// Kills the child's process group (SIGKILL) if the child has not been reaped, closes stdin and reaps it,
    /// waiting at most ``reapBound`` for the kernel. Idempotent.
    func kill() {
        closeStdin()
        guard exitStatus == nil else { return }
        // The group first (the child's helpers), then the child itself in case it left the group.
        _ = Glibc.kill(-pid, SIGKILL)
        _ = Glibc.kill(pid, SIGKILL)
        let deadline = Heartbeat.now() + Self.reapBound.wholeNanoseconds
        while reapIfExited() == nil && Heartbeat.now() < deadline { usleep(5_000) }
    }

    /// Bytes the child has written to files and pipes so far (`wchar` of /proc/<pid>/io), or 0 where unreadable:
    /// grows while an encoder muxes, even while it rewrites its output in place (`-movflags +faststart`).
    var bytesWrittenByChild: Int64 {
        guard exitStatus == nil,
              let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("wchar:") }) else { return 0 }
        return Int64(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }

    /// How long ``kill()`` waits for a killed child to be reaped, and how long a reaped child's outputs are waited
    /// for before what still holds them is killed.
    static let reapBound: Duration = .seconds(3)

    /// Reaps the child if it has exited (without blocking) and waits, bounded, for its outputs to drain.
    private func reapIfExited() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        // Retried on EINTR by the same rule as every other call here. A failure (ECHILD: reaped elsewhere) leaves no
        // status to report; -1 stands for it ("could not be waited for"), never for success.
        let reaped: pid_t
        do {
            reaped = try SystemCall.value("wait4") { wait4(pid, &status, WNOHANG, &usage) }
        } catch {
            status = -1
            reaped = pid
        }
        guard reaped == pid else { return nil }
        exitStatus = status
        // The child is gone; its outputs close unless something it started still holds them (a background job of
        // a shell): that is killed with the group, and then the drains are given up on.
        if !waitForDrains(within: Self.reapBound) {
            _ = Glibc.kill(-pid, SIGKILL)
            _ = waitForDrains(within: Self.reapBound)
        }
        return status
    }

    /// Waits up to `limit` for every drain thread to reach end of file; false when one has not.
    private func waitForDrains(within limit: Duration) -> Bool {
        let deadline = DispatchTime.now() + .nanoseconds(Int(clamping: limit.wholeNanoseconds))
        while drainsPending > 0 {
            guard drainDone.wait(timeout: deadline) == .success else { return false }
            drainsPending -= 1
        }
        return true
    }

    /// "exited with status N" or "killed by signal N", from a wait status.
    static func describe(status: Int32) -> String {
        if status == -1 { return "could not be waited for" }
        let signal = status & 0x7f
        if signal == 0 { return "exited with status \((status >> 8) & 0xff)" }
        return "killed by signal \(signal)"
    }

    /// True when the wait status means a normal exit with status 0.
    static func succeeded(_ status: Int32) -> Bool { status == 0 }

    private static func startDrain(_ source: OwnedFileDescriptor, name: String, done: DispatchSemaphore,
                                   append: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        // Ownership moves to the drain thread, as the Sendable swift-system value.
        let descriptor = source.release()
        let thread = Thread {
            guard let descriptor else { done.signal(); return }
            let owned = OwnedFileDescriptor(descriptor)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
            defer { buffer.deallocate() }
            while let count = try? owned.read(into: buffer), count > 0 {
                append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
            owned.close()
            done.signal()
        }
        thread.name = name
        thread.start()
    }
}
