import Analysis
import FaceMirror
import Testing

/// The pipeline's closing table reads like `run`'s: units in headers, one validity wording, reasons below.
@Suite struct PipelineTableTests {
    @Test func anInvalidOutputIsANoteNumberWithTheReasonBelowTheTable() throws {
        let record = PipelineSchemaTests.fullyMeasuredRecord()   // its left output is invalid ("short")
        var failed = record
        failed.strategy = "libav"
        failed.status = .failed
        failed.reason = "encoder said no: a reason far longer than any table column should be allowed to get"
        let table = PipelineCriteria.table([record, failed])
        #expect(table.header.contains("overhead %") && table.header.contains("PSNR dB") && table.header.contains("encoder"))
        let validColumn = try #require(table.header.firstIndex(of: "valid"))
        let statusColumn = try #require(table.header.firstIndex(of: "status"))
        #expect(table.rows[0][validColumn] == "INVALID [1]")
        #expect(table.rows[1][statusColumn] == "failed [2]")
        let notes = PipelineCriteria.notes([record, failed])
        #expect(notes.first?.hasPrefix("[1] libav-async: INVALID — ") == true, "\(notes)")
        #expect(notes.contains("[2] libav: failed — encoder said no: a reason far longer than any table column should be allowed to get"))
    }
}
