import XCTest
import RepriseNumerics
@testable import RepriseLearning

/// The sampled output gradients behind ISAAC's ζ and K-FAC (eq. 9): for each loss, the Monte-Carlo
/// mean of the per-example outer product `ḡᵢḡᵢᵀ` (ḡᵢ = b·∂L/∂zᵢ at targets drawn from the model's
/// predictive distribution) equals the Hessian of example i's loss with respect to its output —
/// here taken by central finite differences of the loss value in Double, an oracle independent of
/// the sampler. Squared error is checked under both reductions (mean over outputs, per-example sum),
/// where the Hessians differ by the factor m that revision 1 of the sampler got wrong.
final class SampledFisherTests: XCTestCase {
    private func hessian(_ loss: LossFunction, _ z: Matrix<Double>, _ batch: Batch<Double>, row i: Int) -> [[Double]] {
        let m = z.cols, b = Double(z.rows), h = 1e-3
        func value(_ a: Int, _ da: Double, _ c: Int, _ dc: Double) -> Double {
            var w = z
            w[i, a] += da
            w[i, c] += dc
            return b * loss.value(w, batch)   // example i's own loss: the batch mean times b, its part
        }
        return (0..<m).map { a in
            (0..<m).map { c in
                (value(a, h, c, h) - value(a, h, c, -h) - value(a, -h, c, h) + value(a, -h, c, -h)) / (4 * h * h)
            }
        }
    }

    private func check(_ loss: LossFunction, draws: Int = 200_000) {
        let b = 3, m = 4
        var rng = RandomStream(key: 20261129)
        var z = Matrix<Double>(rows: b, cols: m), t = Matrix<Double>(rows: b, cols: m)
        for k in 0..<z.count { z.storage[k] = rng.normal(); t.storage[k] = rng.normal() }
        let batch = Batch(inputs: Matrix<Double>(rows: b, cols: 1), labels: [0, 2, 3], targets: t)
        var sums = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: m), count: m), count: b)
        var dz = Matrix<Double>(rows: b, cols: m)
        for _ in 0..<draws {
            loss.sampledGradient(z, rng: &rng, into: &dz)
            for i in 0..<b {
                for a in 0..<m { for c in 0..<m { sums[i][a][c] += Double(b * b) * dz[i, a] * dz[i, c] } }
            }
        }
        for i in 0..<b {
            let oracle = hessian(loss, z, batch, row: i)
            let scale = oracle.flatMap { $0 }.map(abs).max()!
            for a in 0..<m {
                for c in 0..<m {
                    // Monte-Carlo error of a mean of 2·10⁵ products: under 1 % of the largest entry.
                    XCTAssertEqual(sums[i][a][c] / Double(draws), oracle[a][c], accuracy: 0.015 * scale,
                                   "\(loss) row \(i) entry (\(a), \(c))")
                }
            }
        }
    }

    func testCrossEntropy() { check(.crossEntropy) }
    func testMeanSquaredErrorOverOutputs() { check(.meanSquaredError) }
    func testSquaredErrorSummedPerExample() { check(.summedSquaredError) }
}
