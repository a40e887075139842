import Foundation
import XCTest
import RepriseConfig
import RepriseNumerics
@testable import RepriseLearning

/// The optimizers in float32 against `torch.optim` on the same gradients: the parameters after each
/// of six steps, from `Fixtures/torch-optim.json` (written by `scripts/torch-optim-fixture.py` with
/// PyTorch's CPU build; the test reads only the JSON).
final class PyTorchAgreementTests: XCTestCase {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var variant: [String: Value]
            var torch: String
            var after: [[Float]]
        }
        enum Value: Decodable {
            case number(Double), flag(Bool), text(String)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let b = try? c.decode(Bool.self) { self = .flag(b) }
                else if let x = try? c.decode(Double.self) { self = .number(x) }
                else { self = .text(try c.decode(String.self)) }
            }
            var config: ConfigValue {
                switch self {
                case .number(let x): return .double(x)
                case .flag(let b): return .bool(b)
                case .text(let s): return .string(s)
                }
            }
        }
        var theta0: [Float]
        var gradients: [[Float]]
        var cases: [Case]
    }

    func testFloat32AgreementWithPyTorch() throws {
        // Bits are compared with numbers computed elsewhere: only on the kernel the CLI pins.
        switch BLASKernel.pinStatus {
        case .pinned: break
        case .unavailable(let why): throw XCTSkip("skipped: \(why)")
        case .notPinned(let core): return XCTFail(BLASKernel.notPinnedMessage(core))
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/torch-optim.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let clock = TrainingClock(step: 0, epoch: 0, stepsPerEpoch: 1, totalSteps: 10)
        var report: [String] = []
        for c in fixture.cases {
            let variant = c.variant.mapValues(\.config)
            var optimizer = try Optimizer<Float>(try Registry.standard.optimizerPlan(variant), parameterCount: fixture.theta0.count)
            let θ = Parameters(fixture.theta0)
            var worstULPs: Float = 0, identical = 0, total = 0
            for (t, g) in fixture.gradients.enumerated() {
                var u = g
                optimizer.update(θ, gradient: &u, clock: clock, oracle: NoOracle())
                for (k, (ours, theirs)) in zip(θ.values, c.after[t]).enumerated() {
                    // In units in the last place of the parameter's scale along its path (θ₀ or θ_t).
                    worstULPs = max(worstULPs, abs(ours - theirs) / max(abs(theirs), abs(fixture.theta0[k])).ulp)
                    identical += ours == theirs ? 1 : 0
                    total += 1
                }
            }
            report.append(String(format: "%@: %.1f%% of parameters bit-identical, largest difference %.0f ulp", c.torch,
                                 100 * Double(identical) / Double(total), Double(worstULPs)))
            // SGD matches bit for bit; Adam, RMSProp and Adagrad round `lr·(m/ρ)` where PyTorch rounds
            // `(lr·m)/ρ` (the learning rate is the chain's last link): a few units in the last place.
            XCTAssertLessThanOrEqual(worstULPs, c.variant["optimizer"].map { if case .text("sgd") = $0 { return 0 } else { return 8 } } ?? 8, c.torch)
        }
        print(report.joined(separator: "\n"))
    }
}
