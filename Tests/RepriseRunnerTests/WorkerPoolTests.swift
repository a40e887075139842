import Foundation
import XCTest
@testable import RepriseRunner

/// The `--jobs` pool with a shell standing in for the program: workers get the command's arguments
/// without `--jobs` and the worker marker; a worker that fails or is killed is named with its
/// status or signal; a worker never starts workers of its own.
final class WorkerPoolTests: FolderTestCase {
    func testWorkersDropJobsAndCarryTheMarker() throws {
        XCTAssertEqual(WorkerPool.workerArguments(["reproduce", "--jobs", "4", "--profile", "quick"]), ["reproduce", "--profile", "quick"])
        XCTAssertEqual(WorkerPool.workerArguments(["run", "x", "--jobs=2"]), ["run", "x"])
        let log = "\(directory)/log"
        // Each worker appends its marker and its arguments; the arguments still hold --jobs here
        // only if workerArguments failed to drop them.
        let pool = try WorkerPool.start(3, executable: "/bin/sh",
                                        arguments: ["-c", "echo \"$REPRISE_WORKER $0 $1\" >> '\(log)'", "a", "--jobs", "3"],
                                        environment: ["PATH": "/usr/bin:/bin"])
        try pool.wait()
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines.allSatisfy { $0 == "1 a " }, "\(lines)")
    }

    func testFailedAndKilledWorkersAreNamed() throws {
        let failing = try WorkerPool.start(2, executable: "/bin/sh", arguments: ["-c", "exit 3"], environment: [:])
        XCTAssertThrowsError(try failing.wait()) { XCTAssertTrue("\($0)".contains("stopped with status 3"), "\($0)") }
        let killed = try WorkerPool.start(2, executable: "/bin/sh", arguments: ["-c", "kill -9 $$"], environment: [:])
        XCTAssertThrowsError(try killed.wait()) {
            XCTAssertTrue("\($0)".contains("killed by signal 9") && "\($0)".contains("run the same command again"), "\($0)")
        }
        XCTAssertNoThrow(try WorkerPool.start(3, executable: "/bin/sh", arguments: ["-c", "exit 0"], environment: [:]).wait())
    }

    func testAWorkerStartsNoWorkers() throws {
        let log = "\(directory)/log"
        let pool = try WorkerPool.start(4, executable: "/bin/sh", arguments: ["-c", "echo x >> '\(log)'"],
                                        environment: [WorkerPool.marker: "1"])
        try pool.wait()
        XCTAssertFalse(FileManager.default.fileExists(atPath: log))
    }
}
