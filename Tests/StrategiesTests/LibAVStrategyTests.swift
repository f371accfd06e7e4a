import CFFmpeg
import Foundation
import Harness
@testable import Strategies
import Testing
import TestSupport

/// Serialized because the resident-memory test reads a process-wide figure; the other tests are small.
@Suite(.serialized) struct LibAVStrategyTests {
    let size = FrameSize(width: 320, height: 240)

    func frames(_ count: Int, set: FrameSet = .camera) -> [Frame] {
        (0..<count).map { set.frame($0, size: size) }
    }

    func configuration(_ path: String, format: PixelFormat = .bgr24) -> WriterConfiguration {
        WriterConfiguration(outputPath: path, width: size.width, height: size.height, inputFormat: format)
    }

    // MARK: Output the decoder agrees with

    @Test func libx264OutputHasEveryFrameAndTheRequestedSize() throws {
        let path = try makeTemporaryDirectory() + "/out.mp4"
        let writer = try LibAVStrategy().makeWriter(configuration(path))
        for frame in frames(20) { try writer.write(frame) }
        let report = try writer.finish()
        #expect(report.framesWritten == 20)
        #expect(report.encoderUsed == "libx264")
        #expect(report.bytesWritten > 0)
        #expect(try FFprobe.probe(path) == FFprobe(codec: "h264", width: 320, height: 240, decodedFrames: 20))
    }

    @Test(arguments: [("libx264", "h264"), ("mpeg4", "mpeg4"), ("libx265", "hevc")])
    func everyInstalledEncoderWritesItsCodec(encoder: String, codec: String) throws {
        let strategy = LibAVStrategy(settings: EncoderSettings(encoder: encoder, preset: "ultrafast", crf: 23))
        // libx265 is optional in FFmpeg builds; where it is missing the strategy must say so, not fail.
        guard strategy.availability().isAvailable else {
            #expect(encoder == "libx265")
            return
        }
        let path = try makeTemporaryDirectory() + "/\(encoder).mp4"
        let writer = try strategy.makeWriter(configuration(path))
        for frame in frames(12) { try writer.write(frame) }
        let report = try writer.finish()
        #expect(report.encoderUsed == encoder)
        #expect(try FFprobe.probe(path) == FFprobe(codec: codec, width: 320, height: 240, decodedFrames: 12))
    }

    @Test func asyncStrategyWritesEveryFrameOnTheWriterThread() throws {
        let strategy = try #require(StrategyRegistry.named("libav-async"))
        let path = try makeTemporaryDirectory() + "/async.mp4"
        let writer = try strategy.makeWriter(configuration(path))
        for frame in frames(20) { try writer.write(frame) }
        let report = try writer.finish()
        #expect(report.framesWritten == 20)
        #expect(report.queue != nil)
        #expect(try FFprobe.probe(path) == FFprobe(codec: "h264", width: 320, height: 240, decodedFrames: 20))
    }

    @Test func registryListsBothLibAVStrategiesAfterThePipeOnes() throws {
        let names = StrategyRegistry.names
        let pipe = try #require(names.firstIndex(of: "ffmpeg-pipe-async"))
        let libav = try #require(names.firstIndex(of: "libav"))
        #expect(libav > pipe)
        #expect(Array(names[libav...].prefix(2)) == ["libav", "libav-async"])
    }

    @Test func streamIsTaggedBT709LimitedRangeYUV420() throws {
        let path = try makeTemporaryDirectory() + "/tags.mp4"
        let writer = try LibAVStrategy().makeWriter(configuration(path))
        for frame in frames(3) { try writer.write(frame) }
        _ = try writer.finish()
        let tags = try streamFields(path)
        #expect(tags["pix_fmt"] == "yuv420p")
        #expect(tags["color_space"] == "bt709")
        #expect(tags["color_primaries"] == "bt709")
        #expect(tags["color_transfer"] == "bt709")
        #expect(tags["color_range"] == "tv")
        #expect(tags["r_frame_rate"] == "30/1")
    }

    @Test(arguments: [PixelFormat.bgr24, .rgb24, .bgra, .yuv420p])
    func everyInputFormatWithPaddedRowsEncodesEveryFrame(format: PixelFormat) throws {
        let path = try makeTemporaryDirectory() + "/\(format.rawValue).mp4"
        let writer = try LibAVStrategy().makeWriter(configuration(path, format: format))
        for index in 0..<6 { try writer.write(paddedFrame(index, format: format)) }
        #expect(try writer.finish().framesWritten == 6)
        #expect(try FFprobe.probe(path) == FFprobe(codec: "h264", width: 320, height: 240, decodedFrames: 6))
    }

    // MARK: Colour conversion

