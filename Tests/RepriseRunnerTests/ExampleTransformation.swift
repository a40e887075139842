import RepriseConfig
import RepriseLearning
import RepriseNumerics

/// A transformation defined in the test target only, to show that adding an algorithm is one file:
/// it normalises the update, `u ← u/‖u‖`, and publishes `‖g‖` and the slope `φ'(0) = gᵀ(−u)` along
/// the step it takes, asked of the loss oracle.
struct NormalizedStep: TransformationDefinition {
    static let component = ComponentDescription(
        name: "normalized", kind: .transformation, summary: "u ← u/‖u‖ (test only)",
        keys: [.value("min_norm", .number, .double(1e-12), .positive, "norms below this leave u unchanged")],
        needs: [.directional], diagnostics: [.neutral("update_norm"), .neutral("slope")])

    let minNorm: Double
    init(_ s: Settings) { minNorm = s.number("min_norm") }

    func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [Link<S>(minNorm: minNorm, diagnostics: setup.diagnostics, count: setup.parameterCount)]
    }

    final class Link<S: Scalar>: GradientTransformation {
        let minNorm: Double
        let norm: DiagnosticSlot, slope: DiagnosticSlot
        var direction: [S]
        var stateBytes: Int { direction.count * MemoryLayout<S>.stride }
        /// `direction` is rewritten before it is read each step: nothing carries over.
        func save(into state: inout StateArchive) {}
        func restore(from state: StateArchive) throws {}

        init(minNorm: Double, diagnostics: Diagnostics, count: Int) {
            self.minNorm = minNorm
            norm = diagnostics.slot("update_norm")
            slope = diagnostics.slot("slope")
            direction = [S](repeating: 0, count: count)
        }

        func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
            let n = u.indices.reduce(0.0) { $0 + Double(u[$1] * u[$1]) }.squareRoot()
            norm.publish(n)
            guard n > minNorm else { return }
            for i in u.indices { u[i] = S(Double(u[i]) / n); direction[i] = -u[i] }
            slope.publish(direction.withUnsafeBufferPointer { context.oracle.directional(along: $0).slope })
        }
    }
}

/// A transformation that asks for something analytic objectives cannot answer.
struct NeedsLayers: TransformationDefinition {
    static let component = ComponentDescription(name: "needs_layers", kind: .transformation, summary: "test only", keys: [],
                                                needs: [.layerStatistics])
    init(_ s: Settings) {}
    func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] { [] }
}
