import Foundation
import RepriseConfig
import RepriseNumerics

/// Online saddle-free Newton by online gradient regression (Duda, arXiv 1901.11457), following the
/// author's notebooks as papers.md §4 gives them. EMAs weigh the new sample, `x += β(new − x)`; `g` is
/// the (noisy) gradient entering the chain, `⊗` the outer product, `s(M) = M + Mᵀ`.
///
/// - `eh(λ) = 1/max(|λ|·div, cut)` (saddle-free), or with `saddle_free = false` the clipped Newton
///   `sign(λ)/max(|λ|·div, cut)`; `ma(A)` applies `eh` to the eigenvalues of `A`.
/// - **full** (fOGR): `m += γ(g − m)`; `mθ += β(θ − mθ)`; `Σθθ += β((θ−mθ)⊗(θ−mθ) − Σθθ)`;
///   `mg += β(g − mg)`; `Σgθ += β((g−mg)⊗(θ−mθ) − Σgθ)`; with `Σθθ = Qᵀdiag(e)Q`,
///   `H = Qᵀ[(Q s(Σgθ) Qᵀ)ᵢⱼ/(eᵢ + eⱼ)]Q` (the symmetric least-squares solution of
///   `HΣθθ + ΣθθH = s(Σgθ)`); `θ −= ma(H)·m`. Init `m = mg = mθ = 0`, `Σθθ = I`, `Σgθ = 0`.
/// - **subspace** (sOGR(d)): the means; `V = GramSchmidt(rows of V + Γg)`; `pθ = V(θ−mθ)`,
///   `pg = V(g−mg)`; `θ −= α(m − VᵀVm)` outside the subspace; d×d EMAs of `pθ⊗pθ` and `pg⊗pθ`;
///   `H` as above; `θ −= Vᵀ(ma(H)·Vm)`. `V ~ U[0, 0.001]^{d×D}` from the transformation's stream.
/// - **diagonal** (dOGR): `dθθ += β((θ−mθ)² − dθθ)`, `dgθ += β((g−mg)(θ−mθ) − dgθ)` (init `dθθ = 1`),
///   `θ −= m·eh(dgθ/dθθ)` elementwise.
/// - **diagonal_subspace** (dsOGR(d)): with `Δ` the diagonal step, `θ −= Δ − w(VᵀVΔ − Vᵀma(H)Vm)`.
///
/// OGR is a whole optimizer: use it alone (`optimizer = "ogr"`); its step is final (no learning rate).
public struct OnlineGradientRegression: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "ogr", kind: .transformation,
        summary: "online saddle-free Newton by online gradient regression: full, subspace, diagonal, mixed (Duda 2019)",
        keys: [
            .value("variant", .string(["full", "subspace", "diagonal", "diagonal_subspace"]), .string("full"), nil,
                   "fOGR, sOGR(d), dOGR or dsOGR(d)"),
            .value("beta", .number, .double(0.5), Check("in (0, 1]") { v in (v.number ?? 1) > 0 && (v.number ?? 1) <= 1 },
                   "β: EMA weight of the new sample in the position and gradient statistics"),
            .value("gamma", .number, .double(0.9), Check("in (0, 1]") { v in (v.number ?? 1) > 0 && (v.number ?? 1) <= 1 },
                   "γ: EMA weight of the new gradient in the momentum m"),
            .value("div", .number, .double(1.5), .positive, "eh(λ) = 1/max(|λ|·div, cut)"),
            .value("cut", .number, .double(10), .positive, "eh(λ) = 1/max(|λ|·div, cut): bounds the step"),
            .value("dim", .int, .int(1), .between(1, 1000), "d: the subspace dimension (subspace variants)"),
            .value("rotation", .number, .double(0.25), .nonNegative, "Γ: how far each gradient rotates the basis V"),
            .value("alpha", .number, .double(0.001), .nonNegative, "α: momentum-SGD rate outside the subspace (subspace)"),
            .value("mix", .number, .double(0.4), .nonNegative, "w: weight of the subspace correction (diagonal_subspace)"),
            .value("saddle_free", .bool, .bool(true), nil, "|λ| (saddle-free); false: the clipped plain Newton step, sign(λ)"),
        ],
        diagnostics: ["eigenvalue_min", "eigenvalue_max", "negative_eigenvalues", "step_norm"])

    public enum Variant: String, Sendable { case full, subspace, diagonal, diagonalSubspace = "diagonal_subspace" }

    public var variant: Variant, beta: Double, gamma: Double, div: Double, cut: Double
    public var dim: Int, rotation: Double, alpha: Double, mix: Double, saddleFree: Bool

    public init(_ s: Settings) {
        variant = Variant(rawValue: s.string("variant")) ?? .full
        beta = s.number("beta"); gamma = s.number("gamma"); div = s.number("div"); cut = s.number("cut")
        dim = s.int("dim"); rotation = s.number("rotation"); alpha = s.number("alpha"); mix = s.number("mix")
        saddleFree = s.bool("saddle_free")
    }

    public func unsupported(parameterCount: Int) -> String? {
        if variant == .full && parameterCount > 2000 {
            return "the full variant keeps D×D statistics; with D = \(parameterCount) use the subspace or diagonal variant"
        }
        if (variant == .subspace || variant == .diagonalSubspace) && dim > parameterCount {
            return "dim = \(dim) exceeds the \(parameterCount) parameters"
        }
        return nil
    }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [OGRLink<S>(self, setup: setup)]
    }

    /// `eh(λ)`: the step multiplier of an eigenvalue.
    @inline(__always) func eh(_ λ: Double) -> Double {
        let bound = 1 / max(abs(λ) * div, cut)
        return saddleFree || λ >= 0 ? bound : -bound
    }

    /// `ma(A)` for a symmetric n×n `A` (row-major), with its eigenvalues.
    func ma(_ a: [Double], _ n: Int) -> (map: [Double], eigenvalues: [Double]) {
        guard let (λ, q) = try? symmetricEigen(Matrix<Double>(rows: n, cols: n, storage: a)) else {
            return ([Double](repeating: .nan, count: n * n), [Double](repeating: .nan, count: n))
        }
        var out = [Double](repeating: 0, count: n * n)
        for k in 0..<n {
            let f = eh(λ[k])
            for i in 0..<n { for j in 0..<n { out[i * n + j] += q[i, k] * f * q[j, k] } }
        }
        return (out, λ)
    }

    /// The symmetric least-squares Hessian: with `Σθθ = U diag(e) Uᵀ`,
    /// `H = U [(Uᵀ s(Σgθ) U)ᵢⱼ/(eᵢ + eⱼ)] Uᵀ`, the solution of `HΣθθ + ΣθθH = Σgθ + Σgθᵀ`.
    static func leastSquaresHessian(_ σθθ: [Double], _ σgθ: [Double], _ n: Int) -> [Double] {
        guard let (e, u) = try? symmetricEigen(Matrix<Double>(rows: n, cols: n, storage: σθθ)) else {
            return [Double](repeating: .nan, count: n * n)
        }
        var s = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { s[i * n + j] = σgθ[i * n + j] + σgθ[j * n + i] } }
        // A = Uᵀ S U, then Ĥ = A/(eᵢ + eⱼ), then H = U Ĥ Uᵀ.
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n {
            var x = 0.0
            for k in 0..<n { for l in 0..<n { x += u[k, i] * s[k * n + l] * u[l, j] } }
            a[i * n + j] = x / (e[i] + e[j])
        } }
        var h = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n {
            var x = 0.0
            for k in 0..<n { for l in 0..<n { x += u[i, k] * a[k * n + l] * u[j, l] } }
            h[i * n + j] = x
        } }
        return h
    }

    /// Gram–Schmidt on the rows of `v` (d rows of length D), in place.
    static func gramSchmidt(_ v: inout [[Double]]) {
        for i in v.indices {
            for j in 0..<i {
                let p = zip(v[i], v[j]).reduce(0) { $0 + $1.0 * $1.1 }
                for k in v[i].indices { v[i][k] -= p * v[j][k] }
            }
            let norm = v[i].reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { for k in v[i].indices { v[i][k] /= norm } }
        }
    }
}

