import Foundation
import XCTest
@testable import RepriseReports

/// The rank tests against SciPy itself (`Fixtures/ranks-scipy.json`, `scripts/rank-fixture.py`):
/// Wilcoxon's signed-rank test and Mann–Whitney's U, exact and approximate, with ties, zero
/// differences and diverged runs (±∞) ranked worst; the Hodges–Lehmann estimates against NumPy's
/// brute force; the claims' rank comparisons (`RankComparison`) and Page's L with diverged runs.
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
        var hodges_lehmann: Value?
        enum CodingKeys: String, CodingKey { case a, b, method, statistic, p_greater, p_less, p_two_sided = "p_two-sided", hodges_lehmann }
    }
    /// A claim on ranks (`RankComparison`): the subject against another arm, its p on the claim's
    /// scale, verdict, SciPy method and Hodges–Lehmann estimate.
    struct RankClaim: Decodable {
        var subject: [Value], other: [Value], sign: Double, paired: Bool, test: String, margin: Double
        var p: Double, verdict: String, method: String
        var hodges_lehmann: Value
    }
    struct Page: Decodable { var blocks: [[Value]], l: Double, p: Double }
    struct Fixture: Decodable { var wilcoxon: [Case], mann_whitney: [Case], rank_claims: [RankClaim], page: [Page] }

    private func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ranks-scipy.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    private func close(_ a: Double?, _ b: Double, _ what: String) {
        guard let a else { return XCTFail("\(what): no value") }
        if b.isInfinite { return XCTAssertEqual(a, b, what) }
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
            if let hl = c.hodges_lehmann?.x { close(RankStatistics.hodgesLehmann(paired: d), hl, "Hodges–Lehmann paired case \(k)") }
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
            if let hl = c.hodges_lehmann?.x { close(RankStatistics.hodgesLehmann(a, b), hl, "Hodges–Lehmann shift case \(k)") }
        }
    }

    /// The claims' rank comparisons, superior, non-inferior (shifted by the margin) and equivalent
    /// (two one-sided tests), paired and not, with diverged seeds at ±∞: p, verdict, method and
    /// Hodges–Lehmann estimate as SciPy's tests give them (`rank_claims` of the fixture).
    func testRankClaimsMatchSciPy() throws {
        let cases = try fixture().rank_claims
        XCTAssertTrue(cases.contains { $0.method == "exact" } && cases.contains { $0.method == "approx" } && cases.contains { $0.method == "asymptotic" })
        XCTAssertTrue(cases.contains { $0.subject.contains { $0.x.isInfinite } } && Set(cases.map(\.verdict)) == ["HOLDS", "FAILS", "INCONCLUSIVE"])
        for (k, c) in cases.enumerated() {
            let subject = Dictionary(uniqueKeysWithValues: c.subject.enumerated().map { ($0.offset, $0.element.x) })
            // Unpaired: the other arm on seeds of its own.
            let other = Dictionary(uniqueKeysWithValues: c.other.enumerated().map { ((c.paired ? 0 : 100) + $0.offset, $0.element.x) })
            let test: ClaimComparison.Test = c.test == "superior" ? .superior : c.test == "noninferior" ? .noninferior(margin: c.margin) : .equivalent(margin: c.margin)
            let r = try XCTUnwrap(RankComparison(test: test, subject: subject, other: other, sign: c.sign))
            XCTAssertEqual(r.design, c.paired ? .paired(c.subject.count) : .unpaired(c.subject.count, c.other.count), "case \(k)")
            XCTAssertEqual(r.method, c.method, "case \(k)")
            XCTAssertEqual(r.verdict.rawValue, c.verdict, "case \(k)")
            close(r.pValue, c.p, "rank claim case \(k) p")
            close(r.estimate, c.hodges_lehmann.x, "rank claim case \(k) Hodges–Lehmann")
        }
    }

    /// Page's L with diverged runs at the worst rank of their block (+∞ for a loss, ties averaged),
    /// against SciPy's `page_trend_test(ranked=False, method="asymptotic")`.
    func testPageTrendWithDivergedRunsMatchesSciPy() throws {
        let cases = try fixture().page
        XCTAssertTrue(cases.contains { $0.blocks.contains { $0.contains { $0.x.isInfinite } } })
        for (k, c) in cases.enumerated() {
            let page = try XCTUnwrap(Statistics.pageTrend(c.blocks.map { $0.map(\.x) }))
            close(page.l, c.l, "Page case \(k) L")
            close(page.p, c.p, "Page case \(k) p")
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
