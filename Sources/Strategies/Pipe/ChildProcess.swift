import CPosixShim
import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A child process whose stdin is a pipe we write to and whose stderr is drained continuously into a ``StderrTail``.
///
/// The child's stdout goes to /dev/null. Pipes are created close-on-exec so that a sibling child (three writers
/// at once) never inherits our end of another child's stdin and keeps it from seeing end of file.
/// Our end of stdin is non-blocking, so writes can wait with a bound (``OwnedFileDescriptor/writeAll(_:stallTimeout:onProgress:)``).
///
/// The child leads its own process group, and ``kill()`` kills the whole group: a wrapper script's children (and
/// their hold on the stderr pipe) die with it. Every wait here has a bound: ``wait(stallTimeout:progress:)`` gives
/// up when the child makes no progress, ``kill()`` gives up on a child the kernel cannot reap (a process stuck in
/// uninterruptible sleep) after a few seconds, and the stderr drain is waited for at most a few seconds.
/// Confined to its owner's thread, except for the drain thread, which only touches `stderrTail`.
final class ChildProcess {
    /// The child's process id.
    let pid: pid_t
    /// Our end of the child's stdin.
    let stdin: OwnedFileDescriptor
    /// What the child printed on stderr lately.
    let stderrTail = StderrTail()
    private let drainDone = DispatchSemaphore(value: 0)
    private var exitStatus: Int32?
    /// Whether the drain thread has seen end of file on the child's stderr (``drainDone`` signals once).
    private var drained = false
    /// Resource usage of the child once it has been reaped.
    private(set) var usage = rusage()

    /// Spawns `executable` (a path, or a name looked up in PATH) with `arguments`.
    init(executable: String, arguments: [String]) throws {
        // Each end closes itself if this init throws; making them ignores SIGPIPE (see OwnedFileDescriptor.pipe).
        let stdinPipe = try OwnedFileDescriptor.pipe()
        let stderrPipe = try OwnedFileDescriptor.pipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe.readEnd.rawValue, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.writeEnd.rawValue, 2)

        // SIGPIPE is ignored in this process (see BrokenPipeSignal); give the child the default disposition back.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // The encoder is background work: SCHED_BATCH keeps its wake-ups from preempting the producing thread.
        // Its own process group (0: the child's pid), so kill() reaches whatever it starts.
        posix_spawnattr_setpgroup(&attributes, 0)
        var flags = Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)
        if cposix_spawnattr_set_batch(&attributes) == 0 { flags |= Int16(POSIX_SPAWN_SETSCHEDULER) }
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
        // posix_spawnp returns the error number rather than setting errno.
        guard result == 0 else { throw WriterError(call: "posix_spawnp(\(executable))", errno: Errno(rawValue: result)) }
        self.pid = pid
        self.stdin = stdinPipe.writeEnd
        Self.startDrain(stderrPipe.readEnd, into: stderrTail, done: drainDone)
        do {
            try stdin.makeNonBlocking()
        } catch {
            kill()
            throw error
        }
    }

    deinit {
        kill()
    }

    /// Closes our end of stdin: the child sees end of file.
    func closeStdin() { stdin.close() }

    /// Waits for the child to exit and for its stderr to reach end of file, as long as it makes progress: returns
    /// the wait status, or nil when `progress` (any number that grows while the child works: bytes it wrote, what it
    /// printed) and the child's stderr stayed unchanged for `stallTimeout`. The child is left running then; call
    /// ``kill()``.
    func wait(stallTimeout: Duration, progress: () -> Int64 = { 0 }) -> Int32? {
        if let exitStatus { return exitStatus }
        var lastSeen = (progress(), stderrTail.byteCount)
        var lastChange = Heartbeat.now()
        var lastCheck = lastChange
        var spinsAfterDrain = 0
        while true {
            // The child's stderr reaches end of file when it exits, which wakes this wait at once: `finish` costs
            // no polling delay. Until then, look every 50 ms.
            if !drained {
                drained = drainDone.wait(timeout: .now() + .milliseconds(50)) == .success
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
            let seen = (progress(), stderrTail.byteCount)
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

    /// How long ``kill()`` waits for a killed child to be reaped and for its stderr to close.
    static let reapBound: Duration = .seconds(3)

    /// Reaps the child if it has exited (without blocking) and waits, bounded, for its stderr to drain.
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
        // The child is gone; its stderr closes unless something it started still holds it (then stop waiting).
        if !drained { drained = drainDone.wait(timeout: .now() + Self.reapBound.secondsForMessages) == .success }
        exitStatus = status
        return status
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

    private static func startDrain(_ stderr: OwnedFileDescriptor, into tail: StderrTail, done: DispatchSemaphore) {
        // Ownership moves to the drain thread, as the Sendable swift-system value.
        let descriptor = stderr.release()
        let thread = Thread {
            guard let descriptor else { done.signal(); return }
            let source = OwnedFileDescriptor(descriptor)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
            defer { buffer.deallocate() }
            while let count = try? source.read(into: buffer), count > 0 {
                tail.append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
            source.close()
            done.signal()
        }
        thread.name = "writerbench.stderr-drain"
        thread.start()
    }
}
