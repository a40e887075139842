import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseStore
@testable import RepriseRunner

/// The guide's worked example: Lion, one file of this target, checked against its paper's
/// equations written out by hand in Double, then run from a spec through the registry.
final class LionExampleTests: FolderTestCase {
    private var registry: Registry {
        var r = Registry.standard
        r.register(Lion.self)
        return r
    }

    /// Three steps on fixed gradients; the third coordinate has c = 0 for two steps (sign 0: decay only).
    func testLionFollowsItsEquations() throws {
        let gradients: [[Double]] = [[0.5, -1.0, 0.0], [0.2, 0.3, 0.0], [-0.4, 0.1, 0.7]]
        let start: [Double] = [1.0, -2.0, 0.5]
        let (lr, β1, β2, λ) = (0.01, 0.9, 0.99, 0.1)
        var opt = try Optimizer<Double>(try registry.optimizerPlan(["optimizer": "lion", "lr": .double(lr), "weight_decay": .double(λ)]),
                                        parameterCount: 3)
        let θ = Parameters(start)
        let clock = TrainingClock(step: 0, epoch: 0, stepsPerEpoch: 1, totalSteps: 3)
        for g in gradients {
            var u = g
            opt.update(θ, gradient: &u, clock: clock, oracle: NoOracle())
        }
        for i in 0..<3 {
            var x = start[i], m = 0.0
            for g in gradients.map({ $0[i] }) {
                let c = β1 * m + (1 - β1) * g
                x -= lr * ((c > 0 ? 1 : c < 0 ? -1 : 0) + λ * x)
                m = β2 * m + (1 - β2) * g
            }
            XCTAssertEqual(θ.values[i], x, accuracy: 1e-15, "coordinate \(i)")
        }
    }

    /// The catalog lists it with its keys, and a spec trains with it (Rosenbrock, 200 steps), its
    /// settings in its own table (`lion = { lr = …, beta1 = … }`).
    func testLionRunsFromASpec() throws {
        XCTAssertNotNil(registry.catalog.component(.transformation, "lion"))
        let path = "\(directory)/experiments/lion.toml"
        try """
        name = "lion"
        title = "Lion"
        paper = "none"
        seeds = [0]
        [problem]
        kind = "objective"
        function = "rosenbrock"
        start = [-1.2, 1.0]
        [budget]
        steps = 200
        [[variants]]
        name = "lion"
        optimizer = "lion"
        lion = { lr = 0.01, beta1 = 0.9 }
        [[variants]]
        name = "lion-decay"
        chain = ["lion"]
        schedule = "step"
        lion = { lr = 0.01 }
        step = { step_every = 100, step_factor = 0.5 }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let spec = try ExperimentSpec.load(path, catalog: registry.catalog)
        let options = RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory)
        let report = try Runner(options: options, registry: registry).run(spec)
        XCTAssertEqual(report.ran.count, 2)
        let loss = try ResultStore.read(Runner(options: options, registry: registry).path(of: spec.cells()[0])).series["epochs"]!["loss"]!
        XCTAssertLessThan(loss.last!, loss.first! / 10, "Lion lowers Rosenbrock from 24.2")
    }
}
