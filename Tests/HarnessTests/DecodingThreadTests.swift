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

    @Test func everyPictureArrivesOnceInPresentationOrderThenTheEnd() throws {
        let directory = try TestVideo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // B-frames: the decoder returns pictures in presentation order, not in the order packets arrive.
        let path = try TestVideo.encode(size: size, indices: 0..<30, in: directory, name: "b-frames.mp4",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709) + ["-bf", "2"])
        let decoding = try decodingThread(of: path, depth: 2)
        var timestamps: [Int64] = []
        var ended = false
        loop: for _ in 0..<100 {
            switch decoding.next(within: .seconds(30)) {
            case .picture(let picture):
                #expect(picture.width == 160 && picture.height == 120)
                timestamps.append(picture.bestEffortTimestamp ?? -1)
                decoding.recycle(picture)
            case .end:
                ended = true
                break loop
            case let other:
                Issue.record("unexpected \(other)")
                break loop
            }
        }
        #expect(ended)
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
        let path = try TestVideo.encode(size: size, indices: 0..<20, in: directory, name: "whole.mkv",
                                        options: TestVideo.h264Options(matrix: .bt709, tag: .bt709))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = directory.appendingPathComponent("half.mkv")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        let decoding = try decodingThread(of: truncated.path, depth: 3)
        var pictures = 0
        var ended = false
        loop: for _ in 0..<100 {
            switch decoding.next(within: .seconds(30)) {
            case .picture(let picture):
                pictures += 1
                decoding.recycle(picture)
            case .readError, .decodeError:
                continue  // what libav says of the cut is the verifier's to report
            case .end:
                ended = true
                break loop
            case .stalled:
                Issue.record("stalled")
                break loop
            }
        }
        #expect(ended)
        #expect(pictures > 0 && pictures < 20)
    }
}
