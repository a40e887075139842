import XCTest
import RepriseNumerics
@testable import RepriseLearning

/// Convolution and pooling in Double: the forward pass against the convolution written out as its
/// defining sum; all four modes of a small CNN (reverse, forward, second-order forward in both
/// curvature modes) against central finite differences; max-pooling's tie rule after a ReLU.
final class ConvolutionTests: XCTestCase {
    /// `y[o,i,j] = b[o] + Σ W[o,c,u,v]·x[c, s·i+u−p, s·j+v−p]`, term by term.
    private func naive(_ conv: Conv2D<Double>, _ x: [Double], _ θ: [Double]) -> [Double] {
        let (i, o) = (conv.input, conv.output), k = conv.kernel
        var y = [Double](repeating: 0, count: o.count)
        for f in 0..<o.channels {
            for a in 0..<o.height {
                for b in 0..<o.width {
                    var sum = θ[o.channels * i.channels * k * k + f]
                    for c in 0..<i.channels { for u in 0..<k { for v in 0..<k {
                        let r = conv.stride * a + u - conv.padding, s = conv.stride * b + v - conv.padding
                        guard r >= 0, r < i.height, s >= 0, s < i.width else { continue }
                        sum += θ[((f * i.channels + c) * k + u) * k + v] * x[(c * i.height + r) * i.width + s]
                    } } }
                    y[(f * o.height + a) * o.width + b] = sum
                }
            }
        }
        return y
    }

    func testForwardIsTheDefiningSumForStridesAndPaddings() {
        var rng = RandomStream(key: 5)
        let shape = FeatureShape(channels: 2, height: 7, width: 6)
        for (k, s, p) in [(3, 1, nil), (3, 2, 0), (5, 1, 2), (2, 2, 1), (3, 3, 0)] as [(Int, Int, Int?)] {
            let conv = Conv2D<Double>(input: shape, filters: 3, kernel: k, stride: s, padding: p)
            let θ = (0..<conv.parameterCount).map { _ in rng.normal() }
            let rows = 2
            let x = Matrix<Double>(rows: rows, cols: shape.count, storage: (0..<(rows * shape.count)).map { _ in rng.normal() })
            var y = Matrix<Double>(rows: rows, cols: conv.outputWidth)
            θ.withUnsafeBufferPointer { conv.forward(x, $0, into: &y) }
            for r in 0..<rows {
                let expected = naive(conv, Array(x.storage[(r * shape.count)..<((r + 1) * shape.count)]), θ)
                for (a, b) in zip(y.storage[(r * conv.outputWidth)..<((r + 1) * conv.outputWidth)], expected) {
                    XCTAssertEqual(a, b, accuracy: 1e-12, "k \(k) stride \(s) padding \(p.map(String.init) ?? "same")")
                }
            }
        }
        // "same" keeps the spatial size; "valid" (0) shrinks it by k − 1.
        XCTAssertEqual(Conv2D<Double>(input: shape, filters: 1, kernel: 5).output, FeatureShape(channels: 1, height: 7, width: 6))
        XCTAssertEqual(Conv2D<Double>(input: shape, filters: 1, kernel: 3, padding: 0).output, FeatureShape(channels: 1, height: 5, width: 4))
    }

    /// conv(same) → tanh → avg-pool → conv(stride 2, valid) → softplus → max-pool → dense, with
    /// cross-entropy: a network whose every layer type carries gradients to the one below.
    private func network() -> Network<Double> {
        let x0 = FeatureShape(channels: 2, height: 8, width: 8)
        let c1 = Conv2D<Double>(input: x0, filters: 3, kernel: 3)
        let p1 = Pool2D<Double>(.average, input: c1.output, size: 2)
        let c2 = Conv2D<Double>(input: p1.output, filters: 4, kernel: 2, stride: 2, padding: 0, initialization: .glorot)
        let p2 = Pool2D<Double>(.max, input: c2.output, size: 2)
        return Network(layers: [.other(c1), .activation(ActivationLayer(.tanh, width: c1.outputWidth)), .other(p1), .other(c2),
                                .activation(ActivationLayer(.softplus, width: c2.outputWidth)), .other(p2),
                                .dense(Dense(p2.outputWidth, 3, initialization: .glorot))],
                       loss: .crossEntropy)
    }

    func testEveryModeOfAConvolutionalNetworkAgreesWithFiniteDifferences() {
        var rng = RandomStream(key: 17)
        let net = network()
        let θ = net.initialParameters(rng: &rng).map { $0 + 0.1 * rng.normal() }
        let rows = 3
        let x = Matrix<Double>(rows: rows, cols: net.inputWidth, storage: (0..<(rows * net.inputWidth)).map { _ in rng.normal() })
        let batch = Batch(inputs: x, labels: (0..<rows).map { _ in Int32(rng.integer(below: 3)) })
        func loss(_ t: Double, _ d: [Double]) -> Double { net.loss.value(net.forward(x, zip(θ, d).map { $0 + t * $1 }), batch) }
        let h = 1e-5

        var gradient = [Double](repeating: 0, count: net.parameterCount)
        let value = net.lossAndGradient(batch, θ, gradient: &gradient)
        XCTAssertEqual(value, loss(0, θ.map { _ in 0 }), accuracy: 1e-12)
        for i in 0..<net.parameterCount {
            var e = [Double](repeating: 0, count: net.parameterCount)
            e[i] = 1
            XCTAssertEqual(gradient[i], (loss(h, e) - loss(-h, e)) / (2 * h), accuracy: 1e-7, "∂L/∂θ[\(i)]")
        }
        for _ in 0..<3 {
            let d = (0..<net.parameterCount).map { _ in rng.normal() }
            let fd1 = (loss(h, d) - loss(-h, d)) / (2 * h)
            let fd2 = (loss(1e-4, d) - 2 * loss(0, d) + loss(-1e-4, d)) / 1e-8
            let (l, slope) = net.lossAndDirectionalDerivative(batch, θ, direction: d)
            XCTAssertEqual(l, value, accuracy: 1e-12)
            XCTAssertEqual(slope, fd1, accuracy: 1e-6 * max(1, abs(fd1)))
            XCTAssertEqual(slope, zip(gradient, d).map(*).reduce(0, +), accuracy: 1e-9 * max(1, abs(slope)))
            for mode in CurvatureMode.allCases {
                _ = net.lossAndGradient(batch, θ, gradient: &gradient)  // reuse mode reads this pass's activations
                let (v, s, κ) = d.withUnsafeBufferPointer { net.lossSlopeCurvature(batch, θ, direction: $0, mode: mode) }
                XCTAssertEqual(v, value, accuracy: 1e-12, "\(mode)")
                XCTAssertEqual(s, slope, accuracy: 1e-9 * max(1, abs(slope)), "\(mode)")
                XCTAssertEqual(κ, fd2, accuracy: 1e-4 * max(1, abs(fd2)), "dᵀHd, \(mode)")
            }
        }
    }

