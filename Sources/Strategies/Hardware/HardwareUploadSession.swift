import CFFmpeg

/// One in-process encode through an encoder that only takes frames in device memory (VA-API, QSV): converts each
/// frame to NV12, uploads it to a surface, encodes it and muxes the packets.
///
/// The hardware counterpart of ``LibAVEncodingSession`` with the same contract: failures are ``LibAVError`` values
/// naming the call, a frame of the wrong geometry is ``WriterError/frameMismatch(expected:actual:)``, and dropping
/// the session releases everything. Encoders that take software frames (NVENC, AMF, V4L2 M2M, VideoToolbox) do not
/// need it: they run through ``LibAVEncodingSession`` itself. Both sessions are built from the same libav types
/// (``OutputContainer``, ``EncoderContext``, ``ColorConverter``, ``EncoderFrame``); this one adds the device and its
/// surfaces (``HardwareFrames``). Confined to one thread at a time.
final class HardwareUploadSession {
    /// The codec implementation that is encoding (e.g. `h264_vaapi`).
    var codecName: String { encoder.codecName }
    /// Frames encoded so far.
    private(set) var framesEncoded = 0

    private let geometry: FrameGeometry
    // Declared in the order of dependency: the encoder holds a reference to the frames pool, the container is
    // described by the encoder.
    private let container: OutputContainer
    private let frames: HardwareFrames
    private let encoder: EncoderContext
    private let converter: ColorConverter
    private let picture: EncoderFrame
    private let packet: EncodedPacket
    private var finished = false

    /// Opens the device, the encoder called `settings.encoder` and the file at `path` in `settings.container`.
    ///
    /// - Precondition: `fps` is positive and the dimensions are even (``WriterConfiguration/validateForYUV420()``).
    /// - Throws: ``LibAVError`` naming the call that failed (`av_hwdevice_ctx_create` without the device).
    init(path: String, geometry: FrameGeometry, frameRate: FrameRate, settings: EncoderSettings, upload: HardwareUpload) throws {
        precondition(geometry.width % 2 == 0 && geometry.height % 2 == 0, "validate the configuration first")
        LibAVLogLevel.quietenDefault()
        self.geometry = geometry
        container = try OutputContainer(path: path, options: EncoderOptions(settings))
        frames = try HardwareFrames(upload: upload, width: geometry.width, height: geometry.height)
        encoder = try EncoderContext(settings: settings, width: geometry.width, height: geometry.height, frameRate: frameRate,
                                     globalHeader: container.needsGlobalHeader, pixelFormat: frames.surfaceFormat,
                                     hardwareFrames: frames.frames)
        converter = try ColorConverter(width: geometry.width, height: geometry.height, format: geometry.format,
                                       to: .nv12)
        picture = try EncoderFrame(width: geometry.width, height: geometry.height, format: .nv12)
        packet = try EncodedPacket()
        try container.addVideoStream(encodedBy: encoder, frameRate: frameRate)
        try container.writeHeader()
    }

    /// Converts, uploads and encodes one frame, and muxes whatever packets the encoder has ready.
    ///
    /// - Throws: ``WriterError/frameMismatch(expected:actual:)`` (nothing is encoded), or ``LibAVError``.
    func encode(_ frame: Frame) throws {
        precondition(!finished, "encode after finish")
        try geometry.check(frame)
        // No makeWritable, unlike LibAVEncodingSession: the upload copies the picture into a surface and keeps no
        // reference, so the picture is only ever this session's.
        try converter.convert(frame, into: picture)
        picture.pts = Int64(framesEncoded)
        try encoder.send(surface: try frames.upload(picture))
        framesEncoded += 1
        try container.writeReadyPackets(from: encoder, using: packet)
    }

    /// Flushes the encoder, muxes the rest and writes the trailer.
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
