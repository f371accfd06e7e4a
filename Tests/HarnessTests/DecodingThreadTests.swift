import Foundation
import Strategies
import Testing
@testable import Verification

@Suite(.enabled(if: TestVideo.ffmpeg != nil, "needs the ffmpeg program"))
struct DecodingThreadTests {
    let size = FrameSize(width: 160, height: 120)

    func decodingThread(of path: String, depth: Int) throws -> DecodingThread {
        let input = try DecodingInput(path: path)
        let decoder = try VideoDecoder(codec: input.decoder, parameters: input.codecParameters, timeBase: input.timeBase)
        return try DecodingThread(input: input, decoder: decoder, depth: depth)
    }

    /// What a consumer that scores nothing sees: each picture's timestamp (given back at once), the errors libav
    /// reported, and whether the stream ended with `.end` (false: `.stalled`, or more events than `limit`).
    func drain(_ decoding: DecodingThread, limit: Int = 200) -> (timestamps: [Int64], errors: [String], ended: Bool) {
        var timestamps: [Int64] = [], errors: [String] = []
        for _ in 0..<limit {
            switch decoding.next(within: .seconds(30)) {
            case .picture(let picture):
                #expect(picture.width == 160 && picture.height == 120)
                timestamps.append(picture.bestEffortTimestamp ?? -1)
                decoding.recycle(picture)
            case .readError(let message), .decodeError(let message):
                errors.append(message)
            case .end:
                return (timestamps, errors, true)
            case .stalled:
                return (timestamps, errors, false)
            }
        }
        return (timestamps, errors, false)
    }

    @Test func everyPictureArrivesOnceInPresentationOrderThenTheEnd() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // B-frames: the decoder returns pictures in presentation order, not in the order packets arrive.
        let path = try TestVideo.encode(size: size, indices: 0..<30, in: directory, name: "b-frames.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709) + ["-bf", "2"])
        let (timestamps, errors, ended) = drain(try decodingThread(of: path, depth: 2))
        #expect(ended)
        #expect(errors.isEmpty, "\(errors)")
        #expect(timestamps.count == 30)
        #expect(timestamps == timestamps.sorted() && Set(timestamps).count == 30, "\(timestamps)")
    }

    @Test func aConsumerThatHoldsEveryPictureCanStillStopTheDecoder() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestVideo.encode(size: size, indices: 0..<30, in: directory, name: "long.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let decoding = try decodingThread(of: path, depth: 1)
        // The one picture in flight is kept: the decoding thread has decoded the next and waits for room.
        guard case .picture(let held) = decoding.next(within: .seconds(30)) else {
            Issue.record("no first picture")
            return
        }
        #expect(decoding.stop(), "the decoding thread did not stop within \(DecodingThread.stopBound)")
        #expect(held.width == 160)
    }

    @Test func aStreamCutShortStillEndsAfterThePicturesItHolds() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let truncated = try TestVideo.streamableH264CutInHalf(size: size, frames: 20, in: directory)
        // What libav says of the cut is the verifier's to report; here only the end of the stream matters.
        let (timestamps, _, ended) = drain(try decodingThread(of: truncated, depth: 3))
        #expect(ended)
        #expect(timestamps.count > 0 && timestamps.count < 20)
    }
}
