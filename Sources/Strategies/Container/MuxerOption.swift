/// One option of the muxer (not the encoder), e.g. `movflags=frag_keyframe+empty_moov`, resolved from
/// ``ContainerFormat`` into ``EncoderOptions/muxerOptions`` and read by both encoding paths.
struct MuxerOption: Sendable, Hashable {
    /// The muxer's AVOption name (`movflags`, `frag_duration`, `cluster_time_limit`).
    let name: String
    /// The value as text, as both the ffmpeg program and `av_dict_set` take it.
    let value: String

    /// The option on ffmpeg's command line, among the output options: `-name value`.
    var ffmpegArguments: [String] { ["-\(name)", value] }
}
