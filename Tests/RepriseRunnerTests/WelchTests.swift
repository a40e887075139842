import XCTest
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
            XCTAssertEqual(WelchComparison.studentQuantile(0.975, df), t, accuracy: 1e-4, "df \(df)")
        }
    }

    func testIntervalAndVerdicts() {
        // a = 1…5, b = 2, 4, …, 10: difference −3, se √2.5, Welch df = 6.25/1.0625 = 5.882.
        let c = WelchComparison([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])
        let t = WelchComparison.studentQuantile(0.975, 6.25 / 1.0625)
        XCTAssertEqual(c.difference, -3)
        XCTAssertEqual(c.interval!.low, -3 - t * 2.5.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(c.verdict, .inconclusive)  // the interval straddles 0
        XCTAssertEqual(WelchComparison([10, 11, 12], [1, 2, 3]).verdict, .holds)
        XCTAssertEqual(WelchComparison([1, 2, 3], [10, 11, 12]).verdict, .fails)
        XCTAssertEqual(WelchComparison([0.9], [0.1, 0.2]).verdict, .inconclusive)  // one seed: no interval
        // For a loss the claim is "a ≤ b".
        XCTAssertEqual(WelchComparison([1, 2, 3], [10, 11, 12], lowerIsBetter: true).verdict, .holds)
        XCTAssertEqual(WelchComparison([10, 11, 12], [1, 2, 3], lowerIsBetter: true).verdict, .fails)
    }
}
