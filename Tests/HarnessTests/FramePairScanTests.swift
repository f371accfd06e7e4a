import Foundation
import FrameScan
import Harness
import Strategies
import Synchronization
import Testing
@testable import Verification

/// The one-pass, two-thread scoring of a frame pair gives exactly what the reference definitions give: BGR PSNR over
/// the frames, and luma PSNR and SSIM over their ``LumaPlane``s; with every build of the scan this CPU runs
/// (x86-64-v2 and, where the CPU has it, AVX2).
@Suite struct FramePairScanTests {
    /// The metrics by their reference definitions, one full-frame luma plane per frame.
    func reference(_ expected: Frame, _ actual: Frame, index: Int) -> FrameQuality {
        let a = LumaPlane(bgr: expected), b = LumaPlane(bgr: actual)
        return FrameQuality(index: index, psnr: QualityMetrics.psnr(expected, actual),
                            psnrLuma: QualityMetrics.psnr(a, b), ssim: QualityMetrics.ssim(a, b))
    }

    /// `frame` with every byte moved by a deterministic amount in -amplitude...amplitude (an "encoded" copy).
    func distorted(_ frame: Frame, amplitude: Int, seed: UInt64) -> Frame {
        var generator = SeededGenerator(seed: seed)
        let span = UInt64(2 * amplitude + 1)
        var bytes = frame.bytes
        for i in bytes.indices {
            bytes[i] = UInt8(clamping: Int(bytes[i]) + Int(generator.next() % span) - amplitude)
        }
        return Frame(width: frame.width, height: frame.height, format: .bgr24, stride: frame.stride, bytes: bytes)
    }

    /// `frame` copied into rows `padding` bytes longer than its pixels, the padding filled with junk.
    func padded(_ frame: Frame, by padding: Int) -> Frame {
        let rowBytes = frame.width * 3, stride = rowBytes + padding
        var bytes = [UInt8](repeating: 0xA5, count: stride * frame.height)
        for y in 0..<frame.height {
            for x in 0..<rowBytes { bytes[y * stride + x] = frame.bytes[y * frame.stride + x] }
        }
        return Frame(width: frame.width, height: frame.height, format: .bgr24, stride: stride, bytes: bytes)
    }

    @Test(arguments: [(640, 480), (1918, 1078), (514, 515), (66, 50), (9, 9), (7, 5), (1, 1)])
    func scoresEqualTheReferenceDefinitionsExactly(width: Int, height: Int) {
        let size = FrameSize(width: width, height: height)
        let source = FrameSet.camera.frame(4, size: size)
        for (index, actual) in [distorted(source, amplitude: 3, seed: 7), FrameSet.camera.frame(5, size: size),
                                FrameSet.noise.frame(1, size: size), source].enumerated() {
            let expected = reference(source, actual, index: index)
            for kernel in ScanKernels.available {
                let fast = QualityMetrics.compare(expected: source, actual: actual, index: index, kernel: kernel)
                #expect(fast == expected, "\(width)x\(height) pair \(index), \(kernel.instructionSet)")
            }
        }
    }

    @Test func paddedRowsScoreAsTheirPixels() {
        let size = FrameSize(width: 1280, height: 720)
        let source = FrameSet.talkingHead.frame(2, size: size)
        let decoded = distorted(source, amplitude: 2, seed: 3)
        for kernel in ScanKernels.available {
            let packed = QualityMetrics.compare(expected: source, actual: decoded, index: 0, kernel: kernel)
            #expect(QualityMetrics.compare(expected: padded(source, by: 13), actual: padded(decoded, by: 64), index: 0,
                                           kernel: kernel) == packed)
            #expect(packed == reference(source, decoded, index: 0), "\(kernel.instructionSet)")
        }
    }

    @Test func identicalFramesScoreTheCapAndSSIMOne() {
        let frame = FrameSet.camera.frame(9, size: FrameSize(width: 1280, height: 720))
        for kernel in ScanKernels.available {
            #expect(QualityMetrics.compare(expected: frame, actual: frame, index: 3, kernel: kernel)
                    == FrameQuality(index: 3, psnr: QualityMetrics.psnrCap, psnrLuma: QualityMetrics.psnrCap, ssim: 1))
        }
    }

    /// How often each band ran.
    final class BandRuns: Sendable {
        let counts: Mutex<[Int]>
        init(count: Int) { counts = Mutex([Int](repeating: 0, count: count)) }
    }

    @Test func theBaselineBuildIsAlwaysAvailableAndTheSelectedOneIsAmongThem() {
        let names = ScanKernels.available.map { $0.instructionSet }
        #expect(names.last == (ScanKernels.available.count == 1 ? names.first : "x86-64-v2"))
        #expect(names.contains(ScanKernels.selected.instructionSet))
        #expect(Set(names).count == names.count)
    }

    @Test(arguments: [1, 2, 3, 4, 16])
    func everyBandRunsExactlyOnce(count: Int) {
        let runs = BandRuns(count: count)
        ParallelBands.run(count: count) { band in runs.counts.withLock { $0[band] += 1 } }
        #expect(runs.counts.withLock { $0 } == [Int](repeating: 1, count: count))
    }
}
