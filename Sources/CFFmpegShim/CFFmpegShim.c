#include "CFFmpegShim.h"
#include <libavutil/log.h>
#include <pthread.h>
#include <stdarg.h>

// Room for one formatted line; av_log_format_line2 truncates longer ones.
enum { line_capacity = 1024 };

// Whether the calling thread is capturing. Thread-local, so threads that are not capturing pay one TLS read per
// logged line and take no lock.
static _Thread_local int capturing;
// The lines of the one capture that may run at a time (see the header). Only the capturing thread writes them, and
// it reads them itself after cffmpeg_log_capture_end, so they need no lock.
static char lines[CFFMPEG_LOG_CAPTURE_MAX_LINES][line_capacity];
static int line_count;

static void capturing_log_callback(void *context, int level, const char *format, va_list arguments) {
    if (!capturing) {
        av_log_default_callback(context, level, format, arguments);
        return;
    }
    if (level > AV_LOG_WARNING || line_count >= CFFMPEG_LOG_CAPTURE_MAX_LINES) return;
    int print_prefix = 1;
    av_log_format_line2(context, level, format, arguments, lines[line_count], line_capacity, &print_prefix);
    line_count += 1;
}

static pthread_once_t installed = PTHREAD_ONCE_INIT;
static void install(void) { av_log_set_callback(capturing_log_callback); }

void cffmpeg_log_capture_begin(void) {
    pthread_once(&installed, install);
    line_count = 0;
    capturing = 1;
}

int cffmpeg_log_capture_end(void) {
    capturing = 0;
    return line_count;
}

const char *cffmpeg_log_capture_line(int index) {
    if (index < 0 || index >= line_count) return 0;
    return lines[index];
}
