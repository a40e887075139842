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
        revision: 2,  // 2: the subspace basis by SubspaceBasis's three passes (rounds differently from row-by-row Gram–Schmidt)
        diagnostics: [.neutral("eigenvalue_min", label: "smallest Hessian eigenvalue λ_min"), .neutral("eigenvalue_max", label: "largest Hessian eigenvalue λ_max"),
                      .neutral("negative_eigenvalues", label: "negative eigenvalues"), .neutral("step_norm", label: "step norm ‖Δθ‖")],
        setsStep: true,  // the saddle-free Newton step: no learning rate scales it
        // Full: D×D statistics and their eigendecomposition (about eight D×D Double matrices); the
        // subspace variants: the basis V of d directions and its updates (three d×D), diagonal: six D.
        memory: { s, e in
            let d = s.optionalInt("dim") ?? 1
            switch s.has("variant") ? s.string("variant") : "full" {
            case "full": return e.addingState("ogr", parameterSized: CheckedCount.product([8, e.parameters]) ?? .max, key: e.networkKey)
            case "diagonal": return e.addingState("ogr", parameterSized: 6)
            default: return e.addingState("ogr", parameterSized: CheckedCount.product([3, d]).map { $0 + 6 } ?? .max, key: "dim")
            }
        })

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
        // Q diag(eh(λ)) Qᵀ.
        var scaled = q
        for i in 0..<n { for k in 0..<n { scaled[i, k] *= eh(λ[k]) } }
        var out = Matrix<Double>(rows: n, cols: n)
        gemm(scaled, q, into: &out, transposeB: true)
        return (out.storage, λ)
    }

    /// The symmetric least-squares Hessian: with `Σθθ = U diag(e) Uᵀ`,
    /// `H = U [(Uᵀ s(Σgθ) U)ᵢⱼ/(eᵢ + eⱼ)] Uᵀ`, the solution of `HΣθθ + ΣθθH = Σgθ + Σgθᵀ`.
    static func leastSquaresHessian(_ σθθ: [Double], _ σgθ: [Double], _ n: Int) -> [Double] {
        guard let (e, u) = try? symmetricEigen(Matrix<Double>(rows: n, cols: n, storage: σθθ)) else {
            return [Double](repeating: .nan, count: n * n)
        }
        var s = Matrix<Double>(rows: n, cols: n)
        for i in 0..<n { for j in 0..<n { s[i, j] = σgθ[i * n + j] + σgθ[j * n + i] } }
        // A = Uᵀ S U, then Ĥ = A/(eᵢ + eⱼ), then H = U Ĥ Uᵀ (BLAS products: O(n³)).
        var us = Matrix<Double>(rows: n, cols: n), a = Matrix<Double>(rows: n, cols: n)
        gemm(u, s, into: &us, transposeA: true)
        gemm(us, u, into: &a)
        for i in 0..<n { for j in 0..<n { a[i, j] /= e[i] + e[j] } }
        var ua = Matrix<Double>(rows: n, cols: n), h = Matrix<Double>(rows: n, cols: n)
        gemm(u, a, into: &ua)
        gemm(ua, u, into: &h, transposeB: true)
        return h.storage
    }

    /// Gram–Schmidt on the `d` rows (length `n`, row-major) of `v`, in place, with BLAS level 1: the
    /// fallback of `SubspaceBasis` (a zero row, which it leaves zero) and the tests' reference.
    static func gramSchmidt(_ v: UnsafeMutablePointer<Double>, rows d: Int, length n: Int) {
        for r in 0..<d {
            for q in 0..<r { Double.axpy(n: n, alpha: -Double.dot(n: n, x: v + r * n, y: v + q * n), x: v + q * n, y: v + r * n) }
            let norm = Double.dot(n: n, x: v + r * n, y: v + r * n).squareRoot()
            if norm > 0 { for k in 0..<n { v[r * n + k] /= norm } }
        }
    }
}

/// What the diagnostics report of the curvature estimates: extremes and the count of negatives.
struct EigenSummary {
    var min = Double.infinity, max = -Double.infinity, negatives = 0
    init() {}
    init(_ values: [Double]) { for x in values { add(x) } }
    mutating func add(_ x: Double) {
        min = Swift.min(min, x); max = Swift.max(max, x)
        if x < 0 { negatives += 1 }
    }
    mutating func merge(_ o: EigenSummary) {
        min = Swift.min(min, o.min); max = Swift.max(max, o.max); negatives += o.negatives
    }
}

