import CFFmpeg

/// One in-process encode into one file: converts each frame to yuv420p (BT.709, limited range), encodes it and
/// muxes the packets, then flushes and writes the trailer.
///
/// The encoding core of ``LibAVWriter``, kept apart from the ``VideoWriter`` protocol (closed state, error mapping,
/// reports) so that other strategies, such as an encoder-ceiling reference, can drive it directly. It speaks
/// libav's error vocabulary: failures are ``LibAVError`` values naming the call that failed, and a frame of the wrong
/// geometry is ``WriterError/frameMismatch(expected:actual:)``.
///
/// The per-frame path reuses one picture and one packet and allocates nothing on the Swift side. Every resource
/// belongs to one of the owning types, so dropping the session (after an error, or instead of ``finish()``)
/// releases everything; the file is then left incomplete. Confined to one thread at a time.
final class LibAVEncodingSession {
    /// The codec implementation that is encoding (e.g. `libx264`).
    var codecName: String { encoder.codecName }
    /// Frames encoded so far.
    private(set) var framesEncoded = 0

    private let geometry: FrameGeometry
    // Declared in the order of dependency; each frees its own resource however the session ends.
    private let container: OutputContainer
    private let encoder: EncoderContext
    private let converter: ColorConverter?
    private let picture: EncoderFrame
    private let packet: EncodedPacket
    private var finished = false

    /// Creates the file at `path` (replacing it), opens the encoder and writes the container header.
    ///
    /// - Precondition: `fps` is positive and the dimensions are even (``WriterConfiguration/validateForYUV420()``).
    /// - Throws: ``LibAVError`` naming the call that failed.
    init(path: String, geometry: FrameGeometry, frameRate: FrameRate, settings: EncoderSettings) throws {
        precondition(geometry.width % 2 == 0 && geometry.height % 2 == 0, "validate the configuration first")
        LibAVLogLevel.quietenDefault()
        self.geometry = geometry
        container = try OutputContainer(path: path, options: EncoderOptions(settings))
        encoder = try EncoderContext(settings: settings, width: geometry.width, height: geometry.height, frameRate: frameRate,
                                     globalHeader: container.needsGlobalHeader)
        try container.addVideoStream(encodedBy: encoder, frameRate: frameRate)
        converter = geometry.format == .yuv420p
            ? nil : try ColorConverter(width: geometry.width, height: geometry.height, format: geometry.format)
        picture = try EncoderFrame(width: geometry.width, height: geometry.height)
        packet = try EncodedPacket()
        try container.writeHeader()
    }

    /// Converts and encodes one frame, and muxes whatever packets the encoder has ready.
    ///
    /// - Throws: ``WriterError/frameMismatch(expected:actual:)`` (nothing is encoded), or ``LibAVError``.
    func encode(_ frame: Frame) throws {
        precondition(!finished, "encode after finish")
        try geometry.check(frame)
        try picture.makeWritable()
        if let converter {
            try converter.convert(frame, into: picture)
        } else {
            picture.copyPlanes(fromYUV420p: frame)
        }
        picture.pts = Int64(framesEncoded)
        try encoder.send(picture)
        framesEncoded += 1
        try container.writeReadyPackets(from: encoder, using: packet)
    }

    /// Flushes the encoder (delayed frames, e.g. x264's lookahead), muxes the rest and writes the trailer.
    ///
    /// - Throws: ``LibAVError``; the session is unusable afterwards either way.
    func finish() throws {
        precondition(!finished, "finish twice")
        finished = true
        try encoder.send(nil)
        try container.writeReadyPackets(from: encoder, using: packet)
        try container.finish()
    }
}
