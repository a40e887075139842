import Foundation
import CKernels
import RepriseConfig
import RepriseNumerics

/// Adam (Kingma & Ba 2015) as PyTorch's `torch.optim.Adam` (L2 decay added to the gradient, not
/// AdamW), in PyTorch's order of float32 operations: `u ← g + λθ`,
/// `m ← m + (1−β₁)(u − m)` (`lerp`), `v ← β₂v + (1−β₂)u²`, `v̂ = v` or with AMSGrad `v̂ = max(v̂, v)`,
/// `u ← (m/(1−β₁ᵗ)) / (√v̂/√(1−β₂ᵗ) + ε)`. Every coefficient is formed in Double and rounded once.
public struct Adam: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "adam", kind: .transformation,
        summary: "Adam / AMSGrad with L2 weight decay (torch.optim.Adam)",
        keys: [
            .value("lr", .number, .double(1e-3), .positive, "learning rate lr"),
            .value("beta1", .number, .double(0.9), .unitInterval, "decay β₁ of the first moment m"),
            .value("beta2", .number, .double(0.999), .unitInterval, "decay β₂ of the second moment v"),
            .value("eps", .number, .double(1e-8), .positive, "ε added to √v̂"),
            .value("amsgrad", .bool, .bool(false), nil, "AMSGrad: divide by the running maximum of v"),
            .value("weight_decay", .number, .double(0), .nonNegative, "L2 weight decay λ added to the gradient"),
        ],
        revision: 2,  // 2: coefficients formed in Double, PyTorch's operation order
        memory: { s, e in e.addingState("adam", parameterSized: s.has("amsgrad") && s.bool("amsgrad") ? 3 : 2) })  // m, v (and AMSGrad's max v)

    public var beta1: Double, beta2: Double, epsilon: Double, amsgrad: Bool, weightDecay: Double

    public init(_ s: Settings) {
        beta1 = s.number("beta1")
        beta2 = s.number("beta2")
        epsilon = s.number("eps")
        amsgrad = s.bool("amsgrad")
        weightDecay = s.number("weight_decay")
    }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [AddDecayedWeights<S>(weightDecay), ScaleByAdam<S>(self, count: setup.parameterCount)]
    }
}

final class ScaleByAdam<S: Scalar>: GradientTransformation {
    private let definition: Adam
    private var m: [S], v: [S], vmax: [S]
    var stateBytes: Int { bytes(m) + bytes(v) + bytes(vmax) }
    func save(into state: inout StateArchive) { state.put("m", m); state.put("v", v); state.put("vmax", vmax) }
    func restore(from state: StateArchive) throws {
        try state.copy("m", into: &m); try state.copy("v", into: &v); try state.copy("vmax", into: &vmax)
    }

    init(_ d: Adam, count: Int) {
        definition = d
        m = [S](repeating: 0, count: count)
        v = m
        vmax = d.amsgrad ? m : []
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let d = definition, t = Double(context.t)
        let β2 = S(d.beta2), a1 = S(1 - d.beta1), a2 = S(1 - d.beta2), ε = S(d.epsilon)
        let c1 = S(1 / (1 - pow(d.beta1, t)))                // 1/(1−β₁ᵗ)
        let s2 = S((1 - pow(d.beta2, t)).squareRoot())        // √(1−β₂ᵗ)
        let n = u.count, b1: S = -(1 - a1), lerpFromM = a1 < 0.5
        // One pass per element (m, v, then u), so that each state vector is read and written once,
        // eight lanes at a time.
        let amsgrad = d.amsgrad
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                vmax.withUnsafeMutableBufferPointer { vmax in
                    if S.self == Float.self, FloatUpdates.useC {
                        Parallel.ranges(n) { r in
                            reprise_adam_f32(r.count, UnsafeMutableRawPointer(u.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), UnsafeMutableRawPointer(m.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), UnsafeMutableRawPointer(v.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self),
                                             amsgrad ? UnsafeMutableRawPointer(vmax.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self) : nil, amsgrad ? 1 : 0, lerpFromM ? 1 : 0,
                                             Float(a1), Float(b1), Float(β2), Float(a2), Float(c1), Float(s2), Float(ε))
                        }
                        return
                    }
                    Elementwise.lanes(count: n, u.baseAddress!, m.baseAddress!, v.baseAddress!, amsgrad ? vmax.baseAddress! : nil) { g, m, v, vmax in
                        // torch.lerp, fused as ATen's kernel: `fma(w, g − m, m)` for w < 0.5, else `fma(−(1 − w), g − m, g)`.
                        m = lerpFromM ? m.addingProduct(a1, g - m) : g.addingProduct(b1, g - m)
                        v = v * β2 + a2 * g * g
                        let second = amsgrad ? pointwiseMax(vmax, v) : v
                        if amsgrad { vmax = second }
                        g = (c1 * m) / (second.squareRoot() / s2 + ε)
                    }
                }
            }
        }
    }
}
