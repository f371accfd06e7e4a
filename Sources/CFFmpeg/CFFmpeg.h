#ifndef CFFMPEG_H
#define CFFMPEG_H
// FFmpeg's C API as Swift sees it, plus tiny inline helpers for what FFmpeg only offers as macros.
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/hwcontext.h>
#include <libswscale/swscale.h>

/// AVERROR(EAGAIN): the encoder or decoder wants more input / output to be drained first.
static inline int cffmpeg_averror_eagain(void) { return AVERROR(EAGAIN); }
/// AVERROR_EOF: the stream is fully drained.
static inline int cffmpeg_averror_eof(void) { return AVERROR_EOF; }
/// The AV_NOPTS_VALUE sentinel, which Swift cannot import as a macro.
static inline int64_t cffmpeg_nopts_value(void) { return AV_NOPTS_VALUE; }

/// Implemented in Swift (Strategies, LibAVLogCapture): nonzero when the calling thread is capturing libav's log.
int writerbench_log_capture_active(void);
/// Implemented in Swift (Strategies, LibAVLogCapture): takes one formatted line logged on a capturing thread.
void writerbench_log_capture_line(int level, const char *line);
/// A callback for av_log_set_callback that hands warnings and errors logged on a capturing thread to Swift and every
/// other line to av_log_default_callback. In C because a va_list cannot cross into a Swift @convention(c) closure on
/// Linux (Swift cannot represent x86_64's array-typed va_list there).
static inline void cffmpeg_capturing_log_callback(void *context, int level, const char *format, va_list arguments) {
    if (!writerbench_log_capture_active()) {
        av_log_default_callback(context, level, format, arguments);
        return;
    }
    if (level > AV_LOG_WARNING) return;
    char line[1024];
    int print_prefix = 1;
    av_log_format_line2(context, level, format, arguments, line, (int)sizeof line, &print_prefix);
    writerbench_log_capture_line(level, line);
}
/// Installs cffmpeg_capturing_log_callback; Swift cannot take that function's address itself (see above).
static inline void cffmpeg_install_capturing_log_callback(void) { av_log_set_callback(cffmpeg_capturing_log_callback); }
#endif
