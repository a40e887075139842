import XCTest
import RepriseExperiments
@testable import RepriseReports

/// Welch's t-interval against published t quantiles and a worked example.
final class WelchTests: XCTestCase {
    /// Tables show the same std whether or not the process flushes subnormals: values near 1e-160
    /// (whose squared deviations are subnormal) keep full precision, and ordinary values are unchanged.
    func testStandardDeviationOfTinyValuesKeepsItsPrecision() {
        let (m, s) = meanAndStd([1e-160, 3e-160])
        XCTAssertEqual(m, 2e-160, accuracy: 1e-172)
        XCTAssertEqual(s, 2.0.squareRoot() * 1e-160, accuracy: 1e-12 * 1e-160)
        let (m2, s2) = meanAndStd([2, 4, 4, 4, 5, 5, 7, 9])
        XCTAssertEqual(m2, 5)
        XCTAssertEqual(s2, (32.0 / 7).squareRoot(), accuracy: 1e-14)
        XCTAssertEqual(meanAndStd([0, 0]).1, 0)
        // Identical values: exactly their value and 0, however tiny (the mean of ten copies of the
        // smallest normal number is not always that number).
        let tiny = [Double](repeating: .leastNormalMagnitude, count: 10)
        XCTAssertEqual(meanAndStd(tiny).0, .leastNormalMagnitude)
        XCTAssertEqual(meanAndStd(tiny).1, 0)
        XCTAssertEqual(meanAndStd([-1e300, 1e300]).1, 2.0.squareRoot() * 1e300, accuracy: 1e286)
    }

    func testStudentQuantilesMatchTables() {
        // t_{0.975, df} from standard tables.
        for (df, t) in [(1.0, 12.7062), (2, 4.3027), (5, 2.5706), (10, 2.2281), (30, 2.0423), (1000, 1.9623)] {
            XCTAssertEqual(StudentT.studentQuantile(0.975, df), t, accuracy: 1e-4, "df \(df)")
        }
    }

    func testIntervalAndVerdicts() {
        // a = 1…5, b = 2, 4, …, 10 on different seeds: difference −3, se √2.5, Welch df = 6.25/1.0625.
        func seeds(_ x: [Double], from first: Int) -> [Int: Double] {
            Dictionary(uniqueKeysWithValues: x.enumerated().map { ($0.offset + first, $0.element) })
        }
        let superior = ClaimComparison.Test.superior
        let c = ClaimComparison(test: superior, subject: seeds([1, 2, 3, 4, 5], from: 0), other: seeds([2, 4, 6, 8, 10], from: 10), sign: 1)!
        let t = StudentT.studentQuantile(0.975, 6.25 / 1.0625)
        XCTAssertEqual(c.difference, -3)
        XCTAssertEqual(c.interval(0.95).low, -3 - t * 2.5.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(c.verdict, .inconclusive)  // the interval straddles 0
        XCTAssertEqual(ClaimComparison(test: superior, subject: seeds([10, 11, 12], from: 0), other: seeds([1, 2, 3], from: 5), sign: 1)!.verdict, .holds)
        XCTAssertEqual(ClaimComparison(test: superior, subject: seeds([1, 2, 3], from: 0), other: seeds([10, 11, 12], from: 5), sign: 1)!.verdict, .fails)
        // For a minimised metric the claim is "a ≤ b".
        XCTAssertEqual(ClaimComparison(test: superior, subject: seeds([1, 2, 3], from: 0), other: seeds([10, 11, 12], from: 5), sign: -1)!.verdict, .holds)
        // The same seeds: paired. A constant per-seed gain of 0.01 under seed-to-seed spread of 1 holds
        // paired (the spread cancels) where Welch could not resolve it.
        let base = seeds([0.1, 1.3, 2.2, 0.7], from: 0), lifted = base.mapValues { $0 + 0.01 }
        XCTAssertEqual(ClaimComparison(test: superior, subject: lifted, other: base, sign: 1)!.design, .paired(4))
        XCTAssertEqual(ClaimComparison(test: superior, subject: lifted, other: base, sign: 1)!.verdict, .holds)
        XCTAssertEqual(ClaimComparison(test: superior, subject: seeds(lifted.keys.sorted().map { lifted[$0]! }, from: 20), other: base, sign: 1)!.verdict, .inconclusive)
    }
}