    @Test(arguments: [PixelFormat.bgr24, .rgb24, .bgra])
    func pureRedBecomesBT709LimitedRangeYUV(format: PixelFormat) throws {
        // BT.709 limited range: Y = 16 + 219·0.2126 = 62.6, Cb = 128 − 224·0.1146 = 102.3, Cr = 128 + 224·0.5 = 240.
        // BT.601 would give Y = 81.5, so this pins the matrix, not just "some conversion".
        let converter = try ColorConverter(width: 64, height: 32, format: format)
        let picture = try EncoderFrame(width: 64, height: 32)
        let red = solidFrame(width: 64, height: 32, format: format, red: 255, green: 0, blue: 0)
        try converter.convert(red, into: picture)
        let (y, cb, cr) = picture.withPlanes { planes, strides in
            (planes[0]![Int(strides[0]) * 10 + 7], planes[1]![Int(strides[1]) * 5 + 3], planes[2]![Int(strides[2]) * 5 + 3])
        }
        // libswscale's fast path truncates where exact arithmetic rounds: allow one level.
        #expect(abs(Int(y) - 63) <= 1)
        #expect(abs(Int(cb) - 102) <= 1)
        #expect(abs(Int(cr) - 240) <= 1)
    }

    @Test func yuv420pPlanesAreCopiedWithoutTheirPadding() throws {
        let picture = try EncoderFrame(width: 320, height: 240)
        let frame = paddedFrame(0, format: .yuv420p)
        picture.copyPlanes(fromYUV420p: frame)
        let stride = frame.stride
        picture.withPlanes { planes, strides in
            for (row, column) in [(0, 0), (17, 300), (239, 319)] {
                #expect(planes[0]![Int(strides[0]) * row + column] == frame.bytes[stride * row + column])
            }
            let uOffset = stride * 240
            let vOffset = uOffset + (stride / 2) * 120
            for (row, column) in [(0, 0), (60, 101), (119, 159)] {
                #expect(planes[1]![Int(strides[1]) * row + column] == frame.bytes[uOffset + (stride / 2) * row + column])
                #expect(planes[2]![Int(strides[2]) * row + column] == frame.bytes[vOffset + (stride / 2) * row + column])
            }
        }
    }

    // MARK: Errors

    @Test func unknownEncoderIsUnavailableWithAReason() throws {
        let strategy = LibAVStrategy(settings: EncoderSettings(encoder: "no-such-encoder", preset: "fast", crf: 20))
        #expect(strategy.availability() == .unavailable(reason: "encoder 'no-such-encoder' not found in this libavcodec build"))
        let path = try makeTemporaryDirectory() + "/never.mp4"
        #expect {
            _ = try strategy.makeWriter(configuration(path))
        } throws: { error in
            guard case WriterError.unavailable(let name, let reason) = error else { return false }
            return name == "libav" && reason.contains("no-such-encoder")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func audioEncoderIsUnavailableBecauseItIsNotAVideoEncoder() {
        let strategy = LibAVStrategy(settings: EncoderSettings(encoder: "aac", preset: "fast", crf: 20))
        #expect(strategy.availability().reason?.contains("not a video encoder") == true)
    }

    @Test func rejectedPresetComesBackWithTheCallAndLibavText() throws {
        let strategy = LibAVStrategy(settings: EncoderSettings(encoder: "libx264", preset: "warp-speed", crf: 20))
        #expect(strategy.availability().isAvailable)
        #expect {
            _ = try strategy.makeWriter(configuration(try makeTemporaryDirectory() + "/preset.mp4"))
        } throws: { error in
            guard case WriterError.encoderFailed(let encoder, let detail) = error else { return false }
            return encoder == "libav (libx264)" && detail == "avcodec_open2: Invalid argument"
        }
    }

