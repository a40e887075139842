import Foundation
import XCTest

/// The built `reprise` binary run as a user would, in a subprocess with a timeout and a memory
/// limit: a spec or store that would trap, hang or exhaust memory fails the test that feeds it,
/// instead of taking the test process (or CI) with it.
struct RepriseCLI {
    struct Outcome {
        var status: Int32
        var out: String
        var err: String
        var timedOut: Bool
        /// Ended by a signal (a trap is SIGILL or SIGTRAP; the memory limit's abort, SIGABRT).
        var signalled: Bool
    }

    /// Beside the test bundle (`swift build --build-tests` builds it there), else the checkout's debug build.
    static var binary: String {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("reprise").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        return "\(root)/.build/debug/reprise"
    }

    /// Runs `reprise ARGUMENTS` in `directory`, killed after `timeout` seconds, with its address
    /// space limited to `memoryMB`.
    static func run(_ arguments: [String], in directory: String, timeout: TimeInterval = 120, memoryMB: Int = 4096) throws -> Outcome {
        let binary = Self.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw XCTSkip("no reprise binary at \(binary): run swift build --build-tests first")
        }
        let out = directory + "/.cli-out-\(UUID().uuidString)", err = out + ".err"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "ulimit -v \(memoryMB * 1024); exec \"$0\" \"$@\"", binary] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        let timedOut = p.isRunning
        if timedOut { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, out: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                       err: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "", timedOut: timedOut,
                       signalled: p.terminationReason == .uncaughtSignal)
    }
}
