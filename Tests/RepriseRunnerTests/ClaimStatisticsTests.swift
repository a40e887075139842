import Foundation
import XCTest
import RepriseExperiments
@testable import RepriseReports

/// The statistics behind the claim verdicts against SciPy and statsmodels themselves
/// (`Fixtures/claims-scipy.json`, written by `scripts/claims-fixture.py`): Welch and paired
/// t-intervals at 95 % and 90 %, the one-sided p-values of superiority and non-inferiority, TOST,
/// Holm's adjustment and Student's quantiles.
final class ClaimStatisticsTests: XCTestCase {
    struct Fixture: Decodable {
        struct Stats: Decodable {
            var ci95: [Double], ci90: [Double]
            var df: Double?
            var p_superior: Double, p_noninferior: Double, p_tost: Double
        }
        struct Case: Decodable { var a: [Double], b: [Double], margin: Double, welch: Stats, paired: Stats? }
        struct Holm: Decodable { var p: [Double], adjusted: [Double] }
        struct Quantile: Decodable { var p: Double, df: Double, t: Double }
        var cases: [Case], holm: [Holm], quantiles: [Quantile]
    }

    private func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/claims-scipy.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    private func close(_ a: Double, _ b: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, accuracy: 1e-9 * max(1, abs(b)), what, file: file, line: line)
    }

    private func bySeed(_ x: [Double], offset: Int) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: x.enumerated().map { ($0.offset + offset, $0.element) })
    }

    func testIntervalsAndPValuesMatchSciPy() throws {
        var compared = 0
        for (k, c) in try fixture().cases.enumerated() {
            // Distinct seeds: Welch. The same seeds: paired.
            for (design, stats, offset) in [("welch", c.welch, 100), ("paired", c.paired, 0)] {
                guard let stats else { continue }
                let a = bySeed(c.a, offset: 0), b = bySeed(c.b, offset: offset)
                for (kind, p) in [(ClaimKind.Kind.superior, min(1, 2 * stats.p_superior)),
                                  (.noninferior, min(1, 2 * stats.p_noninferior)), (.equivalent, stats.p_tost)] {
                    let comparison = try XCTUnwrap(ClaimComparison(kind: ClaimKind(kind: kind, margin: c.margin, marginWhy: "test"),
                                                                   subject: a, other: b, sign: 1))
                    XCTAssertEqual(comparison.design == .paired(c.a.count), design == "paired", "case \(k) \(design)")
                    let i95 = comparison.interval(0.95), i90 = comparison.interval(0.90)
                    close(i95.low, stats.ci95[0], "case \(k) \(design) 95 % low"); close(i95.high, stats.ci95[1], "case \(k) \(design) 95 % high")
                    close(i90.low, stats.ci90[0], "case \(k) \(design) 90 % low"); close(i90.high, stats.ci90[1], "case \(k) \(design) 90 % high")
                    if let df = stats.df { close(comparison.degreesOfFreedom, df, "case \(k) df") }
                    close(comparison.pValue, p, "case \(k) \(design) \(kind) p")
                    compared += 1
                }
                // A minimised metric: the same comparison mirrored.
                let lower = try XCTUnwrap(ClaimComparison(kind: ClaimKind(kind: .superior), subject: a, other: b, sign: -1))
                close(lower.interval(0.95).low, -stats.ci95[1], "case \(k) mirrored")
            }
        }
        XCTAssertEqual(compared, 33)  // 6 Welch and 5 paired comparisons, 3 kinds each
    }

    func testHolmAndQuantilesMatchStatsmodelsAndSciPy() throws {
        let f = try fixture()
        for family in f.holm {
            for (ours, theirs) in zip(holmAdjusted(family.p), family.adjusted) { close(ours, theirs, "Holm \(family.p)") }
        }
        for q in f.quantiles { XCTAssertEqual(StudentT.studentQuantile(q.p, q.df), q.t, accuracy: 1e-9, "t(\(q.p), \(q.df))") }
    }

    /// Two identical arms are never superior (a zero-width interval at 0 was called HOLDS), and are
    /// non-inferior and equivalent at any margin.
    func testATieIsNeverSuperior() throws {
        let same = [0: 0.8, 1: 0.8, 2: 0.8]
        let superior = try XCTUnwrap(ClaimComparison(kind: ClaimKind(kind: .superior), subject: same, other: same, sign: 1))
        XCTAssertEqual(superior.verdict, .inconclusive)
        XCTAssertEqual(superior.pValue, 1)
        let near = [0: 0.81, 1: 0.79, 2: 0.80]
        XCTAssertNotEqual(try XCTUnwrap(ClaimComparison(kind: ClaimKind(kind: .superior), subject: near, other: same, sign: 1)).verdict, .holds)
        for kind in [ClaimKind.Kind.noninferior, .equivalent] {
            XCTAssertEqual(try XCTUnwrap(ClaimComparison(kind: ClaimKind(kind: kind, margin: 0.01, marginWhy: "t"), subject: same, other: same, sign: 1)).verdict, .holds)
        }
        // One seed on a side: no interval, no verdict.
        XCTAssertNil(ClaimComparison(kind: ClaimKind(kind: .superior), subject: [0: 0.9], other: same, sign: 1))
    }
}
