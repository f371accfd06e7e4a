import CFFmpeg
import Foundation

/// How software frames reach an encoder that only takes frames in device memory: which libav hardware device to
/// open, and the matching ffmpeg command-line options. Both paths convert to NV12 first, the one layout every VA-API
/// and QSV driver uploads.
public enum HardwareUpload: Sendable, Equatable {
    /// A VA-API device on the DRM render node `device`; frames are uploaded to VA surfaces.
    case vaapi(device: String)
    /// An Intel Quick Sync (libmfx) session on the default adapter; frames are uploaded to QSV surfaces.
    case qsv

    /// Environment variable naming another render node, for machines with several GPUs (`/dev/dri/renderD129`).
    public static let vaapiDeviceEnvironmentKey = "WRITERBENCH_VAAPI_DEVICE"
    /// The render node of the first GPU, which is what VA-API users mean when they name none.
    public static let vaapiDeviceDefault = "/dev/dri/renderD128"
    /// `$WRITERBENCH_VAAPI_DEVICE`, else ``vaapiDeviceDefault``.
    public static var vaapiDevice: String {
        ProcessInfo.processInfo.environment[vaapiDeviceEnvironmentKey] ?? vaapiDeviceDefault
    }

    /// Why the device cannot exist here, found without opening anything (a missing device node), or nil.
    ///
    /// libav's own answer for a missing node is "No VA display found for device …" with `Invalid argument`, which
    /// does not say that the node itself is absent.
    public var missingDeviceReason: String? {
        switch self {
        case .vaapi(let device):
            FileManager.default.fileExists(atPath: device) ? nil : "no render node \(device)"
        case .qsv:
            nil
        }
    }

    /// Global ffmpeg options that create the device and make it the one `hwupload` uploads to.
    var ffmpegDeviceArguments: [String] {
        switch self {
        case .vaapi(let device): ["-vaapi_device", device]
        case .qsv: ["-init_hw_device", "qsv=hw", "-filter_hw_device", "hw"]
        }
    }

    /// The end of the filter chain, after colour conversion: NV12, then upload. QSV needs a fixed surface pool large
    /// enough for the encoder's own references, hence `extra_hw_frames` (the value FFmpeg's QSV guide uses).
    var ffmpegUploadFilters: String {
        switch self {
        case .vaapi: "format=nv12,hwupload"
        case .qsv: "format=nv12,hwupload=extra_hw_frames=\(Self.qsvSurfacePool),format=qsv"
        }
    }

    /// The libav device type to create.
    var deviceType: AVHWDeviceType {
        switch self {
        case .vaapi: AV_HWDEVICE_TYPE_VAAPI
        case .qsv: AV_HWDEVICE_TYPE_QSV
        }
    }

    /// The device string for `av_hwdevice_ctx_create` (nil: the library's default adapter).
    var deviceName: String? {
        switch self {
        case .vaapi(let device): device
        case .qsv: nil
        }
    }

    /// The device type and name as error messages show them: `vaapi /dev/dri/renderD128`, `qsv`.
    var deviceLabel: String {
        let type = String(cString: av_hwdevice_get_type_name(deviceType))
        return deviceName.map { "\(type) \($0)" } ?? type
    }

    /// The pixel format of frames in device memory, which the encoder is opened with.
    var surfaceFormat: AVPixelFormat {
        switch self {
        case .vaapi: AV_PIX_FMT_VAAPI
        case .qsv: AV_PIX_FMT_QSV
        }
    }

    /// Surfaces allocated up front. VA-API grows its pool on demand (0), as ffmpeg's `hwupload` does; QSV cannot, so
    /// it gets the same fixed pool as the pipe path's `extra_hw_frames`.
    var initialPoolSize: Int32 {
        switch self {
        case .vaapi: 0
        case .qsv: Int32(Self.qsvSurfacePool)
        }
    }

    private static let qsvSurfacePool = 64
}
