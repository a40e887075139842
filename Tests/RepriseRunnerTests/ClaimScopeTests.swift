import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseStore
@testable import RepriseReports

/// A claim is tested in the groups its statement names and nowhere else (issue 30). Two groups,
/// each with arms A and B: in "easy" A's loss is lower than B's on every seed, in "hard" higher.
final class ClaimScopeTests: FolderTestCase {
    private let seeds = Array(0..<8)

    private func spec(_ claims: String) throws -> ExperimentSpec {
        var text = SyntheticSpec.head("scoped", seeds: seeds)
        for group in ["easy", "hard"] {
            for (arm, lr) in [("a", 0.1), ("b", 0.2)] {
                text += "[[variants]]\nname = \"\(arm)-\(group)\"\nlabel = \"\(arm.uppercased())\"\ngroup = \"\(group)\"\noptimizer = \"sgd\"\nlr = \(lr)\n"
            }
        }
        let path = "\(directory)/experiments/scoped.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data((text + claims).utf8))
        return try ExperimentSpec.load(path)
    }

    private func results(_ spec: ExperimentSpec) -> StoredResults {
        var records: [CellRecord] = []
        for group in ["easy", "hard"] {
            for arm in ["a", "b"] {
                for s in seeds {
                    let jitter = 0.01 * sin(Double(s) * 1.7 + (arm == "a" ? 0 : 0.4))
                    let loss = (arm == "a") == (group == "easy") ? 1 + jitter : 2 + jitter
                    records.append(CellRecord(attributes: ["variant": .string("\(arm)-\(group)"), "seed": .int(Int64(s)), "status": .string("complete")],
                                              series: ["epochs": ["loss": [24.2, loss]]]))
                }
            }
        }
        return StoredResults(spec: spec, records: records)
    }

    private func claim(_ scope: String, history: String = "") -> String {
        "[[claims]]\ntext = \"A reaches a lower loss than B\"\nkind = \"superior\"\nmetric = \"loss\"\nsubject = \"A\"\nothers = [\"B\"]\nprimary = true\n\(scope)\n\(history)"
    }

    func testAClaimNamingOneGroupIsNotJudgedByAnother() throws {
        let summary = Summary(results(try spec(claim("group = \"easy\""))))
        let outcome = summary.claimOutcomes[0]
        XCTAssertEqual(outcome.groups.map(\.group), ["easy"])
        XCTAssertEqual(outcome.groups.map(\.verdict), [.holds])
        let block = summary.claimBlocks(adjusted: [0: 0.001])[0]
        XCTAssertTrue(block.headline.contains(": HOLDS — A reaches"), block.headline)
        XCTAssertFalse(block.rows.contains { $0[0] == "hard" }, "\(block.rows)")
        XCTAssertEqual(block.rows.count, 1)
        XCTAssertEqual(ClaimBlock.header, ["group", "comparison", "estimate [interval]", "p", "verdict"])
    }

    func testEveryGroupIsAnIntersectionUnionPrintingEachGroup() throws {
        let summary = Summary(results(try spec(claim("every_group = true"))))
        let outcome = summary.claimOutcomes[0]
        XCTAssertEqual(outcome.groups.map(\.group), ["easy", "hard"])
        XCTAssertEqual(outcome.groups.map(\.verdict), [.holds, .fails])
        // The p of an intersection–union test is its largest: the claim is no stronger than its weakest group.
        XCTAssertEqual(outcome.pValue, outcome.groups.compactMap(\.p).max())
        let block = summary.claimBlocks()[0]
        XCTAssertTrue(block.headline.contains(": FAILS — "), block.headline)
        XCTAssertEqual(block.rows.map { $0[0] }, ["easy", "hard"])
        XCTAssertEqual(block.rows.map { $0[4] }, ["HOLDS", "FAILS"])
        XCTAssertTrue(block.details.contains { $0.contains("intersection–union") }, "\(block.details)")
    }

    func testAnUnscopedClaimOverSeveralGroupsIsRefused() throws {
        XCTAssertThrowsError(try spec(claim(""))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("its arms appear in 2 groups") && text.contains("every_group = true"), text)
        }
        XCTAssertThrowsError(try spec(claim("group = \"easy\"\nevery_group = true")))
        XCTAssertThrowsError(try spec(claim("groups = [\"easy\", \"nowhere\"]"))) { error in
            XCTAssertTrue("\(error)".contains("no variant group 'nowhere'"), "\(error)")
        }
    }

    func testAHistoryIsReadAndTheClaimAsFirstStatedIsEvaluatedBeside() throws {
        let history = """
        stated = "0123456789abcdef0123456789abcdef01234567"
        stated_after_results = true

        [[claims.revisions]]
        commit = "89abcdef0123456789abcdef0123456789abcdef"
        reason = "was a claim in every group, which failed in hard"
        kind = "revision"

        [claims.revisions.was]
        text = "A is better than B everywhere"
        kind = "superior"
        metric = "loss"
        subject = "A"
        others = ["B"]

        """
        let spec = try spec(claim("group = \"easy\"", history: history))
        let claim = spec.claims[0]
        XCTAssertEqual(claim.history.stated, "0123456789abcdef0123456789abcdef01234567")
        XCTAssertEqual(claim.history.statedAfterResults, true)
        XCTAssertEqual(claim.history.changes.map(\.kind), [.revision])
        XCTAssertEqual(claim.original.map(\.text), ["A is better than B everywhere"])
        let block = Summary(results(spec)).claimBlocks(adjusted: [0: 0.001])[0]
        XCTAssertTrue(block.headline.contains("HOLDS"), block.headline)
        let history_ = block.details.first { $0.hasPrefix("History:") } ?? ""
        XCTAssertTrue(history_.contains("after earlier results of this design were seen") && history_.contains("revised in `89abcdef`"), history_)
        // The original, unscoped, was tested in both groups: it fails in hard, beside the revised claim's HOLDS.
        let original = block.details.first { $0.hasPrefix("As first stated") } ?? ""
        XCTAssertTrue(original.contains("]: FAILS — "), original)
    }

    func testHistoryMistakesAreRefused() throws {
        XCTAssertThrowsError(try spec(claim("group = \"easy\"", history: "stated = \"0123456\"\n"))) { error in
            XCTAssertTrue("\(error)".contains("give both stated and stated_after_results"), "\(error)")
        }
        XCTAssertThrowsError(try spec(claim("group = \"easy\"", history: "stated = \"not-a-commit\"\nstated_after_results = false\n")))
        let correctionWithOriginal = """
        stated = "0123456"
        stated_after_results = false
        [[claims.revisions]]
        commit = "89abcde"
        reason = "scope fixed"
        kind = "correction"
        [claims.revisions.was]
        text = "x"
        metric = "loss"
        subject = "A"
        others = ["B"]

        """
        XCTAssertThrowsError(try spec(claim("group = \"easy\"", history: correctionWithOriginal))) { error in
            XCTAssertTrue("\(error)".contains("a correction leaves the statement as it was"), "\(error)")
        }
    }
}