final class OGRLink<S: Scalar>: GradientTransformation {
    private let c: OnlineGradientRegression
    private let n: Int, d: Int
    // D-length state and scratch (Double), allocated once and owned by the link: a step allocates
    // nothing of size D, and the loops run on raw buffers (no exclusivity or bounds checks per element).
    private let m: UnsafeMutableBufferPointer<Double>, mθ: UnsafeMutableBufferPointer<Double>, mg: UnsafeMutableBufferPointer<Double>
    private let g: UnsafeMutableBufferPointer<Double>, x: UnsafeMutableBufferPointer<Double>
    private let step: UnsafeMutableBufferPointer<Double>
    /// Subspace variants: the basis update in three passes (no state between steps).
    private var basis: SubspaceBasis
    private let dθθ: UnsafeMutableBufferPointer<Double>, dgθ: UnsafeMutableBufferPointer<Double>
    /// The subspace basis: d rows of length D, row-major.
    private let v: UnsafeMutableBufferPointer<Double>
    private var σθθ: [Double] = [], σgθ: [Double] = []  // n×n (full) or d×d (subspace)
    var stateBytes: Int {
        ([m, mθ, mg, g, x, step, dθθ, dgθ, v].reduce(0) { $0 + $1.count }) * MemoryLayout<Double>.stride + bytes(σθθ) + bytes(σgθ)
    }
    private let eigenMin, eigenMax, negatives, stepNorm: DiagnosticSlot

    /// The averages, the regression's moments and the subspace basis (the D-length scratch
    /// buffers are saved too: cheap, and no step can then read a value the checkpoint lost).
    private var buffers: [(String, UnsafeMutableBufferPointer<Double>)] {
        [("m", m), ("m_theta", mθ), ("m_g", mg), ("g", g), ("x", x), ("step", step),
         ("d_theta_theta", dθθ), ("d_g_theta", dgθ), ("basis", v)]
    }

    func save(into state: inout StateArchive) {
        for (name, b) in buffers { state.put(name, b) }
        state.put("sigma_theta_theta", σθθ)
        state.put("sigma_g_theta", σgθ)
    }

    func restore(from state: StateArchive) throws {
        for (name, b) in buffers { try state.copy(name, into: b) }
        try state.copy("sigma_theta_theta", into: &σθθ)
        try state.copy("sigma_g_theta", into: &σgθ)
    }

    init(_ c: OnlineGradientRegression, setup: TransformSetup) {
        self.c = c
        n = setup.parameterCount
        d = c.variant == .subspace || c.variant == .diagonalSubspace ? c.dim : 0
        func buffer(_ count: Int, _ value: Double) -> UnsafeMutableBufferPointer<Double> {
            let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
            b.initialize(repeating: value)
            return b
        }
        let diagonal = c.variant == .diagonal || c.variant == .diagonalSubspace
        m = buffer(n, 0); mθ = buffer(n, 0); mg = buffer(n, 0); g = buffer(n, 0); x = buffer(n, 0)
        step = buffer(n, 0)
        basis = SubspaceBasis(rows: d, length: n)
        dθθ = buffer(diagonal ? n : 0, 1); dgθ = buffer(diagonal ? n : 0, 0)
        v = buffer(d * n, 0)
        switch c.variant {
        case .full:
            σθθ = Self.identity(n); σgθ = [Double](repeating: 0, count: n * n)
        case .diagonal:
            break
        case .subspace, .diagonalSubspace:
            σθθ = Self.identity(c.dim); σgθ = [Double](repeating: 0, count: c.dim * c.dim)
            var rng = setup.streams.stream("ogr-basis")
            for k in v.indices { v[k] = rng.uniform(0, 0.001) }
        }
        eigenMin = setup.diagnostics.slot("eigenvalue_min")
        eigenMax = setup.diagnostics.slot("eigenvalue_max")
        negatives = setup.diagnostics.slot("negative_eigenvalues")
        stepNorm = setup.diagnostics.slot("step_norm")
    }

    deinit {
        for b in [m, mθ, mg, g, x, step, dθθ, dgθ, v] { b.deallocate() }
    }

