import XCTest
import RepriseConfig
@testable import RepriseLearning

/// A few steps of each optimiser on fixed gradients, against values computed by hand from the
/// update equations in PyTorch's documentation (written out here, not taken from the code).
final class OptimizerTests: XCTestCase {
    let gradients: [[Double]] = [[0.5, -1.0], [0.2, 0.3], [-0.4, 0.1]]
    let start: [Double] = [1.0, -2.0]
    let clock = TrainingClock(step: 0, epoch: 0, stepsPerEpoch: 1, totalSteps: 10)

    private func run(_ variant: [String: ConfigValue]) -> [Double] {
        var opt = try! Optimizer<Double>(try! Registry.standard.optimizerPlan(variant), parameterCount: 2)
        let θ = Parameters(start)
        for g in gradients {
            var u = g
            opt.update(θ, gradient: &u, clock: clock, oracle: NoOracle())
        }
        return θ.values
    }

    /// Reference implementation of one coordinate, straight from the equations.
    private func byHand(_ update: (inout [String: Double], Double, Double, Int) -> Double) -> [Double] {
        (0..<2).map { i in
            var state: [String: Double] = [:]
            var θ = start[i]
            for (t, g) in gradients.enumerated() { θ = update(&state, θ, g[i], t + 1) }
            return θ
        }
    }

    private func assertClose(_ a: [Double], _ b: [Double], file: StaticString = #filePath, line: UInt = #line) {
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-12, file: file, line: line) }
    }

    func testSGDWithMomentumNesterovAndWeightDecay() {
        let lr = 0.1, μ = 0.9, λ = 0.01
        assertClose(run(["optimizer": "sgd", "lr": .double(lr)]), byHand { _, θ, g, _ in θ - lr * g })
        for nesterov in [false, true] {
            let expected = byHand { s, θ, g0, t in
                let g = g0 + λ * θ
                let b = t == 1 ? g : μ * s["b"]! + g
                s["b"] = b
                return θ - lr * (nesterov ? g + μ * b : b)
            }
            assertClose(run(["optimizer": "sgd", "lr": .double(lr), "momentum": .double(μ), "nesterov": .bool(nesterov), "weight_decay": .double(λ)]), expected)
        }
    }

    func testAdamAndAMSGrad() {
        let lr = 0.01, β1 = 0.9, β2 = 0.999, ε = 1e-8
        for ams in [false, true] {
            let expected = byHand { s, θ, g, t in
                let m = β1 * (s["m"] ?? 0) + (1 - β1) * g
                let v = β2 * (s["v"] ?? 0) + (1 - β2) * g * g
                let vmax = max(s["vmax"] ?? 0, v)
                s["m"] = m; s["v"] = v; s["vmax"] = vmax
                let mhat = m / (1 - pow(β1, Double(t)))
                let denominator = (ams ? vmax : v).squareRoot() / (1 - pow(β2, Double(t))).squareRoot() + ε
                return θ - lr * mhat / denominator
            }
            assertClose(run(["optimizer": "adam", "lr": .double(lr), "amsgrad": .bool(ams)]), expected)
        }
        // The first Adam step moves every coordinate by ≈ lr·sign(g), whatever the gradient's scale.
        var opt = try! Optimizer<Double>(try! Registry.standard.optimizerPlan(["optimizer": "adam", "lr": 0.01]), parameterCount: 2)
        let θ = Parameters([0.0, 0.0])
        var g = [1000.0, -0.001]
        opt.update(θ, gradient: &g, clock: clock, oracle: NoOracle())
        XCTAssertEqual(θ.values[0], -0.01, accuracy: 1e-8)
        XCTAssertEqual(θ.values[1], 0.01, accuracy: 1e-4)
    }

    func testRMSPropPlainCenteredAndWithMomentum() {
        let lr = 0.01, α = 0.99, ε = 1e-8
        for centered in [false, true] {
            for μ in [0.0, 0.9] {
                let expected = byHand { s, θ, g, _ in
                    let v = α * (s["v"] ?? 0) + (1 - α) * g * g
                    let mean = α * (s["mean"] ?? 0) + (1 - α) * g
                    s["v"] = v; s["mean"] = mean
                    let avg = (centered ? v - mean * mean : v).squareRoot() + ε
                    let b = μ * (s["b"] ?? 0) + g / avg
                    s["b"] = b
                    return θ - lr * (μ > 0 ? b : g / avg)
                }
                assertClose(run(["optimizer": "rmsprop", "lr": .double(lr), "centered": .bool(centered), "momentum": .double(μ)]), expected)
            }
        }
    }

    func testAdagradWithInitialAccumulator() {
        let lr = 0.1, ε = 1e-10
        for s0 in [0.0, 0.1] {
            let expected = byHand { s, θ, g, _ in
                let sum = (s["s"] ?? s0) + g * g
                s["s"] = sum
                return θ - lr * g / (sum.squareRoot() + ε)
            }
            assertClose(run(["optimizer": "adagrad", "lr": .double(lr), "initial_accumulator": .double(s0)]), expected)
        }
    }

    func testSchedules() {
        func at(_ step: Int, epoch: Int = 0) -> TrainingClock {
            TrainingClock(step: step, epoch: epoch, stepsPerEpoch: 10, totalSteps: 100)
        }
        XCTAssertEqual(Schedule.cosine.multiplier(at(0)), 1, accuracy: 1e-15)
        XCTAssertEqual(Schedule.cosine.multiplier(at(50)), 0.5, accuracy: 1e-15)
        XCTAssertEqual(Schedule.cosine.multiplier(at(100)), 0, accuracy: 1e-15)
        XCTAssertEqual(Schedule.cosine.multiplier(at(25)), (1 + cos(Double.pi / 4)) / 2, accuracy: 1e-15)
        let decay = Schedule.stepDecay(everyEpochs: 3, factor: 0.1)
        XCTAssertEqual(decay.multiplier(at(0, epoch: 2)), 1, accuracy: 1e-15)
        XCTAssertEqual(decay.multiplier(at(0, epoch: 3)), 0.1, accuracy: 1e-15)
        XCTAssertEqual(decay.multiplier(at(0, epoch: 7)), 0.01, accuracy: 1e-15)
    }
}

