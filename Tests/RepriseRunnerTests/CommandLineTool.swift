import Foundation
import XCTest

/// The built `reprise` binary run as a user runs it, in a subprocess with a deadline: a hang or a
/// crash fails the test instead of stopping the suite.
enum CommandLineTool {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `reprise` binary beside the test bundle (`swift build --build-tests` builds both).
    static var binary: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("reprise"),
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("reprise"),
                          root.appendingPathComponent(".build/debug/reprise")]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `reprise arguments` in `directory` with standard input from /dev/null; fails the test
    /// (and kills the process) when it runs past `timeout` seconds.
    static func run(_ arguments: [String], in directory: String, timeout: TimeInterval = 120,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Outcome {
        let binary = try XCTUnwrap(Self.binary, "no built reprise binary: run swift build --build-tests first", file: file, line: line)
        let scratch = NSTemporaryDirectory() + "reprise-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (out, err) = ("\(scratch)/out", "\(scratch)/err")
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            XCTFail("reprise \(arguments.joined(separator: " ")) still ran after \(Int(timeout)) s: killed", file: file, line: line)
        }
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
