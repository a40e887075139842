import RepriseNumerics

/// A symmetric positive definite matrix `M = α·XXᵀ + d·I` or `M = α·XᵀX + d·I` of order `k`, in a
/// workspace that grows only (a training step allocates nothing once the largest batch has been
/// seen), factored by Cholesky (`M = UᵀU`, `U` in the row-major upper triangle) and applied as
/// `M⁻¹` to row-major blocks by two triangular solves. No inverse is ever formed.
struct SPDFactor<S: Scalar> {
    private(set) var order = 0
    private var storage: [S] = []
    /// Bytes held (the workspace, at its largest).
    var bytes: Int { storage.count * MemoryLayout<S>.stride }

    /// Forms `M = α·XXᵀ + d·I` (`X` is k×c with row stride `ldx`) or, with `transpose`,
    /// `M = α·XᵀX + d·I` (`X` is c×k) and factors it; false when it is not numerically positive
    /// definite (the caller then retries in Double).
    mutating func factor(gram x: UnsafePointer<S>, k: Int, other c: Int, ldx: Int, transpose: Bool,
                         alpha: Double, diagonal d: Double) -> Bool {
        order = k
        if storage.count < k * k { storage = [S](repeating: 0, count: k * k) }
        return storage.withUnsafeMutableBufferPointer { m in
            S.syrk(transpose: transpose, n: k, k: c, alpha: S(alpha), a: x, lda: ldx, beta: 0, c: m.baseAddress!, ldc: k)
            let diagonal = S(d)
            for i in 0..<k { m[i * k + i] += diagonal }
            return S.potrf(n: k, a: m.baseAddress!) == 0
        }
    }

    /// The factor and its order (the workspace as large as it has grown).
    var state: StateArchive {
        var s = StateArchive()
        s.put("order", order)
        s.put("storage", storage)
        return s
    }

    mutating func restore(from state: StateArchive) throws {
        order = try state.int("order")
        storage = try state.array("storage")
        // Divided, not multiplied: a forged order cannot overflow.
        guard order >= 0, order == 0 || storage.count / order >= order else { throw StateError("a factor of order \(order) holds \(storage.count) entries") }
    }

    /// `B ← M⁻¹B` for `B` with `k` rows and `cols` columns: `UᵀY = B`, then `UX = Y`.
    func solveLeft(_ b: UnsafeMutablePointer<S>, cols: Int, ldb: Int) {
        storage.withUnsafeBufferPointer { u in
            S.trsm(left: true, transposeU: true, rows: order, cols: cols, u: u.baseAddress!, ldu: order, b: b, ldb: ldb)
            S.trsm(left: true, transposeU: false, rows: order, cols: cols, u: u.baseAddress!, ldu: order, b: b, ldb: ldb)
        }
    }

    /// `B ← BM⁻¹` for `B` with `rows` rows and `k` columns: `ZU = B`, then `XUᵀ = Z`.
    func solveRight(_ b: UnsafeMutablePointer<S>, rows: Int, ldb: Int) {
        storage.withUnsafeBufferPointer { u in
            S.trsm(left: false, transposeU: false, rows: rows, cols: order, u: u.baseAddress!, ldu: order, b: b, ldb: ldb)
            S.trsm(left: false, transposeU: true, rows: rows, cols: order, u: u.baseAddress!, ldu: order, b: b, ldb: ldb)
        }
    }
}

/// A scratch buffer that grows only and stays at one address between growths.
final class Scratch<S: Scalar> {
    private var buffer: UnsafeMutablePointer<S>?
    private var capacity = 0
    deinit { buffer?.deallocate() }
    /// Bytes held.
    var bytes: Int { buffer == nil ? 0 : capacity * MemoryLayout<S>.stride }
    func pointer(_ count: Int) -> UnsafeMutablePointer<S> {
        if count > capacity || buffer == nil {
            buffer?.deallocate()
            capacity = max(count, 1)
            buffer = .allocate(capacity: capacity)
            buffer!.initialize(repeating: 0, count: capacity)
        }
        return buffer!
    }
}

