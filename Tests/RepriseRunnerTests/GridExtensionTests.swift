import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseStore
@testable import RepriseReports
@testable import RepriseRunner

/// The selection stage beyond its declared grid: a winner on the edge has its axis extended by the
/// grid's step until a point stops improving, the extended winner is rerun with every seed, and the
/// report shows the verdict on the declared grid and the one with the extension side by side.
final class GridExtensionTests: FolderTestCase {
    /// Rosenbrock from (−1.2, 1) for 60 steps: every rate of the declared grid is far too small,
    /// so the lowest loss sits beyond its top edge (a rate near 1e-3 is the best before divergence).
    private func text(grid: String = "[1e-5, 2e-5, 4e-5]", selection: String = "seeds = [100, 101]") -> String {
        """
        name = "edge"
        title = "Edge"
        paper = "none"
        seeds = [0, 1, 2]
        [problem]
        kind = "objective"
        function = "rosenbrock"
        start = [-1.2, 1.0]
        noise = 0.01
        [budget]
        steps = 60
        [selection]
        metric = "loss"
        over_epochs = "final"
        \(selection)
        [[variants]]
        name = "tuned"
        label = "SGD tuned"
        optimizer = "sgd"
        select = { lr = \(grid) }
        [[variants]]
        name = "fixed"
        label = "SGD fixed"
        optimizer = "sgd"
        lr = 4e-5
        [[claims]]
        text = "tuning beats the fixed rate"
        metric = "loss"
        subject = "SGD tuned"
        others = ["SGD fixed"]
        [[figures]]
        name = "selection"
        kind = "selection"
        y = "loss"
        log_x = true
        """
    }

    private func load(_ text: String) throws -> ExperimentSpec {
        let path = "\(directory)/experiments/edge.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try ExperimentSpec.load(path)
    }

