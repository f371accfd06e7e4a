import FrameScan
import Harness
import Strategies
import Testing
@testable import Verification

/// The fixed-point 4:2:0 → BGR24 conversion verification uses equals its stated definition (centred bilinear chroma,
/// the standard matrices, rounding half up), and the luma it yields is exactly that of the frame it wrote; every
/// build of the kernels this CPU runs writes the same bytes.
@Suite struct YUV420ConversionTests {
    /// Planes of a picture with every sample drawn from a seeded generator, 8-bit, rows padded by `padding` bytes.
    struct Picture {
        let width: Int, height: Int, padding: Int
        var y: [UInt8], u: [UInt8], v: [UInt8]
        var chromaWidth: Int { (width + 1) / 2 }
        var chromaHeight: Int { (height + 1) / 2 }
        var yStride: Int { width + padding }
        var chromaStride: Int { chromaWidth + padding }

        /// Wraps tightly packed planes (a raw `yuv420p` picture as FFmpeg writes it).
        init(width: Int, height: Int, y: [UInt8], u: [UInt8], v: [UInt8]) {
            self.width = width
            self.height = height
            padding = 0
            self.y = y
            self.u = u
            self.v = v
        }

        init(width: Int, height: Int, padding: Int = 0, seed: UInt64) {
            self.width = width
            self.height = height
            self.padding = padding
            var generator = SeededGenerator(seed: seed)
            func plane(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
            y = plane((width + padding) * height)
            u = plane(((width + 1) / 2 + padding) * ((height + 1) / 2))
            v = plane(((width + 1) / 2 + padding) * ((height + 1) / 2))
        }

        /// Calls `body` with the planes as the converter sees them.
        func withPlanes<R>(_ body: (YUV420Picture) -> R) -> R {
            y.withUnsafeBufferPointer { yPlane in
                u.withUnsafeBufferPointer { uPlane in
                    v.withUnsafeBufferPointer { vPlane in
                        body(YUV420Picture(
                            y: yPlane.baseAddress!, yStride: yStride, u: uPlane.baseAddress!, uStride: chromaStride,
                            v: vPlane.baseAddress!, vStride: chromaStride, width: width, height: height))
                    }
                }
            }
        }

        /// Runs `kernel`'s conversion with `coefficients` over `bands` bands of rows, as the verifier does on two
        /// threads, one after the other.
        func converted(_ coefficients: YUV420Coefficients, kernel: any FrameScanKernel.Type = ScanKernels.selected,
                       bands: Int = 1) -> (bgr: [UInt8], luma: [UInt8]) {
            var bgr = [UInt8](repeating: 0, count: width * height * 3)
            var luma = [UInt8](repeating: 0, count: width * height)
            y.withUnsafeBufferPointer { yPlane in
                u.withUnsafeBufferPointer { uPlane in
                    v.withUnsafeBufferPointer { vPlane in
                        let planes = YUV420Picture(
                            y: yPlane.baseAddress!, yStride: yStride, u: uPlane.baseAddress!, uStride: chromaStride,
                            v: vPlane.baseAddress!, vStride: chromaStride, width: width, height: height)
                        bgr.withUnsafeMutableBufferPointer { out in
                            luma.withUnsafeMutableBufferPointer { lumaOut in
                                for band in 0..<bands {
                                    kernel.convert(planes, with: coefficients,
                                                   rows: (band * height / bands)..<((band + 1) * height / bands),
                                                   into: out.baseAddress!, luma: lumaOut.baseAddress!)
                                }
                            }
                        }
                    }
                }
            }
            return (bgr, luma)
        }

        /// Centred bilinear chroma of pixel (x, row) from `plane` (U or V), unrounded.
        func upsampledChroma(_ plane: [UInt8], x: Int, row: Int) -> Double {
            let column = x / 2, line = row / 2
            let columnNeighbour = x % 2 == 0 ? max(column - 1, 0) : min(column + 1, chromaWidth - 1)
            let lineNeighbour = row % 2 == 0 ? max(line - 1, 0) : min(line + 1, chromaHeight - 1)
            func sample(_ c: Int, _ l: Int) -> Double { Double(plane[l * chromaStride + c]) }
            return (9 * sample(column, line) + 3 * sample(columnNeighbour, line) + 3 * sample(column, lineNeighbour)
                    + sample(columnNeighbour, lineNeighbour)) / 16
        }

        /// The BGR24 frame `kernel` makes of the picture with `coefficients`, and the luma plane it yields with it.
        func convertedFrame(_ coefficients: YUV420Coefficients,
                            kernel: any FrameScanKernel.Type = ScanKernels.selected) -> (frame: Frame, luma: [UInt8]) {
            let converted = converted(coefficients, kernel: kernel)
            return (Frame(width: width, height: height, format: .bgr24, bytes: converted.bgr), converted.luma)
        }

        /// The definition in double precision: B, G, R of pixel (x, row).
        func reference(x: Int, row: Int, matrix: YUVMatrix, fullRange: Bool) -> [UInt8] {
            func chroma(_ plane: [UInt8]) -> Double { upsampledChroma(plane, x: x, row: row) }
            let (kr, kb) = matrix.lumaWeights
            let kg = 1 - kr - kb
            let luma = Double(y[row * yStride + x])
            let yNormal = fullRange ? luma / 255 : (luma - 16) / 219
            let cb = (chroma(u) - 128) / (fullRange ? 255 : 224), cr = (chroma(v) - 128) / (fullRange ? 255 : 224)
            let red = yNormal + 2 * (1 - kr) * cr
            let green = yNormal - 2 * kb * (1 - kb) / kg * cb - 2 * kr * (1 - kr) / kg * cr
            let blue = yNormal + 2 * (1 - kb) * cb
            return [blue, green, red].map { UInt8(min(max((255 * $0 + 0.5).rounded(.down), 0), 255)) }
        }
    }

