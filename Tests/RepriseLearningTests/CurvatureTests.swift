import XCTest
import RepriseConfig
import RepriseNumerics
@testable import RepriseLearning

/// Second-order forward mode and the curvature-rescaled step (papers.md §1), against finite
/// differences in Double and closed forms.
final class CurvatureTests: XCTestCase {
    private func random(_ rng: inout RandomStream, _ rows: Int, _ cols: Int, scale: Double = 1) -> Matrix<Double> {
        Matrix(rows: rows, cols: cols, storage: (0..<(rows * cols)).map { _ in scale * rng.normal() })
    }

    /// Each layer's `(ẏ, ÿ)` against central differences of `y(t) = f(x(t); θ + tθ̇)` along the input
    /// path `x(t) = x + tẋ + t²ẍ/2`.
    func testLayersAgainstSecondDifferences() {
        var rng = RandomStream(key: 21)
        let layers: [AnyLayer<Double>] = [.dense(Dense(4, 3, initialization: .glorot))]
            + Activation.allCases.map { .activation(ActivationLayer($0, width: 4)) }
        for layer in layers {
            let n = layer.inputWidth, m = layer.outputWidth, b = 3
            let x = random(&rng, b, n), xd = random(&rng, b, n), xdd = random(&rng, b, n)
            let θ = (0..<layer.parameterCount).map { _ in rng.normal() }, θd = (0..<layer.parameterCount).map { _ in rng.normal() }
            var yd = Matrix<Double>(rows: b, cols: m), ydd = Matrix<Double>(rows: b, cols: m)
            θ.withUnsafeBufferPointer { p in θd.withUnsafeBufferPointer { pd in
                layer.secondDirectional(x, xd, xdd, p, pd, into: &yd, &ydd)
            } }
            func y(_ t: Double) -> Matrix<Double> {
                var xt = x
                for k in 0..<x.count { xt.storage[k] += t * xd.storage[k] + t * t / 2 * xdd.storage[k] }
                let θt = zip(θ, θd).map { $0 + t * $1 }
                var out = Matrix<Double>(rows: b, cols: m)
                θt.withUnsafeBufferPointer { layer.forward(xt, $0, into: &out) }
                return out
            }
            let h = 1e-4
            let plus = y(h), minus = y(-h), zero = y(0)
            for k in 0..<(b * m) {
                XCTAssertEqual(yd.storage[k], (plus.storage[k] - minus.storage[k]) / (2 * h), accuracy: 1e-6, "\(layer) ẏ")
                XCTAssertEqual(ydd.storage[k], (plus.storage[k] - 2 * zero.storage[k] + minus.storage[k]) / (h * h),
                               accuracy: 1e-4, "\(layer) ÿ")
            }
        }
    }