final class OGRLink<S: Scalar>: GradientTransformation {
    private let c: OnlineGradientRegression
    private let n: Int
    private var m: [Double], mθ: [Double], mg: [Double]
    private var σθθ: [Double] = [], σgθ: [Double] = []  // n×n (full) or d×d (subspace)
    private var dθθ: [Double] = [], dgθ: [Double] = []
    private var v: [[Double]] = []
    private let eigenMin, eigenMax, negatives, stepNorm: DiagnosticSlot

    init(_ c: OnlineGradientRegression, setup: TransformSetup) {
        self.c = c
        n = setup.parameterCount
        m = [Double](repeating: 0, count: n); mθ = m; mg = m
        switch c.variant {
        case .full:
            σθθ = Self.identity(n); σgθ = [Double](repeating: 0, count: n * n)
        case .diagonal:
            dθθ = [Double](repeating: 1, count: n); dgθ = [Double](repeating: 0, count: n)
        case .subspace, .diagonalSubspace:
            σθθ = Self.identity(c.dim); σgθ = [Double](repeating: 0, count: c.dim * c.dim)
            var rng = setup.streams.stream("ogr-basis")
            let count = setup.parameterCount
            v = (0..<c.dim).map { _ in (0..<count).map { _ in rng.uniform(0, 0.001) } }
            if c.variant == .diagonalSubspace { dθθ = [Double](repeating: 1, count: n); dgθ = [Double](repeating: 0, count: n) }
        }
        eigenMin = setup.diagnostics.slot("eigenvalue_min")
        eigenMax = setup.diagnostics.slot("eigenvalue_max")
        negatives = setup.diagnostics.slot("negative_eigenvalues")
        stepNorm = setup.diagnostics.slot("step_norm")
    }

