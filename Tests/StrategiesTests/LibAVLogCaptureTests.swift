import CFFmpeg
import Foundation
@testable import Strategies
import Testing

/// libav's log reaches a capture through the C callback in CFFmpegShim, and only from the capturing thread.
@Suite(.serialized) struct LibAVLogCaptureTests {
    /// av_log is variadic, which Swift cannot call; av_vlog takes the arguments as a va_list.
    private static func log(_ level: Int32, _ line: String) {
        withVaList([]) { av_vlog(nil, level, line, $0) }
    }

    @Test func warningsAndErrorsLoggedOnTheCapturingThreadAreKeptInOrder() {
        let (result, lines) = LibAVLogCapture.capture { () -> Int in
            Self.log(AV_LOG_ERROR, "capture test: first\n")
            Self.log(AV_LOG_INFO, "capture test: informational, not kept\n")
            Self.log(AV_LOG_WARNING, "capture test: second\n")
            return 7
        }
        #expect(result == 7)
        #expect(lines == ["capture test: first", "capture test: second"])
    }

    @Test func linesLoggedOnOtherThreadsAreNotCaptured() {
        let (_, lines) = LibAVLogCapture.capture {
            let done = DispatchSemaphore(value: 0)
            Thread {
                Self.log(AV_LOG_WARNING, "capture test: from another thread (printed by libav, not captured)\n")
                done.signal()
            }.start()
            done.wait()
            Self.log(AV_LOG_ERROR, "capture test: mine\n")
        }
        #expect(lines == ["capture test: mine"])
    }

    @Test func aCaptureStartsEmptyAndKeepsAtMostSixteenLines() {
        _ = LibAVLogCapture.capture { Self.log(AV_LOG_ERROR, "capture test: earlier capture\n") }
        let (_, lines) = LibAVLogCapture.capture {
            for index in 0..<40 { Self.log(AV_LOG_ERROR, "capture test: line \(index)\n") }
        }
        #expect(lines == (0..<16).map { "capture test: line \($0)" })
        let (_, after) = LibAVLogCapture.capture {}
        #expect(after.isEmpty)
    }
}
