import XCTest
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
@testable import RepriseStore
@testable import RepriseRunner

/// Checkpoints that cannot be used, through the runner: one too large for its cell (refused before
/// it is read), forged ones with a valid checksum (a step count of Int.max or −1, a NaN moment,
/// parameters of another size, a loop sum that is not finite) are kept as `.superseded`, never
/// trap, and their cell trains from its start to the bits of a run never interrupted. A folder in
/// a checkpoint's place is not Reprise's: left whole, and the cell trains without checkpoints.
/// Cleanup of `.tmp` removes only Reprise's own unlocked temporaries.
final class UnusableCheckpointTests: FolderTestCase {
    /// ResumeTests' small classifier (18 steps), with its AMSGrad variant only.
    static let spec = ResumeTests.network.components(separatedBy: "[[variants]]")[0]
        .replacingOccurrences(of: "name = \"resume-net\"", with: "name = \"unusable\"")
        + "[[variants]]\nname = \"amsgrad\"\noptimizer = \"adam\"\nlr = 0.01\namsgrad = true\n"

    private var spec: ExperimentSpec!
    private var reference: CellRecord!

    override func setUpWithError() throws {
        try super.setUpWithError()
        let file = "\(directory)/experiments/unusable.toml"
        try Self.spec.write(toFile: file, atomically: true, encoding: .utf8)
        spec = try ExperimentSpec.load(file, catalog: Registry.standard.catalog)
        let runner = Runner(options: RunOptions(resultsDirectory: directory + "/reference", dataDirectory: nil, sourceDirectory: directory))
        _ = try runner.run(spec)
        reference = try ResultStore.read(runner.path(of: spec.cells()[0]))
    }

    private var runner: Runner {
        Runner(options: RunOptions(resultsDirectory: directory + "/results", dataDirectory: nil, sourceDirectory: directory))
    }

    private var checkpoint: Checkpoint {
        let cell = spec.cells()[0]
        return Checkpoint(result: runner.path(of: cell), scratch: directory + "/results/.tmp", configHash: cell.hash,
                          sourceDigest: "\(Provenance.attributes(sourceDirectory: directory)["source_digest"]!)")
    }

    /// A genuine checkpoint of the cell after 9 of its 18 steps.
    private func genuine() throws -> StateArchive {
        let cell = spec.cells()[0], plan = try runner.plan(cell)
        var saved: [StateArchive] = []
        var trainer = Trainer(totalSteps: plan.totalSteps, every: 4)
        trainer.checkpoints = Trainer.Checkpoints(everySteps: 8, everySeconds: nil, write: { saved.append($0) })
        XCTAssertThrowsError(try trainer.train(try runner.makeTrial(cell, plan), stopAfter: 9) { _, _, _, _ in })
        return try XCTUnwrap(saved.first)
    }

    /// Runs the experiment over whatever stands at the checkpoint's place; the cell must train from
    /// its start to the reference's bits.
    private func runAndCompare(_ what: String) throws {
        _ = try runner.run(spec)
        let stored = try ResultStore.read(runner.path(of: spec.cells()[0]))
        let cell = spec.cells()[0]
        XCTAssertEqual(stored.wallclockAttributes["steps_run"], .int(Int64(try runner.plan(cell).totalSteps)), "\(what): trained from its start")
        for (group, columns) in reference.series {
            for (name, values) in columns {
                XCTAssertEqual(values.map(\.bitPattern), stored.series[group]?[name]?.map(\.bitPattern), "\(what): /\(group)/\(name)")
            }
        }
        try? FileManager.default.removeItem(atPath: runner.path(of: spec.cells()[0]))
    }

