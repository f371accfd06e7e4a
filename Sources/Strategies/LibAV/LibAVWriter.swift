/// Writes frames synchronously through an in-process ``EncodingSession`` (software, or with a hardware upload
/// step). See ``LibAVStrategy`` and ``HardwareLibAVStrategy``.
///
/// Turns the session's ``LibAVError``s into ``WriterError/encoderFailed(encoder:detail:)`` and drops the session on
/// such a failure, finish or abort, which frees every libav resource. Confined to one thread at a time; behind an
/// ``AsyncVideoWriter`` that is the writer thread.
final class LibAVWriter: VideoWriter {
    private var session: (any EncodingSession)?
    private let configuration: WriterConfiguration
    private let encoderLabel: String

    /// Opens the encoder and the file for `configuration`, already validated by ``LibAVStrategy``.
    ///
    /// - Throws: ``WriterError/encoderFailed(encoder:detail:)`` carrying the libav call and its error text.
    init(configuration: WriterConfiguration, settings: EncoderSettings, upload: HardwareUpload? = nil) throws {
        self.configuration = configuration
        self.encoderLabel = "libav (\(settings.encoder))"
        do {
            if let upload {
                session = try HardwareUploadSession(path: configuration.outputPath, geometry: configuration.geometry,
                                                    frameRate: configuration.frameRate, settings: settings, upload: upload)
            } else {
                session = try LibAVEncodingSession(path: configuration.outputPath, geometry: configuration.geometry,
                                                   frameRate: configuration.frameRate, settings: settings)
            }
        } catch let error as LibAVError {
            throw WriterError.encoderFailed(encoder: encoderLabel, detail: error.description)
        }
    }

    func write(_ frame: Frame) throws {
        guard let session else { throw WriterError.closed }
        do {
            try session.encode(frame)
        } catch let error as LibAVError {
            // The encoder's state is unknown after a failed call: free it now rather than at abort.
            self.session = nil
            throw WriterError.encoderFailed(encoder: encoderLabel,
                                            detail: "\(error.description) after \(session.framesEncoded) frames")
        }
    }

    func finish() throws -> WriterReport {
        guard let session else { throw WriterError.closed }
        // The local reference keeps the session alive to the end of this call; it is freed on every path after.
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
