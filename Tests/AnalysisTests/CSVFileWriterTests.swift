import Analysis
import Foundation
import Testing
import TestSupport

/// Results files are shared safely: appended under a lock, never truncated, refused when their columns differ.
@Suite struct CSVFileWriterTests {
    @Test func twoWritersAppendingAtOnceKeepEveryRowAndOneHeader() throws {
        let path = try makeTemporaryDirectory() + "/shared.csv"
        let header = ["writer", "n", "note"]
        let done = DispatchGroup()
        let failures = FailureCount()
        for writer in ["a", "b"] {
            done.enter()
            Thread {
                defer { done.leave() }
                do {
                    let file = try CSVFileWriter(path: path, header: header)
                    for n in 0..<300 {
                        try file.append([writer, String(n), "a note, with a comma"])
                        if n % 50 == 0 { try file.appendLines("\(writer),bulk\(n),x\n\(writer),bulk\(n),y\n") }
                    }
                } catch { failures.add() }
            }.start()
        }
        #expect(done.wait(timeout: .now() + 60) == .success, "no hang")
        #expect(failures.value == 0)
        let table = try ResultsTable(contentsOf: path)
        #expect(table.header == header)
        for writer in ["a", "b"] {
            let rows = table.rows.filter { $0["writer"] == writer }
            #expect(rows.count == 300 + 12)
            #expect(Set(rows.map { $0["n"] }).count == 300 + 6)
        }
    }

    @Test func openingAnExistingFileKeepsItsRows() throws {
        let path = try makeTemporaryDirectory() + "/r.csv"
        try CSVFileWriter(path: path, header: ["a", "b"]).append(["1", "2"])
        try CSVFileWriter(path: path, header: ["a", "b"]).append(["3", "4"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n1,2\n3,4\n")
    }

    @Test func aFileWithOtherColumnsIsRefusedAndLeftAsItWas() throws {
        let path = try makeTemporaryDirectory() + "/r.csv"
        try "x,y\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try CSVFileWriter(path: path, header: ["a", "b"])
            Issue.record("a file with other columns was accepted")
        } catch let error as ResultsFileError {
            #expect(error == .differentHeader(path: path, found: "x,y"))
            #expect(error.description.contains("choose another --out"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x,y\n1,2\n")
    }

    @Test func defaultNamesOfTwoProcessesInTheSameSecondDiffer() {
        let first = ResultsFileName.stamped(timestamp: "2026-12-02T06:00:00Z", processID: 100)
        let second = ResultsFileName.stamped(timestamp: "2026-12-02T06:00:00Z", processID: 101)
        #expect(first == "results/2026-12-02T060000Z-100.csv")
        #expect(first != second)
        #expect(ResultsFileName.stamped(prefix: "pipeline-", timestamp: "2026-12-02T06:00:00Z", processID: 7)
                == "results/pipeline-2026-12-02T060000Z-7.csv")
    }
}

/// A counter the writer threads bump on failure.
private final class FailureCount: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
