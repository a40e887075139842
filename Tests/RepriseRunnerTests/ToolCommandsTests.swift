import Foundation
import XCTest
import RepriseCommands
import RepriseExperiments
import RepriseReports
@testable import RepriseRunner
import RepriseStore

/// `export`, `show --csv/--json`, `plan`, `--seed-values` and `clean`, each through the built binary
/// on the tiny experiment, and their logic as units.
final class ToolCommandsTests: FolderTestCase {
    private func storeTiny(seeds: [Int]? = nil) throws -> ExperimentSpec {
        try tinyClassificationSpec.write(toFile: "\(directory)/experiments/tiny.toml", atomically: true, encoding: .utf8)
        let spec = try ExperimentSpec.load("\(directory)/experiments/tiny.toml")
        var options = RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory)
        options.seedValues = seeds
        _ = try Runner(options: options).run(spec)
        return spec
    }

    private func reprise(_ arguments: String...) throws -> CLI.Outcome {
        let outcome = try CLI.run(arguments + ["--experiments", "\(directory)/experiments", "--results", "\(directory)/results"], in: directory)
        XCTAssertFalse(outcome.timedOut, "reprise \(arguments.joined(separator: " ")) hung:\n\(outcome.all)")
        return outcome
    }

    /// Every stored value is one row; a value reads back to the same float64; JSON holds the same rows.
    func testExportHasOneRowPerStoredValueAndValuesRoundTrip() throws {
        let spec = try storeTiny()
        let records = try spec.cells().map { try ResultStore.read("\(directory)/results/\($0.relativePath)") }
        let expected = records.map { r in
            [("steps", "step"), ("epochs", "epoch")].map { group, index in
                let columns = r.series[group] ?? [:]
                return (columns.count - 1) * (columns[index]?.count ?? 0)
            }.reduce(0, +)
        }.reduce(0, +)
        let csv = try reprise("export", "tiny")
        XCTAssertEqual(csv.status, 0, csv.err)
        let lines = csv.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, Export.header.joined(separator: ","))
        XCTAssertEqual(lines.count - 1, expected)
        // The last test accuracy of adam, seed 1: the row's text reads back to the stored bits.
        let stored = try XCTUnwrap(records.first { $0.string("variant") == "adam" && $0.int("seed") == 1 }?.series["epochs"])
        let accuracy = try XCTUnwrap(stored["test_accuracy"]?.last), epoch = try XCTUnwrap(stored["epoch"]?.last)
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("tiny,default,adam,,1,final,,epochs,\(Int(epoch)),test_accuracy,") })
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(Double(String(fields[10]))?.bitPattern, accuracy.bitPattern, row)
        XCTAssertEqual(fields[11], "fraction")

        let file = "\(directory)/tiny.json"
        let json = try reprise("export", "tiny", "--format", "json", "--output", file)
        XCTAssertEqual(json.status, 0, json.err)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [[String: Any]])
        XCTAssertEqual(array.count, expected)
        XCTAssertEqual(Set(array[0].keys), Set(Export.header))
    }

    /// RFC 4180 quoting, JSON escaping, NaN as null in JSON and as `nan` in CSV, shortest numbers.
    func testTableTextQuotesAndSpellsNumbersExactly() {
        XCTAssertEqual(TableText.csvLine([.text("a,\"b\""), .text("plain"), .number(0.1), .number(3), .number(.nan), .int(-2)]),
                       "\"a,\"\"b\"\"\",plain,0.1,3,nan,-2")
        XCTAssertEqual(TableText.jsonRecord(header: ["k", "x"], [.text("q\"\n"), .number(.infinity)]), "{\"k\":\"q\\\"\\n\",\"x\":null}")
        XCTAssertEqual(TableText.render(header: ["a"], rows: [[.number(1e-7)]], as: .csv), "a\n1e-07\n")
    }

    /// show --csv and --json print the summary table's rows; both at once is refused.
    func testShowPrintsTheSummaryAsCSVAndJSON() throws {
        _ = try storeTiny()
        let csv = try reprise("show", "tiny", "--csv")
        XCTAssertEqual(csv.status, 0, csv.err)
        let lines = csv.out.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("experiment,profile,variant,seeds,diverged,final train loss mean,final train loss std,final train loss n") == true, csv.out)
        XCTAssertEqual(lines.count, 3, csv.out)
        XCTAssertTrue(lines[1].hasPrefix("tiny,default,momentum,2,0,"), csv.out)
        // Numbers as numbers: the mean of the two seeds' final training losses, from the store.
        let json = try reprise("show", "tiny", "--json")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["variant"] as? String }, ["momentum", "adam"])
        XCTAssertEqual(rows[0]["seeds"] as? Int, 2)
        let losses = try [0, 1].map { seed in
            try XCTUnwrap(ResultStore.read("\(directory)/results/tiny/default/momentum--seed\(seed).h5").series["epochs"]?["train_loss"]?.last)
        }
        XCTAssertEqual(try XCTUnwrap(rows[0]["final train loss mean"] as? Double), (losses[0] + losses[1]) / 2, accuracy: 1e-12)
        let both = try reprise("show", "tiny", "--csv", "--json")
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.err.contains("give --csv or --json, not both"), both.err)
    }

    /// --seed-values keeps those seeds' final cells; a value the spec lacks is refused, naming the
    /// spec's seeds, before anything trains; --seeds and --seed-values together are refused.
    func testSeedValuesPickSeedsByValueAndRefuseUnknownOnes() throws {
        let spec = try storeTiny(seeds: [1])
        let stored = spec.cells().filter { FileManager.default.fileExists(atPath: "\(directory)/results/\($0.relativePath)") }
        XCTAssertEqual(stored.map(\.seed), [1, 1])
        let refused = try reprise("run", "tiny", "--seed-values", "1,5")
        XCTAssertEqual(refused.status, 1, refused.err)
        XCTAssertTrue(refused.err.contains("--seed-values 5: not among tiny's seeds; its spec (experiments/tiny.toml) declares seeds 0, 1"), refused.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/results/tiny/default/momentum--seed0.h5"))
        XCTAssertNil(RunOptions.seedValues("3,x"))
        XCTAssertEqual(RunOptions.seedValues("3, 7"), [3, 7])
        var options = RunOptions(resultsDirectory: "r", dataDirectory: nil, sourceDirectory: ".")
        (options.seedLimit, options.seedValues) = (1, [1])
        XCTAssertEqual(options.problem, "give --seeds N (the first N seeds) or --seed-values (seeds by value), not both")
    }

    /// plan lists every cell with its --cell index and stored state, estimates the rest from the
    /// stored cells' step times, and takes --seed-values.
    func testPlanListsCellsAndEstimatesTheUnstoredOnes() throws {
        _ = try storeTiny(seeds: [1])
        let plan = try reprise("plan", "tiny", "--cores", "2")
        XCTAssertEqual(plan.status, 0, plan.err)
        let rows = plan.out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        XCTAssertEqual(rows[0], "stage cell variant seed stored time")
        XCTAssertTrue(rows[1].hasPrefix("final 0 momentum 0 no ≈ "), rows[1])
        XCTAssertTrue(rows[2].hasPrefix("final 1 momentum 1 yes "), rows[2])
        XCTAssertTrue(rows[4].hasPrefix("final 3 adam 1 yes "), rows[4])
        XCTAssertTrue(plan.out.contains("tiny [default]: 4 cells (0 selection, 4 final), 2 stored, 2 to run: "), plan.out)
        XCTAssertTrue(plan.out.contains(" on 2 cores"), plan.out)
        XCTAssertFalse(plan.out.contains("no timing known"), plan.out)
        // From empty: every cell to run, the stored ones timed by their own records.
        let empty = try reprise("plan", "tiny", "--cores", "2", "--from-empty")
        XCTAssertTrue(empty.out.contains("tiny [default]: 4 cells (0 selection, 4 final), 0 stored, 4 to run: "), empty.out)
        let one = try reprise("plan", "tiny", "--seed-values", "0")
        XCTAssertEqual(one.out.split(separator: "\n").filter { $0.hasPrefix("final") }.count, 2, one.out)
    }

    /// Longest first onto the core that frees first; nothing to run takes no time.
    func testListScheduleTakesTheLongestCellsFirst() {
        XCTAssertEqual(ListSchedule.makespan([3, 5, 3, 4, 3], cores: 2), 10)
        XCTAssertEqual(ListSchedule.makespan([2, 2], cores: 4), 2)
        XCTAssertEqual(ListSchedule.makespan([], cores: 2), 0)
        XCTAssertEqual(ListSchedule.makespan([1, 1, 1], cores: 1), 3)
    }

    /// clean asks (refusing without a terminal), then deletes only Reprise's files of that
    /// experiment and profile: other profiles and experiments, foreign files and links stay.
    func testCleanDeletesOnlyThatProfilesStoredFiles() throws {
        _ = try storeTiny()
        let fm = FileManager.default, folder = "\(directory)/results/tiny/default"
        try "mine".write(toFile: "\(folder)/notes.txt", atomically: true, encoding: .utf8)
        try "not Reprise's HDF5".write(toFile: "\(folder)/mine.h5", atomically: true, encoding: .utf8)
        try "outside".write(toFile: "\(directory)/outside.h5", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: "\(folder)/link.h5", withDestinationPath: "\(directory)/outside.h5")
        for other in ["tiny/quick", "other/default"] {
            try fm.createDirectory(atPath: "\(directory)/results/\(other)", withIntermediateDirectories: true)
            try "x".write(toFile: "\(directory)/results/\(other)/a--seed0.h5", atomically: true, encoding: .utf8)
        }
        let asked = try reprise("clean", "tiny")
        XCTAssertEqual(asked.status, 1)
        XCTAssertTrue(asked.err.contains("4 file(s) of tiny [default] would be deleted (listed above); pass --yes"), asked.err)
        XCTAssertTrue(fm.fileExists(atPath: "\(folder)/momentum--seed0.h5"))
        let cleaned = try reprise("clean", "tiny", "--yes")
        XCTAssertEqual(cleaned.status, 0, cleaned.err)
        XCTAssertTrue(cleaned.out.contains("tiny [default]: 4 file(s) deleted"), cleaned.out)
        XCTAssertFalse(fm.fileExists(atPath: "\(folder)/momentum--seed0.h5"))
        for kept in ["\(folder)/notes.txt", "\(folder)/mine.h5", "\(directory)/outside.h5", "\(directory)/results/tiny/quick/a--seed0.h5", "\(directory)/results/other/default/a--seed0.h5"] {
            XCTAssertTrue(fm.fileExists(atPath: kept), kept)
        }
        XCTAssertNotNil(try? fm.destinationOfSymbolicLink(atPath: "\(folder)/link.h5"))
        let escape = try reprise("clean", "..", "--yes")
        XCTAssertEqual(escape.status, 1)
        XCTAssertTrue(escape.err.contains("is not an experiment name"), escape.err)
    }
}
