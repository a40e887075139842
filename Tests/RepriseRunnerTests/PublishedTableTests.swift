import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseStore
@testable import RepriseReports

/// The published-numbers table of REPORT.md: a number that rounds to the paper's printed digits is
/// reproduced even outside Reprise's central 95 %; seeds whose score over every start is not
/// computable are counted and said why; and the table ends with the count of rows outside against
/// what chance alone gives.
final class PublishedTableTests: FolderTestCase {
    private static let seeds = Array(0..<20)

    /// Three arms of a multi-start problem; the paper prints 18.7 for each (written `18.7`).
    private func spec() throws -> ExperimentSpec {
        var text = SyntheticSpec.head("placed", seeds: Self.seeds, problem: "kind = \"multistart\"\nfunction = \"beale\"\nstarts = [[0.0, 1.0], [1.0, 1.0]]")
        for arm in ["a", "b", "c"] {
            text += "[[variants]]\nname = \"\(arm)\"\nlabel = \"\(arm.uppercased())\"\noptimizer = \"sgd\"\nlr = 0.01\n"
            text += """
            [[published]]
            value = 18.7
            metric = "geometric_mean_loss"
            label = "\(arm.uppercased())"
            setting = "s"
            source = "Fig. 4"
            comparable = true
            why = "w"

            """
        }
        let path = "\(directory)/experiments/placed.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try ExperimentSpec.load(path)
    }

    /// A: every seed 18.67 (the paper's 18.7 at percentile 100, but the median rounds to it);
    /// B: every seed 18.6 (outside, and 18.6 is not a printed 18.7); C: 18.7 ± a little, with three
    /// seeds whose start overflowed (NaN score, one failed start).
    private func results(_ spec: ExperimentSpec) -> StoredResults {
        var records: [CellRecord] = []
        for arm in ["a", "b", "c"] {
            for s in Self.seeds {
                let value: Double, failed: Double
                switch arm {
                case "a": (value, failed) = (18.67, 0)
                case "b": (value, failed) = (18.6, 0)
                default: (value, failed) = s < 3 ? (.nan, 1) : (18.7 + 0.01 * Double(s % 5 - 2), 0)
                }
                records.append(CellRecord(attributes: ["variant": .string(arm), "seed": .int(Int64(s)), "status": .string("complete")],
                                          series: ["epochs": ["geometric_mean_loss": [30, value], "failed_starts": [0, failed]]]))
            }
        }
        return StoredResults(spec: spec, records: records)
    }

    func testRoundingToThePapersDigitsCountsAsReproduced() throws {
        let table = Report.publishedTable([results(try spec())])
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| `placed`") }
        XCTAssertEqual(rows.count, 3, table)
        // A: percentile 100, yet the median 18.67 printed to 3 digits is the paper's 18.7.
        XCTAssertTrue(rows[0].contains("| 100.0 | yes: the median rounds to the paper's 3 printed digits |"), String(rows[0]))
        // B: 18.6 is not 18.7 at the paper's last digit.
        XCTAssertTrue(rows[1].hasSuffix("| 100.0 | no |"), String(rows[1]))
        // C: 17 seeds placed, 3 named as not computable, with the reason.
        XCTAssertTrue(rows[2].contains("(17); 3 of 20 seeds had a start whose value stopped being finite, so the paper's score over every start is not computable (NaN)"), String(rows[2]))
        XCTAssertTrue(rows[2].hasSuffix("| yes |"), String(rows[2]))
        // Beside the table: 1 of 3 outside, against 3/20 = 0.15 expected, Binomial(3, 0.05)'s 95 % range 0–1.
        XCTAssertTrue(table.contains("1 of the 3 comparable rows lies outside the central 95 %"), table)
        XCTAssertTrue(table.contains("0.15 expected, 95 % range 0–1 (Binomial(3, 0.05)"), table)
        // The one miss (B) is listed under the table, never without a word: here none was written.
        let misses = table.components(separatedBy: "Each number not reproduced, and what may explain it:").last ?? ""
        XCTAssertEqual(misses.split(separator: "\n").filter { $0.hasPrefix("- ") }.count, 1, table)
        XCTAssertTrue(misses.contains("percentile 100.0") && misses.contains("No discussion written yet"), misses)
    }

