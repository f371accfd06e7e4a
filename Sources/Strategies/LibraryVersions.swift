import CFFmpeg

/// Versions of the libraries this build of WriterBench is linked against, for CSV rows and reports.
public enum LibraryVersions {
    /// FFmpeg's version string as libavutil reports it (e.g. "5.1.9-0+deb12u1"), with libavcodec's version.
    public static var libav: String {
        let codec = avcodec_version()
        return "\(String(cString: av_version_info())) (libavcodec \(codec >> 16).\((codec >> 8) & 0xff).\(codec & 0xff))"
    }

    /// OpenCV's version string (CV_VERSION), e.g. "4.6.0".
    public static var opencv: String { OpenCVStrategy.openCVVersion }
}