    @Test func unknownContainerComesBackWithTheCallAndLibavText() throws {
        let settings = EncoderSettings(encoder: "libx264", preset: "ultrafast", crf: 20, container: "no-such-muxer")
        #expect {
            _ = try LibAVStrategy(settings: settings).makeWriter(configuration(try makeTemporaryDirectory() + "/x.out"))
        } throws: { error in
            guard case WriterError.encoderFailed(_, let detail) = error else { return false }
            return detail == "avformat_alloc_output_context2: Invalid argument"
        }
    }

    @Test func fullDiskFailsMidwayWithTheCallAndLibavText() throws {
        // /dev/full accepts the open and fails every write with ENOSPC, which libav sees once its 32 KiB buffer
        // flushes: after about 30 of these frames. MPEG-TS, because it writes packets as they come: the mp4 muxer
        // flushes its header at once (and would fail in makeWriter), Matroska holds clusters back until the trailer.
        let settings = EncoderSettings(encoder: "libx264", preset: "ultrafast", crf: 18, container: "mpegts")
        let writer = try LibAVStrategy(settings: settings).makeWriter(configuration("/dev/full"))
        defer { writer.abort() }
        let clip = frames(30)
        #expect {
            for frame in clip + clip + clip { try writer.write(frame) }
        } throws: { error in
            guard case WriterError.encoderFailed(let encoder, let detail) = error else { return false }
            return encoder == "libav (libx264)"
                && detail.hasPrefix("av_interleaved_write_frame: No space left on device after ")
        }
        #expect(throws: WriterError.closed) { try writer.write(clip[0]) }
    }

    @Test func libAVErrorDescribesTheCallAndAVStrerrorText() {
        #expect(throws: LibAVError(call: "avcodec_receive_packet", code: cffmpeg_averror_eof())) {
            try LibAVError.check(cffmpeg_averror_eof(), "avcodec_receive_packet")
        }
        #expect(LibAVError(call: "avcodec_receive_packet", code: cffmpeg_averror_eof()).description
                == "avcodec_receive_packet: End of file")
        #expect((try? LibAVError.check(0, "anything")) == 0)
    }

    @Test func oddDimensionsAreRefusedBeforeTheFirstFrame() throws {
        let path = try makeTemporaryDirectory() + "/odd.mp4"
        #expect(throws: WriterError.oddDimensions(width: 321, height: 240)) {
            _ = try LibAVStrategy().makeWriter(WriterConfiguration(outputPath: path, width: 321, height: 240))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func wrongFrameSizeIsRejectedAndTheWriterCarriesOn() throws {
        let path = try makeTemporaryDirectory() + "/carry-on.mp4"
        let writer = try LibAVStrategy().makeWriter(configuration(path))
        try writer.write(frames(1)[0])
        let wrong = FrameSet.camera.frame(0, size: FrameSize(width: 640, height: 480))
        #expect {
            try writer.write(wrong)
        } throws: { error in
            guard case WriterError.frameMismatch = error else { return false }
            let text = String(describing: error)
            return text.contains("640x480") && text.contains("320x240")
        }
        try writer.write(frames(2)[1])
        #expect(try writer.finish().framesWritten == 2)
        #expect(try FFprobe.probe(path)?.decodedFrames == 2)
    }

    @Test func writerIsClosedAfterFinishAndAfterAbort() throws {
        let directory = try makeTemporaryDirectory()
        let finished = try LibAVStrategy().makeWriter(configuration(directory + "/finished.mp4"))
        try finished.write(frames(1)[0])
        _ = try finished.finish()
        #expect(throws: WriterError.closed) { try finished.write(frames(1)[0]) }
        #expect(throws: WriterError.closed) { _ = try finished.finish() }

        let aborted = try LibAVStrategy().makeWriter(configuration(directory + "/aborted.mp4"))
        try aborted.write(frames(1)[0])
        aborted.abort()
        aborted.abort()
        #expect(throws: WriterError.closed) { _ = try aborted.finish() }
    }

    // MARK: Resources

    /// Opens, writes and finishes 60 writers at 640x480, and fails or abandons a third of them at different points,
    /// then expects resident memory to grow by less than 16 MiB.
    ///
    /// The bound is well below what a leak of any owned resource would cost over 60 writers: an x264 context at this
    /// size holds tens of MiB (lookahead and reference pictures), an EncoderFrame 460 KiB, a SwsContext over 100 KiB,
    /// and the mp4 muxer's per-track tables plus the AVIO buffer 32 KiB or more. It is loose enough for malloc's
    /// arenas and for other suites running in parallel (a leaked EncoderFrame alone, injected on purpose, made it
    /// grow 23 MiB). Packet- or table-sized leaks are below what RSS can show: those are for valgrind or
    /// LeakSanitizer, run by hand. Under AddressSanitizer set `ASAN_OPTIONS=quarantine_size_mb=0`, or its
    /// quarantine of freed blocks alone exceeds the bound.
    @Test func openingAndFinishingManyWritersKeepsResidentMemoryBounded() throws {
        let directory = try makeTemporaryDirectory()
        let size = FrameSize(width: 640, height: 480)
        let frames = (0..<3).map { FrameSet.camera.frame($0, size: size) }
        let configuration = WriterConfiguration(outputPath: directory + "/cycle.mp4", width: 640, height: 480)
        let fullDisk = LibAVStrategy(settings: EncoderSettings(encoder: "libx264", preset: "ultrafast", crf: 18,
                                                               container: "mpegts"))
        let badPreset = LibAVStrategy(settings: EncoderSettings(encoder: "libx264", preset: "warp-speed", crf: 20))

        func cycle(_ index: Int) throws {
            switch index % 6 {
            case 3:  // abandoned after a frame: no trailer, muxer and encoder freed by abort
                let writer = try LibAVStrategy().makeWriter(configuration)
                try writer.write(frames[0])
                writer.abort()
            case 4:  // a libav failure mid-way (ENOSPC once the AVIO buffer flushes), then the caller's abort
                let writer = try fullDisk.makeWriter(WriterConfiguration(outputPath: "/dev/full", width: 640, height: 480))
                do {
                    for frame in frames + frames + frames { try writer.write(frame) }
                    _ = try writer.finish()
                } catch {}
                writer.abort()
            case 5:  // refused in avcodec_open2, after the container was created
                _ = try? badPreset.makeWriter(configuration)
            default:
                let writer = try LibAVStrategy().makeWriter(configuration)
                for frame in frames { try writer.write(frame) }
                _ = try writer.finish()
            }
        }

        // The first writers pay for one-time allocations (x264's tables, libav's registries, malloc's arenas).
        for index in 0..<12 { try cycle(index) }
        let before = try residentBytes()
        for index in 0..<60 { try cycle(index) }
        let growth = try residentBytes() - before
        #expect(growth < 16 << 20, "resident memory grew by \(growth >> 10) KiB over 60 writers")
    }
}

