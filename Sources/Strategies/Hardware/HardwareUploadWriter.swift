/// Writes frames synchronously through an in-process ``HardwareUploadSession`` (VA-API, QSV). See
/// ``HardwareLibAVStrategy``.
///
/// Maps errors as ``LibAVWriter`` does: every ``LibAVError`` becomes ``WriterError/encoderFailed(encoder:detail:)``
/// and the session is dropped on failure, finish or abort. Confined to one thread at a time.
final class HardwareUploadWriter: VideoWriter {
    private var session: HardwareUploadSession?
    private let configuration: WriterConfiguration
    private let encoderLabel: String

    /// Opens the device, the encoder and the file for `configuration`, already validated by the strategy.
    ///
    /// - Throws: ``WriterError/encoderFailed(encoder:detail:)`` carrying the libav call and its error text.
    init(configuration: WriterConfiguration, settings: EncoderSettings, upload: HardwareUpload) throws {
        self.configuration = configuration
        encoderLabel = "libav (\(settings.encoder))"
        do {
            session = try HardwareUploadSession(path: configuration.outputPath, geometry: configuration.geometry,
                                                fps: configuration.fps, settings: settings, upload: upload)
        } catch let error as LibAVError {
            throw WriterError.encoderFailed(encoder: encoderLabel, detail: error.description)
        }
    }

    func write(_ frame: Frame) throws {
        guard let session else { throw WriterError.closed }
        do {
            try session.encode(frame)
        } catch let error as LibAVError {
            self.session = nil
            throw WriterError.encoderFailed(encoder: encoderLabel,
                                            detail: "\(error.description) after \(session.framesEncoded) frames")
        }
    }

    func finish() throws -> WriterReport {
        guard let session else { throw WriterError.closed }
        self.session = nil
        do {
            try session.finish()
        } catch let error as LibAVError {
            throw WriterError.encoderFailed(encoder: encoderLabel, detail: "at finish: \(error.description)")
        }
        return WriterReport(bytesWritten: OutputPath.size(configuration.outputPath), encoderUsed: session.codecName,
                            framesWritten: session.framesEncoded)
    }

    func abort() {
        session = nil
    }
}
