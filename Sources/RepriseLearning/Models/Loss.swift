import RepriseNumerics

/// A minibatch: inputs (one example per row) and the targets the loss compares the output with —
/// class labels for cross-entropy, a matrix for mean squared error.
public struct Batch<S: Scalar> {
    public var inputs: Matrix<S>
    public var labels: [Int32]
    public var targets: Matrix<S>

    public init(inputs: Matrix<S>, labels: [Int32] = [], targets: Matrix<S>? = nil) {
        self.inputs = inputs
        self.labels = labels
        self.targets = targets ?? Matrix(rows: 0, cols: 0)
    }
}

/// Losses on the network output `z` (b rows), averaged over the batch, each with its gradient and
/// its directional derivative side by side.
public enum LossFunction: String, Sendable, CaseIterable, Hashable {
    /// `L = (1/b) Σᵢ [log Σⱼ exp zᵢⱼ − zᵢ,yᵢ]` (softmax cross-entropy on integer labels).
    case crossEntropy = "cross-entropy"
    /// `L = (1/(b·m)) Σᵢⱼ (zᵢⱼ − tᵢⱼ)²` (mean over all entries, as PyTorch's `MSELoss`).
    case meanSquaredError = "mse"
    /// `L = (1/b) Σᵢ Σⱼ (zᵢⱼ − tᵢⱼ)²` (each example's squared error summed over its m outputs,
    /// averaged over the batch).
    case summedSquaredError = "sse"

    /// The squared-error losses divide each example's sum by this many of its outputs: m for the
    /// mean, 1 for the per-example sum.
    @inline(__always) private func outputsAveraged(_ m: Int) -> Int { self == .meanSquaredError ? m : 1 }

    /// `L(z)`, summed in Double and rounded once: a 60,000-row batch agrees with a Double reference
    /// to rounding of the per-row terms.
    public func value<S: Scalar>(_ z: Matrix<S>, _ batch: Batch<S>) -> Double {
        var total = 0.0
        switch self {
        case .crossEntropy:
            for i in 0..<z.rows { total += Double(logSumExp(z, row: i) - z[i, Int(batch.labels[i])]) }
            return total / Double(z.rows)
        case .meanSquaredError, .summedSquaredError:
            for k in 0..<z.count { let r = z.storage[k] - batch.targets.storage[k]; total += Double(r * r) }
            return total / Double(z.rows * outputsAveraged(z.cols))
        }
    }

    /// `L(z)` (summed in Double), and `∂L/∂z` written into `dz`:
    /// cross-entropy `(softmax(zᵢ) − e_{yᵢ})/b`; MSE `2(z − t)/(b·m)`; per-example sum `2(z − t)/b`.
    public func valueAndGradient<S: Scalar>(_ z: Matrix<S>, _ batch: Batch<S>, into dz: inout Matrix<S>) -> Double {
        var total = 0.0
        let b = S(z.rows)
        switch self {
        case .crossEntropy:
            for i in 0..<z.rows {
                let lse = logSumExp(z, row: i), y = Int(batch.labels[i])
                total += Double(lse - z[i, y])
                for j in 0..<z.cols { dz[i, j] = S.exp(z[i, j] - lse) / b }
                dz[i, y] -= 1 / b
            }
            return total / Double(z.rows)
        case .meanSquaredError, .summedSquaredError:
            let n = S(z.rows * outputsAveraged(z.cols))
            for k in 0..<z.count {
                let r = z.storage[k] - batch.targets.storage[k]
                total += Double(r * r)
                dz.storage[k] = 2 * r / n
            }
            return total / Double(z.rows * outputsAveraged(z.cols))
        }
    }

    /// `∂L/∂z` for targets sampled from the predictive distribution the loss is the negative
    /// log-likelihood of (ISAAC eq. 9; docs/papers.md §2), so that the per-example sampled gradient
    /// `ḡᵢ = b·∂L/∂zᵢ` has `E[ḡᵢḡᵢᵀ]` equal to the Hessian of example i's loss with respect to its
    /// output. Cross-entropy: `(softmax(zᵢ) − e_{ỹᵢ})/b` with `ỹᵢ ~ softmax(zᵢ)`. Squared error with
    /// example loss `ℓᵢ = (1/a)‖zᵢ − tᵢ‖²` (a = m for the mean over outputs, 1 for the per-example
    /// sum): `ℓᵢ = −log N(tᵢ; zᵢ, (a/2)I) + c`, so `t̃ = z + √(a/2)·ξ`, `ξ ~ N(0, I)`, and
    /// `∂L/∂z = 2(z − t̃)/(b·a) = −√(2/a)·ξ/b`, whose per-example covariance `(2/a)I` is `∇²ℓᵢ`.
    /// (Revision 1 drew `t̃ = z + ξ/√2` whatever the reduction: `E[ḡḡᵀ] = (2/m²)I` under the mean.)
    public func sampledGradient<S: Scalar>(_ z: Matrix<S>, rng: inout RandomStream, into dz: inout Matrix<S>) {
        switch self {
        case .crossEntropy:
            let b = S(z.rows)
            for i in 0..<z.rows {
                let lse = logSumExp(z, row: i)
                // Inverse-CDF draw: the first class whose cumulative probability exceeds u.
                let u = rng.uniform()
                var cumulative = 0.0, label = z.cols - 1
                for j in 0..<z.cols {
                    let p = S.exp(z[i, j] - lse)
                    dz[i, j] = p / b
                    cumulative += Double(p)
                    if cumulative > u && label == z.cols - 1 && j < z.cols - 1 { label = j; cumulative = -.infinity }
                }
                dz[i, label] -= 1 / b
            }
        case .meanSquaredError, .summedSquaredError:
            let scale = (2.0 / Double(outputsAveraged(z.cols))).squareRoot() / Double(z.rows)
            for k in 0..<z.count { dz.storage[k] = S(-scale * rng.normal()) }
        }
    }

