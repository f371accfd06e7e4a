@testable import Analysis
import Foundation
import Testing

@Suite struct BaselineTests {
    @Test func aCSVsMachineIDMatchesTheFingerprintThatWroteIt() throws {
        let fingerprint = EnvironmentFingerprint(timestamp: "t", gitRevision: "", host: "h", cpuModel: "Test CPU 9000 @ 3.0GHz",
                                                 logicalCores: 8, os: "Linux 6.1.0 (Test OS 1)", libavVersion: "",
                                                 ffmpegVersion: "", opencvVersion: "")
        let table = try ReportFixtures.table([ReportFixtures.row("libav")])
        #expect(try BaselineStore.machineID(of: table) == fingerprint.machineID)
        #expect(fingerprint.machineID.hasPrefix("test-cpu-9000-3-8c-"))
    }

    @Test func theMachineIDSurvivesAKernelUpdateButNotAnotherOSRelease() {
        func id(_ os: String) -> String { EnvironmentFingerprint.machineID(cpuModel: "AMD EPYC", logicalCores: "2", os: os) }
        #expect(id("Linux 6.18.44-fc-v595 (Debian GNU/Linux 12 (bookworm))") == id("Linux 6.18.44-fc-v1045 (Debian GNU/Linux 12 (bookworm))"))
        #expect(id("Linux 6.1.0 (Debian GNU/Linux 12 (bookworm))") != id("Linux 6.1.0 (Debian GNU/Linux 13 (trixie))"))
        #expect(EnvironmentFingerprint.osRelease("Linux 5.15.0 (Ubuntu 22.04.3 LTS)") == "Ubuntu 22")
        #expect(EnvironmentFingerprint.osRelease("Linux 6.1.0") == "Linux")
        #expect(EnvironmentFingerprint.machineID(cpuModel: "AMD EPYC", logicalCores: "4", os: "Linux 6.1.0")
                != EnvironmentFingerprint.machineID(cpuModel: "AMD EPYC", logicalCores: "2", os: "Linux 6.1.0"))
    }

    @Test func baselinesSavedUnderTheOldIDOfAnOlderKernelAreStillFound() throws {
        let directory = try ReportFixtures.temporaryDirectory("baseline-legacy")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let oldKernel = "Linux 6.18.44-fc-v595 (Debian GNU/Linux 12 (bookworm))"
        let newKernel = "Linux 6.18.44-fc-v1045 (Debian GNU/Linux 12 (bookworm))"
        let legacyFolder = EnvironmentFingerprint.legacyMachineID(cpuModel: "AMD EPYC", logicalCores: "2", os: oldKernel)
        let store = BaselineStore(directory: directory + "/baselines")
        let baseline = store.path(name: "gate", machineID: legacyFolder)
        try FileManager.default.createDirectory(atPath: directory + "/baselines/" + legacyFolder, withIntermediateDirectories: true)
        try ReportFixtures.csv(ReportFixtures.repetitions("libav", fps: [100, 101, 99], [.cpuModel: "AMD EPYC", .logicalCores: "2", .os: oldKernel]))
            .write(toFile: baseline, atomically: true, encoding: .utf8)
        let results = directory + "/run.csv"
        try ReportFixtures.csv(ReportFixtures.repetitions("libav", fps: [100, 102, 98], [.cpuModel: "AMD EPYC", .logicalCores: "2", .os: newKernel]))
            .write(toFile: results, atomically: true, encoding: .utf8)
        let check = BaselineCheck(resultsPath: results, baseline: "gate", store: store)
        #expect(check.exitStatus == 0, "\(check.text)")
        #expect(check.text.hasPrefix("compare-to: baseline \(baseline)"))

        let sameKernel = directory + "/same.csv"
        try ReportFixtures.csv(ReportFixtures.repetitions("libav", fps: [100], [.cpuModel: "AMD EPYC", .logicalCores: "2", .os: oldKernel]))
            .write(toFile: sameKernel, atomically: true, encoding: .utf8)
        let table = try ResultsTable(contentsOf: sameKernel)
        #expect(store.existingPath(name: "gate", machineID: try BaselineStore.machineID(of: table),
                                   legacyMachineID: try BaselineStore.legacyMachineID(of: table)) == baseline)
    }

    @Test func aCSVMixingMachinesIsRejected() throws {
        let table = try ReportFixtures.table([ReportFixtures.row("libav"), ReportFixtures.row("libav", rep: 1, [.logicalCores: "4"])])
        #expect(throws: BaselineError.self) { _ = try BaselineStore.machineID(of: table) }
    }

    @Test func savedBaselinesLiveUnderTheMachineID() throws {
        let directory = try ReportFixtures.temporaryDirectory("baseline")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = directory + "/run.csv"
        try ReportFixtures.csv(ReportFixtures.repetitions("libav", fps: [100, 101])).write(toFile: results, atomically: true, encoding: .utf8)
        let store = BaselineStore(directory: directory + "/baselines")
        let path = try store.save(name: "main", from: results)
        let machine = try BaselineStore.machineID(of: ResultsTable(contentsOf: results))
        #expect(path == "\(directory)/baselines/\(machine)/main.csv")
        #expect(store.names(machineID: machine) == ["main"])
        let check = BaselineCheck(resultsPath: results, baseline: "main", store: store)
        #expect(check.exitStatus == 0)
        #expect(check.text.contains("compare: 1 configuration(s) matched"))
    }

    @Test func aMissingBaselineIsStatedPlainly() throws {
        let directory = try ReportFixtures.temporaryDirectory("baseline-missing")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = directory + "/run.csv"
        try ReportFixtures.csv([ReportFixtures.row("libav")]).write(toFile: results, atomically: true, encoding: .utf8)
        let check = BaselineCheck(resultsPath: results, baseline: "main", store: BaselineStore(directory: directory + "/baselines"))
        #expect(check.exitStatus == nil)
        #expect(check.text.contains("no baseline 'main' for this machine"))
        #expect(check.text.contains("writerbench baseline save main"))
    }

    @Test func theNewestResultsFileIsNeverASamplesFile() throws {
        let directory = try ReportFixtures.temporaryDirectory("newest")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "a".write(toFile: directory + "/old.csv", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -100)],
                                              ofItemAtPath: directory + "/old.csv")
        try "b".write(toFile: directory + "/new.csv", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -50)],
                                              ofItemAtPath: directory + "/new.csv")
        try "c".write(toFile: directory + "/new.samples.csv", atomically: true, encoding: .utf8)
        #expect(BaselineStore.newestResults(in: directory) == directory + "/new.csv")
    }

    @Test(arguments: ["", ".hidden", "a/b", "x y"])
    func badBaselineNamesAreRejected(name: String) {
        #expect(throws: BaselineError.self) { try BaselineStore.validate(name: name) }
    }
}