/// ISAAC's per-layer operators (Petersen et al., ICLR 2023; papers.md §2), in Reprise's row
/// convention: a dense layer holds `W ∈ R^{n×m}`, its plain weight gradient is `aᵀg ∈ R^{n×m}` for
/// inputs `a ∈ R^{b×n}` and output gradients `g ∈ R^{b×m}` (the transpose of the paper's `gᵀa`).
///
/// The input side (Theorem 3, eq. 21), with the exact identity `I − (1/λ)K(K/λ + I)⁻¹ = (K/λ + I)⁻¹`
/// for `K = aaᵀ/b` (one Cholesky solve, no subtraction):
///
///     ζ*ᵀ = aᵀ (I_b + aaᵀ/(bλ_a))⁻¹ g          when b < n   (the official code's b×b form)
///         = (I_n + aᵀa/(bλ_a))⁻¹ aᵀg           when b ≥ n   (its n×n form: λ_a(aᵀa/b + λ_aI)⁻¹aᵀg)
///
/// The output side of ζ with finite `λ_g` (Theorem 1, eq. 20, Woodbury form) acts on `g` before the
/// input side: `ζᵀ = aᵀ(I_b + aaᵀ/(bλ_a))⁻¹ g′` with
///
///     g′ = g (I_m + ḡᵀḡ/(bλ_g))⁻¹ = g − (1/(bλ_g)) g ḡᵀ (I_b + ḡḡᵀ/(bλ_g))⁻¹ ḡ     (b < m)
///
/// where `ḡ`'s rows are per-example sampled-label output gradients **without** the mean loss's
/// `1/b` (so `ḡᵀḡ/b` is a mean of outer products, as BackPACK's K-FAC factor). The network's
/// sampled pass carries the `1/b`; `ḡ = b·ḡ_mean`, so `ḡᵀḡ/(bλ_g) = (b/λ_g)·ḡ_meanᵀḡ_mean`.
///
/// Float first; when a Cholesky factorisation breaks down in Float (tiny `λ`), the layer is redone
/// in Double (`doubleFallbacks` counts them).
struct ISAACKernels<S: Scalar> {
    private var input = SPDFactor<S>(), output = SPDFactor<S>()
    private let solved = Scratch<S>(), gPrime = Scratch<S>(), cross = Scratch<S>()
    /// Layers redone in Double so far (published as a running count: state).
    var doubleFallbacks = 0
    /// Bytes held by the factors and scratch buffers.
    var bytes: Int { input.bytes + output.bytes + solved.bytes + gPrime.bytes + cross.bytes }

    /// Writes `ζ*ᵀ` (n×m) into `dW`. Pays `b²·n/2` (the Gram) `+ b³/3 + b²·min(n, m)` beyond the
    /// plain product when `b < n`.
    mutating func zetaStar(a: UnsafePointer<S>, g: UnsafePointer<S>, b: Int, n: Int, m: Int, lambdaA: Double,
                           into dW: UnsafeMutablePointer<S>) {
        if inputSide(a: a, g: g, b: b, n: n, m: m, lambdaA: lambdaA, into: dW) { return }
        doubleFallbacks += 1
        inDouble(a: a, b: b, n: n, g: g, m: m, into: dW) { da, dg, out in
            var k = ISAACKernels<Double>()
            _ = k.inputSide(a: da, g: dg, b: b, n: n, m: m, lambdaA: lambdaA, into: out)
        }
    }

    /// Writes `ζᵀ` (n×m) into `dW`, with `ḡ_mean` the sampled output gradients as the network's
    /// mean-loss pass returns them (carrying `1/b`).
    mutating func zeta(a: UnsafePointer<S>, g: UnsafePointer<S>, gBarMean: UnsafePointer<S>, b: Int, n: Int, m: Int,
                       lambdaA: Double, lambdaG: Double, into dW: UnsafeMutablePointer<S>) {
        let gp = gPrime.pointer(b * m)
        if outputSide(g: g, gBarMean: gBarMean, b: b, m: m, lambdaG: lambdaG, into: gp),
           inputSide(a: a, g: UnsafePointer(gp), b: b, n: n, m: m, lambdaA: lambdaA, into: dW) { return }
        doubleFallbacks += 1
        let gBar = [S](UnsafeBufferPointer(start: gBarMean, count: b * m)).map(Double.init)
        inDouble(a: a, b: b, n: n, g: g, m: m, into: dW) { da, dg, out in
            var k = ISAACKernels<Double>()
            var p = [Double](repeating: 0, count: b * m)
            p.withUnsafeMutableBufferPointer { pp in
                _ = k.outputSide(g: dg, gBarMean: gBar, b: b, m: m, lambdaG: lambdaG, into: pp.baseAddress!)
                _ = k.inputSide(a: da, g: UnsafePointer(pp.baseAddress!), b: b, n: n, m: m, lambdaA: lambdaA, into: out)
            }
        }
    }

