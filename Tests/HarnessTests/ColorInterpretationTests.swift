import Analysis
import FaceMirror
@testable import Harness
import Testing
import Verification

@Suite struct ColorInterpretationTests {
    @Test(arguments: [(480, YUVMatrix.bt601), (576, .bt601), (719, .bt601), (720, .bt709), (1080, .bt709),
                      (2160, .bt709)])
    func untaggedStreamsGetThePlayerDefault(height: Int, matrix: YUVMatrix) {
        let chosen = ColorInterpretation(tags: .untagged, height: height)
        #expect(chosen == ColorInterpretation(matrix: matrix, fullRange: false, matrixFromTag: false,
                                              rangeFromTag: false))
        #expect(chosen.description == "\(matrix.rawValue)/tv (assumed)")
    }

    @Test(arguments: [("bt709", YUVMatrix.bt709), ("bt470bg", .bt601), ("smpte170m", .bt601),
                      ("smpte240m", .smpte240m), ("fcc", .fcc), ("bt2020nc", .bt2020), ("bt2020c", .bt2020)])
    func taggedMatrixWinsOverTheDefault(tag: String, matrix: YUVMatrix) {
        for height in [480, 1080] {
            let tags = StreamColorTags(matrix: tag, primaries: "unknown", transfer: "unknown", range: "tv")
            let chosen = ColorInterpretation(tags: tags, height: height)
            #expect(chosen.matrix == matrix)
            #expect(chosen.matrixFromTag && chosen.rangeFromTag)
        }
    }

    @Test func rangeComesFromTheTagOrAJPEGPixelFormat() {
        let full = StreamColorTags(matrix: "bt709", primaries: "bt709", transfer: "bt709", range: "pc")
        #expect(ColorInterpretation(tags: full, height: 1080).fullRange)
        #expect(ColorInterpretation(tags: full, height: 1080).description == "bt709/pc")
        #expect(ColorInterpretation(tags: .untagged, height: 480, fullRangePixelFormat: true).fullRange)
        #expect(!ColorInterpretation(tags: .untagged, height: 480).fullRange)
    }

    @Test func rgbCodedPicturesNeedNoMatrix() {
        let chosen = ColorInterpretation(tags: .untagged, height: 1080, rgbCoded: true)
        #expect(chosen.matrix == nil)
        #expect(chosen.description == "rgb")
    }
}
