#include "StderrCapture.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace cvshim {

namespace {

std::mutex &captureMutex() {
    static std::mutex mutex;
    return mutex;
}

int makeSink() {
#if defined(__linux__) && defined(MFD_CLOEXEC)
    const int memory = memfd_create("cvshim-stderr", MFD_CLOEXEC);
    if (memory >= 0) return memory;
#endif
    std::FILE *file = std::tmpfile();
    if (!file) return -1;
    const int fd = fcntl(fileno(file), F_DUPFD_CLOEXEC, 0);
    std::fclose(file);
    return fd;
}

void writeAll(int fd, const std::string &text) {
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t written = ::write(fd, text.data() + done, text.size() - done);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        done += static_cast<size_t>(written);
    }
}

bool startsWith(const std::string &text, const char *prefix) { return text.rfind(prefix, 0) == 0; }

} // namespace

bool isLibraryLine(const std::string &line) {
    static const char *const prefixes[] = {
        "OpenCV", "[ WARN:", "[ INFO:", "[ERROR:", "[DEBUG:", "[FATAL:", "[VERB", "x264 [", "x265 [",
    };
    for (const char *prefix : prefixes) {
        if (startsWith(line, prefix)) return true;
    }
    return startsWith(line, "[") && line.find(" @ 0x") != std::string::npos;
}

StderrCapture::StderrCapture() : lock_(captureMutex()) {
    std::fflush(stderr);
    savedStderr_ = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
    if (savedStderr_ < 0) return;
    sink_ = makeSink();
    if (sink_ < 0 || dup2(sink_, STDERR_FILENO) < 0) {
        if (sink_ >= 0) close(sink_);
        close(savedStderr_);
        sink_ = savedStderr_ = -1;
    }
}

StderrCapture::~StderrCapture() {
    const std::string text = restore();
    if (!text.empty()) writeAll(STDERR_FILENO, text);
}

std::string StderrCapture::restore() {
    std::string text;
    if (sink_ >= 0) {
        std::fflush(stderr);
        dup2(savedStderr_, STDERR_FILENO);
        close(savedStderr_);
        char buffer[4096];
        ssize_t count = 0;
        off_t offset = 0;
        while ((count = pread(sink_, buffer, sizeof buffer, offset)) != 0) {
            if (count < 0) {
                if (errno == EINTR) continue;
                break;
            }
            text.append(buffer, static_cast<size_t>(count));
            offset += count;
        }
        close(sink_);
        sink_ = savedStderr_ = -1;
    }
    if (lock_.owns_lock()) lock_.unlock();
    return text;
}

std::string StderrCapture::finish() {
    const std::string text = restore();
    std::string library;
    std::string others;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (!line.empty()) {
            std::string &destination = isLibraryLine(line) ? library : others;
            destination += line;
            destination += '\n';
        }
        start = end + 1;
    }
    if (!others.empty()) writeAll(STDERR_FILENO, others);
    return library;
}

} // namespace cvshim
