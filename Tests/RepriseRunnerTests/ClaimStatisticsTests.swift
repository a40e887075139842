import Foundation
import XCTest
import RepriseExperiments
@testable import RepriseReports

/// The statistics behind the claim verdicts against SciPy and statsmodels themselves
/// (`Fixtures/claims-scipy.json`, written by `scripts/claims-fixture.py`): Welch and paired
/// t-intervals at 95 % and 90 %, the one-sided p-values of superiority and non-inferiority, TOST,
/// Holm's adjustment and Student's quantiles; Wilson intervals, Brown–Forsythe, Page's trend test,
/// percentile ranks and their bootstrap intervals, and the power of t-tests.
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
        struct Wilson: Decodable { var k: Int, n: Int, ci95: [Double] }
        struct BrownForsythe: Decodable { var a: [Double], b: [Double], w: Double, p: Double }
        struct Page: Decodable { var data: [[Double]], l: Double, p: Double }
        struct Published: Decodable { var x: [Double], value: Double, rank: Double, ci95: [Double] }
        struct Power: Decodable { var n: Int, paired: Bool, effect: Double }
        var cases: [Case], holm: [Holm], quantiles: [Quantile]
        var wilson: [Wilson], brown_forsythe: [BrownForsythe], page: [Page], published: [Published], power: [Power]
    }

    private func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/claims-scipy.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The largest difference from SciPy seen per statistic (the first word of `what`), printed at
    /// the end of each test: the table of the closing note.
    private var largest: [String: Double] = [:]

    private func close(_ a: Double, _ b: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, accuracy: 1e-9 * max(1, abs(b)), what, file: file, line: line)
        note(a, b, what)
    }

    private func note(_ a: Double, _ b: Double, _ what: String) {
        let key = what.split(separator: " ").prefix(what.hasPrefix("case") ? 0 : 1).joined()
        largest[key.isEmpty ? "t-comparisons" : key] = max(largest[key.isEmpty ? "t-comparisons" : key] ?? 0, abs(a - b))
    }

    override func tearDown() {
        for (k, v) in largest.sorted(by: { $0.key < $1.key }) { print("largest difference from SciPy/statsmodels, \(k): \(v)") }
        largest = [:]
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
                for (kind, p) in [(ClaimComparison.Test.superior, min(1, 2 * stats.p_superior)),
                                  (.noninferior(margin: c.margin), min(1, 2 * stats.p_noninferior)), (.equivalent(margin: c.margin), stats.p_tost)] {
                    let comparison = try XCTUnwrap(ClaimComparison(test: kind, subject: a, other: b, sign: 1))
                    XCTAssertEqual(comparison.design == .paired(c.a.count), design == "paired", "case \(k) \(design)")
                    let i95 = comparison.interval(0.95), i90 = comparison.interval(0.90)
                    close(i95.low, stats.ci95[0], "case \(k) \(design) 95 % low"); close(i95.high, stats.ci95[1], "case \(k) \(design) 95 % high")
                    close(i90.low, stats.ci90[0], "case \(k) \(design) 90 % low"); close(i90.high, stats.ci90[1], "case \(k) \(design) 90 % high")
                    if let df = stats.df { close(comparison.degreesOfFreedom, df, "case \(k) df") }
                    close(comparison.pValue, p, "case \(k) \(design) \(kind) p")
                    compared += 1
                }
                // A minimised metric: the same comparison mirrored.
                let lower = try XCTUnwrap(ClaimComparison(test: .superior, subject: a, other: b, sign: -1))
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
        for q in f.quantiles {
            XCTAssertEqual(StudentT.studentQuantile(q.p, q.df), q.t, accuracy: 1e-9, "t(\(q.p), \(q.df))")
            note(StudentT.studentQuantile(q.p, q.df), q.t, "quantile")
        }
    }

    /// Two identical arms are never superior (a zero-width interval at 0 was called HOLDS), and are
    /// non-inferior and equivalent at any margin.
    func testATieIsNeverSuperior() throws {
        let same = [0: 0.8, 1: 0.8, 2: 0.8]
        let superior = try XCTUnwrap(ClaimComparison(test: .superior, subject: same, other: same, sign: 1))
        XCTAssertEqual(superior.verdict, .inconclusive)
        XCTAssertEqual(superior.pValue, 1)
        let near = [0: 0.81, 1: 0.79, 2: 0.80]
        XCTAssertNotEqual(try XCTUnwrap(ClaimComparison(test: .superior, subject: near, other: same, sign: 1)).verdict, .holds)
        for test in [ClaimComparison.Test.noninferior(margin: 0.01), .equivalent(margin: 0.01)] {
            XCTAssertEqual(try XCTUnwrap(ClaimComparison(test: test, subject: same, other: same, sign: 1)).verdict, .holds)
        }
        // One seed on a side: no interval, no verdict.
        XCTAssertNil(ClaimComparison(test: .superior, subject: [0: 0.9], other: same, sign: 1))
    }

    func testWilsonBrownForsythePageAndPowerMatchSciPyAndStatsmodels() throws {
        let f = try fixture()
        for w in f.wilson {
            let (low, high) = Statistics.wilson(successes: w.k, trials: w.n)
            close(low, w.ci95[0], "Wilson \(w.k)/\(w.n) low"); close(high, w.ci95[1], "Wilson \(w.k)/\(w.n) high")
        }
        for (i, b) in f.brown_forsythe.enumerated() {
            let r = try XCTUnwrap(Statistics.brownForsythe(b.a, b.b))
            close(r.w, b.w, "Brown–Forsythe \(i) W"); close(r.p, b.p, "Brown–Forsythe \(i) p")
        }
        for (i, p) in f.page.enumerated() {
            let r = try XCTUnwrap(Statistics.pageTrend(p.data))
            close(r.l, p.l, "Page \(i) L"); close(r.p, p.p, "Page \(i) p")
        }
        // statsmodels solves by root-finding to about 1e-8; the effect sizes agree to that.
        for p in f.power {
            let effect = try XCTUnwrap(Statistics.detectableEffect(n: p.n, paired: p.paired))
            XCTAssertEqual(effect, p.effect, accuracy: 1e-6 * p.effect, "power n \(p.n) paired \(p.paired)")
            note(effect, p.effect, "power")
        }
    }

    /// The percentile rank is SciPy's to rounding; the bootstrap interval is SciPy's within Monte
    /// Carlo error (Reprise resamples with its own stream: one step of the rank, 100/n, apart at most).
    func testPublishedRankAndBootstrapIntervalMatchSciPy() throws {
        for (i, p) in try fixture().published.enumerated() {
            close(Statistics.percentileRank(p.value, in: p.x), p.rank, "rank \(i)")
            let (low, high) = Statistics.bootstrapInterval(p.x, stream: "test-\(i)") { Statistics.percentileRank(p.value, in: $0) }
            let step = 100 / Double(p.x.count)
            XCTAssertEqual(low, p.ci95[0], accuracy: step + 1e-9, "bootstrap \(i) low")
            XCTAssertEqual(high, p.ci95[1], accuracy: step + 1e-9, "bootstrap \(i) high")
            note(low, p.ci95[0], "bootstrap"); note(high, p.ci95[1], "bootstrap")
        }
    }
}
