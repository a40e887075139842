import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseStore
@testable import RepriseReports

/// `cost_trend` (issue 31: ISAAC's overhead "vanishes" as the layers widen): the subject's cost over
/// another arm's, per seed, across the claim's groups in their listed order, by Page's L. Three
/// widths, arms "fast" and "slow"; the slow arm's step time is the fast one's times an overhead
/// that falls with width (2, 1.5, 1.1) up to a small per-seed jitter.
final class CostTrendTests: FolderTestCase {
    private let seeds = Array(0..<6), widths = ["w100", "w400", "w1600"]

    private func spec(_ claim: String) throws -> ExperimentSpec {
        var text = SyntheticSpec.head("widths", seeds: seeds)
        for w in widths {
            for (arm, lr) in [("fast", 0.1), ("slow", 0.2)] {
                text += "[[variants]]\nname = \"\(arm)-\(w)\"\nlabel = \"\(arm)\"\ngroup = \"\(w)\"\noptimizer = \"sgd\"\nlr = \(lr)\n"
            }
        }
        let path = "\(directory)/experiments/widths.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data((text + claim).utf8))
        return try ExperimentSpec.load(path)
    }

    private func results(_ spec: ExperimentSpec, overheads: [Double]) -> StoredResults {
        var records: [CellRecord] = []
        for (w, overhead) in zip(widths, overheads) {
            for s in seeds {
                let base = 0.001 * Double(s + 1)
                for (arm, seconds) in [("fast", base), ("slow", base * overhead * (1 + 0.01 * sin(Double(s))))] {
                    records.append(CellRecord(attributes: ["variant": .string("\(arm)-\(w)"), "seed": .int(Int64(s)), "status": .string("complete")],
                                              series: ["epochs": ["loss": [1, 1]]], wallclockSeries: ["step_seconds": [seconds, seconds]]))
                }
            }
        }
        return StoredResults(spec: spec, records: records)
    }

    private func claim(_ direction: String, groups: String = "[\"w100\", \"w400\", \"w1600\"]") -> String {
        "[[claims]]\ntext = \"the overhead falls with width\"\nkind = \"cost_trend\"\nsubject = \"slow\"\nothers = [\"fast\"]\ndirection = \"\(direction)\"\ngroups = \(groups)\n"
    }

    func testAFallingOverheadHoldsAcrossTheListedGroups() throws {
        let outcome = Summary(results(try spec(claim("falls")), overheads: [2, 1.5, 1.1])).claimOutcomes[0]
        XCTAssertEqual(outcome.groups.count, 1, "one verdict across the groups")
        XCTAssertEqual(outcome.groups[0].group, "across w100 → w400 → w1600")
        XCTAssertEqual(outcome.groups[0].verdict, .holds, outcome.groups[0].text)
        // Every seed ranks the three groups alike; the ratios printed are the overheads.
        XCTAssertTrue(outcome.groups[0].text.contains("w100: 2") && outcome.groups[0].text.contains("w1600: 1.1"), outcome.groups[0].text)
        let rising = Summary(results(try spec(claim("rises")), overheads: [2, 1.5, 1.1])).claimOutcomes[0]
        XCTAssertEqual(rising.groups[0].verdict, .fails, rising.groups[0].text)
        // The order is the statement's: listed the other way round, a falling overhead rises.
        let reversed = Summary(results(try spec(claim("falls", groups: "[\"w1600\", \"w400\", \"w100\"]")), overheads: [2, 1.5, 1.1])).claimOutcomes[0]
        XCTAssertEqual(reversed.groups[0].verdict, .fails, reversed.groups[0].text)
    }

    func testAFlatOverheadIsInconclusiveAndTwoGroupsAreRefused() throws {
        let flat = Summary(results(try spec(claim("falls")), overheads: [1.5, 1.5, 1.5])).claimOutcomes[0]
        XCTAssertNotEqual(flat.groups[0].verdict, .holds, flat.groups[0].text)
        XCTAssertThrowsError(try spec(claim("falls", groups: "[\"w100\", \"w1600\"]"))) { error in
            XCTAssertTrue("\(error)".contains("at least three"), "\(error)")
        }
    }
}
