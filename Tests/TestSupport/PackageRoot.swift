import Foundation

/// The package's root folder (where Package.swift is), for tests that read the repository's own files.
public func packageRoot() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
