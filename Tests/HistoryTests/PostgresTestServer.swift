import Foundation

/// A throwaway PostgreSQL server for the tests: `initdb` and `pg_ctl` (Debian's postgresql package) in a temporary
/// folder, listening on loopback only, trust authentication, stopped by ``stop()``. Run as the `postgres` user
/// (through `runuser`) when the tests run as root, since PostgreSQL refuses to run as root.
struct PostgresTestServer {
    /// The folder of `initdb` and `pg_ctl`, or nil when PostgreSQL is not installed.
    static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") }
    }()

    /// Why no server can be started here, or nil when one can be tried.
    static var unavailableReason: String? {
        guard binaries != nil else { return "PostgreSQL is not installed (Debian package postgresql; scripts/install-deps.sh)" }
        if getuid() == 0, !FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") && !FileManager.default.isExecutableFile(atPath: "/sbin/runuser") {
            return "running as root without runuser to start PostgreSQL as the postgres user"
        }
        return nil
    }

    let folder: String
    let port: Int
    private let asUser: [String]

    /// The URL of the server's `postgres` database.
    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }

    /// Creates a cluster and starts it (waiting at most 30 s); throws with the server's log when it cannot.
    init() throws {
        guard let bin = Self.binaries else { throw Failure(message: Self.unavailableReason ?? "no PostgreSQL") }
        // Under /tmp, not $TMPDIR: the server runs as the `postgres` user, who cannot enter a private TMPDIR
        // (mode 700, as `make test` makes one); stop() and a failed start remove the folder again.
        folder = "/tmp/writerbench-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        port = 40000 + Int(getpid() % 10000) + Int.random(in: 0..<5000)
        asUser = getuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { _ = try Self.quietly(["chown", "postgres:postgres", folder]) }
        guard try Self.quietly(asUser + [bin + "/initdb", "-D", folder + "/data", "-A", "trust", "-U", "postgres",
                                         "--no-sync"], log: folder + "/initdb.log") == 0 else {
            let log = (try? String(contentsOfFile: folder + "/initdb.log", encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(atPath: folder)
            throw Failure(message: "initdb failed: " + log)
        }
        // `pg_ctl start` is not waited for: the server it leaves running inherits what Foundation uses to notice that
        // a child ended, so its end would only be seen when the server stops. Readiness is polled instead.
        let starter = Process()
        starter.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        starter.arguments = asUser + [bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/log", "-o",
                                      "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off", "start"]
        starter.standardInput = FileHandle.nullDevice
        starter.standardOutput = FileHandle.nullDevice
        starter.standardError = FileHandle.nullDevice
        try starter.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if try Self.quietly([bin + "/pg_isready", "-q", "-h", "127.0.0.1", "-p", String(port)]) == 0 { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        stop()
        let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
        throw Failure(message: "the PostgreSQL server did not accept connections within 30 s: \(log)")
    }

    /// Runs a command with its output going to `log` (or nowhere), never to a pipe: the server `pg_ctl` starts
    /// would inherit a pipe and hold it open. Waits at most 60 s, then ends it.
    private static func quietly(_ command: [String], log: String? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if let log {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: log)
            process.standardError = FileHandle(forWritingAtPath: log)
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            throw Failure(message: "\(command.joined(separator: " ")) did not finish within 60 s")
        }
        return process.terminationStatus
    }

    /// Stops the server (fast shutdown, at most 30 s) and deletes its folder.
    func stop() {
        guard let bin = Self.binaries else { return }
        _ = try? Self.quietly(asUser + [bin + "/pg_ctl", "-D", folder + "/data", "-m", "fast", "-w", "-t", "30", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
