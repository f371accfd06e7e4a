import Foundation
@testable import Strategies
import Synchronization
import SystemPackage
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The one path Strategies takes to the kernel for pipes: swift-system underneath, WriterError on top.
@Suite struct OwnedFileDescriptorTests {
    @Test func writingToAPipeWhoseReaderIsGoneFailsWithEPIPEInsteadOfKillingTheProcess() throws {
        let pipe = try OwnedFileDescriptor.pipe()
        pipe.readEnd.close()
        let bytes = [UInt8](repeating: 7, count: 16)
        let error = #expect(throws: WriterError.self) {
            try bytes.withUnsafeBytes { try pipe.writeEnd.writeAll($0) }
        }
        #expect(error == .system(call: "write", errno: EPIPE, message: "Broken pipe"))
        #expect(error?.description == "write failed (errno 32): Broken pipe")
    }

    @Test func writeAllDeliversEveryByteThoughThePipeTakesOnlyPartOfItAtATime() throws {
        let pipe = try OwnedFileDescriptor.pipe()
        // Larger than any pipe buffer, so the kernel accepts it in several partial writes.
        let sent = (0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let reader = try #require(pipe.readEnd.release())
        let received = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
        Thread {
            let source = OwnedFileDescriptor(reader)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
            defer { buffer.deallocate() }
            while let count = try? source.read(into: buffer), count > 0 {
                received.withLock { $0.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count])) }
            }
            done.signal()
        }.start()
        try sent.withUnsafeBytes { try pipe.writeEnd.writeAll($0) }
        pipe.writeEnd.close()
        done.wait()
        #expect(received.withLock { $0 } == Data(sent))
    }

    @Test func closeIsIdempotentAndLaterCallsSayTheDescriptorIsClosed() throws {
        let pipe = try OwnedFileDescriptor.pipe()
        pipe.writeEnd.close()
        pipe.writeEnd.close()
        #expect(!pipe.writeEnd.isOpen)
        #expect(pipe.writeEnd.rawValue == -1)
        let error = #expect(throws: WriterError.self) {
            try [UInt8(1)].withUnsafeBytes { try pipe.writeEnd.writeAll($0) }
        }
        #expect(error == .system(call: "write", errno: EBADF, message: String(cString: strerror(EBADF))))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try pipe.readEnd.read(into: buffer) == 0, "end of file once the only writer is closed")
    }

    @Test func pipeEndsAreCloseOnExecSoNoSiblingChildInheritsThem() throws {
        let pipe = try OwnedFileDescriptor.pipe()
        for end in [pipe.readEnd, pipe.writeEnd] {
            #expect(fcntl(end.rawValue, F_GETFD) & FD_CLOEXEC != 0)
        }
    }

    @Test func systemCallsAreRetriedOnEINTRAndOtherFailuresNameTheCall() {
        var attempts = 0
        let value = try? SystemCall.value("wait4") { () -> Int32 in
            attempts += 1
            if attempts < 3 { errno = EINTR; return -1 }
            return 42
        }
        #expect(value == 42)
        #expect(attempts == 3)
        let error = #expect(throws: WriterError.self) {
            try SystemCall.value("wait4") { () -> Int32 in errno = ECHILD; return -1 }
        }
        #expect(error == WriterError(call: "wait4", errno: Errno.noChildProcess))
        #expect(error?.description.hasPrefix("wait4 failed (errno \(ECHILD)): ") == true)
    }

    @Test func systemErrorsCarryTheErrnoNumberAndItsText() {
        #expect(WriterError(call: "pipe2", errno: Errno.tooManyOpenFiles)
            == .system(call: "pipe2", errno: EMFILE, message: String(cString: strerror(EMFILE))))
    }

    @Test func anOutputThatCannotBeCreatedIsUnwritableWithTheSystemsReason() {
        let path = "/nonexistent-writerbench-dir/out.mp4"
        let error = #expect(throws: WriterError.self) { try OutputPath.prepare(path) }
        #expect(error == .unwritableOutput(path: path, reason: "No such file or directory"))
    }
}
