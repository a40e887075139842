import XCTest
import RepriseConfig
import RepriseNumerics
@testable import RepriseLearning

/// ISAAC's and K-FAC's operators against independent oracles in Double: the Kronecker form of eq. 17
/// built entry by entry and inverted by Gauss-Jordan elimination (no LAPACK, no Woodbury), finite
/// differences for the Gauss-Newton matrix, and the limits the paper states.
final class ISAACTests: XCTestCase {
    // MARK: independent reference (plain Swift, Double)

    /// Gauss-Jordan inverse with partial pivoting.
    static func inverse(_ m: [[Double]]) -> [[Double]] {
        let n = m.count
        var a = m, inv = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for c in 0..<n {
            let p = (c..<n).max { abs(a[$0][c]) < abs(a[$1][c]) }!
            a.swapAt(c, p); inv.swapAt(c, p)
            let d = a[c][c]
            for j in 0..<n { a[c][j] /= d; inv[c][j] /= d }
            for r in 0..<n where r != c {
                let f = a[r][c]
                if f == 0 { continue }
                for j in 0..<n { a[r][j] -= f * a[c][j]; inv[r][j] -= f * inv[c][j] }
            }
        }
        return inv
    }

    static func gram(_ x: [[Double]], scale: Double, plus d: Double) -> [[Double]] {  // scale·xᵀx + d·I
        let c = x[0].count
        return (0..<c).map { i in (0..<c).map { j in scale * x.reduce(0) { $0 + $1[i] * $1[j] } + (i == j ? d : 0) } }
    }