// MARK: Helpers

/// VmRSS of this process, in bytes, from /proc/self/status.
private func residentBytes() throws -> Int {
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kibibytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { throw CocoaError(.fileReadCorruptFile) }
    return kibibytes << 10
}

/// `key=value` fields ffprobe reports for the first video stream (colour tags, pixel format, frame rate).
private func streamFields(_ path: String) throws -> [String: String] {
    let run = try ProgramRun.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries",
                                             "stream=pix_fmt,color_space,color_primaries,color_transfer,color_range,r_frame_rate",
                                             "-of", "default=noprint_wrappers=1", path])
    var fields: [String: String] = [:]
    for line in run.output.split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    return fields
}

/// A 320x240 frame of `format` derived from camera frame `index`, with 48 bytes of padding after every row.
private func paddedFrame(_ index: Int, format: PixelFormat) -> Frame {
    let width = 320, height = 240
    let source = FrameSet.camera.frame(index, size: FrameSize(width: width, height: height)).bytes
    let stride = format.minimumStride(width: width) + 48
    var bytes = [UInt8](repeating: 0xAA, count: format.byteCount(width: width, height: height, stride: stride))
    switch format {
    case .bgr24, .rgb24, .bgra:
        for y in 0..<height {
            for x in 0..<width {
                let from = (y * width + x) * 3
                let to = y * stride + x * format.bytesPerPixel
                let (b, g, r) = (source[from], source[from + 1], source[from + 2])
                switch format {
                case .rgb24: (bytes[to], bytes[to + 1], bytes[to + 2]) = (r, g, b)
                case .bgra: (bytes[to], bytes[to + 1], bytes[to + 2], bytes[to + 3]) = (b, g, r, 255)
                default: (bytes[to], bytes[to + 1], bytes[to + 2]) = (b, g, r)
                }
            }
        }
    case .yuv420p:
        // Any plausible planes will do: the green channel as luma, plain patterns as chroma.
        for y in 0..<height {
            for x in 0..<width { bytes[y * stride + x] = source[(y * width + x) * 3 + 1] }
        }
        let chromaStride = stride / 2
        let uOffset = stride * height
        let vOffset = uOffset + chromaStride * (height / 2)
        for y in 0..<(height / 2) {
            for x in 0..<(width / 2) {
                bytes[uOffset + y * chromaStride + x] = UInt8(truncatingIfNeeded: 64 + x / 2 + index)
                bytes[vOffset + y * chromaStride + x] = UInt8(truncatingIfNeeded: 192 - y / 2)
            }
        }
    }
    return Frame(width: width, height: height, format: format, stride: stride, bytes: bytes)
}

/// A tightly packed frame of one colour.
private func solidFrame(width: Int, height: Int, format: PixelFormat, red: UInt8, green: UInt8, blue: UInt8) -> Frame {
    Frame(width: width, height: height, format: format) { pixels in
        let step = format.bytesPerPixel
        for pixel in 0..<(width * height) {
            let at = pixel * step
            switch format {
            case .rgb24: (pixels[at], pixels[at + 1], pixels[at + 2]) = (red, green, blue)
            case .bgra: (pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]) = (blue, green, red, 255)
            default: (pixels[at], pixels[at + 1], pixels[at + 2]) = (blue, green, red)
            }
        }
    }
}
