import Foundation
import XCTest
import RepriseExperiments
import RepriseLearning
@testable import RepriseRunner

/// The tiny experiment with a selection stage whose winner sits on its grid's edge: a run stores
/// final cells, selection runs (declared and beyond the grid), the selection record and its
/// extended record, in well under a second.
let smallSelectionSpec = tinyClassificationSpec.replacingOccurrences(of: "name = \"tiny\"", with: "name = \"hostile\"") + """

    [selection]
    metric = "validation_accuracy"
    over_epochs = "best"
    seed = 1000
    [[variants]]
    name = "tuned"
    optimizer = "sgd"
    select = { lr = [0.001, 0.01, 0.1] }
    """

/// The store's files against the command line, each command a subprocess under a time limit: a
/// FIFO where a cell, a selection record or a temporary file goes is named and skipped by every
/// command, never opened (it would block), moved or replaced; a termination request stops `run`
/// even while it waits for another process's lock; `merge` says when a source gives it nothing.
final class HostileStoreTests: FolderTestCase {
    private var results: String { "\(directory)/results" }
    private var cellFIFO: String { "\(results)/hostile/default/momentum--seed0.h5" }
    private var recordFIFO: String { "\(results)/hostile/default/selection/tuned.h5" }

    /// `reprise ARGUMENTS --experiments … --results RESULTS --figures …` in the test's folder.
    private func reprise(_ arguments: [String], results: String? = nil, timeout: Double = 60) throws -> (status: Int32?, output: String) {
        try CommandLineProcess.run(arguments + ["--experiments", "\(directory)/experiments", "--results", results ?? self.results,
                                                "--figures", "\(directory)/figures"], in: directory, timeout: timeout)
    }

    private func writeSpec(_ text: String = smallSelectionSpec, name: String = "hostile") throws -> ExperimentSpec {
        let path = "\(directory)/experiments/\(name).toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ExperimentSpec.load(path, profile: "default", catalog: Registry.standard.catalog)
    }

