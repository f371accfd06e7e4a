import Analysis
import Foundation
import Strategies

extension EnvironmentFingerprint {
    /// Reads this machine's fingerprint now, with the versions of the libav and OpenCV libraries linked in-process and
    /// of the `ffmpeg` program at `ffmpegPath` (or on PATH).
    public static func current(ffmpegPath: String? = nil) -> EnvironmentFingerprint {
        .machine(libavVersion: LibraryVersions.libav, ffmpegVersion: ffmpegVersion(ffmpegPath),
                 opencvVersion: LibraryVersions.opencv)
    }

    fileprivate static func ffmpegVersion(_ path: String?) -> String {
        guard let ffmpeg = FFmpegExecutable.resolve(path),
              let line = firstLine(of: ffmpeg, ["-hide_banner", "-version"]) else { return "" }
        // "ffmpeg version 5.1.9-0+deb12u1 Copyright (c) ..." → "5.1.9-0+deb12u1"
        let words = line.split(separator: " ")
        return words.count >= 3 ? String(words[2]) : line
    }
}
