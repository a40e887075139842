import Foundation
import XCTest
@testable import RepriseReports

/// The rank tests against SciPy itself (`Fixtures/ranks-scipy.json`, `scripts/rank-fixture.py`):
/// Wilcoxon's signed-rank test and Mann–Whitney's U, exact and approximate, with ties, zero
/// differences and diverged runs (±∞) ranked worst; the Hodges–Lehmann estimates against NumPy's
/// brute force.
final class RankStatisticsTests: XCTestCase {
    /// A number or "inf"/"-inf" (JSON has no infinity).
    struct Value: Decodable {
        var x: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { x = s.hasPrefix("-") ? -.infinity : .infinity } else { x = try c.decode(Double.self) }
        }
    }
    struct Case: Decodable {
        var a: [Value], b: [Value], method: String, statistic: Double
        var p_greater: Double, p_less: Double
        var p_two_sided: Double
        var hodges_lehmann: Double?
        enum CodingKeys: String, CodingKey { case a, b, method, statistic, p_greater, p_less, p_two_sided = "p_two-sided", hodges_lehmann }
    }
    struct Fixture: Decodable { var wilcoxon: [Case], mann_whitney: [Case] }

    private func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ranks-scipy.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    private func close(_ a: Double?, _ b: Double, _ what: String) {
        guard let a else { return XCTFail("\(what): no value") }
        XCTAssertEqual(a, b, accuracy: 1e-12 * max(1, abs(b)), what)
    }

    func testWilcoxonSignedRankMatchesSciPy() throws {
        let cases = try fixture().wilcoxon
        XCTAssertTrue(cases.contains { $0.method == "exact" } && cases.contains { $0.method == "approx" })
        for (k, c) in cases.enumerated() {
            let d = zip(c.a, c.b).map { $0.x - $1.x }
            for (alternative, p) in [(RankStatistics.Alternative.greater, c.p_greater), (.less, c.p_less), (.twoSided, c.p_two_sided)] {
                let outcome = RankStatistics.wilcoxon(d, alternative: alternative)
                XCTAssertEqual(outcome?.method, c.method, "case \(k)")
                close(outcome?.p, p, "Wilcoxon case \(k) \(alternative.rawValue)")
                close(outcome?.statistic, c.statistic, "Wilcoxon case \(k) W+")
            }
            if let hl = c.hodges_lehmann { close(RankStatistics.hodgesLehmann(paired: d), hl, "Hodges–Lehmann paired case \(k)") }
        }
    }

    func testMannWhitneyMatchesSciPy() throws {
        let cases = try fixture().mann_whitney
        XCTAssertTrue(cases.contains { $0.method == "exact" } && cases.contains { $0.method == "asymptotic" })
        for (k, c) in cases.enumerated() {
            let (a, b) = (c.a.map(\.x), c.b.map(\.x))
            for (alternative, p) in [(RankStatistics.Alternative.greater, c.p_greater), (.less, c.p_less), (.twoSided, c.p_two_sided)] {
                let outcome = RankStatistics.mannWhitney(a, b, alternative: alternative)
                XCTAssertEqual(outcome?.method, c.method, "case \(k)")
                close(outcome?.p, p, "Mann–Whitney case \(k) \(alternative.rawValue)")
                close(outcome?.statistic, c.statistic, "Mann–Whitney case \(k) U1")
            }
            if let hl = c.hodges_lehmann { close(RankStatistics.hodgesLehmann(a, b), hl, "Hodges–Lehmann shift case \(k)") }
        }
    }

    /// A diverged run counts as the worst outcome, not as missing: three diverged seeds of one arm
    /// make it worse, where dropping them would leave only the seeds it survived.
    func testDivergedRunsRankWorst() {
        let subject = [0.50, 0.52, 0.49, 0.51, 0.50, 0.48], other = [0.45, .infinity, 0.47, .infinity, 0.44, .infinity]
        let d = zip(subject, other).map { $0 - $1 }
        let ranked = RankStatistics.wilcoxon(d, alternative: .less)!
        let dropped = RankStatistics.wilcoxon(d.filter(\.isFinite), alternative: .less)!
        XCTAssertLessThan(ranked.statistic, 10)
        XCTAssertGreaterThan(dropped.p, 0.5, "the survivors alone favour the other arm")
        XCTAssertEqual(RankStatistics.hodgesLehmann(paired: [.infinity, -.infinity, 1]), 0.5, "∞ − ∞ … Walsh averages: median is finite here")
        XCTAssertNil(RankStatistics.wilcoxon([0, .nan], alternative: .greater), "all ties: nothing to test")
    }
}
