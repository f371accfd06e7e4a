import COpenCVShim

/// One open `cv::VideoWriter` behind the C++ shim: the only Swift code that calls `cvshim_*` and the only owner of
/// the shim's opaque handle, which it frees in ``close()`` or, at the latest, in `deinit`.
///
/// Confined to one thread at a time (the writer's owner), like every ``VideoWriter``; it is deliberately not
/// `Sendable`.
final class OpenCVVideoWriterHandle {
    /// A shim call that failed, in OpenCV's words (or the shim's, where OpenCV gives none).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// OpenCV's version string, e.g. "4.6.0".
    static var version: String { String(cString: cvshim_opencv_version()) }

    /// The backend OpenCV opened the file with ("FFMPEG").
    let backend: String
    private var handle: OpaquePointer?
    /// Receives the shim's error text; allocated once per writer so that `write` allocates nothing.
    private let errorText: UnsafeMutableBufferPointer<CChar>

    /// Opens `path` for BGR24 frames of `width` x `height` at `fps` with the four-character code `fourcc`.
    ///
    /// - Throws: ``Failure`` with OpenCV's reason (unknown fourcc, encoder refusing, file not creatable).
    init(path: String, fourcc: String, fps: Double, width: Int, height: Int) throws(Failure) {
        errorText = .allocate(capacity: 1024)
        errorText.initialize(repeating: 0)
        handle = cvshim_writer_open(path, fourcc, fps, Int32(clamping: width), Int32(clamping: height),
                                    errorText.baseAddress, errorText.count)
        guard let handle else {
            let failure = Failure(description: String(cString: errorText.baseAddress!))
            errorText.deallocate()
            throw failure
        }
        backend = String(cString: cvshim_writer_backend(handle))
    }

    deinit {
        close()
        errorText.deallocate()
    }

    /// Encodes one BGR24 frame straight from the frame's storage, honouring its row stride.
    ///
    /// - Throws: ``Failure`` when the shim refuses the frame (size, stride) or OpenCV throws; nothing was written.
    func writeBGR24(_ frame: Frame) throws(Failure) {
        guard let handle else { throw Failure(description: "the OpenCV writer is already closed") }
        let result = frame.withUnsafeBytes { bytes in
            cvshim_writer_write_bgr24(handle, bytes.baseAddress, Int32(clamping: frame.width),
                                      Int32(clamping: frame.height), frame.stride,
                                      errorText.baseAddress, errorText.count)
        }
        try check(result)
    }

    /// Flushes the encoder and finalises the file (`cv::VideoWriter::release`), then frees the handle.
    ///
    /// - Returns: The lines OpenCV printed on stderr while opening and releasing (e.g. fallback-tag messages).
    /// - Throws: ``Failure`` when OpenCV throws while finalising; the handle is freed anyway.
    func release() throws(Failure) -> [String] {
        guard let handle else { throw Failure(description: "the OpenCV writer is already closed") }
        defer { close() }
        try check(cvshim_writer_release(handle, errorText.baseAddress, errorText.count))
        return String(cString: cvshim_writer_messages(handle))
            .split(whereSeparator: \.isNewline).map(String.init)
    }

    /// Releases the writer if that has not happened (errors ignored) and frees the handle. Idempotent.
    func close() {
        cvshim_writer_destroy(handle)
        handle = nil
    }

    /// The one place a shim status is turned into a Swift error.
    private func check(_ result: Int32) throws(Failure) {
        guard result == 0 else { throw Failure(description: String(cString: errorText.baseAddress!)) }
    }
}