    /// `ζ*ᵀ` from `a` and `g`; false when the Cholesky factorisation breaks down.
    mutating func inputSide(a: UnsafePointer<S>, g: UnsafePointer<S>, b: Int, n: Int, m: Int, lambdaA: Double,
                            into dW: UnsafeMutablePointer<S>) -> Bool {
        let alpha = 1 / (Double(b) * lambdaA)
        if b < n {
            guard input.factor(gram: a, k: b, other: n, ldx: n, transpose: false, alpha: alpha, diagonal: 1) else { return false }
            if m <= n {  // solve on the narrower of g and a
                let x = solved.pointer(b * m)
                x.update(from: g, count: b * m)
                input.solveLeft(x, cols: m, ldb: m)
                S.gemm(transA: true, transB: false, m: n, n: m, k: b, alpha: 1, a: a, lda: n, b: x, ldb: m, beta: 0, c: dW, ldc: m)
            } else {
                let y = solved.pointer(b * n)
                y.update(from: a, count: b * n)
                input.solveLeft(y, cols: n, ldb: n)
                S.gemm(transA: true, transB: false, m: n, n: m, k: b, alpha: 1, a: y, lda: n, b: g, ldb: m, beta: 0, c: dW, ldc: m)
            }
        } else {
            S.gemm(transA: true, transB: false, m: n, n: m, k: b, alpha: 1, a: a, lda: n, b: g, ldb: m, beta: 0, c: dW, ldc: m)
            guard input.factor(gram: a, k: n, other: b, ldx: n, transpose: true, alpha: alpha, diagonal: 1) else { return false }
            input.solveLeft(dW, cols: m, ldb: m)
        }
        return true
    }

    /// `g′ = g (I_m + (b/λ_g)·ḡ_meanᵀḡ_mean)⁻¹` into `out` (b×m); false on a Cholesky breakdown.
    mutating func outputSide(g: UnsafePointer<S>, gBarMean: UnsafePointer<S>, b: Int, m: Int, lambdaG: Double,
                             into out: UnsafeMutablePointer<S>) -> Bool {
        let alpha = Double(b) / lambdaG
        out.update(from: g, count: b * m)
        if b >= m {
            guard output.factor(gram: gBarMean, k: m, other: b, ldx: m, transpose: true, alpha: alpha, diagonal: 1) else { return false }
            output.solveRight(out, rows: b, ldb: m)
        } else {
            // Woodbury: g′ = g − α·(g ḡᵀ)(I_b + α ḡḡᵀ)⁻¹ ḡ.
            guard output.factor(gram: gBarMean, k: b, other: m, ldx: m, transpose: false, alpha: alpha, diagonal: 1) else { return false }
            let p = cross.pointer(b * b)
            S.gemm(transA: false, transB: true, m: b, n: b, k: m, alpha: 1, a: g, lda: m, b: gBarMean, ldb: m, beta: 0, c: p, ldc: b)
            output.solveRight(p, rows: b, ldb: b)
            S.gemm(transA: false, transB: false, m: b, n: m, k: b, alpha: S(-alpha), a: p, lda: b, b: gBarMean, ldb: m,
                   beta: 1, c: out, ldc: m)
        }
        return true
    }

    /// Runs `body` on Double copies of `a` and `g` and rounds its n×m result into `dW`.
    private func inDouble(a: UnsafePointer<S>, b: Int, n: Int, g: UnsafePointer<S>, m: Int, into dW: UnsafeMutablePointer<S>,
                          _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) {
        let da = UnsafeBufferPointer(start: a, count: b * n).map(Double.init)
        let dg = UnsafeBufferPointer(start: g, count: b * m).map(Double.init)
        var out = [Double](repeating: 0, count: n * m)
        out.withUnsafeMutableBufferPointer { body(da, dg, $0.baseAddress!) }
        for i in 0..<(n * m) { dW[i] = S(out[i]) }
    }
}

