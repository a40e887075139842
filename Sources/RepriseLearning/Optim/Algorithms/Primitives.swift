import CKernels
import RepriseNumerics

// Links shared by several optimizers, in PyTorch's conventions (`torch.optim`). Scalar
// coefficients are formed in Double and rounded once to `S`.

/// L2 weight decay added to the gradient: `u ← u + λθ` (PyTorch `weight_decay`, not AdamW).
final class AddDecayedWeights<S: Scalar>: GradientTransformation {
    let λ: S
    var stateBytes: Int { 0 }
    init(_ λ: Double) { self.λ = S(λ) }
    func save(into state: inout StateArchive) {}
    func restore(from state: StateArchive) throws {}

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        guard λ != 0 else { return }
        S.axpy(n: u.count, alpha: λ, x: θ.baseAddress!, y: u.baseAddress!)
    }
}

/// Heavy-ball momentum: `b ← μb + u` with `b₁ = u₁` (dampening 0); then `u ← b`, or with Nesterov
/// `u ← u + μb` (PyTorch SGD; RMSProp's buffer is the same recursion started from `b₀ = 0`).
final class Trace<S: Scalar>: GradientTransformation {
    let μ: S
    let nesterov: Bool
    private var buffer: [S]
    var stateBytes: Int { bytes(buffer) }
    func save(into state: inout StateArchive) { state.put("buffer", buffer) }
    func restore(from state: StateArchive) throws { try state.copy("buffer", into: &buffer) }

    init(momentum: Double, nesterov: Bool, count: Int) {
        μ = S(momentum)
        self.nesterov = nesterov
        buffer = [S](repeating: 0, count: count)
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let μ = self.μ, first = context.t == 1
        let nesterov = self.nesterov
        buffer.withUnsafeMutableBufferPointer { b in
            if S.self == Float.self, FloatUpdates.useC {
                Parallel.ranges(u.count) { r in
                    reprise_trace_f32(r.count, UnsafeMutableRawPointer(u.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), UnsafeMutableRawPointer(b.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), first ? 1 : 0, nesterov ? 1 : 0, Float(μ))
                }
                return
            }
            Elementwise.lanes(count: u.count, u.baseAddress!, b.baseAddress!, nil, nil) { u, b, _, _ in
                b = first ? u : μ * b + u
                // PyTorch's add(buf, alpha=μ) is one fused multiply-add.
                u = nesterov ? u.addingProduct(μ, b) : b
            }
        }
    }
}
