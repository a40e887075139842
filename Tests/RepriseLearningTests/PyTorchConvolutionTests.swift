import Foundation
import XCTest
import RepriseNumerics
@testable import RepriseLearning

/// Convolution, pooling and a small CNN against PyTorch (`F.conv2d`, `F.max_pool2d`, `F.avg_pool2d`,
/// autograd, double backward), from `Fixtures/torch-conv.json` (written by
/// `scripts/torch-conv-fixture.py` with PyTorch's CPU build; the test reads only the JSON).
///
/// Float64: every output, input gradient and parameter gradient within 1e-10 of the tensor's scale
/// (its largest magnitude, at least 1). Float32: within a few units in the last place of that scale —
/// PyTorch (oneDNN) and OpenBLAS sum the products in different orders, so bit identity is not the
/// claim; the worst case of each tensor is printed.
final class PyTorchConvolutionTests: XCTestCase {
    struct Fixture: Decodable {
        struct Side: Decodable { var x, theta, dy, y, dx, dtheta: [Double] }
        struct LayerCase: Decodable {
            var name, kind: String
            var input: [Int]
            var batch: Int
            var filters, kernel, padding, size: Int?
            var stride: Int
            var f64, f32: Side
        }
        struct NetworkSide: Decodable { var theta, x, direction, gradient: [Double]; var loss, slope, curvature: Double }
        struct NetworkCase: Decodable {
            var architecture: [String]
            var input: [Int]
            var classes, batch: Int
            var labels: [Int32]
            var f64, f32: NetworkSide
        }
        var layers: [LayerCase]
        var network: NetworkCase
    }

    private func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/torch-conv.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The largest difference in units of `tolerance × scale`, scale the tensor's largest magnitude (≥ 1 in Double).
    private func worst(_ ours: [Double], _ theirs: [Double], unit: (Double) -> Double) -> Double {
        let scale = theirs.reduce(0) { max($0, abs($1)) }
        return zip(ours, theirs).reduce(0) { max($0, abs($1.0 - $1.1) / unit(scale)) }
    }

    /// The layer's output, input gradient and parameter gradient for `side`'s inputs in `S`.
    private func run<S: Scalar>(_ c: Fixture.LayerCase, _ side: Fixture.Side, as: S.Type) -> (y: [Double], dx: [Double], dθ: [Double]) {
        let shape = FeatureShape(channels: c.input[0], height: c.input[1], width: c.input[2])
        let layer: any Layer<S> = c.kind == "conv"
            ? Conv2D<S>(input: shape, filters: c.filters!, kernel: c.kernel!, stride: c.stride, padding: c.padding!)
            : Pool2D<S>(c.kind == "max" ? .max : .average, input: shape, size: c.size!, stride: c.stride)
        let x = Matrix<S>(rows: c.batch, cols: shape.count, storage: side.x.map { S($0) })
        let θ = side.theta.map { S($0) }
        var y = Matrix<S>(rows: c.batch, cols: layer.outputWidth), dx = Matrix<S>(rows: c.batch, cols: shape.count)
        var dθ = [S](repeating: 0, count: θ.count)
        let dy = Matrix<S>(rows: c.batch, cols: layer.outputWidth, storage: side.dy.map { S($0) })
        θ.withUnsafeBufferPointer { pθ in
            layer.forward(x, pθ, into: &y)
            dθ.withUnsafeMutableBufferPointer { layer.backward(x, y, dy, pθ, parameterGradient: $0, inputGradient: &dx, needsInputGradient: true) }
        }
        return (y.storage.map { Double($0) }, dx.storage.map { Double($0) }, dθ.map { Double($0) })
    }

    func testLayersAgreeWithPyTorch() throws {
        var report: [String] = []
        for c in try fixture().layers {
            let d = run(c, c.f64, as: Double.self), f = run(c, c.f32, as: Float.self)
            let tensors: [(String, [Double], [Double], [Double], [Double])] = [
                ("y", d.y, c.f64.y, f.y, c.f32.y), ("dx", d.dx, c.f64.dx, f.dx, c.f32.dx), ("dθ", d.dθ, c.f64.dtheta, f.dθ, c.f32.dtheta)]
            var line = "\(c.name):"
            for (name, ours64, theirs64, ours32, theirs32) in tensors where !theirs64.isEmpty {
                XCTAssertEqual(ours64.count, theirs64.count, "\(c.name) \(name)")
                let e64 = worst(ours64, theirs64) { max($0, 1) * 1e-10 }
                let e32 = worst(ours32, theirs32) { Double(Float($0).ulp) }
                XCTAssertLessThanOrEqual(e64, 1, "\(c.name): \(name) in Double differs from PyTorch by \(e64)·1e-10 of its scale")
                XCTAssertLessThanOrEqual(e32, 4, "\(c.name): \(name) in Float differs from PyTorch by \(e32) ulp of its scale")
                line += String(format: " %@ %.1e / %.2f ulp", name, e64 * 1e-10, e32)
            }
            report.append(line)
        }
        print("PyTorch agreement, worst |Δ| per tensor relative to its scale (Double) / in ulps of its scale (Float):\n  "
              + report.joined(separator: "\n  "))
    }

