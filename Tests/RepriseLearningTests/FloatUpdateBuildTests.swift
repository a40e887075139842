import XCTest
import RepriseConfig
import RepriseNumerics
@testable import RepriseLearning

/// The float32 optimizer updates exist three times: the C kernels' baseline build, their AVX2/FMA
/// build, and the Swift formulas that Double runs. These tests run every update through each and
/// demand the same bits, so that neither the CPU nor an edit to one copy can change a stored number;
/// and the Double formulas, on the same inputs rounded to Float, agree with the Float ones to
/// float32 rounding (the formulas, not just their builds, are the same).
final class FloatUpdateBuildTests: XCTestCase {
    /// Variants that reach every branch of the four kernels (lerp from either end, AMSGrad,
    /// centred, momentum, Nesterov, first step).
    let variants: [[String: ConfigValue]] = [
        ["optimizer": "sgd", "lr": 0.1, "momentum": 0.9],
        ["optimizer": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": true, "weight_decay": 0.01],
        ["optimizer": "adam", "lr": 0.01],
        ["optimizer": "adam", "lr": 0.01, "beta1": 0.3, "amsgrad": true],
        ["optimizer": "rmsprop", "lr": 0.01],
        ["optimizer": "rmsprop", "lr": 0.01, "alpha": 0.3, "centered": true, "momentum": 0.5],
        ["optimizer": "rmsprop", "lr": 0.01, "centered": true],
        ["optimizer": "adagrad", "lr": 0.1],
    ]
    /// 67 coordinates: eight-lane loops and their tails; gradients spanning six orders of magnitude.
    let count = 67, steps = 6

    private func gradients() -> [[Double]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<steps).map { _ in (0..<count).map { _ in (next() * 2 - 1) * pow(10, next() * 6 - 4) } }
    }

    private func run<S: Scalar>(_ variant: [String: ConfigValue], _ type: S.Type, route: FloatUpdates.Route = .automatic) throws -> [S] {
        FloatUpdates.select(route)
        defer { FloatUpdates.select(.automatic) }
        var optimizer = try Optimizer<S>(try Registry.standard.optimizerPlan(variant), parameterCount: count)
        let θ = Parameters((0..<count).map { S(Float(Double($0) / 10 - 3)) })
        let clock = TrainingClock(step: 0, epoch: 0, stepsPerEpoch: 1, totalSteps: steps)
        for g in gradients() {
            var u = g.map { S(Float($0)) }
            optimizer.update(θ, gradient: &u, clock: clock, oracle: NoOracle())
        }
        return θ.values
    }

    func testBaselineAVX2AndSwiftBuildsGiveTheSameBits() throws {
        let hasAVX2 = FloatUpdates.select(.avx2)
        FloatUpdates.select(.automatic)
        for variant in variants {
            let name = "\(variant)"
            let swift = try run(variant, Float.self, route: .swift).map(\.bitPattern)
            let baseline = try run(variant, Float.self, route: .baseline).map(\.bitPattern)
            XCTAssertEqual(baseline, swift, "baseline C build against the Swift formulas: \(name)")
            if hasAVX2 {
                XCTAssertEqual(try run(variant, Float.self, route: .avx2).map(\.bitPattern), baseline, "AVX2/FMA build against the baseline: \(name)")
            }
            XCTAssertEqual(try run(variant, Float.self).map(\.bitPattern), baseline, "the run-time choice: \(name)")
        }
        if !hasAVX2 { print("FloatUpdateBuildTests: this CPU lacks AVX2/FMA; the AVX2 build was not compared") }
    }

    /// Double against Float on the same (Float-rounded) inputs: a relative difference of a few float32
    /// ulps per step, never a different formula. A dropped term or a swapped β would be off by far more.
    func testDoubleAndFloatFormulasAgreeToFloatRounding() throws {
        for variant in variants {
            let single = try run(variant, Float.self), double = try run(variant, Double.self)
            for (k, (f, d)) in zip(single, double).enumerated() {
                XCTAssertEqual(Double(f), d, accuracy: 64 * Double(Float.ulpOfOne) * max(1, abs(d)), "\(variant) coordinate \(k)")
            }
        }
    }
}
