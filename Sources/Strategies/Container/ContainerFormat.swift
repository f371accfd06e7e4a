import CFFmpeg

/// The output containers WriterBench's FFmpeg strategies (pipe and libav, software and hardware) can write, named as
/// `--container` takes them and as the CSV's `container` column records them.
///
/// The crash-safe choices trade a little write cost for a file that survives its writer being killed: a plain
/// mp4 keeps its index (`moov`) in memory until `finish`, so a killed writer leaves a file no player opens;
/// fragmented mp4 and Matroska write self-describing pieces as they go. ``muxerOptions`` holds what each choice tells
/// the muxer; ``EncoderOptions`` carries it to the ffmpeg command line and to libav alike.
public enum ContainerFormat: String, Sendable, CaseIterable {
    /// Plain mp4: the index is written by `finish` (`moov` at the end of the file).
    case mp4
    /// Fragmented mp4: an empty `moov` up front, then a `moof`+`mdat` fragment at every keyframe and at least every
    /// ``fragmentSeconds`` (`movflags=frag_keyframe+empty_moov+default_base_moof`, `frag_duration`), each handed to
    /// the kernel when written (`flush_packets`, see ``muxerOptions``).
    case fragmentedMP4 = "fmp4"
    /// FFmpeg's hybrid fragmented mp4 (`movflags=hybrid_fragmented`): fragmented while writing, rewritten as a plain
    /// mp4 by `finish`. Only libavformat builds whose mov muxer knows the flag have it (not FFmpeg 5.1, as in Debian 12); see
    /// ``availability()``.
    case hybridFragmentedMP4 = "hybrid-fmp4"
    /// Matroska: clusters written as they close, at most ``fragmentSeconds`` long (`cluster_time_limit`), each handed
    /// to the kernel when written (`flush_packets`).
    case matroska = "mkv"
    /// No file: the null muxer, for probes and the encoder ceiling.
    case null

    /// The choices a user can give to `--container` (every case but ``null``).
    public static let selectable: [ContainerFormat] = [.mp4, .fragmentedMP4, .hybridFragmentedMP4, .matroska]

    /// The longest stretch, in seconds, a fragmented mp4 fragment or a Matroska cluster may cover, so that a killed
    /// writer loses at most about this much encoded video. Without it, fragments would close only at keyframes —
    /// every 250 frames with x264's default GOP — and Matroska clusters after 5 s or 5 MB.
    public static let fragmentSeconds = 1

    /// libavformat's name of the muxer (`-f` for the ffmpeg program, `avformat_alloc_output_context2`'s format).
    public var muxer: String {
        switch self {
        case .mp4, .fragmentedMP4, .hybridFragmentedMP4: "mp4"
        case .matroska: "matroska"
        case .null: "null"
        }
    }

    /// The output file's extension: `mp4` for every mp4 flavour, `mkv` for Matroska.
    public var fileExtension: String {
        switch self {
        case .mp4, .fragmentedMP4, .hybridFragmentedMP4: "mp4"
        case .matroska: "mkv"
        case .null: "null"
        }
    }

    /// What the muxer is told, in order: `-name value` for the ffmpeg program, the `avformat_write_header`
    /// dictionary for libav.
    ///
    /// The crash-safe containers also get `flush_packets=1` (an `AVFormatContext` option): libavformat's file
    /// protocol otherwise holds up to 256 KiB of written data in memory (its minimum packet size), which a killed
    /// writer loses however often the muxer closes fragments. Both muxers write only when a fragment or cluster
    /// closes, so this costs a `write` per fragment, not per frame. Plain mp4 does not get it: its file is
    /// unreadable without the index anyway.
    var muxerOptions: [MuxerOption] {
        let flush = MuxerOption(name: "flush_packets", value: "1")
        return switch self {
        case .mp4, .null: []
        case .fragmentedMP4:
            [MuxerOption(name: "movflags", value: "frag_keyframe+empty_moov+default_base_moof"),
             MuxerOption(name: "frag_duration", value: "\(Self.fragmentSeconds * 1_000_000)"), flush]
        case .hybridFragmentedMP4:
            [MuxerOption(name: "movflags", value: "hybrid_fragmented"), flush]
        case .matroska:
            [MuxerOption(name: "cluster_time_limit", value: "\(Self.fragmentSeconds * 1000)"), flush]
        }
    }

    /// Whether the linked libavformat can write this container: every one but ``hybridFragmentedMP4`` always can;
    /// that one needs the `hybrid_fragmented` constant in the mov muxer's `movflags` option, looked up in the
    /// muxer's AVOption table at run time (FFmpeg 5.1, as in Debian 12, lacks it).
    ///
    /// Pipe strategies ask the same question of the linked libavformat: the ffmpeg program is assumed to come from
    /// the same FFmpeg (an ffmpeg program that lacks the flag fails the run with its own words).
    public func availability() -> Availability {
        guard self == .hybridFragmentedMP4 else { return .available }
        return Self.muxerKnows(constant: "hybrid_fragmented", ofOption: "movflags", muxer: muxer)
            ? .available
            : .unavailable(reason: "FFmpeg \(LibraryVersions.libav) has no movflags=hybrid_fragmented, which newer FFmpeg releases add; use --container fmp4 or mkv")
    }

    /// Whether `muxer`'s private options have the named constant of the flags option `option`.
    static func muxerKnows(constant: String, ofOption option: String, muxer: String) -> Bool {
        guard let format = av_guess_format(muxer, nil, nil), var optionClass = format.pointee.priv_class else {
            return false
        }
        // AV_OPT_SEARCH_FAKE_OBJ: the "object" is a pointer to the AVClass, as the AVOption API documents.
        return withUnsafeMutablePointer(to: &optionClass) { classPointer in
            av_opt_find(UnsafeMutableRawPointer(classPointer), constant, option, 0, AV_OPT_SEARCH_FAKE_OBJ) != nil
        }
    }
}
