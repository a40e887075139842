import XCTest
@testable import RepriseReports

/// Welch's t-interval against published t quantiles and a worked example.
final class WelchTests: XCTestCase {
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
