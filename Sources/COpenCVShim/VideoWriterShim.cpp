#include "COpenCVShim.h"
#include "StderrCapture.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <sstream>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/core/version.hpp>
#include <opencv2/videoio.hpp>
#include <opencv2/videoio/registry.hpp>

struct cvshim_writer {
    cv::VideoWriter writer;
    int width = 0;
    int height = 0;
    bool released = false;
    std::string backend;
    /// Library lines captured from stderr during open and release, newline-terminated.
    std::string messages;
};

namespace {

void setError(char *error, size_t size, const std::string &text) {
    if (error == nullptr || size == 0) return;
    const size_t count = std::min(size - 1, text.size());
    std::memcpy(error, text.data(), count);
    error[count] = '\0';
}

/// Runs `body` (which returns 0, or -1 after setting `error`) so that no C++ exception leaves the shim: an
/// exception becomes -1 with its what() text, prefixed by `operation`.
template <typename Body>
int guarded(const char *operation, char *error, size_t size, Body &&body) {
    try {
        return body();
    } catch (const cv::Exception &exception) {
        setError(error, size, std::string(operation) + " threw cv::Exception: " + exception.what());
    } catch (const std::exception &exception) {
        setError(error, size, std::string(operation) + " threw " + exception.what());
    } catch (...) {
        setError(error, size, std::string(operation) + " threw an unknown C++ exception");
    }
    return -1;
}

/// "a | b" from newline-terminated lines, for one-line error text.
std::string oneLine(const std::string &lines) {
    std::string result;
    size_t start = 0;
    while (start < lines.size()) {
        size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size();
        if (end > start) {
            if (!result.empty()) result += " | ";
            result.append(lines, start, end - start);
        }
        start = end + 1;
    }
    return result;
}

} // namespace

extern "C" const char *cvshim_opencv_version(void) { return CV_VERSION; }

extern "C" cvshim_writer *cvshim_writer_open(const char *path, const char *fourcc, double fps, int width, int height,
                                             char *error, size_t error_size) {
    cvshim_writer *opened = nullptr;
    guarded("cv::VideoWriter::open", error, error_size, [&]() -> int {
        if (path == nullptr || *path == '\0') {
            setError(error, error_size, "no output path given");
            return -1;
        }
        if (fourcc == nullptr || std::strlen(fourcc) != 4) {
            setError(error, error_size, std::string("a fourcc has exactly four characters, got '") +
                                            (fourcc ? fourcc : "(null)") + "'");
            return -1;
        }
        if (!(fps > 0)) {
            setError(error, error_size, "fps must be positive");
            return -1;
        }
        // OpenCV's FFmpeg backend rounds odd sizes down (width &= -2) and then drops the last column or row of
        // every frame without a word; refuse instead.
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            setError(error, error_size, "frame size " + std::to_string(width) + "x" + std::to_string(height) +
                                            " must be positive and even (OpenCV would crop odd sizes silently)");
            return -1;
        }
        if (!cv::videoio_registry::hasBackend(cv::CAP_FFMPEG)) {
            setError(error, error_size, std::string("OpenCV ") + CV_VERSION +
                                            " was built without its FFmpeg backend (videoio_registry::hasBackend)");
            return -1;
        }

        auto handle = std::make_unique<cvshim_writer>();
        handle->width = width;
        handle->height = height;
        const int code = cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]);
        bool ok = false;
        {
            cvshim::StderrCapture capture;
            // The FFmpeg backend is named rather than left to CAP_ANY: with CAP_ANY a refused fourcc falls
            // through to GStreamer, which prints its own warnings and may pick another encoder than the one the
            // strategy reports.
            ok = handle->writer.open(path, cv::CAP_FFMPEG, code, fps, cv::Size(width, height), true);
            handle->messages = capture.finish();
        }
        if (!ok || !handle->writer.isOpened()) {
            std::ostringstream text;
            text << "cv::VideoWriter::open('" << path << "', CAP_FFMPEG, '" << fourcc << "', " << fps << " fps, "
                 << width << "x" << height << ") failed";
            const std::string said = oneLine(handle->messages);
            if (!said.empty()) {
                text << "; OpenCV said: " << said;
            } else {
                text << " without a message (OpenCV " << CV_VERSION
                     << " says nothing when the file cannot be created or the encoder refuses to open)";
            }
            setError(error, error_size, text.str());
            return -1;
        }
        handle->backend = handle->writer.getBackendName();
        opened = handle.release();
        return 0;
    });
    return opened;
}

extern "C" int cvshim_writer_write_bgr24(cvshim_writer *writer, const void *pixels, int width, int height,
                                         size_t stride, char *error, size_t error_size) {
    return guarded("cv::VideoWriter::write", error, error_size, [&]() -> int {
        if (writer == nullptr || writer->released || !writer->writer.isOpened()) {
            setError(error, error_size, "the writer is released; open a new one");
            return -1;
        }
        if (pixels == nullptr) {
            setError(error, error_size, "no pixel buffer given");
            return -1;
        }
        // cv::VideoWriter::write returns nothing, and its FFmpeg backend drops a frame of another size without a
        // word, which would leave a silently short video.
        if (width != writer->width || height != writer->height) {
            setError(error, error_size, "frame is " + std::to_string(width) + "x" + std::to_string(height) +
                                            " but the writer was opened for " + std::to_string(writer->width) +
                                            "x" + std::to_string(writer->height) + "; nothing was written");
            return -1;
        }
        if (stride < static_cast<size_t>(width) * 3) {
            setError(error, error_size, "stride of " + std::to_string(stride) + " bytes is shorter than a row of " +
                                            std::to_string(width) + " BGR24 pixels; nothing was written");
            return -1;
        }
        // A Mat header over the caller's rows: no copy here. (OpenCV 4.6's FFmpeg backend itself copies the
        // frame into an aligned buffer when the stride is not a multiple of 32 bytes, before sws_scale.)
        const cv::Mat frame(height, width, CV_8UC3, const_cast<void *>(pixels), stride);
        writer->writer.write(frame);
        return 0;
    });
}

extern "C" int cvshim_writer_release(cvshim_writer *writer, char *error, size_t error_size) {
    return guarded("cv::VideoWriter::release", error, error_size, [&]() -> int {
        if (writer == nullptr) {
            setError(error, error_size, "no writer given");
            return -1;
        }
        if (writer->released) return 0;
        writer->released = true;
        cvshim::StderrCapture capture;
        writer->writer.release();
        writer->messages += capture.finish();
        return 0;
    });
}

extern "C" void cvshim_writer_destroy(cvshim_writer *writer) {
    if (writer == nullptr) return;
    char ignored[1];
    cvshim_writer_release(writer, ignored, sizeof ignored);
    delete writer;
}

extern "C" const char *cvshim_writer_backend(const cvshim_writer *writer) {
    return writer != nullptr ? writer->backend.c_str() : "";
}

extern "C" const char *cvshim_writer_messages(const cvshim_writer *writer) {
    return writer != nullptr ? writer->messages.c_str() : "";
}
