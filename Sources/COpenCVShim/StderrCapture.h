#ifndef COPENCVSHIM_STDERR_CAPTURE_H
#define COPENCVSHIM_STDERR_CAPTURE_H
// Private to the shim (not under include/): Swift never sees it.

#include <mutex>
#include <string>

namespace cvshim {

/// Points file descriptor 2 at an anonymous in-memory file for as long as it lives, so that what OpenCV's FFmpeg
/// backend prints with a bare fprintf(stderr, …) (fallback-tag messages, "tag … is not found"; no log level
/// controls those in OpenCV 4.6) lands in a report instead of on the user's terminal.
///
/// fd 2 belongs to the whole process, so captures are serialised by one mutex, kept to open and release (never
/// the per-frame path), and whatever another thread printed in that window is handed back to the real stderr.
class StderrCapture {
public:
    StderrCapture();
    /// Restores stderr if finish() was not called; everything captured then goes to the real stderr.
    ~StderrCapture();
    StderrCapture(const StderrCapture &) = delete;
    StderrCapture &operator=(const StderrCapture &) = delete;

    /// Restores stderr and returns the captured lines that come from OpenCV, libav or an encoder library, one per
    /// line; other lines are written to the real stderr. Later calls return "".
    std::string finish();

private:
    std::string restore();

    std::unique_lock<std::mutex> lock_;
    int savedStderr_ = -1;
    int sink_ = -1;
};

/// True for a line printed by OpenCV ("OpenCV: FFMPEG: …", "[ WARN:0@0.1] global …"), by libav's default logger
/// ("[libx264 @ 0x…] …") or by x264/x265 themselves ("x265 [info]: …").
bool isLibraryLine(const std::string &line);

} // namespace cvshim

#endif
