import XCTest
import RepriseNumerics
@testable import RepriseLearning

/// Every layer and loss against central finite differences in Double: the gradient (reverse mode)
/// and the directional derivative (forward mode) of the loss, for random parameters, inputs and
/// directions.
final class DerivativeTests: XCTestCase {
    let h = 1e-6

    private func randomBatch(_ rng: inout RandomStream, rows: Int, features: Int, classes: Int, loss: LossFunction) -> Batch<Double> {
        let x = Matrix<Double>(rows: rows, cols: features, storage: (0..<(rows * features)).map { _ in rng.normal() })
        let labels = (0..<rows).map { _ in Int32(rng.integer(below: classes)) }
        let targets = Matrix<Double>(rows: rows, cols: classes, storage: (0..<(rows * classes)).map { _ in rng.normal() })
        return loss == .crossEntropy ? Batch(inputs: x, labels: labels) : Batch(inputs: x, targets: targets)
    }

    /// Central difference of the network loss along `d`.
    private func finiteDifference(_ net: Network<Double>, _ batch: Batch<Double>, _ θ: [Double], _ d: [Double]) -> Double {
        let plus = zip(θ, d).map { $0 + h * $1 }, minus = zip(θ, d).map { $0 - h * $1 }
        let fp = net.loss.value(net.forward(batch.inputs, plus), batch)
        let fm = net.loss.value(net.forward(batch.inputs, minus), batch)
        return (fp - fm) / (2 * h)
    }

    private func checkNetwork(activation: Activation, loss: LossFunction, file: StaticString = #filePath, line: UInt = #line) {
        var rng = RandomStream(key: 11)
        let net = Network<Double>(mlp: [5, 7, 6, 3], activation: activation, loss: loss, initialization: .glorot)
        let θ = net.initialParameters(rng: &rng).map { $0 + 0.1 * rng.normal() }  // non-zero biases too
        let batch = randomBatch(&rng, rows: 4, features: 5, classes: 3, loss: loss)
        var gradient = [Double](repeating: 0, count: net.parameterCount)
        let value = net.lossAndGradient(batch, θ, gradient: &gradient)
        XCTAssertEqual(value, net.loss.value(net.forward(batch.inputs, θ), batch), accuracy: 1e-12, file: file, line: line)

        // Each coordinate of the gradient.
        for i in 0..<net.parameterCount {
            var e = [Double](repeating: 0, count: net.parameterCount)
            e[i] = 1
            XCTAssertEqual(gradient[i], finiteDifference(net, batch, θ, e), accuracy: 1e-6,
                           "∂L/∂θ[\(i)] (\(activation), \(loss))", file: file, line: line)
        }
        // The forward-mode directional derivative along random directions.
        for _ in 0..<3 {
            let d = (0..<net.parameterCount).map { _ in rng.normal() }
            let (l, dl) = net.lossAndDirectionalDerivative(batch, θ, direction: d)
            XCTAssertEqual(l, value, accuracy: 1e-12, file: file, line: line)
            XCTAssertEqual(dl, finiteDifference(net, batch, θ, d), accuracy: 1e-6, "L̇ (\(activation), \(loss))", file: file, line: line)
            XCTAssertEqual(dl, zip(gradient, d).map(*).reduce(0, +), accuracy: 1e-9, file: file, line: line)
        }
    }

    func testCrossEntropyNetworksForEveryActivation() {
        for a in Activation.allCases { checkNetwork(activation: a, loss: .crossEntropy) }
    }

    func testMeanSquaredErrorNetworksForEveryActivation() {
        for a in Activation.allCases { checkNetwork(activation: a, loss: .meanSquaredError) }
    }

    /// The input gradient of a dense layer (what the layer below receives).
    func testDenseInputGradient() {
        var rng = RandomStream(key: 3)
        let layer = Dense<Double>(4, 3)
        var θ = [Double](repeating: 0, count: layer.parameterCount)
        θ.withUnsafeMutableBufferPointer { layer.initialize($0, rng: &rng) }
        let x = Matrix<Double>(rows: 2, cols: 4, storage: (0..<8).map { _ in rng.normal() })
        let dy = Matrix<Double>(rows: 2, cols: 3, storage: (0..<6).map { _ in rng.normal() })
        var y = Matrix<Double>(rows: 2, cols: 3), dx = Matrix<Double>(rows: 2, cols: 4)
        var dθ = θ
        θ.withUnsafeBufferPointer { p in
            layer.forward(x, p, into: &y)
            dθ.withUnsafeMutableBufferPointer { layer.backward(x, y, dy, p, parameterGradient: $0, inputGradient: &dx, needsInputGradient: true) }
        }
        // L = Σ dy ⊙ y(x) is linear in y, so ∂L/∂x by central differences is exact up to rounding.
        func loss(_ x: Matrix<Double>) -> Double {
            var out = Matrix<Double>(rows: 2, cols: 3)
            θ.withUnsafeBufferPointer { layer.forward(x, $0, into: &out) }
            return zip(out.storage, dy.storage).map(*).reduce(0, +)
        }
        for k in 0..<x.count {
            var xp = x, xm = x
            xp.storage[k] += h; xm.storage[k] -= h
            XCTAssertEqual(dx.storage[k], (loss(xp) - loss(xm)) / (2 * h), accuracy: 1e-8)
        }
    }

    func testActivationDerivativesAgainstFiniteDifferences() {
        for a in Activation.allCases {
            for x in [-2.3, -0.7, 0.4, 1.9] {
                let d1 = (a.value(x + h) - a.value(x - h)) / (2 * h)
                let d2 = (a.derivative(x + h) - a.derivative(x - h)) / (2 * h)
                XCTAssertEqual(a.derivative(x), d1, accuracy: 1e-7, "\(a)'(\(x))")
                XCTAssertEqual(a.secondDerivative(x), d2, accuracy: 1e-6, "\(a)''(\(x))")
            }
        }
        // Softplus is stable far from 0.
        XCTAssertEqual(Activation.softplus.value(800.0), 800, accuracy: 1e-9)
        XCTAssertEqual(Activation.softplus.value(-800.0), 0, accuracy: 1e-300)
    }

    /// Closed forms: uniform logits give cross-entropy log(classes); MSE of known residuals.
    func testLossClosedForms() {
        let z = Matrix<Double>(rows: 2, cols: 4)
        XCTAssertEqual(LossFunction.crossEntropy.value(z, Batch(inputs: z, labels: [0, 3])), log(4.0), accuracy: 1e-12)
        let t = Matrix<Double>(rows: 2, cols: 4, storage: [1, 0, 0, 0, 0, 2, 0, 0])
        XCTAssertEqual(LossFunction.meanSquaredError.value(z, Batch(inputs: z, targets: t)), 5.0 / 8, accuracy: 1e-12)
    }
}