    private static func identity(_ k: Int) -> [Double] {
        var a = [Double](repeating: 0, count: k * k)
        for i in 0..<k { a[i * k + i] = 1 }
        return a
    }

    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let β = c.beta, γ = c.gamma
        let g = (0..<n).map { Double(u[$0]) }, x = (0..<n).map { Double(θ[$0]) }
        for i in 0..<n { m[i] += γ * (g[i] - m[i]) }
        for i in 0..<n { mθ[i] += β * (x[i] - mθ[i]) }
        var step = [Double](repeating: 0, count: n)
        var eigenvalues: [Double] = []
        switch c.variant {
        case .full:
            let δθ = (0..<n).map { x[$0] - mθ[$0] }
            for i in 0..<n { for j in 0..<n { σθθ[i * n + j] += β * (δθ[i] * δθ[j] - σθθ[i * n + j]) } }
            for i in 0..<n { mg[i] += β * (g[i] - mg[i]) }
            let δg = (0..<n).map { g[$0] - mg[$0] }
            for i in 0..<n { for j in 0..<n { σgθ[i * n + j] += β * (δg[i] * δθ[j] - σgθ[i * n + j]) } }
            let (map, λ) = c.ma(OnlineGradientRegression.leastSquaresHessian(σθθ, σgθ, n), n)
            eigenvalues = λ
            for i in 0..<n { for j in 0..<n { step[i] += map[i * n + j] * m[j] } }
        case .diagonal:
            eigenvalues = diagonalStep(x: x, g: g, into: &step)
        case .subspace, .diagonalSubspace:
            var diagonal = [Double](repeating: 0, count: n)
            if c.variant == .diagonalSubspace { _ = diagonalStep(x: x, g: g, into: &diagonal) } else {
                for i in 0..<n { mg[i] += β * (g[i] - mg[i]) }
            }
            let d = c.dim
            for r in 0..<d { for k in 0..<n { v[r][k] += c.rotation * g[k] } }
            OnlineGradientRegression.gramSchmidt(&v)
            let pθ = v.map { row in (0..<n).reduce(0.0) { $0 + row[$1] * (x[$1] - mθ[$1]) } }
            let pg = v.map { row in (0..<n).reduce(0.0) { $0 + row[$1] * (g[$1] - mg[$1]) } }
            for i in 0..<d { for j in 0..<d {
                σθθ[i * d + j] += β * (pθ[i] * pθ[j] - σθθ[i * d + j])
                σgθ[i * d + j] += β * (pg[i] * pθ[j] - σgθ[i * d + j])
            } }
            let (map, λ) = c.ma(OnlineGradientRegression.leastSquaresHessian(σθθ, σgθ, d), d)
            eigenvalues = λ
            let vm = v.map { row in (0..<n).reduce(0.0) { $0 + row[$1] * m[$1] } }
            let inner = (0..<d).map { i in (0..<d).reduce(0.0) { $0 + map[i * d + $1] * vm[$1] } }
            if c.variant == .subspace {
                // α(m − VᵀVm) outside, Vᵀ(ma(H)Vm) inside.
                for k in 0..<n {
                    var vtvm = 0.0, vtInner = 0.0
                    for r in 0..<d { vtvm += v[r][k] * vm[r]; vtInner += v[r][k] * inner[r] }
                    step[k] = c.alpha * (m[k] - vtvm) + vtInner
                }
            } else {
                // Δ − w(VᵀVΔ − Vᵀ ma(H) V m).
                let vΔ = v.map { row in (0..<n).reduce(0.0) { $0 + row[$1] * diagonal[$1] } }
                for k in 0..<n {
                    var vtvΔ = 0.0, vtInner = 0.0
                    for r in 0..<d { vtvΔ += v[r][k] * vΔ[r]; vtInner += v[r][k] * inner[r] }
                    step[k] = diagonal[k] - c.mix * (vtvΔ - vtInner)
                }
            }
        }
        for i in 0..<n { u[i] = S(step[i]) }
        eigenMin.publish(eigenvalues.min() ?? .nan)
        eigenMax.publish(eigenvalues.max() ?? .nan)
        negatives.publish(Double(eigenvalues.filter { $0 < 0 }.count))
        stepNorm.publish(step.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    /// dOGR's statistics and step `m·eh(dgθ/dθθ)`; returns the diagonal curvature estimates.
    private func diagonalStep(x: [Double], g: [Double], into step: inout [Double]) -> [Double] {
        let β = c.beta
        var λ = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let δθ = x[i] - mθ[i]
            dθθ[i] += β * (δθ * δθ - dθθ[i])
            mg[i] += β * (g[i] - mg[i])
            dgθ[i] += β * ((g[i] - mg[i]) * δθ - dgθ[i])
            λ[i] = dgθ[i] / dθθ[i]
            step[i] = m[i] * c.eh(λ[i])
        }
        return λ
    }
}

