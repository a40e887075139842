import XCTest
@testable import RepriseLearning

final class ObjectiveTests: XCTestCase {
    private func checkGradient(_ f: any Objective, at x: [Double]) {
        var g = [Double](repeating: 0, count: f.dimension)
        f.gradient(x, into: &g)
        let h = 1e-6
        for i in 0..<f.dimension {
            var xp = x, xm = x
            xp[i] += h; xm[i] -= h
            XCTAssertEqual(g[i], (f.value(xp) - f.value(xm)) / (2 * h), accuracy: 1e-5 * max(1, abs(g[i])), "\(f) ∂/∂x\(i) at \(x)")
        }
    }

    func testRosenbrockGradientAndMinimum() {
        for x in [[-1.2, 1.0], [0.3, -0.4], [2, 3]] { checkGradient(Rosenbrock(), at: x) }
        checkGradient(Rosenbrock(dimension: 4), at: [0.1, -0.5, 1.3, 0.7])
        XCTAssertEqual(Rosenbrock(dimension: 3).value([1, 1, 1]), 0)
        XCTAssertEqual(Rosenbrock().value([-1.2, 1]), 24.2, accuracy: 1e-12)  // the classic start
    }

    func testBealeGradientAndMinimum() {
        for x in [[-2.0, -1.0], [1, 1], [0.5, 2], [3.1, 0.4]] { checkGradient(Beale(), at: x) }
        XCTAssertEqual(Beale().value([3, 0.5]), 0, accuracy: 1e-15)
        XCTAssertEqual(Beale().value([0, 0]), 1.5 * 1.5 + 2.25 * 2.25 + 2.625 * 2.625, accuracy: 1e-12)
    }

    func testSaddlesAndThreeDimensionalBeale() {
        for x in [[-2.0, -1.0, 0.5], [1, 1, 1], [0.5, 2, -1.5]] { checkGradient(Beale3(), at: x) }
        XCTAssertEqual(Beale3().value([3, 0.5, 3]), 0, accuracy: 1e-15)
        XCTAssertEqual(Beale3().value([1, 1, 2]), Beale().value([1, 1]) + Beale().value([2, 1]), accuracy: 1e-12)
        for x in [[0.3, -0.7], [1.2, 1.5]] {
            checkGradient(QuarticSaddle(), at: x)
            checkGradient(MonkeySaddle(), at: x)
        }
        checkGradient(QuarticSaddleND(dimension: 6), at: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6])
        XCTAssertEqual(QuarticSaddle().value([0, 2.0.squareRoot()]), -1, accuracy: 1e-12)  // the minima
        XCTAssertEqual(QuarticSaddleND(dimension: 5).value([1, -1, 1, 0, 0]), -0.75, accuracy: 1e-12)
        XCTAssertEqual(QuarticSaddleND(dimension: 5).curvatures, [-1, -1, -1, 0.5, 2])
    }
}
