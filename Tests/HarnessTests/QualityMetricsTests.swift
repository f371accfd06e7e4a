import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Strategies
import Testing
import Verification

@Suite struct QualityMetricsTests {
    let size = FrameSize(width: 64, height: 48)

    /// A BGR24 frame whose every byte is `value(byteIndex)`.
    func frame(width: Int = 64, height: Int = 48, _ value: (Int) -> UInt8) -> Frame {
        Frame(width: width, height: height, format: .bgr24) { bytes in
            for i in bytes.indices { bytes[i] = value(i) }
        }
    }

    /// A luma plane of `width × height` with samples `value(x, y)`.
    func plane(width: Int = 64, height: Int = 48, _ value: (Int, Int) -> UInt8) -> LumaPlane {
        LumaPlane(width: width, height: height,
                  samples: (0..<height).flatMap { y in (0..<width).map { x in value(x, y) } })
    }

    @Test(arguments: FrameSet.allCases)
    func identicalFramesReportTheCapAndSSIMOne(set: FrameSet) {
        let a = set.frame(3, size: size)
        let quality = QualityMetrics.compare(expected: a, actual: set.frame(3, size: size), index: 7)
        #expect(quality == FrameQuality(index: 7, psnr: 100, psnrLuma: 100, ssim: 1.0))
    }

    @Test func psnrIsCappedNeverInfiniteOrNaN() {
        #expect(QualityMetrics.psnr(meanSquaredError: 0) == QualityMetrics.psnrCap)
        #expect(QualityMetrics.psnr(meanSquaredError: 1e-30) == QualityMetrics.psnrCap)
        #expect(QualityMetrics.psnr(meanSquaredError: 255 * 255) == 0)
        #expect(QualityMetrics.psnr(meanSquaredError: 1).isFinite)
    }

    @Test func oneLevelOffEverySampleIs48Decibels() {
        let a = frame { UInt8(20 + $0 % 200) }
        let b = frame { UInt8(21 + $0 % 200) }
        #expect(QualityMetrics.meanSquaredError(a, b) == 1)
        #expect(abs(QualityMetrics.psnr(a, b) - 20 * log10(255.0)) < 1e-9)  // 48.1308 dB
    }

    @Test func bgrPSNRWeighsEveryChannelEqually() {
        let a = frame { _ in 100 }
        let blueOff = frame { $0 % 3 == 0 ? 110 : 100 }   // one channel of three off by 10: MSE 100/3
        let redOff = frame { $0 % 3 == 2 ? 110 : 100 }
        #expect(abs(QualityMetrics.meanSquaredError(a, blueOff) - 100.0 / 3) < 1e-12)
        #expect(QualityMetrics.psnr(a, blueOff) == QualityMetrics.psnr(a, redOff))
    }

    @Test func rowPaddingIsIgnored() {
        let packed = FrameSet.camera.frame(0, size: size)
        let stride = size.width * 3 + 16
        var padded = [UInt8](repeating: 0xEE, count: stride * size.height)
        for y in 0..<size.height {
            for x in 0..<size.width * 3 { padded[y * stride + x] = packed.bytes[y * size.width * 3 + x] }
        }
        let paddedFrame = Frame(width: size.width, height: size.height, format: .bgr24, stride: stride, bytes: padded)
        #expect(QualityMetrics.psnr(packed, paddedFrame) == QualityMetrics.psnrCap)
        #expect(LumaPlane(bgr: paddedFrame) == LumaPlane(bgr: packed))
    }

    @Test func lumaUsesBT601WeightsAndKeepsGreyExact() {
        let colours: [(b: UInt8, g: UInt8, r: UInt8, y: UInt8)] = [
            (0, 0, 255, 76),      // 0.299 · 255 = 76.2
            (0, 255, 0, 150),     // 0.587 · 255 = 149.7
            (255, 0, 0, 29),      // 0.114 · 255 = 29.1
            (255, 255, 255, 255), (0, 0, 0, 0), (128, 128, 128, 128), (17, 17, 17, 17),
        ]
        for colour in colours {
            let pixel = Frame(width: 1, height: 1, format: .bgr24, bytes: [colour.b, colour.g, colour.r])
            #expect(LumaPlane(bgr: pixel).samples == [colour.y], "BGR \(colour.b),\(colour.g),\(colour.r)")
        }
    }

    @Test func ssimOfFlatPlanesIsTheLuminanceTerm() {
        let c1 = (0.01 * 255) * (0.01 * 255)
        let a = plane { _, _ in 100 }, b = plane { _, _ in 150 }
        let expected = (2 * 100.0 * 150 + c1) / (100.0 * 100 + 150 * 150 + c1)
        #expect(abs(QualityMetrics.ssim(a, b) - expected) < 1e-12)
    }

    /// Columns alternating 100/140: every 8×8 window has mean 120 and the same variance, so SSIM has a closed form.
    @Test func ssimOfShiftedStripesIsTheLuminanceTermAlone() {
        let c1 = (0.01 * 255) * (0.01 * 255)
        let stripes = plane { x, _ in x % 2 == 0 ? 100 : 140 }
        let brighter = plane { x, _ in x % 2 == 0 ? 120 : 160 }
        // Same structure and contrast (that term is exactly 1); luminance 120 vs 140.
        let expected = (2 * 120.0 * 140 + c1) / (120.0 * 120 + 140 * 140 + c1)
        #expect(abs(QualityMetrics.ssim(stripes, brighter) - expected) < 1e-12)
    }

    @Test func ssimOfInvertedStripesIsNegativeAndUsesSampleVariance() {
        let c2 = (0.03 * 255) * (0.03 * 255)
        let stripes = plane { x, _ in x % 2 == 0 ? 100 : 140 }
        let inverted = plane { x, _ in x % 2 == 0 ? 140 : 100 }
        // Equal means; covariance = −variance; 64-sample windows, sample variance 400 · 64/63.
        let variance = 400.0 * 64 / 63
        let expected = (c2 - 2 * variance) / (c2 + 2 * variance)   // ≈ −0.8657
        #expect(abs(QualityMetrics.ssim(stripes, inverted) - expected) < 1e-12)
    }

    @Test func ssimIsSymmetricAndBelowOneForDifferentPlanes() {
        let a = LumaPlane(bgr: FrameSet.camera.frame(0, size: size))
        let b = LumaPlane(bgr: FrameSet.camera.frame(5, size: size))
        let forward = QualityMetrics.ssim(a, b)
        #expect(forward == QualityMetrics.ssim(b, a))
        #expect(forward < 1 && forward > -1)
    }

    @Test(arguments: [(1, 1), (3, 2), (7, 7), (8, 8), (13, 9)])
    func tinyAndOddSizedPlanesGiveFiniteSSIM(width: Int, height: Int) {
        let a = plane(width: width, height: height) { x, y in UInt8((x * 37 + y * 11) % 256) }
        let b = plane(width: width, height: height) { x, y in UInt8((x * 37 + y * 11 + 5) % 256) }
        #expect(QualityMetrics.ssim(a, a) == 1.0)
        let value = QualityMetrics.ssim(a, b)
        #expect(value.isFinite && value < 1)
    }
}
