import Foundation
import RepriseConfig
import RepriseNumerics

/// Momentum as in Duda's experiments, an exponential moving average of gradients:
/// `m += γ(g − m)`, `θ −= α·m` (not PyTorch's heavy ball; papers.md §4).
public struct EMAMomentum: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "ema_momentum", kind: .transformation,
        summary: "momentum as a moving average of gradients, m += γ(g − m), θ −= lr·m (Duda's experiments)",
        keys: [.required("lr", .number, .positive, "α: the step along m"),
               .value("gamma", .number, .double(0.5), Check("in (0, 1]") { v in (v.number ?? 1) > 0 && (v.number ?? 1) <= 1 },
                      "γ: the weight of the new gradient")])
    public var gamma: Double
    public init(_ s: Settings) { gamma = s.number("gamma") }
    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [Link<S>(gamma: gamma, count: setup.parameterCount)]
    }

    final class Link<S: Scalar>: GradientTransformation {
        let γ: S
        var m: [S]
        var stateBytes: Int { bytes(m) }
        func save(into state: inout StateArchive) { state.put("m", m) }
        func restore(from state: StateArchive) throws { try state.copy("m", into: &m) }
        init(gamma: Double, count: Int) { γ = S(gamma); m = [S](repeating: 0, count: count) }
        @_specialize(where S == Float)
        @_specialize(where S == Double)
        func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
            let γ = self.γ
            m.withUnsafeMutableBufferPointer { m in
                for i in 0..<u.count { m[i] += γ * (u[i] - m[i]); u[i] = m[i] }
            }
        }
    }
}
