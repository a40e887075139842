import Foundation
import XCTest

/// The built `reprise` binary run as a user runs it: a subprocess with its own folders, a timeout
/// (a hang fails the test instead of stalling CI) and its output captured.
enum CLI {
    /// The checkout's root (where `experiments/` and `.build/` live).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `reprise` built beside this test bundle (`swift build --build-tests` builds it), else the
    /// release binary `make build` writes.
    static var binary: String? {
        let beside = Bundle.main.bundleURL.appendingPathComponent("reprise").path
        let release = "\(root)/.build/release/reprise"
        return [beside, release].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Outcome {
        var status: Int32
        var out: String
        var err: String
        var timedOut: Bool
        var signalled: Bool
        var all: String { out + err }
    }

    /// Runs `reprise ARGUMENTS` in `directory`; kills it (and says so) after `timeout` seconds; with
    /// `memoryMB`, its address space is limited (an allocation past it aborts the child, not the
    /// tests). `started` receives the process once it runs (to signal it, or find its children).
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:], timeout: TimeInterval = 120,
                    memoryMB: Int? = nil, started: ((Process) -> Void)? = nil) throws -> Outcome {
        let binary = try XCTUnwrap(Self.binary, "no reprise binary: run `swift build --build-tests` or `make build` first")
        let p = Process()
        if let memoryMB {
            // exec keeps the process id: `started` and the timeout act on reprise itself.
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", "ulimit -v \(memoryMB * 1024); exec \"$0\" \"$@\"", binary] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = arguments
        }
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        // Output goes to files, not pipes: a full pipe would block the child and look like a hang.
        let outFile = NSTemporaryDirectory() + "cli-out-\(UUID().uuidString)", errFile = outFile + ".err"
        FileManager.default.createFile(atPath: outFile, contents: nil)
        FileManager.default.createFile(atPath: errFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outFile); try? FileManager.default.removeItem(atPath: errFile) }
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        p.standardInput = FileHandle.nullDevice
        try p.run()
        started?(p)
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline { timedOut = true; kill(p.processIdentifier, SIGKILL); break }
            usleep(20_000)
        }
        p.waitUntilExit()
        let read = { (f: String) in (try? String(contentsOfFile: f, encoding: .utf8)) ?? "" }
        return Outcome(status: p.terminationStatus, out: read(outFile), err: read(errFile), timedOut: timedOut,
                       signalled: p.terminationReason == .uncaughtSignal)
    }

    /// The processes whose parent is `pid` (from /proc), e.g. the workers of a `--jobs` run.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { parent(of: $0) == pid }
    }

    /// The parent of `pid`, or nil when it has exited (a zombie counts as exited).
    static func parent(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 1, fields[0] != "Z" else { return nil }
        return Int32(fields[1])
    }
}
