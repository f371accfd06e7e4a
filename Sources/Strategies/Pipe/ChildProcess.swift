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
        var flags = Int16(POSIX_SPAWN_SETSIGDEF)
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
    }

    deinit {
        kill()
    }

    /// Closes our end of stdin: the child sees end of file.
    func closeStdin() { stdin.close() }

    /// Waits for the child to exit and for its stderr to reach end of file. Returns the wait status.
    @discardableResult
    func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        // Retried on EINTR by the same rule as every other call here; any other failure (ECHILD) leaves status 0.
        _ = try? SystemCall.value("wait4") { wait4(pid, &status, 0, &usage) }
        drainDone.wait()
        exitStatus = status
        return status
    }

    /// Kills the child (SIGKILL) if it is still running, closes stdin and reaps it. Idempotent.
    func kill() {
        closeStdin()
        if exitStatus == nil {
            _ = Glibc.kill(pid, SIGKILL)
            wait()
        }
    }

    /// "exited with status N" or "killed by signal N", from a wait status.
    static func describe(status: Int32) -> String {
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
