import CKernels
import RepriseConfig
import RepriseNumerics

/// RMSProp (Hinton 2012) as PyTorch's `torch.optim.RMSprop`, in its order of float32 operations:
/// `u ← g + λθ`, `v ← αv + (1−α)u²`; centred: `ḡ ← ḡ + (1−α)(u − ḡ)` and `ρ = √(v − ḡ²) + ε`, else
/// `ρ = √v + ε`; with momentum `μ > 0`: `b ← μb + u/ρ` (`b₀ = 0`), `u ← b`; else `u ← u/ρ`.
public struct RMSProp: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "rmsprop", kind: .transformation,
        summary: "RMSProp, plain or centred, with optional momentum and L2 weight decay (torch.optim.RMSprop)",
        keys: [
            .value("lr", .number, .double(1e-2), .positive, "learning rate lr"),
            .value("alpha", .number, .double(0.99), .unitInterval, "smoothing constant α of the squared-gradient average"),
            .value("eps", .number, .double(1e-8), .positive, "ε added to the root mean square"),
            .value("centered", .bool, .bool(false), nil, "subtract the squared mean gradient (centred RMSProp)"),
            .value("momentum", .number, .double(0), .unitInterval, "momentum μ of the scaled step (0: none)"),
            .value("weight_decay", .number, .double(0), .nonNegative, "L2 weight decay λ added to the gradient"),
        ],
        revision: 2)  // 2: 1 − α formed in Double, PyTorch's operation order

    public var alpha: Double, epsilon: Double, centered: Bool, momentum: Double, weightDecay: Double

    public init(_ s: Settings) {
        alpha = s.number("alpha")
        epsilon = s.number("eps")
        centered = s.bool("centered")
        momentum = s.number("momentum")
        weightDecay = s.number("weight_decay")
    }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [AddDecayedWeights<S>(weightDecay), ScaleByRMS<S>(self, count: setup.parameterCount)]
    }
}

final class ScaleByRMS<S: Scalar>: GradientTransformation {
    private let definition: RMSProp
    private var v: [S], mean: [S], buffer: [S]
    var stateBytes: Int { bytes(v) + bytes(mean) + bytes(buffer) }
    func save(into state: inout StateArchive) { state.put("v", v); state.put("mean", mean); state.put("buffer", buffer) }
    func restore(from state: StateArchive) throws {
        try state.copy("v", into: &v); try state.copy("mean", into: &mean); try state.copy("buffer", into: &buffer)
    }

    init(_ d: RMSProp, count: Int) {
        definition = d
        v = [S](repeating: 0, count: count)
        mean = d.centered ? v : []
        buffer = d.momentum != 0 ? v : []
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let d = definition, n = u.count
        let α = S(d.alpha), a = S(1 - d.alpha), ε = S(d.epsilon), μ = S(d.momentum)
        let centered = d.centered, momentum = d.momentum != 0, lerpFromMean = a < 0.5
        v.withUnsafeMutableBufferPointer { v in
            mean.withUnsafeMutableBufferPointer { mean in
                buffer.withUnsafeMutableBufferPointer { b in
                    if S.self == Float.self, FloatUpdates.useC {
                        Parallel.ranges(n) { r in
                            reprise_rmsprop_f32(r.count, UnsafeMutableRawPointer(u.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), UnsafeMutableRawPointer(v.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), centered ? UnsafeMutableRawPointer(mean.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self) : nil,
                                                momentum ? UnsafeMutableRawPointer(b.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self) : nil, centered ? 1 : 0, lerpFromMean ? 1 : 0,
                                                Float(α), Float(a), Float(ε), Float(μ))
                        }
                        return
                    }
                    Elementwise.lanes(count: n, u.baseAddress!, v.baseAddress!, centered ? mean.baseAddress! : nil,
                                      momentum ? b.baseAddress! : nil) { g, v, mean, b in
                        v = v * α + a * g * g
                        var ρ: SIMD8<S>
                        if centered {
                            mean = lerpFromMean ? mean.addingProduct(a, g - mean) : g.addingProduct(-(1 - a), g - mean)
                            ρ = (v + (-1 * mean) * mean).squareRoot()
                        } else {
                            ρ = v.squareRoot()
                        }
                        ρ += ε
                        if momentum {
                            b = b * μ + g / ρ
                            g = b
                        } else {
                            g = g / ρ
                        }
                    }
                }
            }
        }
    }
}
