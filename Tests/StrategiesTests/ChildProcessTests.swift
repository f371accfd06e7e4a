import Foundation
@testable import Strategies
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a spawned encoder child inherits from the process that starts it.
@Suite struct ChildProcessTests {
    @Test func aChildKeepsOnlyItsStandardDescriptorsEvenWhenAnotherIsInheritable() throws {
        // An inheritable descriptor (no close-on-exec), as a Foundation Pipe or another test's fifo may leave open.
        let plain = open("/dev/null", O_RDONLY)
        try #require(plain >= 0)
        let leaky = fcntl(plain, F_DUPFD, 200)
        close(plain)
        try #require(leaky >= 200)
        defer { close(leaky) }
        // `ls` lists its own descriptors: 0, 1 (sent to stderr), 2, and the directory it reads (3).
        let child = try ChildProcess(shellText: "exec ls -1 /proc/self/fd >&2", timingChannel: false,
                                     batchScheduling: false)
        let status = child.wait(stallTimeout: .seconds(20))
        #expect(status == 0)
        let listed = Set(child.stderrTail.lastLines(20).components(separatedBy: " | "))
        #expect(listed == ["0", "1", "2", "3"], "the child had \(listed.sorted())")
    }
}