    func testUnusableCheckpointsAreSetAsideAndTheCellTrainsFromItsStart() throws {
        let state = try genuine()
        let moment = try XCTUnwrap(state.entries.keys.sorted().first { $0.hasPrefix("trial/optimizer/") && state.entries[$0]?.type == "Float" })
        let forgeries: [(String, (inout StateArchive) throws -> Void)] = [
            ("a step count of Int.max", { $0.put("trial/optimizer/t", Int.max) }),
            ("a negative step count", { $0.put("trial/optimizer/t", -1) }),
            ("a loop at step Int.max", { $0.put("trainer/completed", Int.max) }),
            ("a NaN moment", { s in var m = try s.array(moment, as: Float.self); m[0] = .nan; s.put(moment, m) }),
            ("parameters of another size", { s in s.put("trial/parameters", [Float](repeating: 0, count: 7)) }),
            ("an infinite loop sum", { s in var sums = try s.array("trainer/sums", as: Double.self); sums[1] = .infinity; s.put("trainer/sums", sums) }),
        ]
        var kept = 0
        for (what, forge) in forgeries {
            var forged = state
            try forge(&forged)
            try checkpoint.write(forged)  // a valid checksum: only the values give it away
            try runAndCompare(what)
            kept += 1
            XCTAssertFalse(FileManager.default.fileExists(atPath: checkpoint.path), "\(what): removed from the checkpoint's place")
            let aside = checkpoint.path + ".superseded" + (kept == 1 ? "" : "\(kept)")
            XCTAssertEqual(try? Data(contentsOf: URL(fileURLWithPath: aside)), Data(try forgedBytes(forged)), "\(what): kept as \(aside)")
        }

        // 3 GiB (sparse: no disk used): refused by its size before anything is allocated.
        XCTAssertTrue(FileManager.default.createFile(atPath: checkpoint.path, contents: nil))
        XCTAssertEqual(truncate(checkpoint.path, 3 << 30), 0)
        guard case .failure(let huge)? = checkpoint.read(sizeLimit: 1 << 20) else { return XCTFail("a 3 GiB checkpoint was read") }
        XCTAssertTrue(huge.description.contains("more than this cell's state can"), huge.description)
        try runAndCompare("a 3 GiB checkpoint")
        let aside = checkpoint.path + ".superseded\(kept + 1)"
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: aside)[.size] as? NSNumber)?.intValue, 3 << 30, "kept whole")
    }

    /// A multi-start cell's forged state: a step count of Int.max (whose trajectory length would
    /// overflow) and a NaN in a running start are refused by name, never trapping; a NaN in a start
    /// that failed (frozen with NaNs) is what a run stores, and resumes.
    func testAForgedMultiStartStateIsRefused() throws {
        let file = "\(directory)/experiments/resume-multistart.toml"
        try ResumeTests.multistart.write(toFile: file, atomically: true, encoding: .utf8)
        let spec = try ExperimentSpec.load(file, catalog: Registry.standard.catalog)
        let cell = spec.cells()[0], plan = try runner.plan(cell)
        var saved: [StateArchive] = []
        var trainer = Trainer(totalSteps: plan.totalSteps, every: 2)
        trainer.checkpoints = Trainer.Checkpoints(everySteps: 4, everySeconds: nil, write: { saved.append($0) })
        XCTAssertThrowsError(try trainer.train(try runner.makeTrial(cell, plan), stopAfter: 5) { _, _, _, _ in })
        let state = try XCTUnwrap(saved.first)
        func resume(_ forged: StateArchive) throws {
            _ = try Trainer(totalSteps: plan.totalSteps, every: 2).train(try runner.makeTrial(cell, plan), resumingFrom: forged) { _, _, _, _ in }
        }
        var steps = state
        steps.put("trial/steps", Int.max)
        XCTAssertThrowsError(try resume(steps)) { XCTAssertTrue("\($0)".contains("steps is \(Int.max), outside"), "\($0)") }
        var nan = state
        var θ = try nan.array("trial/start-1/parameters", as: Double.self)
        θ[0] = .nan
        nan.put("trial/start-1/parameters", θ)
        XCTAssertThrowsError(try resume(nan)) { XCTAssertTrue("\($0)".contains("parameters holds a value that is not finite"), "\($0)") }
        nan.put("trial/start-1/failed", true)
        XCTAssertNoThrow(try resume(nan))
    }

    /// The bytes `Checkpoint.write` stores for `state` (its identity added).
    private func forgedBytes(_ state: StateArchive) throws -> [UInt8] {
        let probe = Checkpoint(result: "\(directory)/probe.h5", scratch: checkpoint.scratch, configHash: checkpoint.configHash,
                               sourceDigest: checkpoint.sourceDigest)
        try probe.write(state)
        defer { probe.remove() }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: probe.path)))
    }

    /// A folder named as the cell's checkpoint, with a file of someone's inside: the run neither
    /// deletes nor writes into it, stores the cell (trained from its start) and leaves it whole.
    func testAFolderInACheckpointsPlaceIsLeftWhole() throws {
        try FileManager.default.createDirectory(atPath: checkpoint.path, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: checkpoint.path + "/notes.txt"))
        var options = runner.options
        options.checkpointSteps = 2
        _ = try Runner(options: options).run(spec)
        XCTAssertEqual(try String(contentsOfFile: checkpoint.path + "/notes.txt", encoding: .utf8), "mine")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: checkpoint.path), ["notes.txt"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: runner.path(of: spec.cells()[0])))
    }

    /// Stale temporaries of results and checkpoints (unlocked, named as Reprise names them) are
    /// removed; a live one (locked), and files or folders of other names, stay.
    func testCleanupRemovesOnlyReprisesOwnStaleTemporaries() throws {
        let scratch = directory + "/results/.tmp"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let stale = ["\(UUID().uuidString).h5", "\(UUID().uuidString).checkpoint"]
        let foreign = ["notes.txt", "data.h5", "\(UUID().uuidString).txt"]
        for name in stale + foreign { XCTAssertTrue(FileManager.default.createFile(atPath: "\(scratch)/\(name)", contents: Data("x".utf8))) }
        let folder = "\(UUID().uuidString).h5"
        try FileManager.default.createDirectory(atPath: "\(scratch)/\(folder)/inside", withIntermediateDirectories: true)
        let live = "\(UUID().uuidString).h5"
        let fd = open("\(scratch)/\(live)", O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        defer { close(fd) }
        // The temporaries Reprise writes for a checkpoint are of the kind cleanup knows.
        try checkpoint.write(StateArchive())
        try runner.prepareResultsFolder()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: scratch))
        XCTAssertEqual(left, Set(foreign + [folder, live]))
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(scratch)/\(folder)/inside"))
    }
}