    static func product(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in (0..<b[0].count).map { j in row.indices.reduce(0) { $0 + row[$1] * b[$1][j] } } }
    }

    static func transpose(_ a: [[Double]]) -> [[Double]] { (0..<a[0].count).map { j in a.map { $0[j] } } }

    /// eq. 17 in the row convention: `vec(ζᵀ) = c·(P_A ⊗ P_G) vec(aᵀg)` with `P_A = (aᵀa/b + λ_aI)⁻¹`,
    /// `P_G = (ḡᵀḡ/b + λ_gI)⁻¹`, the Kronecker product of the (n·m)×(n·m) matrix built entry by entry and
    /// applied as a matrix-vector product; `ḡ` per-example. `λ_g = nil`: the `P_G` factor is the identity
    /// (the `λ_g → ∞` limit of `λ_g·P_G`).
    static func kronecker(a: [[Double]], g: [[Double]], gBar: [[Double]], lambdaA: Double, lambdaG: Double?,
                          scale: Double) -> [[Double]] {
        let b = Double(a.count), n = a[0].count, m = g[0].count
        let pa = inverse(gram(a, scale: 1 / b, plus: lambdaA))
        let pg = lambdaG.map { inverse(gram(gBar, scale: 1 / b, plus: $0)) }
            ?? (0..<m).map { i in (0..<m).map { $0 == i ? 1.0 : 0.0 } }
        let grad = product(transpose(a), g)  // n×m
        let vec = (0..<(n * m)).map { grad[$0 / m][$0 % m] }
        var out = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for row in 0..<(n * m) {
            let (i, j) = (row / m, row % m)
            var s = 0.0
            for col in 0..<(n * m) { s += pa[i][col / m] * pg[j][col % m] * vec[col] }  // (P_A ⊗ P_G)[row, col]
            out[i][j] = scale * s
        }
        return out
    }

    static func random(_ rows: Int, _ cols: Int, _ rng: inout RandomStream, scale: Double = 1) -> [[Double]] {
        (0..<rows).map { _ in (0..<cols).map { _ in scale * rng.normal() } }
    }

    static func flat(_ x: [[Double]]) -> [Double] { x.flatMap { $0 } }

    static func rows(_ x: Matrix<Float>) -> [[Double]] {
        (0..<x.rows).map { r in (0..<x.cols).map { Double(x[r, $0]) } }
    }

    static func dot(_ x: [Double], _ y: [Double]) -> Double {
        var s = 0.0
        for i in x.indices { s += x[i] * y[i] }
        return s
    }

    static func relativeError(_ x: [Double], _ y: [Double]) -> Double {
        let d = zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        return d / max(y.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-300)
    }

    // MARK: kernels under test

    static func zetaStar(_ a: [[Double]], _ g: [[Double]], lambdaA: Double) -> [Double] {
        var k = ISAACKernels<Double>()
        let (b, n, m) = (a.count, a[0].count, g[0].count)
        var out = [Double](repeating: 0, count: n * m)
        flat(a).withUnsafeBufferPointer { pa in
            flat(g).withUnsafeBufferPointer { pg in
                out.withUnsafeMutableBufferPointer {
                    k.zetaStar(a: pa.baseAddress!, g: pg.baseAddress!, b: b, n: n, m: m, lambdaA: lambdaA, into: $0.baseAddress!)
                }
            }
        }
        return out
    }

    /// ζ with `ḡ` given per-example; the kernel takes the mean-loss scale `ḡ/b`, as the network returns it.
    static func zeta(_ a: [[Double]], _ g: [[Double]], _ gBar: [[Double]], lambdaA: Double, lambdaG: Double) -> [Double] {
        var k = ISAACKernels<Double>()
        let (b, n, m) = (a.count, a[0].count, g[0].count)
        var out = [Double](repeating: 0, count: n * m)
        let mean = flat(gBar).map { $0 / Double(b) }
        flat(a).withUnsafeBufferPointer { pa in
            flat(g).withUnsafeBufferPointer { pg in
                mean.withUnsafeBufferPointer { pb in
                    out.withUnsafeMutableBufferPointer {
                        k.zeta(a: pa.baseAddress!, g: pg.baseAddress!, gBarMean: pb.baseAddress!, b: b, n: n, m: m,
                               lambdaA: lambdaA, lambdaG: lambdaG, into: $0.baseAddress!)
                    }
                }
            }
        }
        return out
    }

    static func kfac(_ a: [[Double]], _ g: [[Double]], _ gBar: [[Double]], damping: Double) -> [Double] {
        var f = KFACFactors<Double>()
        let (b, n, m) = (a.count, a[0].count, g[0].count)
        var w = flat(product(transpose(a), g)), bias = [Double](repeating: 0, count: m)
        let mean = flat(gBar).map { $0 / Double(b) }
        flat(a).withUnsafeBufferPointer { pa in
            mean.withUnsafeBufferPointer { f.refresh(inputs: pa.baseAddress!, gBarMean: $0.baseAddress!, b: b, n: n, m: m, damping: damping) }
        }
        w.withUnsafeMutableBufferPointer { pw in
            bias.withUnsafeMutableBufferPointer { f.precondition(weights: pw.baseAddress!, bias: $0.baseAddress!, n: n, m: m) }
        }
        return w
    }

    // MARK: tests

    /// Theorem 3: ζ* is eq. 17 as λ_g → ∞, in both of the official code's forms (b < n: b×b; b ≥ n: n×n).
    func testZetaStarIsTheKroneckerFormWithoutTheOutputFactor() {
        var rng = RandomStream(key: 101)
        for (b, n, m) in [(3, 7, 5), (4, 6, 9), (8, 5, 4), (6, 6, 3)] {
            let a = Self.random(b, n, &rng), g = Self.random(b, m, &rng, scale: 0.1)
            for lambdaA in [1e-3, 0.1, 1.0, 10.0] {
                let reference = Self.kronecker(a: a, g: g, gBar: g, lambdaA: lambdaA, lambdaG: nil, scale: lambdaA)
                let error = Self.relativeError(Self.zetaStar(a, g, lambdaA: lambdaA), Self.flat(reference))
                XCTAssertLessThan(error, 1e-10, "b=\(b) n=\(n) m=\(m) λ_a=\(lambdaA)")
            }
            // …and it is ζ with a finite λ_g in the limit: the gap shrinks like 1/λ_g.
            let gBar = Self.random(b, m, &rng)
            let star = Self.zetaStar(a, g, lambdaA: 1)
            let e1 = Self.relativeError(Self.zeta(a, g, gBar, lambdaA: 1, lambdaG: 1e4), star)
            let e2 = Self.relativeError(Self.zeta(a, g, gBar, lambdaA: 1, lambdaG: 1e6), star)
            XCTAssertLessThan(e2, 1e-4)
            XCTAssertEqual(e1 / e2, 100, accuracy: 5)
        }
    }

    /// Theorem 1: the Woodbury ζ (both output-side forms, b < m and b ≥ m) equals eq. 17 with explicit
    /// Kronecker inverses.
    func testWoodburyZetaEqualsTheKroneckerForm() {
        var rng = RandomStream(key: 102)
        for (b, n, m) in [(3, 7, 5), (5, 4, 8), (9, 5, 4), (4, 4, 4)] {
            let a = Self.random(b, n, &rng), g = Self.random(b, m, &rng, scale: 0.1), gBar = Self.random(b, m, &rng)
            for (la, lg) in [(0.1, 0.1), (1.0, 0.01), (0.01, 10.0)] {
                let reference = Self.kronecker(a: a, g: g, gBar: gBar, lambdaA: la, lambdaG: lg, scale: la * lg)
                let error = Self.relativeError(Self.zeta(a, g, gBar, lambdaA: la, lambdaG: lg), Self.flat(reference))
                XCTAssertLessThan(error, 1e-9, "b=\(b) n=\(n) m=\(m) λ_a=\(la) λ_g=\(lg)")
            }
        }
    }

    /// λ → ∞ gives the plain gradient; λ → 0 gives the (undamped) K-FAC step scaled by λ_gλ_a; K-FAC
    /// with damping equals the explicit damped Kronecker form.
    func testLimitsAndKFAC() {
        var rng = RandomStream(key: 103)
        let (b, n, m) = (12, 5, 4)  // b ≥ n, m: both factors invertible
        let a = Self.random(b, n, &rng), g = Self.random(b, m, &rng, scale: 0.1), gBar = Self.random(b, m, &rng)
        let gradient = Self.flat(Self.product(Self.transpose(a), g))
        XCTAssertLessThan(Self.relativeError(Self.zeta(a, g, gBar, lambdaA: 1e9, lambdaG: 1e9), gradient), 1e-7)
        XCTAssertLessThan(Self.relativeError(Self.zetaStar(a, g, lambdaA: 1e9), gradient), 1e-7)
        let small = 1e-7
        let kfacLimit = Self.flat(Self.kronecker(a: a, g: g, gBar: gBar, lambdaA: 0, lambdaG: 0, scale: 1))
        let scaled = Self.zeta(a, g, gBar, lambdaA: small, lambdaG: small).map { $0 / (small * small) }
        XCTAssertLessThan(Self.relativeError(scaled, kfacLimit), 1e-5)
        for damping in [0.01, 0.1, 1.0] {
            let reference = Self.flat(Self.kronecker(a: a, g: g, gBar: gBar, lambdaA: damping, lambdaG: damping, scale: 1))
            XCTAssertLessThan(Self.relativeError(Self.kfac(a, g, gBar, damping: damping), reference), 1e-10)
        }
    }

    /// ζ is a descent direction: ⟨ζ, ∇W⟩ > 0 for any data and regularisers (both factors are SPD).
    func testZetaIsADescentDirection() {
        var rng = RandomStream(key: 104)
        for trial in 0..<50 {
            let b = 1 + trial % 9, n = 2 + trial % 7, m = 2 + trial % 5
            let a = Self.random(b, n, &rng), g = Self.random(b, m, &rng), gBar = Self.random(b, m, &rng)
            let la: Double = pow(10, Double(trial % 7) - 3), lg: Double = pow(10, Double(trial % 5) - 2)
            let gradient = Self.flat(Self.product(Self.transpose(a), g))
            let z = Self.zeta(a, g, gBar, lambdaA: la, lambdaG: lg), zs = Self.zetaStar(a, g, lambdaA: la)
            XCTAssertGreaterThan(Self.dot(z, gradient), 0)
            XCTAssertGreaterThan(Self.dot(zs, gradient), 0)
        }
    }

    /// Theorem 4: for the last layer under MSE, ζ* is the Gauss-Newton direction. With the mean
    /// squared error over b·m entries, GN = Jᵀ(2/(bm))J, and `ζ* = c·(GN + c·I)⁻¹∇W` with `c = 2λ_a/m`
    /// (the damping the regulariser amounts to). J comes from central differences of the layer's output.
    func testZetaStarIsTheGaussNewtonDirectionOfTheLastLayerUnderMSE() {
        var rng = RandomStream(key: 105)
        let (b, n, m) = (4, 6, 3)
        let layer = Dense<Double>(n, m)
        var θ = (0..<(n * m + m)).map { _ in 0.3 * rng.normal() }
        let x = Matrix<Double>(rows: b, cols: n, storage: (0..<(b * n)).map { _ in rng.normal() })
        let t = Matrix<Double>(rows: b, cols: m, storage: (0..<(b * m)).map { _ in rng.normal() })
        func output(_ p: [Double]) -> [Double] {
            var y = Matrix<Double>(rows: b, cols: m)
            p.withUnsafeBufferPointer { layer.forward(x, $0, into: &y) }
            return y.storage
        }
        // J: (b·m) × (n·m) by central differences; exact for a linear map up to rounding.
        var jacobian = [[Double]](repeating: [Double](repeating: 0, count: n * m), count: b * m)
        for p in 0..<(n * m) {
            let h = 1e-5, saved = θ[p]
            θ[p] = saved + h; let up = output(θ)
            θ[p] = saved - h; let down = output(θ)
            θ[p] = saved
            for r in 0..<(b * m) { jacobian[r][p] = (up[r] - down[r]) / (2 * h) }
        }
        let z = output(θ)
        let residual = (0..<(b * m)).map { 2 * (z[$0] - t.storage[$0]) / Double(b * m) }  // g = ∂L/∂z
        var gradient = [Double](repeating: 0, count: n * m)
        for p in 0..<(n * m) { for r in 0..<(b * m) { gradient[p] += jacobian[r][p] * residual[r] } }
        for lambdaA in [0.01, 0.1, 1.0] {
            let c = 2 * lambdaA / Double(m)
            var gn: [[Double]] = Self.product(Self.transpose(jacobian), jacobian)
            let weight = 2 / Double(b * m)
            for i in 0..<(n * m) { for j in 0..<(n * m) { gn[i][j] *= weight }; gn[i][i] += c }
            let inv = Self.inverse(gn)
            var direction = [Double](repeating: 0, count: n * m)
            for i in 0..<(n * m) { for j in 0..<(n * m) { direction[i] += c * inv[i][j] * gradient[j] } }
            let a: [[Double]] = (0..<b).map { r in (0..<n).map { x[r, $0] } }
            let g: [[Double]] = (0..<b).map { r in (0..<m).map { residual[r * m + $0] } }
            XCTAssertLessThan(Self.relativeError(Self.zetaStar(a, g, lambdaA: lambdaA), direction), 1e-7, "λ_a=\(lambdaA)")
        }
    }

    /// In Float with a tiny λ the b×b Cholesky breaks down; the layer is redone in Double and agrees
    /// with the Double kernel.
    func testFloatBreakdownFallsBackToDouble() {
        var rng = RandomStream(key: 106)
        let (b, n, m) = (20, 50, 8)
        // Nearly dependent rows: a Gram matrix a Float factorisation cannot hold at λ = 1e-9.
        let base = Self.random(1, n, &rng, scale: 10)[0]
        let a = (0..<b).map { _ in base.map { $0 + 1e-4 * rng.normal() } }
        let g = Self.random(b, m, &rng)
        var k = ISAACKernels<Float>()
        var out = [Float](repeating: 0, count: n * m)
        let fa = Self.flat(a).map(Float.init), fg = Self.flat(g).map(Float.init)
        fa.withUnsafeBufferPointer { pa in
            fg.withUnsafeBufferPointer { pg in
                out.withUnsafeMutableBufferPointer {
                    k.zetaStar(a: pa.baseAddress!, g: pg.baseAddress!, b: b, n: n, m: m, lambdaA: 1e-9, into: $0.baseAddress!)
                }
            }
        }
        XCTAssertEqual(k.doubleFallbacks, 1)
        let reference = Self.zetaStar((0..<b).map { r in (0..<n).map { Double(fa[r * n + $0]) } },
                                      (0..<b).map { r in (0..<m).map { Double(fg[r * m + $0]) } }, lambdaA: 1e-9)
        XCTAssertLessThan(Self.relativeError(out.map(Double.init), reference), 1e-5)
        XCTAssert(out.allSatisfy { $0.isFinite })
    }

    // MARK: in a network

    static let problem: [String: ConfigValue] = ["kind": "classification", "dataset": "synthetic", "features": 30, "classes": 4,
                                                 "validation": 50, "train_examples": 400, "hidden": [40, 20]]

    /// The gradient pass with the ζ* rule writes, for the chosen layers, exactly what the kernel gives
    /// on those layers' inputs and output gradients (b < n for layers 1 and 2, b ≥ n for layer 3), the
    /// unchosen layer's plain gradient and every bias gradient unchanged.
    func testZetaStarReplacesTheWeightGradientInsideTheBackwardPass() throws {
        let network = Network<Float>(mlp: [30, 40, 20, 4], activation: .relu, loss: .crossEntropy, initialization: .he)
        var rng = RandomStream(key: 107)
        let θ = network.initialParameters(rng: &rng)
        let x = Matrix<Float>(rows: 25, cols: 30, storage: (0..<750).map { _ in Float(rng.normal()) })
        let batch = Batch(inputs: x, labels: (0..<25).map { Int32($0 % 4) })
        var plain = [Float](repeating: 0, count: network.parameterCount)
        _ = network.lossAndGradient(batch, θ, gradient: &plain)
        let layers = network.denseLayerBatches(batch)
        let plan = try Registry.standard.optimizerPlan(["chain": ["isaac", "sgd"], "lr": 0.1, "lambda_a": 0.5, "layers": [1, 3]])
        let optimizer = try Optimizer<Float>(plan, setup: TransformSetup(parameterCount: network.parameterCount, layers: network.denseLayouts,
                                                                          diagnostics: Diagnostics(), streams: CellStreams(experiment: "t", seed: 0)))
        var replaced = [Float](repeating: 0, count: network.parameterCount)
        _ = network.lossAndGradient(batch, θ, gradient: &replaced, rule: optimizer.weightGradientRule)
        for (i, layer) in layers.enumerated() {
            let o = layer.layout.offset, w = layer.layout.weightCount
            let a = Self.rows(layer.inputs), g = Self.rows(layer.outputGradients)
            let got = replaced[o..<o + w].map(Double.init)
            if i == 1 {
                XCTAssertEqual(Array(replaced[o..<o + w]), Array(plain[o..<o + w]), "layer 2 is not chosen")
            } else {
                XCTAssertLessThan(Self.relativeError(got, Self.zetaStar(a, g, lambdaA: 0.5)), 2e-5, "layer \(i + 1)")
                XCTAssertGreaterThan(Self.relativeError(got, plain[o..<o + w].map(Double.init)), 1e-2)
            }
            XCTAssertEqual(Array(replaced[layer.layout.biasOffset..<layer.layout.biasOffset + layer.layout.outputs]),
                           Array(plain[layer.layout.biasOffset..<layer.layout.biasOffset + layer.layout.outputs]))
        }
    }

    /// The parameter-free sampled pass gives the same ḡ as the full sampled gradient pass on the same draw.
    func testSampledOutputGradientsMatchTheFullSampledPass() {
        let network = Network<Float>(mlp: [10, 12, 3], activation: .tanh, loss: .crossEntropy, initialization: .glorot)
        var rng = RandomStream(key: 108)
        let θ = network.initialParameters(rng: &rng)
        let batch = Batch(inputs: Matrix<Float>(rows: 6, cols: 10, storage: (0..<60).map { _ in Float(rng.normal()) }),
                          labels: [0, 1, 2, 0, 1, 2])
        var gradient = [Float](repeating: 0, count: network.parameterCount)
        _ = network.lossAndGradient(batch, θ, gradient: &gradient)
        var r1 = RandomStream(key: 109), r2 = r1
        network.sampledLossGradient(batch, θ, gradient: &gradient, rng: &r1)
        let full = network.denseLayerBatches(batch, sampled: true).map(\.outputGradients)
        network.sampledOutputGradients(batch, θ, rng: &r2)
        let cheap = network.denseLayerBatches(batch, sampled: true).map(\.outputGradients)
        XCTAssertEqual(full, cheap)
    }

    /// ζ*, ζ and K-FAC train a small network through the registry (composed with SGD, momentum and
    /// Adam) and lower its loss; a layer index past the last is refused before training.
    func testChainsTrainAndBadLayersAreRefused() throws {
        for variant: [String: ConfigValue] in [
            ["chain": ["isaac", "sgd"], "lr": 0.1, "lambda_a": 1.0],
            ["chain": ["isaac", "sgd"], "lr": 0.05, "momentum": 0.9, "lambda_a": 0.1, "layers": [1, 2]],
            ["chain": ["isaac", "adam"], "lr": 0.003, "lambda_a": 1.0, "lambda_g": 1.0],
            ["chain": ["kfac", "sgd"], "lr": 0.005, "damping": 0.1, "update_every": 2],
        ] {
            let trial = try makeTrial(problem: Self.problem, variant: variant, batchSize: 16)
            let before = trial.evaluate().first { $0.name == "validation_loss" }!.value
            train(trial, steps: 3 * trial.stepsPerEpoch)
            let after = trial.evaluate().first { $0.name == "validation_loss" }!.value
            XCTAssertLessThan(after, 0.8 * before, "\(variant)")
        }
        XCTAssertThrowsError(try makeTrial(problem: Self.problem, variant: ["chain": ["isaac", "sgd"], "lr": 0.1, "layers": [4]])) {
            XCTAssert("\($0)".contains("no layer 4"), "\($0)")
        }
        XCTAssertThrowsError(try makeTrial(problem: Self.problem, variant: ["chain": ["sgd", "isaac"], "lr": 0.1])) {
            XCTAssert("\($0)".contains("first link"), "\($0)")
        }
    }
}
