import RepriseConfig
import RepriseLearning
import RepriseNumerics

/// The worked example of docs/reference.md, "Adding an algorithm": Lion (Chen et al. 2023,
/// "Symbolic Discovery of Optimization Algorithms", Program 1), defined in the test target only.
/// With gradient `g`, momentum `m` (zero at the start) and decoupled weight decay `λ`:
///
///     c = β₁·m + (1 − β₁)·g          the interpolation the sign is taken of
///     u = sign(c) + λ·θ              the update the chain hands to the learning-rate link
///     m ← β₂·m + (1 − β₂)·g          the momentum, updated after the sign
///
/// and the chain's last link takes `θ ← θ − lr·u` (`sign(0) = 0`, as `torch.sign`).
struct Lion: TransformationDefinition {
    static let component = ComponentDescription(
        name: "lion", kind: .transformation,
        summary: "Lion: the sign of an interpolated momentum, with decoupled weight decay (Chen et al. 2023; example)",
        keys: [
            // The learning rate is a key like any other: the link that declares `lr` sets the
            // chain's rate, and a chain without one is refused at validation.
            .value("lr", .number, .double(1e-4), .positive, "learning rate lr"),
            .value("beta1", .number, .double(0.9), .unitInterval, "β₁: the interpolation whose sign is the step"),
            .value("beta2", .number, .double(0.99), .unitInterval, "β₂: the momentum's decay"),
            .value("weight_decay", .number, .double(0), .nonNegative, "λ: decoupled weight decay (u += λθ)"),
        ])

    let beta1: Double, beta2: Double, weightDecay: Double

    init(_ s: Settings) {
        beta1 = s.number("beta1")
        beta2 = s.number("beta2")
        weightDecay = s.number("weight_decay")
    }

    func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [Link<S>(self, count: setup.parameterCount)]
    }

    final class Link<S: Scalar>: GradientTransformation {
        // Coefficients formed in Double and rounded once to S.
        let a1: S, b1: S, a2: S, b2: S, λ: S
        var m: [S]
        var stateBytes: Int { m.count * MemoryLayout<S>.stride }
        /// The momentum is all Lion carries between steps: a checkpoint saves it.
        func save(into state: inout StateArchive) { state.put("m", m) }
        func restore(from state: StateArchive) throws { try state.copy("m", into: &m) }

        init(_ d: Lion, count: Int) {
            (a1, b1) = (S(d.beta1), S(1 - d.beta1))
            (a2, b2) = (S(d.beta2), S(1 - d.beta2))
            λ = S(d.weightDecay)
            m = [S](repeating: 0, count: count)  // allocated once; update allocates nothing
        }

        @_specialize(where S == Float)
        @_specialize(where S == Double)
        func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
            m.withUnsafeMutableBufferPointer { m in
                for i in 0..<u.count {
                    let g = u[i], c = a1 * m[i] + b1 * g
                    u[i] = (c > 0 ? 1 : c < 0 ? -1 : 0) + λ * θ[i]
                    m[i] = a2 * m[i] + b2 * g
                }
            }
        }
    }
}
