/// Writes frames synchronously through `cv::VideoWriter`. See ``OpenCVStrategy``.
///
/// Confined to its owner's thread like every ``VideoWriter``.
final class OpenCVVideoWriter: VideoWriter {
    private var handle: OpenCVVideoWriterHandle?
    private let configuration: WriterConfiguration
    private let fourcc: String
    private let encoder: String
    private var framesWritten = 0

    /// Opens the OpenCV writer for `configuration`.
    ///
    /// - Throws: ``WriterError/encoderFailed(encoder:detail:)`` with OpenCV's reason when it cannot open.
    init(configuration: WriterConfiguration, fourcc: String, encoder: String) throws {
        self.configuration = configuration
        self.fourcc = fourcc
        self.encoder = encoder
        do {
            handle = try OpenCVVideoWriterHandle(
                path: configuration.outputPath, fourcc: fourcc, fps: configuration.frameRate.value,
                width: configuration.geometry.width, height: configuration.geometry.height)
        } catch {
            throw WriterError.encoderFailed(encoder: encoderLabel, detail: error.description)
        }
    }

    deinit { abort() }

    func write(_ frame: Frame) throws {
        guard let handle else { throw WriterError.closed }
        try configuration.geometry.check(frame)
        do {
            try handle.writeBGR24(frame)
        } catch {
            abort()
            throw WriterError.encoderFailed(encoder: encoderLabel,
                                            detail: "\(error.description) (after \(framesWritten) frames)")
        }
        framesWritten += 1
    }

    func finish() throws -> WriterReport {
        guard let handle else { throw WriterError.closed }
        self.handle = nil
        let messages: [String]
        do {
            messages = try handle.release()
        } catch {
            throw WriterError.encoderFailed(encoder: encoderLabel, detail: "at finish: \(error.description)")
        }
        let bytes = OutputPath.size(configuration.outputPath)
        // cv::VideoWriter reports no encoding or muxing error after open; an empty file is the one sign left.
        if framesWritten > 0 && bytes == 0 {
            throw WriterError.encoderFailed(
                encoder: encoderLabel,
                detail: "OpenCV accepted \(framesWritten) frames but left '\(configuration.outputPath)' empty"
                    + (messages.isEmpty ? "" : "; OpenCV said: \(messages.joined(separator: " | "))"))
        }
        let notes = ["opencv \(OpenCVStrategy.openCVVersion)", "backend \(handle.backend), fourcc \(fourcc)"]
            + messages.map { "opencv said: \($0)" }
        return WriterReport(bytesWritten: bytes, encoderUsed: encoder, framesWritten: framesWritten, notes: notes)
    }

    /// Releases OpenCV's writer. `cv::VideoWriter` has no way to stop without finalising, so the file written so
    /// far is usually playable.
    func abort() {
        handle?.close()
        handle = nil
    }

    private var encoderLabel: String { "OpenCV \(fourcc) (\(encoder))" }
}