    /// The network's loss, gradient, slope and `dᵀHd` (both curvature modes) in `S`.
    private func run<S: Scalar>(_ n: Fixture.NetworkCase, _ side: Fixture.NetworkSide, as: S.Type) throws -> (loss: Double, gradient: [Double], slope: Double, curvature: [Double]) {
        let architecture = try Architecture(n.architecture, input: FeatureShape(channels: n.input[0], height: n.input[1], width: n.input[2]))
        let net = Network<S>(layers: try architecture.layers(outputs: n.classes, initialization: .he), loss: .crossEntropy)
        XCTAssertEqual(net.parameterCount, side.theta.count)
        let θ = side.theta.map { S($0) }, d = side.direction.map { S($0) }
        let batch = Batch(inputs: Matrix<S>(rows: n.batch, cols: net.inputWidth, storage: side.x.map { S($0) }), labels: n.labels)
        var gradient = [S](repeating: 0, count: θ.count)
        let loss = net.lossAndGradient(batch, θ, gradient: &gradient)
        let slope = net.lossAndDirectionalDerivative(batch, θ, direction: d).derivative
        let curvatures = CurvatureMode.allCases.map { mode in
            _ = net.lossAndGradient(batch, θ, gradient: &gradient)  // reuse mode reads this pass's activations
            return d.withUnsafeBufferPointer { net.lossSlopeCurvature(batch, θ, direction: $0, mode: mode).2 }
        }
        return (Double(loss), gradient.map { Double($0) }, Double(slope), curvatures.map { Double($0) })
    }

    func testASmallCNNsLossGradientAndCurvatureAgreeWithPyTorch() throws {
        let n = try fixture().network
        let d = try run(n, n.f64, as: Double.self)
        XCTAssertEqual(d.loss, n.f64.loss, accuracy: 1e-12)
        XCTAssertLessThanOrEqual(worst(d.gradient, n.f64.gradient) { max($0, 1) * 1e-10 }, 1)
        XCTAssertEqual(d.slope, n.f64.slope, accuracy: 1e-10 * max(1, abs(n.f64.slope)))
        for κ in d.curvature { XCTAssertEqual(κ, n.f64.curvature, accuracy: 1e-10 * max(1, abs(n.f64.curvature))) }

        let f = try run(n, n.f32, as: Float.self)
        // The slope and dᵀHd are sums with cancellation whose float32 error depends on the order of
        // summation (Reprise's sgemm sums each product in k order; oneDNN blocks k): both float32
        // results are measured against the exact value of the same float32 inputs — Reprise in Double,
        // which matches PyTorch's Double above — and Reprise's error may be at most four times
        // PyTorch's own, plus 16 ulp.
        let t = try run(n, n.f32, as: Double.self)
        let ulp = { (x: Double) in Double(Float(x).ulp) }
        let gradientULPs = worst(f.gradient, n.f32.gradient, unit: ulp)
        let lossULPs = abs(f.loss - n.f32.loss) / ulp(n.f32.loss)
        let slopeError = (ours: abs(f.slope - t.slope) / ulp(t.slope), torch: abs(n.f32.slope - t.slope) / ulp(t.slope))
        let curvatureError = (ours: f.curvature.map { abs($0 - t.curvature[0]) }.max()! / ulp(t.curvature[0]),
                              torch: abs(n.f32.curvature - t.curvature[0]) / ulp(t.curvature[0]))
        print(String(format: "small CNN in Double: loss %.1e, gradient %.1e, slope %.1e, curvature %.1e; in Float (ulps): loss %.1f, gradient %.1f of its scale; from the exact value: slope %.1f (PyTorch %.1f), curvature %.1f (PyTorch %.1f)",
                     abs(d.loss - n.f64.loss), worst(d.gradient, n.f64.gradient) { _ in 1 }, abs(d.slope - n.f64.slope),
                     d.curvature.map { abs($0 - n.f64.curvature) }.max()!, lossULPs, gradientULPs,
                     slopeError.ours, slopeError.torch, curvatureError.ours, curvatureError.torch))
        XCTAssertLessThanOrEqual(lossULPs, 4)
        XCTAssertLessThanOrEqual(gradientULPs, 16)
        XCTAssertLessThanOrEqual(slopeError.ours, 4 * slopeError.torch + 16)
        XCTAssertLessThanOrEqual(curvatureError.ours, 4 * curvatureError.torch + 16)
        XCTAssertEqual(t.curvature[0], t.curvature[1], accuracy: 1e-12)
    }
}