    /// `(L, gᵀd, κ)` of whole networks, both modes, against central differences of `φ(t) = L(θ + td)`
    /// and against a finite-difference Hessian-vector product `dᵀ(∇L(θ+εd) − ∇L(θ−εd))/2ε`.
    func testNetworkCurvatureBothModes() {
        var rng = RandomStream(key: 23)
        for loss in LossFunction.allCases {
            for activation in [Activation.tanh, .sigmoid, .softplus, .relu] {
                let net = Network<Double>(mlp: [5, 7, 6, 3], activation: activation, loss: loss, initialization: .glorot)
                let θ = net.initialParameters(rng: &rng).map { $0 + 0.1 * rng.normal() }
                let d = (0..<net.parameterCount).map { _ in rng.normal() }
                let x = random(&rng, 4, 5)
                let batch = loss == .crossEntropy ? Batch(inputs: x, labels: (0..<4).map { _ in Int32(rng.integer(below: 3)) })
                                                  : Batch(inputs: x, targets: random(&rng, 4, 3))
                var g = [Double](repeating: 0, count: net.parameterCount)
                _ = net.lossAndGradient(batch, θ, gradient: &g)
                let reuse = d.withUnsafeBufferPointer { net.lossSlopeCurvature(batch, θ, direction: $0, mode: .reuse) }
                let taylor = d.withUnsafeBufferPointer { net.lossSlopeCurvature(batch, θ, direction: $0, mode: .taylor) }
                func φ(_ t: Double) -> Double { net.loss.value(net.forward(batch.inputs, zip(θ, d).map { $0 + t * $1 }), batch) }
                let h = 1e-4
                let label = "\(activation), \(loss)"
                XCTAssertEqual(taylor.value, φ(0), accuracy: 1e-12, label)
                XCTAssertEqual(taylor.slope, (φ(h) - φ(-h)) / (2 * h), accuracy: 1e-6 * max(1, abs(taylor.slope)), label)
                XCTAssertEqual(taylor.curvature, (φ(h) - 2 * φ(0) + φ(-h)) / (h * h), accuracy: 1e-3 * max(1, abs(taylor.curvature)), label)
                // The two modes agree to rounding.
                XCTAssertEqual(reuse.value, taylor.value, accuracy: 1e-13 * max(1, abs(taylor.value)), label)
                XCTAssertEqual(reuse.slope, taylor.slope, accuracy: 1e-12 * max(1, abs(taylor.slope)), label)
                XCTAssertEqual(reuse.curvature, taylor.curvature, accuracy: 1e-12 * max(1, abs(taylor.curvature)), label)
                // κ = dᵀHd from a finite-difference Hessian-vector product.
                let ε = 1e-6
                var gp = g, gm = g
                _ = net.lossAndGradient(batch, zip(θ, d).map { $0 + ε * $1 }, gradient: &gp)
                _ = net.lossAndGradient(batch, zip(θ, d).map { $0 - ε * $1 }, gradient: &gm)
                let hvp = zip(zip(gp, gm), d).reduce(0.0) { $0 + ($1.0.0 - $1.0.1) / (2 * ε) * $1.1 }
                XCTAssertEqual(taylor.curvature, hvp, accuracy: 1e-5 * max(1, abs(hvp)), label)
            }
        }
    }

    /// A quadratic `L(θ) = ½θᵀAθ − bᵀθ` answering the oracle's questions in closed form.
    final class QuadraticOracle: LossOracle {
        let a: [[Double]], b: [Double]
        let θ: Parameters<Double>
        init(a: [[Double]], b: [Double], θ: Parameters<Double>) { self.a = a; self.b = b; self.θ = θ }
        var capabilities: OracleCapabilities { [.curvature, .directional] }
        func value(_ x: [Double]) -> Double {
            var v = 0.0
            for i in x.indices { for j in x.indices { v += 0.5 * x[i] * a[i][j] * x[j] }; v -= b[i] * x[i] }
            return v
        }
        func gradient(_ x: [Double]) -> [Double] { x.indices.map { i in x.indices.reduce(-b[i]) { $0 + a[i][$1] * x[$1] } } }
        var loss: Double { value(θ.values) }
        func curvature(along d: UnsafeBufferPointer<Double>, mode: CurvatureMode) -> (value: Double, slope: Double, curvature: Double) {
            let g = gradient(θ.values)
            var κ = 0.0
            for i in d.indices { for j in d.indices { κ += d[i] * a[i][j] * d[j] } }
            return (loss, zip(g, d).map(*).reduce(0, +), κ)
        }
        func loss(at t: Double, along d: UnsafeBufferPointer<Double>) -> Double { value(zip(θ.values, d).map { $0 + t * $1 }) }
    }

    /// On a quadratic, ρ = 1 lands on the line minimum (the new gradient is orthogonal to d) and
    /// ρ = 2 on the same loss; ρ = 4 raises it; with momentum and Adam directions too.
    func testRegimesOnAQuadratic() throws {
        let a = [[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.3]], b = [1.0, -2.0, 0.5]
        for base in ["sgd", "adam"] {
            for rho in [1.0, 2.0, 4.0, 0.5] {
                let θ = Parameters([0.7, -0.3, 1.1])
                let oracle = QuadraticOracle(a: a, b: b, θ: θ)
                var optimizer = try Optimizer<Double>(try Registry.standard.optimizerPlan(
                    ["chain": [.string(base), "curvature_rescale"], "lr": 0.01, "rho": .double(rho), "same_batch_check": true]),
                    parameterCount: 3)
                for step in 0..<3 {
                    let before = θ.values, lossBefore = oracle.loss
                    var g = oracle.gradient(θ.values)
                    optimizer.update(θ, gradient: &g, clock: TrainingClock(step: step, epoch: 0, stepsPerEpoch: 10, totalSteps: 10),
                                     oracle: oracle)
                    let d = zip(θ.values, before).map { $0 - $1 }
                    let lossAfter = oracle.loss
                    switch rho {
                    case 1: XCTAssertEqual(zip(oracle.gradient(θ.values), d).map(*).reduce(0, +), 0, accuracy: 1e-12, "\(base) ρ = 1")
                    case 2: XCTAssertEqual(lossAfter, lossBefore, accuracy: 1e-12 * max(1, abs(lossBefore)), "\(base) ρ = 2")
                    case 4: XCTAssertGreaterThan(lossAfter, lossBefore, "\(base) ρ = 4")
                    default: XCTAssertLessThan(lossAfter, lossBefore, "\(base) ρ = 0.5")
                    }
                }
            }
        }
    }

