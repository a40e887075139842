import Foundation
import RepriseNumerics

/// One gradient transformation (the Optax idea, STYLE.md): it maps the incoming update `u`
/// (initially the gradient `g`) to a new `u`, keeping its own explicit state. Named optimisers
/// (see `OptimizerRecipe`) are chains of these followed by `θ ← θ − lr(t)·u`.
///
/// Conventions follow PyTorch's `torch.optim` exactly (where ε sits, how weight decay enters).
public enum Transform: Sendable, Hashable {
    /// L2 weight decay added to the gradient: `u ← u + λθ` (PyTorch `weight_decay`).
    case addDecayedWeights(Double)
    /// Heavy-ball momentum: `b ← μb + u` (`b₁ = u₁`, dampening 0); then `u ← b`, or with Nesterov
    /// `u ← u + μb` (PyTorch SGD).
    case trace(momentum: Double, nesterov: Bool)
    /// Adam (Kingma & Ba 2015): `m ← β₁m + (1−β₁)u`, `v ← β₂v + (1−β₂)u²`,
    /// `u ← (m/(1−β₁ᵗ)) / (√(v̂/(1−β₂ᵗ)) + ε)` with `v̂ = v`, or with AMSGrad `v̂ = max(v̂, v)`.
    case scaleByAdam(beta1: Double, beta2: Double, epsilon: Double, amsgrad: Bool)
    /// RMSProp (Hinton 2012, PyTorch form): `v ← αv + (1−α)u²`; centred: `ḡ ← αḡ + (1−α)u`,
    /// `u ← u / (√(v − ḡ²) + ε)`, else `u ← u / (√v + ε)`.
    case scaleByRMS(alpha: Double, epsilon: Double, centered: Bool)
    /// Adagrad (Duchi et al. 2011): `s ← s + u²` (`s₀` = initial accumulator), `u ← u / (√s + ε)`.
    case scaleByRootSumOfSquares(initialAccumulator: Double, epsilon: Double)

    /// How many state vectors of the parameter size the transformation keeps.
    var stateVectors: Int {
        switch self {
        case .addDecayedWeights: return 0
        case .trace: return 1
        case .scaleByAdam(_, _, _, let ams): return ams ? 3 : 2
        case .scaleByRMS(_, _, let centered): return centered ? 2 : 1
        case .scaleByRootSumOfSquares: return 1
        }
    }

    func initialState(_ k: Int) -> Double {
        if case .scaleByRootSumOfSquares(let s0, _) = self { return s0 }
        return 0
    }
}

/// The state of one `Transform` on parameters of scalar type `S`.
struct TransformState<S: Scalar> {
    let transform: Transform
    // Up to three state vectors (the ones a transformation does not keep are empty).
    private var a: [S], b: [S], c: [S]

    init(_ transform: Transform, count: Int) {
        self.transform = transform
        func vector(_ k: Int) -> [S] {
            k < transform.stateVectors ? [S](repeating: S(transform.initialState(k)), count: count) : []
        }
        a = vector(0); b = vector(1); c = vector(2)
    }

    /// Applies the transformation to `u` in place; `t` is the 1-based step count.
    mutating func apply(_ u: UnsafeMutableBufferPointer<S>, _ θ: UnsafeBufferPointer<S>, t: Int) {
        let n = u.count
        switch transform {
        case .addDecayedWeights(let λ):
            guard λ != 0 else { return }
            S.axpy(n: n, alpha: S(λ), x: θ.baseAddress!, y: u.baseAddress!)

        case .trace(let μd, let nesterov):
            let μ = S(μd)
            a.withUnsafeMutableBufferPointer { b in
                for i in 0..<n {
                    b[i] = t == 1 ? u[i] : μ * b[i] + u[i]
                    u[i] = nesterov ? u[i] + μ * b[i] : b[i]
                }
            }

        case .scaleByAdam(let β1d, let β2d, let εd, let amsgrad):
            let β1 = S(β1d), β2 = S(β2d), ε = S(εd)
            let a1: S = 1 - β1, a2: S = 1 - β2
            // The bias corrections as factors: u = m·c₁ / (√v̂·c₂ + ε), c₁ = 1/(1−β₁ᵗ), c₂ = 1/√(1−β₂ᵗ).
            let correction1: Double = 1 - pow(β1d, Double(t))
            let correction2: Double = 1 - pow(β2d, Double(t))
            let c1 = S(1 / correction1), c2 = S(1 / correction2.squareRoot())
            withState { m, v, vmax in
                // Two loops rather than a test per element, so that each vectorises.
                if amsgrad {
                    for i in 0..<n {
                        let g: S = u[i]
                        m[i] = β1 * m[i] + a1 * g
                        v[i] = β2 * v[i] + a2 * (g * g)
                        vmax[i] = max(vmax[i], v[i])
                        u[i] = (m[i] * c1) / (vmax[i].squareRoot() * c2 + ε)
                    }
                } else {
                    for i in 0..<n {
                        let g: S = u[i]
                        m[i] = β1 * m[i] + a1 * g
                        v[i] = β2 * v[i] + a2 * (g * g)
                        u[i] = (m[i] * c1) / (v[i].squareRoot() * c2 + ε)
                    }
                }
            }

        case .scaleByRMS(let αd, let εd, let centered):
            let α = S(αd), ε = S(εd)
            withState { v, mean, _ in
                for i in 0..<n {
                    v[i] = α * v[i] + (1 - α) * u[i] * u[i]
                    var variance = v[i]
                    if centered {
                        mean[i] = α * mean[i] + (1 - α) * u[i]
                        variance -= mean[i] * mean[i]
                    }
                    u[i] = u[i] / (variance.squareRoot() + ε)
                }
            }

        case .scaleByRootSumOfSquares(_, let εd):
            let ε = S(εd)
            a.withUnsafeMutableBufferPointer { s in
                for i in 0..<n {
                    s[i] += u[i] * u[i]
                    u[i] = u[i] / (s[i].squareRoot() + ε)
                }
            }
        }
    }

    /// The three state vectors as mutable buffers.
    private mutating func withState(_ body: (UnsafeMutableBufferPointer<S>, UnsafeMutableBufferPointer<S>,
                                             UnsafeMutableBufferPointer<S>) -> Void) {
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeMutableBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in body(pa, pb, pc) }
            }
        }
    }
}
