import CFFmpeg

/// Keeps libav's log quiet during benchmark runs, as the pipe strategy's `-loglevel error` does.
///
/// At libav's default level (info) libx264 prints its CPU capabilities, profile and statistics for every writer
/// opened, which buries the benchmark's own output. The level is process-wide, so it is only lowered from the
/// default: a program that chose a level (e.g. `av_log_set_level(AV_LOG_DEBUG)` to investigate) keeps it.
enum LibAVLogLevel {
    private static let quietened: Void = {
        if av_log_get_level() == AV_LOG_INFO { av_log_set_level(AV_LOG_ERROR) }
    }()

    /// Lowers libav's log level from info to error, once per process.
    static func quietenDefault() { _ = quietened }
}
