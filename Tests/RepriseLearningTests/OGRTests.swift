import XCTest
import RepriseConfig
import RepriseNumerics
@testable import RepriseLearning

/// Online gradient regression (papers.md §4) in Double: its pieces against closed forms, and the
/// regression recovering a quadratic's Hessian from its own trajectory.
final class OGRTests: XCTestCase {
    private func settings(_ values: [String: ConfigValue]) throws -> OnlineGradientRegression {
        OnlineGradientRegression(try OnlineGradientRegression.component.settings(values))
    }

    /// The symmetric least-squares solution of `HΣ + ΣH = s(Σgθ)` is `A` when `Σgθ = AΣ`.
    func testLeastSquaresHessianRecoversTheLinearMap() {
        var rng = RandomStream(key: 31)
        let n = 4
        var b = [Double](repeating: 0, count: n * n)
        for k in b.indices { b[k] = rng.normal() }
        var σ = [Double](repeating: 0, count: n * n), a = σ
        for i in 0..<n {
            for j in 0..<n {
                var x: Double = i == j ? 0.1 : 0
                for k in 0..<n { x += b[i * n + k] * b[j * n + k] }
                σ[i * n + j] = x
            }
        }
        for i in 0..<n { for j in i..<n { let x = rng.normal(); a[i * n + j] = x; a[j * n + i] = x } }
        var σgθ = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var x = 0.0
                for k in 0..<n { x += a[i * n + k] * σ[k * n + j] }
                σgθ[i * n + j] = x
            }
        }
        let h = OnlineGradientRegression.leastSquaresHessian(σ, σgθ, n)
        for k in 0..<(n * n) { XCTAssertEqual(h[k], a[k], accuracy: 1e-10) }
    }

    /// `ma` maps every eigenvalue to `1/max(|λ|·div, cut)`: positive definite whatever the signs;
    /// without saddle-freeness the negative direction keeps its sign.
    func testSaddleFreeMapIsPositiveDefinite() throws {
        let q = [[0.6, 0.8, 0.0], [-0.8, 0.6, 0.0], [0.0, 0.0, 1.0]], λ = [-20.0, 0.5, 3.0]
        var h = [Double](repeating: 0, count: 9)
        for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { h[i * 3 + j] += q[i][k] * λ[k] * q[j][k] } } }
        let free = try settings(["div": 1.5, "cut": 2])
        let (map, eigenvalues) = free.ma(h, 3)
        XCTAssertEqual(eigenvalues[0], -20, accuracy: 1e-12)
        let mapped = try symmetricEigen(Matrix(rows: 3, cols: 3, storage: map)).values.sorted()
        let expected: [Double] = [1.0 / 30, 1.0 / 4.5, 0.5]  // 1/max(|λ|·1.5, 2) for λ = −20, 3, 0.5
        for (x, y) in zip(mapped, expected) { XCTAssertEqual(x, y, accuracy: 1e-12) }
        let newton = try settings(["div": 1.5, "cut": 2, "saddle_free": false])
        let signed = try symmetricEigen(Matrix(rows: 3, cols: 3, storage: newton.ma(h, 3).map)).values.sorted()
        let expectedSigned: [Double] = [-1.0 / 30, 1.0 / 4.5, 0.5]
        for (x, y) in zip(signed, expectedSigned) { XCTAssertEqual(x, y, accuracy: 1e-12) }
    }

    func testGramSchmidtKeepsTheBasisOrthonormal() {
        var rng = RandomStream(key: 5)
        var v = (0..<21).map { _ in rng.uniform(0, 0.001) }  // 3 rows of 7
        for _ in 0..<20 {
            let g = (0..<7).map { _ in rng.normal() }
            for r in 0..<3 { for k in 0..<7 { v[r * 7 + k] += 0.25 * g[k] } }
            v.withUnsafeMutableBufferPointer { OnlineGradientRegression.gramSchmidt($0.baseAddress!, rows: 3, length: 7) }
            for i in 0..<3 { for j in 0..<3 {
                let dot = (0..<7).reduce(0.0) { $0 + v[i * 7 + $1] * v[j * 7 + $1] }
                XCTAssertEqual(dot, i == j ? 1 : 0, accuracy: 1e-12)
            } }
        }
    }

    /// sOGR's basis update in three passes (`SubspaceBasis`: a rank-1 Gram update, shifted
    /// CholeskyQR2) gives the rows Gram–Schmidt gives — `QQᵀ = I` to 1e-12, and each row `r` of
    /// `V + Γ1gᵀ` in the span of Q's rows 0…r with a positive coefficient on row r (which makes Q
    /// unique) — and the projections on them: on d = 10 rows of length 5,000 (5,000 not a multiple of
    /// the 2,048-column blocks) as an sOGR run rotates them from its U(0, 0.001) start, and on rows
    /// as collinear as a common vector plus 1e-6 and 1e-9 of noise, where one Cholesky pass of VVᵀ
    /// would lose orthogonality or fail; a zero row falls back to Gram–Schmidt and stays zero.
    func testThreePassBasisUpdateGivesGramSchmidtsRows() {
        let d = 10, n = 5000, Γ = 0.25
        var rng = RandomStream(key: 41)
        func check(_ q: [Double], _ v: [Double], _ label: String) {
            var worst = 0.0, worstResidual = 0.0
            for i in 0..<d {
                for j in 0..<d {
                    let dot = (0..<n).reduce(0.0) { $0 + q[i * n + $1] * q[j * n + $1] }
                    worst = max(worst, abs(dot - (i == j ? 1 : 0)))
                }
                // v_i − Σ_{j≤i} (v_i·q_j) q_j = 0, and v_i·q_i > 0.
                var residual = Array(v[(i * n)..<((i + 1) * n)])
                let norm = residual.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
                for j in 0...i {
                    let c = (0..<n).reduce(0.0) { $0 + v[i * n + $1] * q[j * n + $1] }
                    if j == i { XCTAssertGreaterThan(c, 0, "\(label): row \(i)'s coefficient on q\(i)") }
                    for k in 0..<n { residual[k] -= c * q[j * n + k] }
                }
                worstResidual = max(worstResidual, residual.reduce(0.0) { $0 + $1 * $1 }.squareRoot() / norm)
            }
            XCTAssertLessThanOrEqual(worst, 1e-12, "\(label): ‖QQᵀ − I‖_max")
            XCTAssertLessThanOrEqual(worstResidual, 1e-9, "\(label): a row of V outside the span of Q's rows up to its own")
        }
        /// The update of `v` by `g`; checks the rows and the projections of two vectors on them.
        func update(_ v: inout [Double], _ g: [Double], _ label: String, gramSchmidtToo: Bool) {
            var rotated = v
            for r in 0..<d { for k in 0..<n { rotated[r * n + k] += Γ * g[k] } }
            let a = (0..<n).map { _ in rng.normal() }, b = (0..<n).map { _ in rng.normal() }
            var basis = SubspaceBasis(rows: d, length: n)
            var step = [Double](repeating: 0, count: n), m = (0..<n).map { _ in rng.normal() }
            let coefficients = (0..<d).map { _ in rng.normal() }
            let projections = v.withUnsafeMutableBufferPointer { pv in
                basis.update(pv.baseAddress!, rotation: Γ, g: g) { k0, count, w in
                    for k in 0..<count { w[k] = a[k0 + k]; w[count + k] = b[k0 + k]; w[2 * count + k] = 0; w[3 * count + k] = 0 }
                }
            }
            v.withUnsafeMutableBufferPointer { pv in
                m.withUnsafeMutableBufferPointer { pm in
                    basis.finish(pv.baseAddress!, step: &step, outside: (0.5, UnsafePointer(pm.baseAddress!)), coefficients: coefficients)
                }
            }
            check(v, rotated, label)
            for r in 0..<d {
                let pa = (0..<n).reduce(0.0) { $0 + v[r * n + $1] * a[$1] }, pb = (0..<n).reduce(0.0) { $0 + v[r * n + $1] * b[$1] }
                XCTAssertEqual(projections[r * 4], pa, accuracy: 1e-9 * max(1, abs(pa)), "\(label): projection \(r)")
                XCTAssertEqual(projections[r * 4 + 1], pb, accuracy: 1e-9 * max(1, abs(pb)), "\(label): projection \(r)")
            }
            for k in stride(from: 0, to: n, by: 997) {
                let expected = 0.5 * m[k] + (0..<d).reduce(0.0) { $0 + coefficients[$1] * v[$1 * n + k] }
                XCTAssertEqual(step[k], expected, accuracy: 1e-12 * max(1, abs(expected)), "\(label): step[\(k)]")
            }
            if gramSchmidtToo {
                // Row-by-row Gram–Schmidt gives the same rows on these well-conditioned inputs.
                var reference = rotated
                reference.withUnsafeMutableBufferPointer { OnlineGradientRegression.gramSchmidt($0.baseAddress!, rows: d, length: n) }
                XCTAssertLessThanOrEqual(zip(v, reference).reduce(0.0) { max($0, abs($1.0 - $1.1)) }, 1e-10, "\(label) against Gram–Schmidt")
            }
        }
        var v = (0..<(d * n)).map { _ in rng.uniform(0, 0.001) }
        for step in 0..<4 { update(&v, (0..<n).map { _ in rng.normal() }, "sOGR step \(step)", gramSchmidtToo: true) }
        for ε in [1e-6, 1e-9] {
            let common = (0..<n).map { _ in rng.normal() }
            var collinear = (0..<(d * n)).map { common[$0 % n] + ε * rng.normal() }
            update(&collinear, [Double](repeating: 0, count: n), "collinear rows, noise \(ε)", gramSchmidtToo: false)
        }
        // A zero row (d = 3 of length 7, g = 0): Gram–Schmidt's fallback leaves it zero.
        var zero = (0..<21).map { _ in rng.normal() }
        for k in 7..<14 { zero[k] = 0 }
        var small = SubspaceBasis(rows: 3, length: 7)
        _ = zero.withUnsafeMutableBufferPointer { small.update($0.baseAddress!, rotation: 0, g: [Double](repeating: 0, count: 7)) { _, _, _ in } }
        XCTAssertEqual(Array(zero[7..<14]), [Double](repeating: 0, count: 7))
        XCTAssertEqual((0..<7).reduce(0.0) { $0 + zero[$1] * zero[14 + $1] }, 0, accuracy: 1e-12)
    }

    /// On a quadratic with exact gradients, the online regression recovers the Hessian to rounding
    /// once the initial statistics (Σθθ = I, weight (1 − β)ᵗ) have decayed: positions are drawn at
    /// random each step so that every direction is excited; the extreme estimated eigenvalues are A's.
    func testRegressionRecoversAQuadraticsHessian() throws {
        for (variant, a) in [("full", [[2.0, 0.5, 0.0], [0.5, 1.0, 0.3], [0.0, 0.3, 3.0]]),
                             ("diagonal", [[2.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 3.0]])] {
            let expected = try symmetricEigen(Matrix(rows: 3, cols: 3, storage: a.flatMap { $0 })).values
            let diagnostics = Diagnostics()
            var optimizer = try Optimizer<Double>(try Registry.standard.optimizerPlan(
                ["optimizer": "ogr", "variant": .string(variant), "beta": 0.5, "gamma": 0.9]),
                setup: TransformSetup(parameterCount: 3, layers: [], diagnostics: diagnostics, streams: CellStreams(experiment: "", seed: 0)))
            let θ = Parameters([1.0, -2.0, 0.5])
            var rng = RandomStream(key: 8)
            for step in 0..<60 {
                θ.values = (0..<3).map { _ in rng.normal() }
                var g = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + a[i][$1] * θ.values[$1] } }
                optimizer.update(θ, gradient: &g, clock: TrainingClock(step: step, epoch: step, stepsPerEpoch: 1, totalSteps: 40), oracle: NoOracle())
            }
            let value = { (name: String) in diagnostics.values[diagnostics.names.firstIndex(of: name)!] }
            XCTAssertEqual(value("eigenvalue_min"), expected.min()!, accuracy: 1e-9 * expected.max()!, variant)
            XCTAssertEqual(value("eigenvalue_max"), expected.max()!, accuracy: 1e-9 * expected.max()!, variant)
            XCTAssertEqual(value("negative_eigenvalues"), 0, variant)
        }
    }

    /// From next to a saddle, the saddle-free step leaves it and the plain Newton step stays.
    func testSaddlesRepelTheSaddleFreeStep() throws {
        for (saddleFree, escapes) in [(true, true), (false, false)] {
            let trial = try makeTrial(problem: ["kind": "objective", "function": "quartic_saddle", "start": [0.3, 0.01]],
                                      variant: ["optimizer": "ogr", "saddle_free": .bool(saddleFree), "beta": 0.5, "gamma": 0.9])
            train(trial, steps: 60)
            let loss = trial.evaluate().first { $0.name == "loss" }!.value
            XCTAssertEqual(loss < -0.5, escapes, "saddle_free = \(saddleFree): final f = \(loss)")
        }
    }
}