/// K-FAC's per-layer factors (Martens & Grosse 2015, sampled-label form as BackPACK's `KFAC`, the
/// paper's baseline): `A = aᵀa/b + λI_n`, `G = ḡᵀḡ/b + λI_m` with `ḡ` per-example (so
/// `ḡᵀḡ/b = b·ḡ_meanᵀḡ_mean`), and the step on the layer's weights `W ← A⁻¹ ∇W G⁻¹`, on its bias
/// `b ← ∇b G⁻¹` (BackPACK's K-FAC factor of a bias is `G` alone).
struct KFACFactors<S: Scalar> {
    private var a = SPDFactor<S>(), g = SPDFactor<S>()
    private var aDouble = SPDFactor<Double>(), gDouble = SPDFactor<Double>()
    private var inDouble = false
    private(set) var ready = false
    /// Bytes held by the factors (Float and, once needed, Double).
    var bytes: Int { a.bytes + g.bytes + aDouble.bytes + gDouble.bytes }

    /// Refreshes both factors from inputs `a` (b×n) and sampled mean-loss output gradients (b×m).
    mutating func refresh(inputs: UnsafePointer<S>, gBarMean: UnsafePointer<S>, b: Int, n: Int, m: Int, damping: Double) {
        ready = true
        if a.factor(gram: inputs, k: n, other: b, ldx: n, transpose: true, alpha: 1 / Double(b), diagonal: damping),
           g.factor(gram: gBarMean, k: m, other: b, ldx: m, transpose: true, alpha: Double(b), diagonal: damping) {
            inDouble = false
            return
        }
        inDouble = true
        let da = UnsafeBufferPointer(start: inputs, count: b * n).map(Double.init)
        let dg = UnsafeBufferPointer(start: gBarMean, count: b * m).map(Double.init)
        _ = aDouble.factor(gram: da, k: n, other: b, ldx: n, transpose: true, alpha: 1 / Double(b), diagonal: damping)
        _ = gDouble.factor(gram: dg, k: m, other: b, ldx: m, transpose: true, alpha: Double(b), diagonal: damping)
    }

    var state: StateArchive {
        var s = StateArchive()
        s.put("a", part: a.state); s.put("g", part: g.state)
        s.put("a_double", part: aDouble.state); s.put("g_double", part: gDouble.state)
        s.put("in_double", inDouble); s.put("ready", ready)
        return s
    }

    mutating func restore(from state: StateArchive) throws {
        try a.restore(from: state.part("a")); try g.restore(from: state.part("g"))
        try aDouble.restore(from: state.part("a_double")); try gDouble.restore(from: state.part("g_double"))
        inDouble = try state.bool("in_double"); ready = try state.bool("ready")
    }

    /// Whether the last refresh needed Double.
    var usedDouble: Bool { inDouble }

    /// `W ← A⁻¹WG⁻¹` (n×m at `weights`) and `bias ← bias·G⁻¹` (1×m).
    func precondition(weights w: UnsafeMutablePointer<S>, bias: UnsafeMutablePointer<S>, n: Int, m: Int) {
        if !inDouble {
            a.solveLeft(w, cols: m, ldb: m)
            g.solveRight(w, rows: n, ldb: m)
            g.solveRight(bias, rows: 1, ldb: m)
            return
        }
        var dw = UnsafeBufferPointer(start: w, count: n * m).map(Double.init)
        var db = UnsafeBufferPointer(start: bias, count: m).map(Double.init)
        dw.withUnsafeMutableBufferPointer { p in
            aDouble.solveLeft(p.baseAddress!, cols: m, ldb: m)
            gDouble.solveRight(p.baseAddress!, rows: n, ldb: m)
        }
        db.withUnsafeMutableBufferPointer { gDouble.solveRight($0.baseAddress!, rows: 1, ldb: m) }
        for i in 0..<(n * m) { w[i] = S(dw[i]) }
        for j in 0..<m { bias[j] = S(db[j]) }
    }
}