    /// After a ReLU a window of zeros is a tie: the whole gradient goes to its first entry in
    /// row-major order, as PyTorch's CPU `max_pool2d` routes it; windows with a strict maximum
    /// route to it.
    func testMaxPoolTiesGoToTheFirstEntry() {
        let shape = FeatureShape(channels: 1, height: 4, width: 4)
        let pool = Pool2D<Double>(.max, input: shape, size: 2)
        // Window (0,0): all zeros (a tie). Window (0,1): max 3 at its last entry. Windows below: two equal maxima.
        let x = Matrix<Double>(rows: 1, cols: 16, storage: [0, 0, 1, 2,
                                                            0, 0, -1, 3,
                                                            5, 5, 2, 0,
                                                            1, 4, 2, 1])
        var y = Matrix<Double>(rows: 1, cols: 4), dx = Matrix<Double>(rows: 1, cols: 16)
        let none = [Double]()
        none.withUnsafeBufferPointer { pool.forward(x, $0, into: &y) }
        XCTAssertEqual(y.storage, [0, 3, 5, 2])
        let dy = Matrix<Double>(rows: 1, cols: 4, storage: [1, 2, 3, 4])
        none.withUnsafeBufferPointer {
            pool.backward(x, y, dy, $0, parameterGradient: UnsafeMutableBufferPointer(start: nil, count: 0), inputGradient: &dx,
                          needsInputGradient: true)
        }
        XCTAssertEqual(dx.storage, [1, 0, 0, 0,
                                    0, 0, 0, 2,
                                    3, 0, 4, 0,
                                    0, 0, 0, 0])
        // Average pooling spreads the gradient evenly.
        let avg = Pool2D<Double>(.average, input: shape, size: 2)
        none.withUnsafeBufferPointer {
            avg.backward(x, y, dy, $0, parameterGradient: UnsafeMutableBufferPointer(start: nil, count: 0), inputGradient: &dx,
                         needsInputGradient: true)
        }
        XCTAssertEqual(dx.storage[0], 0.25)
        XCTAssertEqual(dx.storage[15], 1)
    }
}

/// Architectures from a spec's layer list.
final class ArchitectureTests: XCTestCase {
    /// DeepOBS's fmnist_2c2d on 1×28×28 images: 3,274,634 parameters (832 + 51,264 in the
    /// convolutions, 3,212,288 + 10,250 in the dense layers), the count DeepOBS publishes.
    func testFmnist2c2dHasDeepOBSsParameterCount() throws {
        let a = try Architecture(["conv 32 5 same", "relu", "maxpool 2", "conv 64 5 same", "relu", "maxpool 2", "dense 1024", "relu"],
                                 input: FeatureShape(channels: 1, height: 28, width: 28))
        XCTAssertEqual(try a.parameterCount(outputs: 10), 3_274_634)
        XCTAssertEqual(a.denseLayerCount, 2)
        let layers = try a.layers(outputs: 10, initialization: .he, as: Float.self)
        XCTAssertEqual(layers.map(\.outputWidth), [32 * 28 * 28, 32 * 28 * 28, 32 * 14 * 14, 64 * 14 * 14, 64 * 14 * 14, 64 * 7 * 7, 1024, 1024, 10])
    }

    func testBadLayerListsAreNamed() {
        let shape = FeatureShape(channels: 1, height: 8, width: 8)
        func problem(_ layers: [String]) -> String {
            do { _ = try Architecture(layers, input: shape).parameterCount(outputs: 3); return "" } catch { return "\(error)" }
        }
        XCTAssertEqual(problem(["conv 4"]), "entry 1: 'conv 4': the kernel size must be a whole number from 1 to 100000")
        XCTAssertTrue(problem(["relu", "pool 2"]).hasPrefix("entry 2: 'pool 2': not a layer"))
        XCTAssertEqual(problem(["dense 10", "conv 4 3"]), "entry 2: a convolution after the feature map was flattened")
        XCTAssertEqual(problem(["maxpool 9"]), "entry 1: a 9×9 window does not fit a 1×8×8 feature map")
        XCTAssertEqual(problem(["conv 4 4"]), "entry 1: 'conv 4 4': same padding needs an odd kernel; give pad P")
        XCTAssertEqual(problem(["conv 4 3 stride 2 valid", "avgpool 3 stride 1", "flatten", "dense 5"]), "")
    }
}
