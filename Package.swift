// swift-tools-version:6.0
import PackageDescription

// Arrows point one way (no target imports one to its left):
//   WriterBench (CLI) → FaceMirror → Harness → Verification → Strategies → C modules (CFFmpeg, CFFmpegShim,
//   COpenCVShim, CPosixShim) and swift-system (SystemPackage: file descriptors, errno)
//   Harness, FaceMirror, WriterBench → AnalysisCommands → Analysis (pure Swift: CSV, statistics, gate, compare,
//   reports; links no C module); AnalysisCommands → History (results store: Analysis + GRDB/SQLite); WriterBenchAnalysis (`writerbench-analysis`) → AnalysisCommands only
//   WriterBench → Bisect → Analysis (`bisect`: the search and its decision rule, plus the thin git/swift/child layer;
//   links no C module)
//   Verification → FrameScanKernels, FrameScanKernelsAVX2 → FrameScan (pure Swift: the scan's loops and interface)
// The frame-pair scan (YUV→BGR, PSNR/SSIM: Sources/FrameScanKernels) is compiled twice on x86-64, and Verification
// picks one at run time (ScanKernels): FrameScanKernels for x86-64-v2 (SSE4.1/4.2, SSSE3, POPCNT: every x86-64 CPU
// since 2008-9; 32-bit lane multiplies and widening loads are single instructions there, about 40 % less CPU than
// baseline x86-64) and FrameScanKernelsAVX2 for x86-64-v3 (AVX2, FMA, BMI: Haswell, Zen and later; eight 32-bit
// lanes per instruction), whose directory is a symbolic link to the first. `nehalem` and `haswell` are this
// compiler's names for those feature sets (it does not accept `x86-64-v2`). Both compute the same integers and
// doubles, so the scores do not depend on the CPU (README, "Verification").
#if arch(x86_64)
let scanCPU: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "nehalem"])]
let scanKernelsAVX2: [Target] = [
    .target(name: "FrameScanKernelsAVX2", dependencies: ["FrameScan"],
            swiftSettings: [.unsafeFlags(["-target-cpu", "haswell"]), .define("FRAME_SCAN_AVX2")]),
]
#else
let scanCPU: [SwiftSetting] = []
let scanKernelsAVX2: [Target] = []
#endif

let package = Package(
    name: "WriterBench",
    products: [
        .executable(name: "writerbench", targets: ["WriterBench"]),
        .executable(name: "writerbench-analysis", targets: ["WriterBenchAnalysis"]),
        .library(name: "Strategies", targets: ["Strategies"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Verification", targets: ["Verification"]),
        .library(name: "Harness", targets: ["Harness"]),
        .library(name: "FaceMirror", targets: ["FaceMirror"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // `swift package generate-documentation --target Strategies` renders the library's doc comments.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // strategies.d/*.toml: external strategies (Strategies/External).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The results history store (SQLite; Debian: libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The same store on a shared PostgreSQL server (`--db postgres://…`).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // FFmpeg's C libraries (Debian: libavcodec-dev libavformat-dev libavutil-dev libswscale-dev).
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [.apt(["libavcodec-dev", "libavformat-dev", "libavutil-dev", "libswscale-dev"])]
        ),
        // OpenCV's headers and libraries (Debian: libopencv-dev); only the C++ shim includes them.
        .systemLibrary(
            name: "COpenCV",
            pkgConfig: "opencv4",
            providers: [.apt(["libopencv-dev"])]
        ),
        .target(
            name: "COpenCVShim",
            dependencies: ["COpenCV"],
            cxxSettings: [.unsafeFlags(["-std=c++17"])]
        ),
        // libav's log callback, which must format a va_list and so is C; Swift starts captures and reads the lines.
        .target(name: "CFFmpegShim", dependencies: ["CFFmpeg"]),
        // Linux calls neither Swift's Glibc module nor swift-system offers (F_SETPIPE_SZ, SCHED_BATCH).
        .target(name: "CPosixShim"),
        .target(
            name: "Strategies",
            dependencies: [
                "CFFmpeg", "CFFmpegShim", "COpenCVShim", "CPosixShim",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Results CSVs, column catalogue, statistics, gate, compare, baselines, reports, recommend: no C module.
        .target(name: "Analysis"),
        // The results history: a versioned SQLite store of every run's rows, series, change points. Pure Swift + SQLite.
        .target(name: "History", dependencies: ["Analysis", .product(name: "GRDB", package: "GRDB.swift")]),
        // The history store on PostgreSQL (postgres-nio), for many CI machines writing one history.
        .target(name: "HistoryPostgres", dependencies: [
            "History", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // gate, compare, report, recommend, aggregate, baseline, history: the CLI commands that only read CSVs.
        .target(
            name: "AnalysisCommands",
            dependencies: [
                "Analysis", "History", "HistoryPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `writerbench bisect`: the search, its decision rule and the monotonicity check (testable with a fake
        // workbench), and the thin layer that runs git, swift build and each candidate's writerbench. No C module.
        .target(name: "Bisect", dependencies: ["Analysis"]),
        // The frame-pair scan's interface (pairs, pictures, scores, the kernel protocol) and what both builds of its
        // loops share; then the loops themselves, built once per instruction set (see scanCPU above).
        .target(name: "FrameScan"),
        .target(name: "FrameScanKernels", dependencies: ["FrameScan"], swiftSettings: scanCPU),
        // Decode-side libav owners, colour interpretation, PSNR/SSIM (reference definitions; the kernel choice).
        .target(name: "Verification", dependencies: [
            "Strategies", "CFFmpeg", "FrameScan", "FrameScanKernels",
        ] + scanKernelsAVX2.map { .target(name: $0.name) }),
        // Frame sets, rings, pacing, the run loop, resource sampling.
        // CPosixShim for malloc's own accounting (HeapUsage, read by the memory soak).
        .target(name: "Harness", dependencies: [
            "Analysis", "Verification", "Strategies", "CPosixShim", .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // The face-mirror scenario: three writers per strategy, batches, its CSV rows.
        .target(name: "FaceMirror", dependencies: ["Harness", "Analysis", "Verification", "Strategies"]),
        .executableTarget(
            name: "WriterBench",
            dependencies: [
                "AnalysisCommands", "Bisect", "FaceMirror", "Harness", "Verification", "Analysis", "Strategies",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The analysis commands alone, in a program that links no FFmpeg or OpenCV (for machines without them).
        .executableTarget(name: "WriterBenchAnalysis", dependencies: ["AnalysisCommands"]),
        // Helpers shared by the test targets (fake encoders, scripts, thread checks).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Only the public API of Strategies, as a program adopting the library uses it (README's example).
        .testTarget(name: "StrategiesAPITests", dependencies: ["Strategies", "TestSupport"]),
        .testTarget(name: "StrategiesTests", dependencies: [
            "Strategies", "Harness", "Verification", "TestSupport", .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // Only Analysis: these tests build and run without FFmpeg or OpenCV in the dependency graph.
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"]),
        .testTarget(name: "BisectTests", dependencies: ["Bisect", "Analysis"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "HistoryPostgres", "Analysis", "TestSupport"]),
        .testTarget(name: "HarnessTests", dependencies: [
            "FaceMirror", "FrameScan", "Harness", "Verification", "Analysis", "Strategies", "TestSupport",
        ]),
        // Depends on the executable so SwiftPM builds `writerbench` before these tests run it.
        .testTarget(name: "WriterBenchTests", dependencies: ["WriterBench", "Analysis", "Harness", "Strategies", "TestSupport"]),
    ] + scanKernelsAVX2,
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