    func testAMissPrintsItsDiscussion() {
        let n = PublishedNumber(value: 0.0042, metric: "m", label: "dsOGR", source: "Fig. 4", written: "0.0042",
                                discussion: "The constants probably differ.")
        let line = Report.missLine("ogr", n, "percentile 0.0")
        XCTAssertEqual(line, "- `ogr`, the paper's 0.0042 (dsOGR), Fig. 4: percentile 0.0. The constants probably differ.")
    }

    func testEverySeedNotComputableSaysWhy() throws {
        let s = try spec()
        let records = results(s).records.map { r -> CellRecord in
            var r = r
            r.series["epochs"]?["geometric_mean_loss"] = [30, .nan]
            r.series["epochs"]?["failed_starts"] = [0, 2]
            return r
        }
        let table = Report.publishedTable([StoredResults(spec: s, records: records)])
        XCTAssertTrue(table.contains("| yes | not computable: 20 of 20 seeds had a start whose value stopped being finite"), table)
        XCTAssertFalse(table.contains("comparable rows"), "no row placed, no count: \(table)")
    }

    /// The rule by hand: compared at the paper's last printed place.
    func testPrintedDigits() {
        func number(_ written: String) -> PublishedNumber { PublishedNumber(value: Double(written)!, metric: "m", written: written) }
        XCTAssertTrue(number("18.7").roundsToPaper(18.67))
        XCTAssertFalse(number("18.7").roundsToPaper(18.6))
        XCTAssertFalse(number("18.7").roundsToPaper(18.76))
        XCTAssertEqual(number("18.7").printedDigits, 3)
        // Trailing zeros as written are digits the paper printed.
        XCTAssertEqual(number("0.0120").lastPrintedPlace, -4)
        XCTAssertEqual(number("0.0120").printedDigits, 3)
        XCTAssertTrue(number("0.0120").roundsToPaper(0.01204))
        XCTAssertFalse(number("0.0120").roundsToPaper(0.0124))
        XCTAssertTrue(number("0.012").roundsToPaper(0.0124))
        // At the paper's place, not a count of digits of Reprise's number: 9.96 is a printed 10.0.
        XCTAssertTrue(number("10.0").roundsToPaper(9.96))
        XCTAssertEqual(PublishedNumber.lastPrintedPlace(of: "120"), 1)
        XCTAssertEqual(PublishedNumber.lastPrintedPlace(of: "1.5e-3"), -4)
        XCTAssertEqual(PublishedNumber.lastPrintedPlace(of: "-2_500.25"), -2)
        XCTAssertEqual(PublishedNumber.lastPrintedPlace(of: "4.65"), -2)
        XCTAssertNil(PublishedNumber.lastPrintedPlace(of: "inf"))
        XCTAssertFalse(number("18.7").roundsToPaper(.nan))
        XCTAssertEqual(number("0.0120").printed, "0.0120")
        XCTAssertEqual(number("18.7").printed, "18.7")
        XCTAssertEqual(number("120").printed, "120")
        // Without the text, the shortest form of the value.
        XCTAssertEqual(PublishedNumber(value: 0.00384, metric: "m").lastPrintedPlace, -5)
    }

    /// The spec keeps the value as written: `0.0120` is three printed digits, not `0.012`'s two.
    func testSpecReadsTheValueAsWritten() throws {
        let s = try spec()
        XCTAssertEqual(s.publishedNumbers.map(\.lastPrintedPlace), [-1, -1, -1])
        let path = "\(directory)/experiments/placed.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "value = 18.7", with: "value = 18.70   # as printed")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ExperimentSpec.load(path).publishedNumbers.map(\.lastPrintedPlace), [-2, -2, -2])
    }

    /// Binomial(n, 0.05)'s central 95 % against exact sums (Python's `math.comb`: the smallest k
    /// with P(X ≤ k) ≥ 0.025 and ≥ 0.975).
    func testBinomialRange() {
        for (n, low, high) in [(3, 0, 1), (21, 0, 3), (100, 1, 10), (0, 0, 0)] {
            let r = Report.binomialRange(n, 0.05)
            XCTAssertEqual([r.low, r.high], [low, high], "n = \(n)")
        }
    }
}
