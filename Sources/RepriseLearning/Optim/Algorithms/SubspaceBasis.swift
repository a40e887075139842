import RepriseNumerics

/// sOGR's basis update, `V ← GramSchmidt(rows of V + Γg)` (papers.md §4), and the projections on the
/// new basis, in three passes over the `d×D` basis instead of the ~`d²` passes of row-by-row
/// Gram–Schmidt: the basis (8·d·D bytes, 21.6 MB for d = 10 on a 270,000-parameter network) does not
/// fit in any cache, so the step's time is the number of times it streams from memory. Each pass walks
/// the columns in blocks that stay in cache, with BLAS on each block:
///
/// 1. `G₀ = VVᵀ`, `p = Vg`, `‖g‖²` (read V). Then the Gram matrix of `V + Γ1gᵀ` is
///    `G₁ = G₀ + Γ(p1ᵀ + 1pᵀ) + Γ²‖g‖²11ᵀ`, and `G₁ = U₁ᵀU₁` (Cholesky; a shift
///    `s = 11(Dd + d(d+1))·u·tr G₁` when it fails: shifted CholeskyQR, Fukaya et al. 2020).
/// 2. `V ← U₁⁻ᵀ(V + Γ1gᵀ)` (read and write V), and on the way `G₂ = VVᵀ` and `VWᵀ` for the rows `W`
///    the caller projects. `G₂ = U₂ᵀU₂`: the projections on the final basis are `U₂⁻ᵀVWᵀ`.
/// 3. `finish`: `V ← U₂⁻ᵀV` (CholeskyQR2's second pass: orthogonality to rounding level) and
///    `step ← α·m + Vᵀc` (sOGR) or `step ← step + Vᵀc` (dsOGR, whose step holds Δ) for the
///    coefficients the caller computed from the projections.
///
/// The result is Gram–Schmidt's basis (`V + Γ1gᵀ = RᵀQ` with `R` upper triangular, positive
/// diagonal: `Q` is unique) up to rounding. A factorisation that fails even shifted (a zero row)
/// falls back to row-by-row Gram–Schmidt on the updated rows.
struct SubspaceBasis {
    let d: Int, n: Int
    /// Columns per block: d × 2048 doubles (160 kB for d = 10) stay in L2 between the BLAS calls.
    static let block = 2048
    /// `U₂`, the second factor (upper triangle, row-major), kept for `finish`.
    private var factor: [Double]
    private var scratch: [Double]

    init(rows d: Int, length n: Int) {
        self.d = d
        self.n = n
        factor = [Double](repeating: 0, count: d * d)
        scratch = [Double](repeating: 0, count: 4 * Self.block)
    }

    /// `G = UᵀU` in place (row-major upper triangle), with the shift when the plain one fails;
    /// false when even the shifted one does.
    private static func cholesky(_ g: inout [Double], _ d: Int, _ n: Int) -> Bool {
        let saved = g
        if g.withUnsafeMutableBufferPointer({ Double.potrf(n: d, a: $0.baseAddress!) }) == 0 { return true }
        g = saved
        let trace = (0..<d).reduce(0.0) { $0 + g[$1 * d + $1] }
        let shift = 11 * Double(n * d + d * (d + 1)) * (Double.ulpOfOne / 2) * trace
        for i in 0..<d { g[i * d + i] += shift }
        return g.withUnsafeMutableBufferPointer { Double.potrf(n: d, a: $0.baseAddress!) } == 0
    }

