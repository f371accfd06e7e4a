/// An open in-process encode into a file: software (``LibAVEncodingSession``) or with a hardware upload step
/// (``HardwareUploadSession``). ``LibAVWriter`` drives either.
protocol EncodingSession: AnyObject {
    /// The encoder that produces the stream (libavcodec's name).
    var codecName: String { get }
    /// Frames encoded so far.
    var framesEncoded: Int { get }
    /// Converts and encodes one frame, muxing every packet the encoder hands back. Throws ``LibAVError``.
    func encode(_ frame: Frame) throws
    /// Drains the encoder and writes the trailer. Throws ``LibAVError``.
    func finish() throws
}

extension LibAVEncodingSession: EncodingSession {}
extension HardwareUploadSession: EncodingSession {}