    private var runner: Runner {
        Runner(options: RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory))
    }

    func testAnOptimumBeyondTheGridIsFoundAndReportedBesideTheDeclaredVerdict() throws {
        let spec = try load(text())
        let report = try runner.run(spec)
        // 3 points × 2 selection seeds, then 3 steps beyond the top edge × 2 seeds, then 2 variants
        // and the extended winner × 3 seeds.
        XCTAssertEqual(report.ran.count, 6 + 6 + 9)
        let declared = try SelectionRecord.read("\(directory)/results/\(spec.selectionRecordPath(of: "tuned"))")
        XCTAssertEqual(declared.winner, 2)
        // Each score is the mean over the two selection seeds of the final loss.
        let cells = spec.selectionCells(of: spec.selectedVariants[0])
        XCTAssertEqual(cells.map(\.seed), [100, 101, 100, 101, 100, 101])
        for p in 0..<3 {
            let finals = try (0..<2).map { try ResultStore.read(runner.path(of: cells[2 * p + $0])).series["epochs"]!["loss"]!.last! }
            XCTAssertEqual(declared.scores[p], (finals[0] + finals[1]) / 2, accuracy: 1e-15)
        }
        let extended = try SelectionRecord.read("\(directory)/results/\(spec.extendedSelectionRecordPath(of: "tuned"))")
        XCTAssertEqual(extended.labels, ["lr=1e-05", "lr=2e-05", "lr=4e-05", "lr=8e-05", "lr=0.00016", "lr=0.00032"])
        XCTAssertEqual(extended.winner, 5)
        XCTAssertEqual(Array(extended.scores.prefix(3)), declared.scores)
        XCTAssertTrue(zip(extended.scores, extended.scores.dropFirst()).allSatisfy { $0 > $1 }, "\(extended.scores)")

        let results = StoredResults(spec: spec, resultsDirectory: "\(directory)/results")
        XCTAssertEqual(results.extendedRecords["tuned"]?.count, 3)
        let summary = Summary(results)
        let line = summary.claimLines()[0]
        // Declared grid: the tuned rate is the fixed one, a tie; extended: 8× the rate, far better.
        XCTAssertTrue(line.contains(": INCONCLUSIVE (SGD tuned"), line)
        XCTAssertTrue(line.contains("‖ with the grid extended (SGD tuned at lr=0.00032), unadjusted: HOLDS"), line)
        XCTAssertTrue(summary.text.contains("lr=4e-05 (on the grid's edge: lr: the largest of 3); beyond the edge: lr=0.00032"), summary.text)

        // The selection figure: declared points, the points beyond, the winner.
        let files = try Figures.write(results, to: "\(directory)/figures", render: false)
        let tsv = try String(contentsOfFile: files[0], encoding: .utf8)
        XCTAssertTrue(tsv.contains("# variant tuned, declared grid\n# lr\tscore\n1e-05\t"), tsv)
        XCTAssertTrue(tsv.contains("# variant tuned, beyond the declared grid\n# lr\tscore\n8e-05\t"), tsv)
        XCTAssertTrue(tsv.contains("# variant tuned: the winner\n# lr\tscore\n0.00032\t"), tsv)

        // A second run finds everything stored.
        XCTAssertEqual(try runner.run(spec).ran.count, 0)
    }

    /// With extension off, or a winner inside the grid, nothing runs beyond it.
    func testNoExtensionWhenOffOrInterior() throws {
        let off = try load(text(selection: "seed = 100\nextend_steps = 0"))
        XCTAssertEqual(try runner.run(off).ran.count, 3 + 6)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/results/\(off.extendedSelectionRecordPath(of: "tuned"))"))
        let interior = try load(text(grid: "[1e-5, 5e-4, 2e-2]", selection: "seed = 100"))
        _ = try runner.run(interior)
        XCTAssertEqual(try SelectionRecord.read("\(directory)/results/\(interior.selectionRecordPath(of: "tuned"))").winner, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/results/\(interior.extendedSelectionRecordPath(of: "tuned"))"))
    }

    /// A step beyond the key's range stops the extension (a momentum of 1 or more is refused).
    func testStepsStayInsideTheKeysRange() throws {
        let spec = try load(text().replacingOccurrences(of: "select = { lr = [1e-5, 2e-5, 4e-5] }", with: "lr = 1e-4\nselect = { momentum = [0.5, 0.7, 0.9] }"))
        let variant = spec.selectedVariants[0]
        let top = GridPoint(values: ["momentum": .double(0.9)])
        XCTAssertNil(spec.stepBeyond(top, key: "momentum", of: variant, side: .high))   // 1.1 is out of range
        let bottom = try XCTUnwrap(spec.stepBeyond(GridPoint(values: ["momentum": .double(0.5)]), key: "momentum", of: variant, side: .low))
        XCTAssertEqual(bottom.values["momentum"]?.number ?? 0, 0.3, accuracy: 1e-12)   // an even grid steps by its difference
    }

    /// Equal tuning budgets: a declared number of grid points every selected variant must search.
    func testEqualTuningBudgetsAreEnforced() throws {
        XCTAssertThrowsError(try load(text(selection: "seed = 100\npoints = 4"))) {
            XCTAssertTrue("\($0)".contains("variant 'tuned' searches 3 grid points; every selected variant must search 4"), "\($0)")
        }
        XCTAssertNoThrow(try load(text(selection: "seed = 100\npoints = 3")))
    }

    /// A point read back from a selection record is the point that was stored, to the last bit:
    /// its cells hash as they did (a value one ulp off would name other cells).
    func testStoredPointsReadBackExactly() throws {
        let spec = try load(text())
        let rules = spec.searchRules["tuned"] ?? [:]
        for x in [0.8999999999999998, 0.08100000000000002, 1e-5, 3.0000000000000004e-05] {
            let point = GridPoint(values: ["lr": .double(x)])
            XCTAssertEqual(GridPoint(json: ConfigValue.table(point.values).canonicalJSON, rules: rules), point, "\(x)")
        }
    }

    /// Under Slurm: the selection array covers every grid point with every selection seed, and the
    /// final array holds room for extended winners' finals; a task in that room does nothing.
    func testSlurmArraysCoverSelectionSeedsAndExtendedFinals() throws {
        let spec = try load(text())
        let writer = SlurmJobs(binary: "/bin/echo", workingDirectory: directory, folder: "\(directory)/jobs", experiments: "\(directory)/experiments",
                               results: "\(directory)/results", figures: "\(directory)/figures", dataDirectory: nil)
        let jobs = try writer.jobs(for: spec)
        XCTAssertTrue(jobs[0].script.contains("#SBATCH --array=0-5\n"), jobs[0].script)   // 3 points × 2 selection seeds
        XCTAssertTrue(jobs[1].script.contains("#SBATCH --array=0-8\n"), jobs[1].script)   // 2 variants × 3 seeds + 3 of room
        // Every task of both arrays, as Slurm would run them: the store ends as the serial run's.
        func task(_ stage: RunStage, _ k: Int) throws {
            var options = RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory)
            options.stage = stage
            options.cellIndex = k
            _ = try Runner(options: options).run(spec)
        }
        for k in 0..<6 { try task(.selection, k) }
        for k in 0..<9 { try task(.final, k) }
        let results = StoredResults(spec: spec, resultsDirectory: "\(directory)/results")
        XCTAssertEqual(results.records.count, 6)
        XCTAssertEqual(results.extendedRecords["tuned"]?.count, 3, "the extended winner's finals ran in the room")

        // An interior winner needs no room: those tasks do nothing, and say so without failing.
        try? FileManager.default.removeItem(atPath: "\(directory)/results")
        let interior = try load(text(grid: "[1e-5, 5e-4, 2e-2]"))
        var options = RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory)
        options.stage = .selection
        _ = try Runner(options: options).run(interior)
        options.stage = .final
        options.cellIndex = 8
        XCTAssertEqual(try Runner(options: options).run(interior).ran.count, 0)
        options.cellIndex = 9
        XCTAssertThrowsError(try Runner(options: options).run(interior))   // past the room: an error, as before
    }
}
