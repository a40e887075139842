import CKernels
import RepriseConfig
import RepriseNumerics

/// Adagrad (Duchi et al. 2011) as PyTorch's `torch.optim.Adagrad` without learning-rate decay:
/// `u ← g + λθ`, `s ← s + u²` (`s₀` the initial accumulator), `u ← u / (√s + ε)`.
public struct Adagrad: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "adagrad", kind: .transformation,
        summary: "Adagrad (torch.optim.Adagrad, no learning-rate decay)",
        keys: [
            .value("lr", .number, .double(1e-2), .positive, "learning rate lr"),
            .value("initial_accumulator", .number, .double(0), .nonNegative, "initial value s₀ of the sum of squares"),
            .value("eps", .number, .double(1e-10), .positive, "ε added to √s"),
            .value("weight_decay", .number, .double(0), .nonNegative, "L2 weight decay λ added to the gradient"),
        ])

    public var initialAccumulator: Double
    public var epsilon: Double
    public var weightDecay: Double

    public init(_ s: Settings) {
        initialAccumulator = s.number("initial_accumulator")
        epsilon = s.number("eps")
        weightDecay = s.number("weight_decay")
    }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [AddDecayedWeights<S>(weightDecay), ScaleByRootSumOfSquares<S>(self, count: setup.parameterCount)]
    }
}

final class ScaleByRootSumOfSquares<S: Scalar>: GradientTransformation {
    private let ε: S
    private var sum: [S]
    var stateBytes: Int { bytes(sum) }
    func save(into state: inout StateArchive) { state.put("sum", sum) }
    func restore(from state: StateArchive) throws { try state.copy("sum", into: &sum) }

    init(_ d: Adagrad, count: Int) {
        ε = S(d.epsilon)
        sum = [S](repeating: S(d.initialAccumulator), count: count)
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let ε = self.ε
        sum.withUnsafeMutableBufferPointer { s in
            if S.self == Float.self, FloatUpdates.useC {
                Parallel.ranges(u.count) { r in
                    reprise_adagrad_f32(r.count, UnsafeMutableRawPointer(u.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), UnsafeMutableRawPointer(s.baseAddress! + r.lowerBound).assumingMemoryBound(to: Float.self), Float(ε))
                }
                return
            }
            Elementwise.lanes(count: u.count, u.baseAddress!, s.baseAddress!, nil, nil) { g, s, _, _ in
                s += g * g
                g = g / (s.squareRoot() + ε)
            }
        }
    }
}