    /// The directional derivative `L̇ = Σ ∂L/∂z ⊙ ż` given the output's derivative `ż`.
    public func directional<S: Scalar>(_ z: Matrix<S>, _ zDot: Matrix<S>, _ batch: Batch<S>) -> Double {
        var total = 0.0
        switch self {
        case .crossEntropy:
            for i in 0..<z.rows {
                let lse = logSumExp(z, row: i)
                for j in 0..<z.cols { total += Double(S.exp(z[i, j] - lse) * zDot[i, j]) }
                total -= Double(zDot[i, Int(batch.labels[i])])
            }
            return total / Double(z.rows)
        case .meanSquaredError, .summedSquaredError:
            for k in 0..<z.count { total += Double(2 * (z.storage[k] - batch.targets.storage[k]) * zDot.storage[k]) }
            return total / Double(z.rows * outputsAveraged(z.cols))
        }
    }

    /// Second-order forward mode of the loss along a line: `(L, L̇, L̈)` with `L̇ = ∇Lᵀż` and
    /// `L̈ = żᵀ∇²L ż + ∇Lᵀz̈`, summed in Double. Cross-entropy per row `i` with `p = softmax(zᵢ)`:
    /// `∇ℓ = p − e_y`, `żᵀ∇²ℓ ż = Σⱼ pⱼżⱼ² − (Σⱼ pⱼżⱼ)²`; MSE: `∇L = 2(z − t)/(bm)`, `∇²L = 2I/(bm)`.
    public func secondDirectional<S: Scalar>(_ z: Matrix<S>, _ zDot: Matrix<S>, _ zDDot: Matrix<S>, _ batch: Batch<S>)
        -> (value: Double, slope: Double, curvature: Double) {
        var value = 0.0, slope = 0.0, curvature = 0.0
        switch self {
        case .crossEntropy:
            for i in 0..<z.rows {
                let lse = logSumExp(z, row: i), y = Int(batch.labels[i])
                value += Double(lse - z[i, y])
                var pz = 0.0, pzz = 0.0, pzdd = 0.0
                for j in 0..<z.cols {
                    let p = Double(S.exp(z[i, j] - lse)), zd = Double(zDot[i, j])
                    pz += p * zd
                    pzz += p * zd * zd
                    pzdd += p * Double(zDDot[i, j])
                }
                slope += pz - Double(zDot[i, y])
                curvature += pzz - pz * pz + pzdd - Double(zDDot[i, y])
            }
            let b = Double(z.rows)
            return (value / b, slope / b, curvature / b)
        case .meanSquaredError, .summedSquaredError:
            for k in 0..<z.count {
                let r = Double(z.storage[k] - batch.targets.storage[k]), zd = Double(zDot.storage[k])
                value += r * r
                slope += 2 * r * zd
                curvature += 2 * zd * zd + 2 * r * Double(zDDot.storage[k])
            }
            let n = Double(z.rows * outputsAveraged(z.cols))
            return (value / n, slope / n, curvature / n)
        }
    }

    /// Number of rows whose largest output is at the label (ties go to the first index).
    public func correctCount<S: Scalar>(_ z: Matrix<S>, _ labels: ArraySlice<Int32>) -> Int {
        var correct = 0
        for i in 0..<z.rows {
            var best = 0
            for j in 1..<z.cols where z[i, j] > z[i, best] { best = j }
            if best == Int(labels[labels.startIndex + i]) { correct += 1 }
        }
        return correct
    }

    @inline(__always) private func logSumExp<S: Scalar>(_ z: Matrix<S>, row i: Int) -> S {
        var m = z[i, 0]
        for j in 1..<z.cols { m = max(m, z[i, j]) }
        var s: S = 0
        for j in 0..<z.cols { s += S.exp(z[i, j] - m) }
        return m + S.log(s)
    }
}