/// The TASO, HTD and cosine multipliers against values computed from the formulas of papers.md §3.
final class TASOScheduleTests: XCTestCase {
    private func clock(step: Int = 0, epoch: Int = 0, perEpoch: Int = 10, epochs: Int = 100) -> TrainingClock {
        TrainingClock(step: step, epoch: epoch, stepsPerEpoch: perEpoch, totalSteps: perEpoch * epochs)
    }

    func testPerEpochMultiplierWithFloor() {
        let taso = Schedule.tasoPerEpoch(alpha: 25, beta: 0.7)
        // E = 100, α = 25, β = 0.7: f(0) ≈ 1.001, f(99) ≈ 0.00155 (papers.md).
        XCTAssertEqual(taso.multiplier(clock(epoch: 0)), 1 / (1 + exp(25 * (0.01 - 0.7))) + 0.001, accuracy: 1e-15)
        XCTAssertEqual(taso.multiplier(clock(epoch: 0)), 1.001, accuracy: 1e-6)
        XCTAssertEqual(taso.multiplier(clock(epoch: 99)), 0.00155, accuracy: 1e-5)
        // Middle: k + 1 = 70 = βE gives exactly 1/2 + floor.
        XCTAssertEqual(taso.multiplier(clock(epoch: 69)), 0.501, accuracy: 1e-15)
        // Constant within an epoch: the step does not matter.
        XCTAssertEqual(taso.multiplier(clock(step: 5, epoch: 3)), taso.multiplier(clock(step: 9, epoch: 3)))
    }

    func testPerIterationMultiplierWithoutFloor() {
        let taso = Schedule.tasoPerIteration(alpha: 25, beta: 0.7)
        XCTAssertEqual(taso.multiplier(TrainingClock(step: 0, epoch: 0, stepsPerEpoch: 10, totalSteps: 1000)),
                       1 / (1 + exp(25 * (0.001 - 0.7))), accuracy: 1e-15)
        XCTAssertEqual(taso.multiplier(TrainingClock(step: 699, epoch: 69, stepsPerEpoch: 10, totalSteps: 1000)), 0.5, accuracy: 1e-15)
        XCTAssertEqual(taso.multiplier(TrainingClock(step: 999, epoch: 99, stepsPerEpoch: 10, totalSteps: 1000)),
                       1 / (1 + exp(25 * 0.3)), accuracy: 1e-15)
        XCTAssertLessThan(taso.multiplier(TrainingClock(step: 999, epoch: 99, stepsPerEpoch: 10, totalSteps: 1000)), 0.001)
    }

    func testHyperbolicTangentDecay() {
        let htd = Schedule.hyperbolicTangentDecay(lower: -6, upper: 3)
        func at(_ t: Int) -> Double { htd.multiplier(TrainingClock(step: t, epoch: 0, stepsPerEpoch: 1000, totalSteps: 1000)) }
        XCTAssertEqual(at(0), (1 - tanh(-6.0)) / 2, accuracy: 1e-15)  // ≈ 0.99999
        XCTAssertEqual(at(500), (1 - tanh(-1.5)) / 2, accuracy: 1e-15)
        XCTAssertEqual(at(1000), (1 - tanh(3.0)) / 2, accuracy: 1e-15)  // ≈ 0.00247
        XCTAssertEqual(at(1000), 0.002473, accuracy: 1e-6)
    }
}
