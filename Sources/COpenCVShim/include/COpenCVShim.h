#ifndef COPENCVSHIM_H
#define COPENCVSHIM_H
// The only header Swift sees of the OpenCV shim: plain C over cv::VideoWriter with an opaque handle.
// No C++ exception ever crosses these functions; failures come back as a return value plus error text written
// into a caller-supplied buffer (`error`, `error_size` bytes, always NUL-terminated, truncated if too short).

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open cv::VideoWriter (FFmpeg backend) and what OpenCV printed while opening and closing it.
/// Create with cvshim_writer_open, free with cvshim_writer_destroy. Not thread-safe: one caller at a time.
typedef struct cvshim_writer cvshim_writer;

/// OpenCV's version string (CV_VERSION), e.g. "4.6.0". Static storage; never NULL.
const char *cvshim_opencv_version(void);

/// Opens `path` for BGR24 frames of `width` x `height` pixels at `fps` frames per second with OpenCV's FFmpeg
/// backend and the four-character code `fourcc` (e.g. "mp4v", "avc1"); the container follows the file extension.
/// Whatever OpenCV and its backend print on stderr meanwhile is captured (see cvshim_writer_messages).
/// Returns NULL on failure, with OpenCV's own words (or the shim's, when OpenCV gives none) in `error`.
cvshim_writer *cvshim_writer_open(const char *path, const char *fourcc, double fps, int width, int height,
                                  char *error, size_t error_size);

/// Encodes one BGR24 frame read in place from `pixels`: `height` rows of `stride` bytes, each starting with
/// `width` * 3 bytes of pixels. The buffer is not retained after the call returns.
/// Refuses (returns -1 with text in `error`, nothing written) a size other than the one the writer was opened
/// for, a stride shorter than a row, a NULL buffer or a released writer, where cv::VideoWriter::write would
/// silently drop the frame. Returns 0 once OpenCV accepted the frame.
int cvshim_writer_write_bgr24(cvshim_writer *writer, const void *pixels, int width, int height, size_t stride,
                              char *error, size_t error_size);

/// Flushes the encoder and finalises the file (cv::VideoWriter::release). Idempotent; the handle stays valid
/// for cvshim_writer_messages until cvshim_writer_destroy. Returns 0, or -1 with text in `error`.
int cvshim_writer_release(cvshim_writer *writer, char *error, size_t error_size);

/// Releases the writer if that has not happened yet (errors ignored) and frees the handle. NULL is allowed.
void cvshim_writer_destroy(cvshim_writer *writer);

/// The name of the backend OpenCV chose ("FFMPEG"). Valid until cvshim_writer_destroy; never NULL.
const char *cvshim_writer_backend(const cvshim_writer *writer);

/// The lines OpenCV and its backend printed on stderr during open and release (e.g. fallback-tag messages),
/// newline-separated; "" when there were none. Valid until the next call on `writer`; never NULL.
const char *cvshim_writer_messages(const cvshim_writer *writer);

#ifdef __cplusplus
}
#endif
#endif