    private func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }

    func testAFIFOInTheStoreBlocksNoCommand() throws {
        _ = try writeSpec()
        let first = try reprise(["run", "hostile"])
        XCTAssertEqual(first.status, 0, first.output)
        for fifo in [cellFIFO, recordFIFO, "\(results)/.tmp/stale.h5"] {
            try? FileManager.default.removeItem(atPath: fifo)
            XCTAssertEqual(mkfifo(fifo, 0o644), 0, fifo)
        }
        let names = { (output: String) in [self.cellFIFO, self.recordFIFO].filter { output.contains("\($0) is a FIFO") } }
        for (command, expected, named) in [(["show", "hostile"], Int32(0), 2), (["list"], 0, 2), (["figures", "hostile"], 0, 2),
                                           (["report"], 0, 2), (["verify", "hostile", "--all"], 1, 1), (["run", "hostile"], 1, 1)] {
            let (status, output) = try reprise(command, timeout: 30)
            XCTAssertNotNil(status, "reprise \(command.joined(separator: " ")) hung on a FIFO:\n\(output)")
            XCTAssertEqual(status, expected, "reprise \(command.joined(separator: " ")):\n\(output)")
            XCTAssertEqual(names(output).count, named, "reprise \(command.joined(separator: " ")) does not name the FIFO:\n\(output)")
        }
        // A run that trains cleans its temporary files: the FIFO in .tmp is none of them.
        let selection = try reprise(["run", "hostile", "--stage", "selection", "--force"], timeout: 30)
        XCTAssertEqual(selection.status, 0, selection.output)
        let merged = try reprise(["merge", results], results: "\(directory)/destination", timeout: 30)
        XCTAssertEqual(merged.status, 1, merged.output)
        XCTAssertTrue(merged.output.contains("FOREIGN \(cellFIFO): it is a FIFO"), merged.output)
        XCTAssertTrue(merged.output.contains("FOREIGN \(recordFIFO): it is a FIFO"), merged.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(directory)/destination/hostile/default/momentum--seed1.h5"), merged.output)
        for fifo in [cellFIFO, recordFIFO, "\(results)/.tmp/stale.h5"] { XCTAssertTrue(isFIFO(fifo), "\(fifo) was moved or replaced") }
    }

    /// SIGTERM while `run` waits for cells another process holds (here: the test holds every lock)
    /// ends it at once, naming the cell; while it trains, after the current step with a checkpoint.
    /// Neither leaves a result file.
    func testSIGTERMStopsARunWaitingForALockOrTraining() throws {
        let spec = try writeSpec()
        let locks = "\(results)/.locks"
        try FileManager.default.createDirectory(atPath: locks, withIntermediateDirectories: true)
        let held = spec.selectedVariants.flatMap { spec.selectionCells(of: $0) }.map { cell -> Int32 in
            let fd = open("\(locks)/\(cell.hash).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
            return fd
        }
        defer { held.forEach { close($0) } }
        let waiting = try CommandLineProcess(["run", "hostile", "--results", results, "--experiments", "\(directory)/experiments"], in: directory)
        XCTAssertTrue(waiting.wait(timeout: 60) { $0.contains("waiting for it") }, waiting.output)
        kill(waiting.process.processIdentifier, SIGTERM)
        let stopped = Date()
        let status = waiting.finish(timeout: 10)
        XCTAssertNotNil(status, "SIGTERM did not stop a run waiting for a lock:\n\(waiting.output)")
        XCTAssertLessThan(Date().timeIntervalSince(stopped), 5, waiting.output)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(waiting.output.contains("stopped by a termination request in [selection 1/3] tuned"), waiting.output)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: results).filter { $0.hasSuffix(".h5") }, [])

        _ = try writeSpec(smallSelectionSpec.replacingOccurrences(of: "epochs = 3\n", with: "epochs = 100000\n")
            .replacingOccurrences(of: "name = \"hostile\"", with: "name = \"long\""), name: "long")
        // Progress lines at every step say when training has begun (on a loaded machine, two
        // seconds may not reach the handler's installation).
        setenv("REPRISE_PROGRESS_SECONDS", "0", 1)
        let training = try CommandLineProcess(["run", "long", "--only", "momentum", "--results", results, "--experiments", "\(directory)/experiments"],
                                              in: directory)
        unsetenv("REPRISE_PROGRESS_SECONDS")
        XCTAssertTrue(training.wait(timeout: 60) { $0.contains("progress: ") }, training.output)
        kill(training.process.processIdentifier, SIGTERM)
        let asked = Date()
        XCTAssertEqual(training.finish(timeout: 10), 1, training.output)
        XCTAssertLessThan(Date().timeIntervalSince(asked), 5, training.output)
        XCTAssertTrue(training.output.contains("stopped by a termination request in [final 1/2] momentum seed 0"), training.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(results)/long/default/momentum--seed0.h5"))
    }

    /// `merge` through the command line: a whole store (selection runs and records included) comes
    /// in with exit status 0; a source whose experiment folder is a link, or that holds no result
    /// file, says so and exits 1.
    func testMergeExitStatusForAWholeStoreALinkAndAnEmptySource() throws {
        _ = try writeSpec()
        XCTAssertEqual(try reprise(["run", "hostile"]).status, 0)
        let whole = try reprise(["merge", results], results: "\(directory)/destination")
        XCTAssertEqual(whole.status, 0, whole.output)
        XCTAssertFalse(whole.output.contains("FOREIGN"), whole.output)

        let linked = "\(directory)/linked", empty = "\(directory)/empty"
        try FileManager.default.createDirectory(atPath: linked, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(linked)/hostile", withDestinationPath: "\(results)/hostile")
        let link = try reprise(["merge", linked], results: "\(directory)/elsewhere")
        XCTAssertEqual(link.status, 1, link.output)
        XCTAssertTrue(link.output.contains("FOREIGN \(linked)/hostile: it is a symbolic link"), link.output)
        let nothing = try reprise(["merge", empty], results: "\(directory)/elsewhere")
        XCTAssertEqual(nothing.status, 1, nothing.output)
        XCTAssertTrue(nothing.output.contains("\(empty) holds no result files"), nothing.output)
    }
}
