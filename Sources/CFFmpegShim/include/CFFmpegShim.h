#ifndef CFFMPEGSHIM_H
#define CFFMPEGSHIM_H
// libav's log, captured per thread. In C because libav hands its log callback a va_list, which a Swift
// @convention(c) closure cannot take on Linux (Swift cannot represent x86_64's array-typed va_list there).
// This header declares only functions implemented in CFFmpegShim.c; nothing here calls back into Swift.

/// The most lines one capture keeps; later lines are dropped. A failing avcodec_open2 logs two or three.
#define CFFMPEG_LOG_CAPTURE_MAX_LINES 32

/// Starts capturing on the calling thread: from now until cffmpeg_log_capture_end on this thread, warning and error
/// lines libav logs on this thread are kept (formatted, with libav's "[name @ address] " prefix) instead of printed.
/// Installs the capturing log callback on first use; it stays installed, and passes every line from threads that are
/// not capturing to av_log_default_callback, which applies libav's log level as before. Discards the lines of the
/// previous capture. One capture at a time per process: callers serialize begin…end and reading the lines.
void cffmpeg_log_capture_begin(void);

/// Stops capturing on the calling thread. Returns how many lines were kept (at most CFFMPEG_LOG_CAPTURE_MAX_LINES).
int cffmpeg_log_capture_end(void);

/// The kept line at `index` (0 ..< the count cffmpeg_log_capture_end returned), NUL-terminated, or NULL when out of
/// range. Valid until the next cffmpeg_log_capture_begin.
const char *cffmpeg_log_capture_line(int index);
#endif
