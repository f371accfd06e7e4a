import Analysis
import FaceMirror
@testable import Harness
import Strategies
import Testing
import Verification

@Suite struct FrameSetTests {
    let size = FrameSize(width: 64, height: 48)

    @Test(arguments: FrameSet.allCases)
    func sameNameIndexAndSizeGiveTheSameBytes(set: FrameSet) {
        #expect(set.frame(7, size: size).bytes == set.frame(7, size: size).bytes)
    }

    @Test(arguments: FrameSet.allCases)
    func consecutiveFramesDiffer(set: FrameSet) {
        #expect(set.frame(0, size: size).bytes != set.frame(1, size: size).bytes)
    }

    @Test func differentSetsGiveDifferentFrames() {
        let frames = FrameSet.allCases.map { $0.frame(3, size: size).bytes }
        #expect(Set(frames).count == FrameSet.allCases.count)
    }

    @Test(arguments: FrameSet.allCases)
    func framesAreTightlyPackedBGR24(set: FrameSet) {
        let frame = set.frame(0, size: size)
        #expect(frame.bytes.count == 64 * 48 * 3)
        #expect(frame.stride == 64 * 3)
        #expect(frame.format == .bgr24)
    }

    @Test func cameraNoiseStaysWithinSixLevelsOfTheCleanPicture() {
        // Render the camera frame without noise by reusing the painter, then compare.
        let width = 64, height = 48
        var clean = [UInt8](repeating: 0, count: width * height * 3)
        clean.withUnsafeMutableBufferPointer { pixels in
            FrameSetPainter.gradient(into: pixels, width: width, height: height, pan: 8)
            for shape in 0..<5 { FrameSetPainter.movingShape(shape, frame: 2, into: pixels, width: width, height: height) }
        }
        let noisy = FrameSet.camera.frame(2, size: size).bytes
        let deltas = zip(clean, noisy).map { abs(Int($0) - Int($1)) }
        #expect(deltas.max()! <= 6)
        #expect(deltas.filter { $0 > 0 }.count > deltas.count / 2)
    }

    @Test func talkingHeadChangesOnlyASmallRegion() {
        let a = FrameSet.talkingHead.frame(0, size: FrameSize(width: 160, height: 120)).bytes
        let b = FrameSet.talkingHead.frame(3, size: FrameSize(width: 160, height: 120)).bytes
        let changedByMoreThanNoise = zip(a, b).filter { abs(Int($0) - Int($1)) > 4 }.count
        #expect(changedByMoreThanNoise > 0)
        #expect(changedByMoreThanNoise < a.count / 20)
    }

    @Test func ringCyclesWhenTheBudgetIsSmallerThanTheRun() {
        let ring = FrameRing(frameSet: .noise, size: size, frameCount: 100, budgetBytes: 64 * 48 * 3 * 10)
        #expect(ring.ringSize == 10)
        #expect(ring[13].bytes == FrameSet.noise.frame(3, size: size).bytes)
        #expect(ring.sourceIndex(of: 25) == 5)
    }

    @Test(arguments: [("720p", 1280, 720), ("1920x1080", 1920, 1080), ("4k", 3840, 2160), ("640X480", 640, 480)])
    func sizesParseByNameOrDimensions(text: String, width: Int, height: Int) {
        #expect(FrameSize(parsing: text) == FrameSize(width: width, height: height))
    }

    @Test(arguments: ["", "720", "0x10", "axb", "1920x1080x3", "-2x4"])
    func malformedSizesAreRejected(text: String) {
        #expect(FrameSize(parsing: text) == nil)
    }
}
