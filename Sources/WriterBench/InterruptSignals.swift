import Foundation
import Harness
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM during `run` and `pipeline`: the first sets an ``Interruption`` that the runner honours between
/// frames (abort the open writers, keep the completed rows); a second exits at once with 128 + its number, after
/// removing the temporary outputs and killing the encoder children.
///
/// The signal handler only writes the signal's number into a pipe (async-signal-safe); a thread of ours reads it and
/// does the rest. Why not a dispatch signal source: on Linux it reads a signalfd, which sees only signals blocked in
/// every thread, and threads started before it (Foundation's, dispatch's) do not block them, so a signal could be
/// delivered to one of those and lost (seen in InterruptTests). A caught signal is reset to its default action in
/// every child at exec, so encoders are not affected.
final class InterruptSignals {
    /// The flag the runners read.
    let interruption = Interruption()
    private let readEnd: Int32
    private static let handled: [Int32] = [SIGINT, SIGTERM]

    /// Starts listening. `removeTemporaryOutputs` runs before the immediate exit of a second signal.
    init(removeTemporaryOutputs: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            // Without the pipe, signals keep their default action: Ctrl-C ends the run at once, as before.
            readEnd = -1
            return
        }
        readEnd = ends[0]
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        signalPipeWriteEnd.store(ends[1], ordering: .sequentiallyConsistent)
        let interruption = interruption
        let readEnd = readEnd
        Thread {
            Self.unblockHandledSignals()
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { close(readEnd); return }  // stop() closed the write end
                let number = Int32(byte)
                if interruption.request(signal: number) {
                    Self.say("\n\(Self.name(number)): stopping — aborting the current writer and keeping the completed "
                             + "rows (\(Self.name(number)) again to quit at once)")
                } else {
                    Self.say("\n\(Self.name(number)) again: quitting at once")
                    removeTemporaryOutputs()
                    Self.killChildren()
                    _exit(128 + number)
                }
            }
        }.start()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = writeSignalNumber
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for number in Self.handled { _ = sigaction(number, &action, nil) }
        Self.unblockHandledSignals()
    }

    /// Unblocks both signals in the calling thread. A parent may start us with them blocked (a test runner does),
    /// and every thread inherits that mask; a blocked signal is never handled, only left pending.
    private static func unblockHandledSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in handled { sigaddset(&set, number) }
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Gives both signals their default action back and ends the reading thread.
    func stop() {
        guard readEnd >= 0 else { return }
        for number in Self.handled { _ = signal(number, SIG_DFL) }
        let writeEnd = signalPipeWriteEnd.exchange(-1, ordering: .sequentiallyConsistent)
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// The exit status for an interrupted run, 128 + the first signal; nil when none came.
    var exitStatus: Int32? { interruption.signal.map { 128 + $0 } }

    /// SIGKILLs this process's children (the encoders of the writers still open), found in /proc by parent pid:
    /// the runner's thread may be blocked writing to one of them, so it cannot abort them itself.
    private static func killChildren() {
        let me = getpid()
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "(comm)": state, then the parent pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == me { _ = kill(pid, SIGKILL) }
        }
    }

    /// "SIGINT" or "SIGTERM".
    static func name(_ number: Int32) -> String { number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)" }

    private static func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

/// The pipe end the signal handler writes to; -1 while no ``InterruptSignals`` listens.
private let signalPipeWriteEnd = Atomic<Int32>(-1)

/// The signal handler: writes the signal number into the pipe, nothing else (async-signal-safe: an atomic load and
/// write(2); errno is preserved for the interrupted code).
private func writeSignalNumber(_ number: Int32) {
    let writeEnd = signalPipeWriteEnd.load(ordering: .sequentiallyConsistent)
    guard writeEnd >= 0 else { return }
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(writeEnd, &byte, 1)
    errno = saved
}

extension InterruptSignals {
    /// Tells where the completed rows of an interrupted run are, on standard error.
    func reportKept(rows: Int, in files: [String]) {
        let signal = interruption.signal.map(Self.name) ?? "interrupt"
        Self.say("interrupted by \(signal): the unfinished run was aborted; \(rows) completed row\(rows == 1 ? "" : "s") "
                 + "kept in " + files.joined(separator: " and "))
    }
}
