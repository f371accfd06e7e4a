import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// An external writer's command running under `/bin/sh -c`, in its own process group: stdin is a pipe we write
/// frames to, stdout goes to /dev/null, stderr is drained into a ``StderrTail`` and file descriptor 3 into a
/// ``WriterTimingLog``.
///
/// Why not ``ChildProcess``: it gives the child no fd 3 and kills only its direct child, while an external
/// command may be a shell pipeline. This type reuses the same pieces (``OwnedFileDescriptor`` pipes, which are
/// close-on-exec and make SIGPIPE harmless; ``StderrTail``; ``SystemCall``). Unlike ``ChildProcess`` it leaves the
/// child on the normal scheduler: a peer is measured as its users run it.
/// Confined to its owner's thread, except for the drain threads, which only touch the tail and the log.
final class ExternalProcess {
    /// The shell's process id, which is also the process group's id.
    let pid: pid_t
    /// Our end of the command's stdin.
    let stdin: OwnedFileDescriptor
    /// What the command printed on stderr lately.
    let stderrTail = StderrTail()
    /// What the command reported on fd 3.
    let timingLog = WriterTimingLog()
    private let drainsDone = DispatchSemaphore(value: 0)
    private var drainsPending = 2
    private var exitStatus: Int32?
    /// Resource usage of the shell and everything it reaped, once reaped.
    private(set) var usage = rusage()

    /// Spawns `/bin/sh -c shellText`.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` when a pipe cannot be made or the spawn fails.
    init(shellText: String) throws(WriterError) {
        let stdinPipe = try OwnedFileDescriptor.pipe()
        let stderrPipe = try OwnedFileDescriptor.pipe()
        let timingPipe = try OwnedFileDescriptor.pipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // In target order 0, 1, 2, 3: every source is at least 3, so no source is overwritten before it is copied.
        posix_spawn_file_actions_adddup2(&actions, stdinPipe.readEnd.rawValue, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.writeEnd.rawValue, 2)
        posix_spawn_file_actions_adddup2(&actions, timingPipe.writeEnd.rawValue, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Its own process group, so that kill reaches every process of a pipeline (`a | b`), not just the shell.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let words: [String] = ["/bin/sh", "-c", shellText]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        // ETXTBSY: see ChildProcess (a script just written by another thread); it clears within milliseconds.
        for _ in 0..<50 where result == ETXTBSY {
            usleep(10_000)
            result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        }
        stdinPipe.readEnd.close()
        stderrPipe.writeEnd.close()
        timingPipe.writeEnd.close()
        guard result == 0 else { throw WriterError(call: "posix_spawn(/bin/sh)", errno: Errno(rawValue: result)) }
        self.pid = pid
        self.stdin = stdinPipe.writeEnd
        let tail = stderrTail
        let log = timingLog
        Self.startDrain(stderrPipe.readEnd, name: "writerbench.ext-stderr", done: drainsDone) { tail.append($0) }
        Self.startDrain(timingPipe.readEnd, name: "writerbench.ext-fd3", done: drainsDone) { log.append($0) }
    }

    deinit { kill() }

    /// Closes our end of stdin: the command sees end of file.
    func closeStdin() { stdin.close() }

    /// Waits up to `timeout` seconds for the shell to exit, then up to 5 s more for stderr and fd 3 to reach end of
    /// file. Returns the wait status, or nil on timeout (the process group is then killed and reaped).
    func wait(timeout: Double) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let reaped = (try? SystemCall.value("wait4") { wait4(pid, &status, WNOHANG, &usage) }) ?? pid
            if reaped == pid { break }
            if Date() >= deadline {
                kill()
                return nil
            }
            usleep(2_000)
        }
        exitStatus = status
        // A process that outlived the shell (a background job) may still hold stderr or fd 3 open.
        if !waitForDrains(until: Date().addingTimeInterval(5)) {
            Glibc.kill(-pid, SIGKILL)
            _ = waitForDrains(until: Date().addingTimeInterval(5))
        }
        return status
    }

    /// Kills the whole process group (SIGKILL) if the shell has not been reaped, closes stdin and reaps. Idempotent.
    func kill() {
        closeStdin()
        if exitStatus == nil {
            Glibc.kill(-pid, SIGKILL)
            var status: Int32 = 0
            _ = try? SystemCall.value("wait4") { wait4(pid, &status, 0, &usage) }
            exitStatus = status
            _ = waitForDrains(until: Date().addingTimeInterval(5))
        }
    }

    /// Signals the process group with SIGKILL without reaping (from the stall watchdog's thread).
    static func killGroup(_ pid: pid_t) { Glibc.kill(-pid, SIGKILL) }

    private func waitForDrains(until deadline: Date) -> Bool {
        while drainsPending > 0 {
            let left = deadline.timeIntervalSinceNow
            guard left > 0, drainsDone.wait(timeout: .now() + left) == .success else { return false }
            drainsPending -= 1
        }
        return true
    }

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
