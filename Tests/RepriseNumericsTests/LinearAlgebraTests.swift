import XCTest
import RepriseNumerics

final class LinearAlgebraTests: XCTestCase {
    /// BLAS products against a naive triple loop, for every transpose combination.
    func testGemmMatchesNaiveProduct() {
        var rng = RandomStream(key: 1)
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let m = 3, n = 4, k = 5
            let a = Matrix<Double>(rows: ta ? k : m, cols: ta ? m : k, storage: (0..<(m * k)).map { _ in rng.normal() })
            let b = Matrix<Double>(rows: tb ? n : k, cols: tb ? k : n, storage: (0..<(k * n)).map { _ in rng.normal() })
            var c = Matrix<Double>(rows: m, cols: n, repeating: 1)
            gemm(a, b, into: &c, transposeA: ta, transposeB: tb, alpha: 2, beta: 0.5)
            for i in 0..<m {
                for j in 0..<n {
                    var s = 0.0
                    for l in 0..<k { s += (ta ? a[l, i] : a[i, l]) * (tb ? b[j, l] : b[l, j]) }
                    XCTAssertEqual(c[i, j], 2 * s + 0.5, accuracy: 1e-12)
                }
            }
        }
    }

    func testCholeskySolveRecoversKnownSolution() throws {
        // A = [[4, 2], [2, 3]], x = [[1, 2], [-1, 0.5]] → B = A x.
        let a = Matrix<Double>(rows: 2, cols: 2, storage: [4, 2, 2, 3])
        let b = Matrix<Double>(rows: 2, cols: 2, storage: [2, 9, -1, 5.5])
        let x = try choleskySolve(a, b)
        XCTAssertEqual(x.storage[0], 1, accuracy: 1e-12)
        XCTAssertEqual(x.storage[1], 2, accuracy: 1e-12)
        XCTAssertEqual(x.storage[2], -1, accuracy: 1e-12)
        XCTAssertEqual(x.storage[3], 0.5, accuracy: 1e-12)
        XCTAssertThrowsError(try choleskySolve(Matrix<Double>(rows: 2, cols: 2, storage: [1, 2, 2, 1]), b))
    }

    /// [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
    func testSymmetricEigenMatchesClosedForm() throws {
        let (values, q) = try symmetricEigen(Matrix<Double>(rows: 2, cols: 2, storage: [2, 1, 1, 2]))
        XCTAssertEqual(values[0], 1, accuracy: 1e-12)
        XCTAssertEqual(values[1], 3, accuracy: 1e-12)
        XCTAssertEqual(abs(q[0, 1]), 1 / 2.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(q[0, 1], q[1, 1], accuracy: 1e-12)
        XCTAssertEqual(q[0, 0], -q[1, 0], accuracy: 1e-12)
    }

    func testResizeKeepsRowsAndZeroesNewOnes() {
        var m = Matrix<Float>(rows: 3, cols: 2, storage: [1, 2, 3, 4, 5, 6])
        m.resize(rows: 1)
        XCTAssertEqual(m.storage, [1, 2])
        m.resize(rows: 2)
        XCTAssertEqual(m.storage, [1, 2, 0, 0])
    }
}