    /// Passes 1 and 2: rotates the rows of `v` by `Γg` and orthonormalises them up to `finish`'s
    /// last pass; returns the d×4 projections of the final basis on the rows that `rows(k0, count,
    /// into)` writes for columns `k0 ..< k0 + count` (4 rows of `count`, row-major).
    mutating func update(_ v: UnsafeMutablePointer<Double>, rotation Γ: Double, g: UnsafePointer<Double>,
                         rows: (Int, Int, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let d = self.d, n = self.n, b = Self.block
        // Pass 1: G₀ = VVᵀ, p = Vg, ‖g‖².
        var gram = [Double](repeating: 0, count: d * d), p = [Double](repeating: 0, count: d)
        var gg = 0.0
        for k0 in stride(from: 0, to: n, by: b) {
            let kb = min(b, n - k0)
            Self.gram(v + k0, rows: d, stride: n, count: kb, into: &gram)
            for r in 0..<d { p[r] += Double.dot(n: kb, x: v + r * n + k0, y: g + k0) }
            gg += Double.dot(n: kb, x: g + k0, y: g + k0)
        }
        // G₁, upper triangle: G₀ + Γ(pᵢ + pⱼ) + Γ²‖g‖².
        for i in 0..<d { for j in i..<d { gram[i * d + j] += Γ * (p[i] + p[j]) + Γ * Γ * gg } }
        guard Self.cholesky(&gram, d, n) else { return fallback(v, rotation: Γ, g: g, rows: rows) }
        // Pass 2: V ← U₁⁻ᵀ(V + Γ1gᵀ); G₂ = VVᵀ and VWᵀ on the way.
        var second = [Double](repeating: 0, count: d * d), projections = [Double](repeating: 0, count: d * 4)
        scratch.withUnsafeMutableBufferPointer { w in
            for k0 in stride(from: 0, to: n, by: b) {
                let kb = min(b, n - k0)
                for r in 0..<d { Double.axpy(n: kb, alpha: Γ, x: g + k0, y: v + r * n + k0) }
                Self.solve(gram, v + k0, rows: d, stride: n, count: kb)
                Self.gram(v + k0, rows: d, stride: n, count: kb, into: &second)
                rows(k0, kb, w.baseAddress!)
                Self.project(v + k0, rows: d, stride: n, count: kb, onto: w.baseAddress!, into: &projections)
            }
        }
        guard Self.cholesky(&second, d, n) else {
            // Not reached with rows from pass 2 (their Gram matrix is I up to rounding); stay correct.
            factor = (0..<(d * d)).map { $0 % (d + 1) == 0 ? 1 : 0 }
            OnlineGradientRegression.gramSchmidt(v, rows: d, length: n)
            return project(v, rows: rows)
        }
        factor = second
        // Projections on the final basis: U₂⁻ᵀ(VWᵀ).
        Double.trsm(left: true, transposeU: true, rows: d, cols: 4, u: factor, ldu: d, b: &projections, ldb: 4)
        return projections
    }

    /// Pass 3: `V ← U₂⁻ᵀV`, and `step ← α·m + Vᵀc` (`outside` = (α, m)) or `step ← step + Vᵀc`
    /// (nil) on the final basis.
    func finish(_ v: UnsafeMutablePointer<Double>, step: UnsafeMutablePointer<Double>,
                outside: (alpha: Double, m: UnsafePointer<Double>)?, coefficients c: [Double]) {
        let d = self.d, n = self.n, b = Self.block
        for k0 in stride(from: 0, to: n, by: b) {
            let kb = min(b, n - k0)
            Self.solve(factor, v + k0, rows: d, stride: n, count: kb)
            if let (α, m) = outside { for k in k0..<(k0 + kb) { step[k] = α * m[k] } }
            // Row by row while the block is in cache (a BLAS product with one column packs the block).
            for r in 0..<d { Double.axpy(n: kb, alpha: c[r], x: v + r * n + k0, y: step + k0) }
        }
    }

    /// Row-by-row Gram–Schmidt on the rotated rows (a zero row), `finish`'s factor the identity.
    private mutating func fallback(_ v: UnsafeMutablePointer<Double>, rotation Γ: Double, g: UnsafePointer<Double>,
                                   rows: (Int, Int, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        for r in 0..<d { Double.axpy(n: n, alpha: Γ, x: g, y: v + r * n) }
        OnlineGradientRegression.gramSchmidt(v, rows: d, length: n)
        factor = (0..<(d * d)).map { $0 % (d + 1) == 0 ? 1 : 0 }
        return project(v, rows: rows)
    }

    /// `VWᵀ` in one pass (the fallback's projections).
    private mutating func project(_ v: UnsafeMutablePointer<Double>, rows: (Int, Int, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let d = self.d, n = self.n, b = Self.block
        var projections = [Double](repeating: 0, count: d * 4)
        scratch.withUnsafeMutableBufferPointer { w in
            for k0 in stride(from: 0, to: n, by: b) {
                let kb = min(b, n - k0)
                rows(k0, kb, w.baseAddress!)
                Self.project(v + k0, rows: d, stride: n, count: kb, onto: w.baseAddress!, into: &projections)
            }
        }
        return projections
    }

    /// `G += V_block·V_blockᵀ`, upper triangle, by dot products on a block in cache (BLAS's syrk and
    /// trsm pack a block this flat before touching it, which cost more than the arithmetic).
    private static func gram(_ v: UnsafePointer<Double>, rows d: Int, stride n: Int, count kb: Int, into g: inout [Double]) {
        for i in 0..<d { for j in i..<d { g[i * d + j] += Double.dot(n: kb, x: v + i * n, y: v + j * n) } }
    }

    /// `V_block ← U⁻ᵀV_block` (U upper triangular, row-major): forward substitution,
    /// `row_i ← (row_i − Σ_{j<i} U[j,i]·row_j) / U[i,i]`, on a block in cache.
    private static func solve(_ u: [Double], _ v: UnsafeMutablePointer<Double>, rows d: Int, stride n: Int, count kb: Int) {
        for i in 0..<d {
            let row = v + i * n
            for j in 0..<i { Double.axpy(n: kb, alpha: -u[j * d + i], x: v + j * n, y: row) }
            let pivot = u[i * d + i]
            for k in 0..<kb { row[k] /= pivot }
        }
    }

    /// `P += V_block·Wᵀ` (d×4) by dot products on a block in cache (a BLAS product this narrow
    /// spends its time packing).
    private static func project(_ v: UnsafePointer<Double>, rows d: Int, stride n: Int, count kb: Int,
                                onto w: UnsafePointer<Double>, into projections: inout [Double]) {
        for r in 0..<d { for q in 0..<4 { projections[r * 4 + q] += Double.dot(n: kb, x: v + r * n, y: w + q * kb) } }
    }
}
