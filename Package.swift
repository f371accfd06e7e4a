// swift-tools-version:6.0
import PackageDescription

// Arrows point one way: WriterBench (CLI) → Harness → Strategies → C shims (CFFmpeg, COpenCVShim).
let package = Package(
    name: "WriterBench",
    products: [
        .executable(name: "writerbench", targets: ["WriterBench"]),
        .library(name: "Strategies", targets: ["Strategies"]),
        .library(name: "Harness", targets: ["Harness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        // Linux calls Swift's Glibc module does not export (pipe2, F_SETPIPE_SZ).
        .target(name: "CPosixShim"),
        .target(
            name: "Strategies",
            dependencies: ["CFFmpeg", "COpenCVShim", "CPosixShim"]
        ),
        .target(
            name: "Harness",
            dependencies: ["Strategies", "CFFmpeg"]
        ),
        .executableTarget(
            name: "WriterBench",
            dependencies: [
                "Harness", "Strategies",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (fake encoders, scripts, thread checks).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "StrategiesTests", dependencies: ["Strategies", "Harness", "TestSupport"]),
        .testTarget(name: "HarnessTests", dependencies: ["Harness", "Strategies", "TestSupport"]),
        // Depends on the executable so SwiftPM builds `writerbench` before these tests run it.
        .testTarget(name: "WriterBenchTests", dependencies: ["WriterBench", "Harness", "Strategies", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
