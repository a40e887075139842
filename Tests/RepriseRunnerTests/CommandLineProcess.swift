import Foundation

/// The built `reprise` binary run as a subprocess under a time limit: a command that hangs or traps
/// fails its test (killed at the limit, reported as hung) instead of hanging or crashing the suite.
/// Standard output and error go to one file, read when asked (no pipe to fill up and block).
final class CommandLineProcess {
    let process = Process()
    let outputPath: String
    private let started = Date()

    /// The built `reprise` (`CLI.binary`).
    static func binary() throws -> String {
        guard let found = CLI.binary else {
            throw Missing(description: "no built reprise binary: run swift build --build-tests (or make build) first")
        }
        return found
    }

    struct Missing: Error, CustomStringConvertible { var description: String }

    /// Starts `reprise ARGUMENTS` in `directory`.
    init(_ arguments: [String], in directory: String) throws {
        outputPath = "\(directory)/output-\(UUID().uuidString).txt"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.executableURL = URL(fileURLWithPath: try Self.binary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.close()
    }

    /// Everything printed so far.
    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Waits until `predicate` holds of the output or the process ends; false after `timeout` seconds.
    func wait(timeout: Double, until predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(output) { return true }
            if !process.isRunning { return predicate(output) }
            usleep(20_000)
        }
        return false
    }

    /// Waits at most `timeout` seconds for the process to end; kills it past that.
    /// Nil when it had to be killed (it hung), else its exit status.
    func finish(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    /// Runs `reprise ARGUMENTS` to its end (at most `timeout` seconds): its exit status (nil when it
    /// hung and was killed) and its output.
    static func run(_ arguments: [String], in directory: String, timeout: Double = 60) throws -> (status: Int32?, output: String) {
        let p = try CommandLineProcess(arguments, in: directory)
        let status = p.finish(timeout: timeout)
        return (status, p.output)
    }
}
