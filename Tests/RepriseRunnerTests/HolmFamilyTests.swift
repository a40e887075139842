import Foundation
import XCTest

/// Primary claims are judged in their paper's Holm family everywhere they are printed: `show`,
/// summary.md and REPORT.md say the same adjusted verdict, and a primary claim that cannot be
/// tested stays in the family as not rejected (p = 1) instead of leaving it, which would make the
/// others' threshold laxer than the design declared.
final class HolmFamilyTests: FolderTestCase {
    func testSummariesAndTheReportJudgePrimaryClaimsInOneFamily() throws {
        let spec = tinyClassificationSpec.replacingOccurrences(of: "paper = \"none\"", with: "paper = \"A paper\"")
            + """

            [[variants]]
            name = "plain"
            optimizer = "sgd"
            lr = 0.1
            [[claims]]
            text = "Momentum ends more accurate than Adam"
            kind = "superior"
            metric = "test_accuracy"
            subject = "momentum"
            others = ["adam"]
            primary = true
            [[claims]]
            text = "Plain SGD ends more accurate than Adam"
            kind = "superior"
            metric = "test_accuracy"
            subject = "plain"
            others = ["adam"]
            primary = true
            """
        _ = FileManager.default.createFile(atPath: "\(directory)/experiments/tiny.toml", contents: Data(spec.utf8))
        func reprise(_ arguments: [String]) throws -> CLI.Outcome {
            let outcome = try CLI.run(arguments + ["--experiments", "\(directory)/experiments", "--results", "\(directory)/results",
                                                   "--figures", "\(directory)/figures"], in: directory)
            XCTAssertFalse(outcome.timedOut, outcome.all)
            return outcome
        }
        // `plain` is never run: its claim has no p-value.
        XCTAssertEqual(try reprise(["run", "tiny", "--only", "adam", "--only", "momentum"]).status, 0)
        let show = try reprise(["show", "tiny"]).out
        let claims = show.split(separator: "\n").filter { $0.hasPrefix("Claim ") && $0.contains(" (primary;") }
        XCTAssertEqual(claims.count, 2, show)
        XCTAssertTrue(claims[0].contains("Holm-adjusted"), String(claims[0]))
        XCTAssertTrue(claims[1].contains("in Holm's family of the paper as not rejected, p = 1"), String(claims[1]))
        // With the untested claim in the family (m = 2), the tested one's adjusted p is twice its p.
        let numbers = claims[0].split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",):")) }
        if let i = numbers.firstIndex(of: "p"), let j = numbers.firstIndex(of: "Holm-adjusted"),
           let p = Double(numbers[i + 1]), let adjusted = Double(numbers[j + 1]) {
            XCTAssertEqual(adjusted, min(1, 2 * p), accuracy: 0.01 * max(adjusted, 1e-12), String(claims[0]))
        } else { XCTFail("no p and adjusted p in \(claims[0])") }

        XCTAssertEqual(try reprise(["figures", "tiny"]).status, 0)
        XCTAssertEqual(try reprise(["report"]).status, 0)
        let summary = try String(contentsOfFile: "\(directory)/figures/tiny/summary.md", encoding: .utf8)
        let report = try String(contentsOfFile: "\(directory)/figures/REPORT.md", encoding: .utf8)
        let lines = summary.split(separator: "\n").filter { $0.hasPrefix("**Claim ") && $0.contains(" (primary;") }
        XCTAssertEqual(lines.count, 2, summary)
        for line in lines { XCTAssertTrue(report.contains(line), "summary.md and REPORT.md differ on:\n\(line)") }
        XCTAssertTrue(report.contains("Primary claims of this paper: 2, adjusted together by Holm's procedure"), report)
        XCTAssertTrue(report.contains("1 could not be tested and count as not rejected (p = 1)"), report)
    }
}
