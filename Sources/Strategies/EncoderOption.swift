/// One thing WriterBench tells an encoder beyond its name, in a form both encoding paths understand: the ffmpeg
/// program's command line (``FFmpegCommandLine``) and libavcodec's `AVCodecContext` (``EncoderContext``).
///
/// Resolved from ``EncoderSettings`` by ``EncoderOptions``; neither path decides on its own which options an encoder
/// gets, so pipe and in-process strategies encode at equal settings by construction.
enum EncoderOption: Sendable, Hashable {
    /// An option of the encoder's own (x264's `preset`, `crf`; x265's `x265-params`): `-name value` for the ffmpeg
    /// program, `av_opt_set` on the codec's private data for libav. The value is the text both accept.
    case privateOption(name: String, value: String)
    /// A fixed quantiser (1 best … 31 worst) instead of a bitrate target: ffmpeg's `-q:v q`, which the program turns
    /// into `AV_CODEC_FLAG_QSCALE` and `global_quality = q × FF_QP2LAMBDA`, as ``EncoderContext`` does.
    case fixedQuantiser(Int)
    /// Encoder threads; 0 lets the encoder decide. `-threads n` for the ffmpeg program, `thread_count` for libav.
    case threads(Int)

    /// The option on ffmpeg's command line, after `-c:v`.
    ///
    /// `threads(0)` says nothing: 0 (automatic) is already the ffmpeg program's default, whereas an `AVCodecContext`
    /// starts at 1 (FFmpeg 5.1), so libav must be told and the program need not be.
    var ffmpegArguments: [String] {
        switch self {
        case .privateOption(let name, let value): ["-\(name)", value]
        case .fixedQuantiser(let quantiser): ["-q:v", "\(quantiser)"]
        case .threads(let count): count > 0 ? ["-threads", "\(count)"] : []
        }
    }
}
