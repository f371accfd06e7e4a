/// A hardware video encoder FFmpeg can drive, and what it needs from the machine besides being compiled in.
///
/// Listed in the order of the issue that asked for them, which is also the order of `writerbench probe` and of the
/// `hw-*` rows in `run --all`; ``autoPreference`` is the order `auto` tries them in.
public enum HardwareEncoder: String, Sendable, CaseIterable, Codable {
    /// NVIDIA NVENC, H.264. Needs an NVIDIA GPU and its driver's libcuda.so.1 and libnvidia-encode.so.1; takes
    /// ordinary software frames (yuv420p) and uploads them itself.
    case h264NVENC = "h264_nvenc"
    /// NVIDIA NVENC, HEVC. As ``h264NVENC``, but writes HEVC.
    case hevcNVENC = "hevc_nvenc"
    /// VA-API (Intel, AMD with Mesa), H.264. Needs a DRM render node (``HardwareUpload/vaapiDeviceDefault``) and a VA
    /// driver; takes only VA surfaces, so frames are converted to NV12 and uploaded (``HardwareUpload/vaapi(device:)``).
    case h264VAAPI = "h264_vaapi"
    /// Intel Quick Sync Video through libmfx, H.264. Needs an Intel GPU and the Media SDK runtime; frames are converted
    /// to NV12 and uploaded to QSV surfaces (``HardwareUpload/qsv``).
    case h264QSV = "h264_qsv"
    /// Apple VideoToolbox, H.264. macOS only: never compiled into a Linux FFmpeg.
    case h264VideoToolbox = "h264_videotoolbox"
    /// V4L2 memory-to-memory, H.264: the encoder blocks of ARM boards (Raspberry Pi, Rockchip…). Needs a
    /// `/dev/video*` node that is an M2M encoder; takes software frames.
    case h264V4L2M2M = "h264_v4l2m2m"
    /// AMD AMF, H.264. Needs an AMD GPU with the AMF runtime (Windows, or Linux with the proprietary AMF driver); takes
    /// software frames.
    case h264AMF = "h264_amf"

    /// FFmpeg's name for the encoder (`-c:v` value, `avcodec_find_encoder_by_name` argument).
    public var ffmpegName: String { rawValue }

    /// The part of the strategy names the encoder contributes: `hw-h264-nvenc` for `h264_nvenc`. The strategies are
    /// `<stem>-pipe` and `<stem>-libav` (kebab-case like every other strategy name).
    public var strategyStem: String { "hw-" + rawValue.replacingOccurrences(of: "_", with: "-") }

    /// The codec the encoder writes, as ffprobe names it (`h264`, `hevc`).
    public var codec: String { rawValue.hasPrefix("hevc") ? "hevc" : "h264" }

    /// How frames reach the encoder's memory: nil when the encoder takes ordinary software frames (yuv420p) and
    /// uploads them itself.
    public var upload: HardwareUpload? {
        switch self {
        case .h264VAAPI: .vaapi(device: HardwareUpload.vaapiDevice)
        case .h264QSV: .qsv
        default: nil
        }
    }

    /// What the machine must have, in words for `writerbench list` and the README.
    public var requirement: String {
        switch self {
        case .h264NVENC, .hevcNVENC: "an NVIDIA GPU with the proprietary driver (libcuda.so.1, libnvidia-encode.so.1)"
        case .h264VAAPI: "a VA-API driver and the render node \(HardwareUpload.vaapiDevice)"
        case .h264QSV: "an Intel GPU with the Media SDK runtime (libmfx)"
        case .h264VideoToolbox: "macOS (VideoToolbox)"
        case .h264V4L2M2M: "a V4L2 memory-to-memory encoder device (/dev/video*)"
        case .h264AMF: "an AMD GPU with the AMF runtime"
        }
    }

    /// The order `auto` tries hardware encoders in: H.264 first, because it is the codec of the software rows
    /// (libx264) and of the pipeline's output, so `auto`'s choice never changes the codec when a GPU appears; desktop
    /// GPUs before the V4L2 M2M blocks of ARM boards, which are slower than x264 `ultrafast` on many boards; HEVC last.
    public static let autoPreference: [HardwareEncoder] = [
        .h264NVENC, .h264QSV, .h264VAAPI, .h264VideoToolbox, .h264AMF, .h264V4L2M2M, .hevcNVENC,
    ]
}