    private static func identity(_ k: Int) -> [Double] {
        var a = [Double](repeating: 0, count: k * k)
        for i in 0..<k { a[i * k + i] = 1 }
        return a
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let β = c.beta, γ = c.gamma, n = self.n
        for i in 0..<n { g[i] = Double(u[i]); x[i] = Double(θ[i]) }
        for i in 0..<n { m[i] += γ * (g[i] - m[i]) }
        for i in 0..<n { mθ[i] += β * (x[i] - mθ[i]) }
        var eigenvalues = EigenSummary()
        switch c.variant {
        case .full:
            let δθ = (0..<n).map { x[$0] - mθ[$0] }
            for i in 0..<n { for j in 0..<n { σθθ[i * n + j] += β * (δθ[i] * δθ[j] - σθθ[i * n + j]) } }
            for i in 0..<n { mg[i] += β * (g[i] - mg[i]) }
            let δg = (0..<n).map { g[$0] - mg[$0] }
            for i in 0..<n { for j in 0..<n { σgθ[i * n + j] += β * (δg[i] * δθ[j] - σgθ[i * n + j]) } }
            let (map, λ) = c.ma(OnlineGradientRegression.leastSquaresHessian(σθθ, σgθ, n), n)
            eigenvalues = EigenSummary(λ)
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s += map[i * n + j] * m[j] }
                step[i] = s
            }
        case .diagonal:
            eigenvalues = diagonalStep()
        case .subspace, .diagonalSubspace:
            eigenvalues = subspaceStep()
        }
        for i in 0..<n { u[i] = S(step[i]) }
        eigenMin.publish(eigenvalues.min.isFinite ? eigenvalues.min : .nan)
        eigenMax.publish(eigenvalues.max.isFinite ? eigenvalues.max : .nan)
        negatives.publish(Double(eigenvalues.negatives))
        stepNorm.publish(Double.dot(n: n, x: step.baseAddress!, y: step.baseAddress!).squareRoot())
    }

    /// dOGR's statistics and its step `m·eh(dgθ/dθθ)` into `step`.
    private func diagonalStep() -> EigenSummary {
        let β = c.beta, n = self.n
        var summary = EigenSummary()
        for i in 0..<n {
            let δθ = x[i] - mθ[i]
            dθθ[i] += β * (δθ * δθ - dθθ[i])
            mg[i] += β * (g[i] - mg[i])
            dgθ[i] += β * ((g[i] - mg[i]) * δθ - dgθ[i])
            let λ = dgθ[i] / dθθ[i]
            summary.add(λ)
            step[i] = m[i] * c.eh(λ)
        }
        return summary
    }

    /// sOGR (and dsOGR) with the basis in a flat d×D buffer and BLAS for every D-length product.
    private func subspaceStep() -> EigenSummary {
        let β = c.beta, n = self.n, d = self.d
        var diagonalEigenvalues = EigenSummary()
        if c.variant == .diagonalSubspace {
            diagonalEigenvalues = diagonalStep()  // step ← Δ, and the means mg
        } else {
            for i in 0..<n { mg[i] += β * (g[i] - mg[i]) }
        }
        let V = v.baseAddress!, xs = x.baseAddress!, ms = mθ.baseAddress!, gs = g.baseAddress!, mgs = mg.baseAddress!
        let mm = m.baseAddress!, ss = step.baseAddress!
        // V = GramSchmidt(rows of V + Γg), and the projections on the new V of θ − mθ, g − mg, m and
        // Δ (mixed variant): pθ, pg, Vm, VΔ, the columns of a d×4 product.
        let projections = basis.update(V, rotation: c.rotation, g: gs) { k0, count, w in
            for k in 0..<count {
                w[k] = xs[k0 + k] - ms[k0 + k]
                w[count + k] = gs[k0 + k] - mgs[k0 + k]
                w[2 * count + k] = mm[k0 + k]
                w[3 * count + k] = ss[k0 + k]
            }
        }
        let pθ = (0..<d).map { projections[$0 * 4] }, pg = (0..<d).map { projections[$0 * 4 + 1] }
        let vm = (0..<d).map { projections[$0 * 4 + 2] }, vΔ = (0..<d).map { projections[$0 * 4 + 3] }
        for i in 0..<d { for j in 0..<d {
            σθθ[i * d + j] += β * (pθ[i] * pθ[j] - σθθ[i * d + j])
            σgθ[i * d + j] += β * (pg[i] * pθ[j] - σgθ[i * d + j])
        } }
        let (map, λ) = c.ma(OnlineGradientRegression.leastSquaresHessian(σθθ, σgθ, d), d)
        var inner = [Double](repeating: 0, count: d)
        for i in 0..<d { for j in 0..<d { inner[i] += map[i * d + j] * vm[j] } }
        // Coefficients of the rows of V in the step: subspace −α·Vm + ma(H)Vm (plus α·m outside);
        // mixed: −w·VΔ + w·ma(H)Vm (plus Δ).
        var coefficients = [Double](repeating: 0, count: d)
        if c.variant == .subspace {
            for r in 0..<d { coefficients[r] = inner[r] - c.alpha * vm[r] }
            basis.finish(V, step: ss, outside: (c.alpha, UnsafePointer(mm)), coefficients: coefficients)  // step = α·m + Vᵀc
        } else {
            for r in 0..<d { coefficients[r] = c.mix * (inner[r] - vΔ[r]) }
            basis.finish(V, step: ss, outside: nil, coefficients: coefficients)  // step = Δ + Vᵀc
        }
        var summary = EigenSummary(λ)
        if c.variant == .diagonalSubspace { summary.merge(diagonalEigenvalues) }
        return summary
    }
}