/// Momentum as in Duda's experiments, an exponential moving average of gradients:
/// `m += γ(g − m)`, `θ −= α·m` (not PyTorch's heavy ball; papers.md §4).
public struct EMAMomentum: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "ema_momentum", kind: .transformation,
        summary: "momentum as a moving average of gradients, m += γ(g − m), θ −= lr·m (Duda's experiments)",
        keys: [.required("lr", .number, .positive, "α: the step along m"),
               .value("gamma", .number, .double(0.5), Check("in (0, 1]") { v in (v.number ?? 1) > 0 && (v.number ?? 1) <= 1 },
                      "γ: the weight of the new gradient")])
    public var gamma: Double
    public init(_ s: Settings) { gamma = s.number("gamma") }
    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [Link<S>(gamma: gamma, count: setup.parameterCount)]
    }

    final class Link<S: Scalar>: GradientTransformation {
        let γ: S
        var m: [S]
        init(gamma: Double, count: Int) { γ = S(gamma); m = [S](repeating: 0, count: count) }
        @_specialize(where S == Float)
        @_specialize(where S == Double)
        func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
            let γ = self.γ
            m.withUnsafeMutableBufferPointer { m in
                for i in 0..<u.count { m[i] += γ * (u[i] - m[i]); u[i] = m[i] }
            }
        }
    }
}