    /// Non-convex directions follow the declared rule, and say so.
    func testNonConvexFallback() throws {
        let a = [[-1.0, 0.0], [0.0, -2.0]], b = [0.0, 0.0]  // concave: κ < 0 along every direction
        for (rule, moved) in [("base", true), ("skip", false), ("abs", true)] {
            let θ = Parameters([0.5, 0.5])
            let oracle = QuadraticOracle(a: a, b: b, θ: θ)
            let diagnostics = Diagnostics()
            var optimizer = try Optimizer<Double>(try Registry.standard.optimizerPlan(
                ["chain": ["sgd", "curvature_rescale"], "lr": 0.1, "nonconvex": .string(rule)]),
                setup: TransformSetup(parameterCount: 2, layers: [], diagnostics: diagnostics, streams: CellStreams(experiment: "", seed: 0)))
            var g = oracle.gradient(θ.values)
            optimizer.update(θ, gradient: &g, clock: TrainingClock(step: 0, epoch: 0, stepsPerEpoch: 1, totalSteps: 1), oracle: oracle)
            let value = { (name: String) in diagnostics.values[diagnostics.names.firstIndex(of: name)!] }
            XCTAssertEqual(value("nonconvex_fallback"), 1, rule)
            XCTAssertLessThan(value("curvature"), 0, rule)
            XCTAssertEqual(θ.values != [0.5, 0.5], moved, rule)
            if rule == "base" {
                XCTAssertEqual(θ.values[0], 0.5 - 0.1 * -0.5, accuracy: 1e-15)  // θ − lr·g, g = Aθ
                XCTAssertEqual(value("step_size"), 0.1, accuracy: 1e-15)
            }
        }
    }

    /// `abs` when κ is exactly 0 (a linear objective): |κ| gives no finite step, so the base step is
    /// taken (not a standstill, not an infinite step), and the fallback is counted.
    func testAbsWithZeroCurvatureTakesTheBaseStep() throws {
        let θ = Parameters([0.5, 0.5])
        let oracle = QuadraticOracle(a: [[0.0, 0.0], [0.0, 0.0]], b: [1.0, -2.0], θ: θ)
        let diagnostics = Diagnostics()
        var optimizer = try Optimizer<Double>(try Registry.standard.optimizerPlan(
            ["chain": ["sgd", "curvature_rescale"], "lr": 0.1, "nonconvex": "abs"]),
            setup: TransformSetup(parameterCount: 2, layers: [], diagnostics: diagnostics, streams: CellStreams(experiment: "", seed: 0)))
        var g = oracle.gradient(θ.values)
        let expected = zip(θ.values, g).map { $0 - 0.1 * $1 }
        optimizer.update(θ, gradient: &g, clock: TrainingClock(step: 0, epoch: 0, stepsPerEpoch: 1, totalSteps: 1), oracle: oracle)
        let value = { (name: String) in diagnostics.values[diagnostics.names.firstIndex(of: name)!] }
        XCTAssertEqual(value("curvature"), 0)
        XCTAssertEqual(value("nonconvex_fallback"), 1)
        XCTAssertEqual(value("step_size"), 0.1, accuracy: 1e-15)
        XCTAssertEqual(θ.values[0], expected[0], accuracy: 1e-15)
        XCTAssertEqual(θ.values[1], expected[1], accuracy: 1e-15)
    }
}
