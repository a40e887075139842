import Foundation
import RepriseConfig
import RepriseLearning
import RepriseNumerics

/// A problem defined in the test target only, to show that adding a problem is one file: the
/// quadratic `f(θ) = ½ Σᵢ aᵢθᵢ²` with `aᵢ = scale^(i/(D−1))`, started at `θ = (1, …, 1)`.
struct Quadratic: ProblemDefinition {
    static let component = ComponentDescription(
        name: "quadratic", kind: .problem, summary: "½ Σ aᵢθᵢ² (test only)",
        keys: [.value("dimension", .int, .int(4), .between(2, 1000), "D"),
               .value("scale", .number, .double(10), .positive, "the condition number a_D/a_1")],
        provides: [.gradient, .directional], metrics: [.minimize("loss")], tensors: ["final_parameters"])

    let curvatures: [Double]
    init(_ s: Settings) {
        let d = s.int("dimension")
        curvatures = (0..<d).map { pow(s.number("scale"), Double($0) / Double(d - 1)) }
    }

    func stepsPerEpoch(batchSize: Int, data: DataCache) throws -> Int { 1 }

    func makeTrial(_ setup: TrialSetup) throws -> any Trial { try QuadraticTrial(a: curvatures, setup: setup) }

    final class QuadraticTrial: Trial, LossOracle {
        let a: [Double]
        let θ: Parameters<Double>
        var gradient: [Double]
        var optimizer: Optimizer<Double>
        let diagnostics = Diagnostics()
        var loss = 0.0
        var capabilities: OracleCapabilities { [.gradient, .directional] }
        var divergence: DivergenceBound { .absolute(1e6) }

        init(a: [Double], setup: TrialSetup) throws {
            self.a = a
            θ = Parameters([Double](repeating: 1, count: a.count))
            gradient = θ.values
            optimizer = try Optimizer(setup.optimizer, setup: TransformSetup(parameterCount: a.count, layers: [], diagnostics: diagnostics,
                                                                         streams: setup.streams))
        }

        var stepsPerEpoch: Int { 1 }
        func save(into state: inout StateArchive) {
            state.put("parameters", θ.values)
            state.put("optimizer", part: optimizer.state)
        }
        func restore(from state: StateArchive) throws {
            try state.copy("parameters", into: &θ.values)
            try optimizer.restore(from: state.part("optimizer"))
        }
        func value() -> Double { zip(a, θ.values).map { 0.5 * $0 * $1 * $1 }.reduce(0, +) }

        func step(_ clock: TrainingClock) -> Double {
            loss = value()
            for i in a.indices { gradient[i] = a[i] * θ.values[i] }
            optimizer.update(θ, gradient: &gradient, clock: clock, oracle: self)
            return loss
        }

        func directional(along d: UnsafeBufferPointer<Double>) -> (value: Double, slope: Double) {
            (loss, a.indices.reduce(0) { $0 + a[$1] * θ.values[$1] * d[$1] })
        }

        func evaluate() -> [(name: String, value: Double)] { [("loss", value())] }
        func tensors() -> [Tensor] { [Tensor(name: "final_parameters", shape: [a.count], values: .float64(θ.values))] }
    }
}