    @Test(arguments: YUVMatrix.allCases)
    func convertsAsTheDoublePrecisionDefinitionWithinOneLevel(matrix: YUVMatrix) {
        for (width, height, padding) in [(66, 50, 0), (33, 17, 5), (7, 5, 3), (1, 1, 0), (2, 3, 0)] {
            for fullRange in [false, true] {
                let picture = Picture(width: width, height: height, padding: padding, seed: UInt64(width * 31 + height))
                let coefficients = YUV420Coefficients(matrix: matrix, fullRange: fullRange)
                let (bgr, _) = picture.converted(coefficients)
                for kernel in ScanKernels.available {
                    #expect(picture.converted(coefficients, kernel: kernel).bgr == bgr, "\(kernel.instructionSet)")
                }
                var differing = 0, worst = 0
                for row in 0..<height {
                    for x in 0..<width {
                        let expected = picture.reference(x: x, row: row, matrix: matrix, fullRange: fullRange)
                        for channel in 0..<3 {
                            let difference = abs(Int(bgr[3 * (row * width + x) + channel]) - Int(expected[channel]))
                            worst = max(worst, difference)
                            if difference != 0 { differing += 1 }
                        }
                    }
                }
                #expect(worst <= 1, "\(matrix) \(width)x\(height) full \(fullRange): worst \(worst)")
                // Only values within 0.002 of a rounding boundary may round the other way: a handful per thousand.
                #expect(differing * 1000 <= 3 * width * height * 3 + 2, "\(matrix) \(width)x\(height): \(differing) differ")
            }
        }
    }

    @Test func limitedRangeBlackWhiteAndGreyAreExact() {
        for matrix in YUVMatrix.allCases {
            let conversion = YUV420Coefficients(matrix: matrix, fullRange: false)
            for (luma, value) in [(16, 0), (235, 255), (126, 128), (0, 0), (255, 255)] {
                var picture = Picture(width: 4, height: 2, seed: 1)
                picture.y = [UInt8](repeating: UInt8(luma), count: 8)
                picture.u = [128, 128]
                picture.v = [128, 128]
                #expect(picture.converted(conversion).bgr == [UInt8](repeating: UInt8(value), count: 24),
                        "\(matrix) Y=\(luma)")
            }
        }
    }

    @Test(arguments: [(642, 360), (641, 359), (15, 9), (9, 2)])
    func lumaIsExactlyThatOfTheConvertedFrameAndBandsDoNotMatter(width: Int, height: Int) {
        let picture = Picture(width: width, height: height, padding: 32, seed: 11)
        let conversion = YUV420Coefficients(matrix: .bt709, fullRange: false)
        for kernel in ScanKernels.available {
            let whole = picture.convertedFrame(conversion, kernel: kernel)
            #expect(whole.luma == LumaPlane(bgr: whole.frame).samples, "\(kernel.instructionSet)")
            let banded = picture.converted(conversion, kernel: kernel, bands: 4)
            #expect(banded.bgr == whole.frame.bytes)
            #expect(banded.luma == whole.luma)
        }
    }

    /// 25 wide: a group of sixteen, one of eight and a pixel alone. 16 400 wide: more than 1024 groups of sixteen in
    /// one row, where the row's partial sums are folded.
    @Test(arguments: [(640, 480), (1282, 722), (17, 9), (25, 9), (8, 8), (16400, 12)])
    func comparingRowByRowScoresAsComparingTheConvertedFrame(width: Int, height: Int) {
        let picture = Picture(width: width, height: height, padding: 16, seed: 23)
        let conversion = YUV420Coefficients(matrix: .bt601, fullRange: false)
        let frame = picture.convertedFrame(conversion).frame
        let expected = FrameSet.camera.frame(2, size: FrameSize(width: width, height: height))
        let wholeFrame = QualityMetrics.compare(expected: expected, actual: frame, index: 3)
        for kernel in ScanKernels.available {
            let rowByRow = picture.withPlanes { planes in
                QualityMetrics.compare(expected: expected, decoded: planes, coefficients: conversion, index: 3,
                                       kernel: kernel)
            }
            #expect(rowByRow == wholeFrame, "\(kernel.instructionSet)")
        }
        #expect(wholeFrame.psnr < 20, "a random picture is far from a camera frame")
    }
}
