#ifndef CFFMPEG_H
#define CFFMPEG_H
// FFmpeg's C API as Swift sees it, plus tiny inline helpers for what FFmpeg only offers as macros. Nothing else:
// code that must be C for another reason (libav's va_list log callback) lives in the CFFmpegShim target.
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/cpu.h>
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

#endif
