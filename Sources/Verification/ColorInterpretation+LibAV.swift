import CFFmpeg

extension YUVMatrix {
    /// libswscale's `SWS_CS_*` constant for the matrix.
    var swscaleColorspace: Int32 {
        switch self {
        case .bt601: SWS_CS_ITU601
        case .bt709: SWS_CS_ITU709
        case .smpte240m: SWS_CS_SMPTE240M
        case .fcc: SWS_CS_FCC
        case .bt2020: SWS_CS_BT2020
        }
    }
}

extension ColorInterpretation {
    /// Chooses the conversion for pictures of `pixelFormat` and `height` lines from a stream tagged `tags`.
    init(tags: StreamColorTags, height: Int, pixelFormat: AVPixelFormat) {
        let isRGB = av_pix_fmt_desc_get(pixelFormat).map { $0.pointee.flags & UInt64(AV_PIX_FMT_FLAG_RGB) != 0 } ?? false
        // The deprecated yuvj* formats mean full range whatever the range tag says; libswscale treats them so too.
        let jpegFormats: Set<AVPixelFormat> = [AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P,
                                               AV_PIX_FMT_YUVJ440P, AV_PIX_FMT_YUVJ411P]
        self.init(tags: tags, height: height, rgbCoded: isRGB, fullRangePixelFormat: jpegFormats.contains(pixelFormat))
    }
}
