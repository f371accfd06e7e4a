@testable import Analysis
import Foundation
import Testing

@Suite struct PackageLocationTests {
    @Test func theRootIsTheFirstFolderUpwardsHoldingTheGateRules() throws {
        let root = try ReportFixtures.temporaryDirectory("package")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/results", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.build/release", withIntermediateDirectories: true)
        try "version=1\n".write(toFile: root + "/results/gate-rules.txt", atomically: true, encoding: .utf8)
        let executable = root + "/.build/release/writerbench"
        try "".write(toFile: executable, atomically: true, encoding: .utf8)
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        #expect(PackageLocation.root(startingAt: executable) == resolvedRoot)

        // A link elsewhere (an installed command in PATH) still finds the checkout it points into.
        let elsewhere = try ReportFixtures.temporaryDirectory("bin")
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: elsewhere + "/writerbench", withDestinationPath: executable)
        #expect(PackageLocation.root(startingAt: elsewhere + "/writerbench") == resolvedRoot)
    }

    @Test func outsideACheckoutThereIsNoRoot() throws {
        let folder = try ReportFixtures.temporaryDirectory("nowhere")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(PackageLocation.root(startingAt: folder + "/writerbench") == nil)
    }

    @Test func theRunningTestsLiveInThisCheckout() {
        // The test bundle is built under .build of this package, so the walk finds the package's own rules.
        let root = PackageLocation.root
        #expect(root != nil)
        if let root { #expect(FileManager.default.fileExists(atPath: root + "/Package.swift")) }
        #expect(PackageLocation.resolve("scripts/plot.sh").hasPrefix("/"))
    }
}
