import CFFmpeg
import Foundation
import FrameScan
import FrameScanKernels
#if canImport(FrameScanKernelsAVX2)
import FrameScanKernelsAVX2
#endif

/// The compiled ``FrameScanKernel``s this machine can run, and the one verification uses.
///
/// On x86-64 the scan is built twice (Package.swift): for x86-64-v2, which every x86-64 CPU since 2008–09 runs, and
/// for AVX2 (x86-64-v3: Haswell and Zen on). The AVX2 build is used when libavutil's CPU detection
/// (`av_get_cpu_flags`, which also checks that the operating system saves the 256-bit registers) reports AVX2, FMA3,
/// BMI1 and BMI2 (every such CPU also has the LZCNT, MOVBE and F16C that the compiler's `haswell` assumes). Both give
/// the same scores, bit for bit; the AVX2 build takes less CPU time.
public enum ScanKernels {
    /// The environment variable that forces the x86-64-v2 build (`WRITERBENCH_SCAN_KERNEL=baseline`), for measuring
    /// one build against the other with the same binary.
    public static let environmentVariable = "WRITERBENCH_SCAN_KERNEL"

    /// Every kernel this CPU can run, fastest first.
    public static let available: [any FrameScanKernel.Type] = {
        var kernels: [any FrameScanKernel.Type] = []
        #if canImport(FrameScanKernelsAVX2)
        let needed = AV_CPU_FLAG_AVX2 | AV_CPU_FLAG_FMA3 | AV_CPU_FLAG_BMI1 | AV_CPU_FLAG_BMI2
        if av_get_cpu_flags() & needed == needed { kernels.append(FrameScanKernelsAVX2.Kernel.self) }
        #endif
        kernels.append(FrameScanKernels.Kernel.self)
        return kernels
    }()

    /// The kernel verification uses: the fastest available one, or the baseline build when
    /// ``environmentVariable`` is `baseline`.
    public static let selected: any FrameScanKernel.Type = {
        if ProcessInfo.processInfo.environment[environmentVariable] == "baseline" { return FrameScanKernels.Kernel.self }
        return available[0]
    }()
}
