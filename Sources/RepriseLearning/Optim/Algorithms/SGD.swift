import RepriseConfig
import RepriseNumerics

/// Stochastic gradient descent as PyTorch's `torch.optim.SGD`: `u ← g + λθ`; with momentum `μ > 0`,
/// `b ← μb + u` (`b₁ = u₁`) and `u ← b`, or `u ← u + μb` with Nesterov; then `θ ← θ − lr·u`.
public struct SGD: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "sgd", kind: .transformation,
        summary: "SGD with optional heavy-ball or Nesterov momentum and L2 weight decay (torch.optim.SGD)",
        keys: [
            .required("lr", .number, .positive, "learning rate lr"),
            .value("momentum", .number, .double(0), .unitInterval, "momentum μ (0: none)"),
            .value("nesterov", .bool, .bool(false), nil, "Nesterov momentum: u ← u + μb instead of u ← b"),
            .value("weight_decay", .number, .double(0), .nonNegative, "L2 weight decay λ added to the gradient"),
        ])

    public var momentum: Double
    public var nesterov: Bool
    public var weightDecay: Double

    public init(_ s: Settings) {
        momentum = s.number("momentum")
        nesterov = s.bool("nesterov")
        weightDecay = s.number("weight_decay")
    }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        var links: [any GradientTransformation<S>] = [AddDecayedWeights<S>(weightDecay)]
        if momentum != 0 { links.append(Trace<S>(momentum: momentum, nesterov: nesterov, count: setup.parameterCount)) }
        return links
    }
}
