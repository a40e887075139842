import XCTest
import RepriseNumerics
@testable import RepriseLearning

/// A convolution lowers its batch in chunks of examples and multiplies each chunk in one grouped
/// product, with examples, filters and pooling planes split over the threads. None of that may
/// change a bit: on odd shapes (stride 2, valid padding, 1×1 kernels, ragged tiles) and batches of
/// 1, 3 and 7, for 1 and 2 threads and chunks of 1, 2 and all examples, every mode gives the bits
/// of one example at a time on one thread — the weight gradient the sum of the examples' in
/// example order, the bias gradient the Double sum over examples and positions.
final class BatchedConvolutionTests: XCTestCase {
    override func tearDown() {
        convolutionChunkEntries = 1 << 20
        ReproducibleSgemm.setThreads(1)
    }

    /// forward, ∂L/∂x, ∂L/∂θ, ẏ and ÿ of one batch, as flat arrays.
    private struct Modes: Equatable {
        var y: [UInt32], dx: [UInt32], dθ: [UInt32], yDot: [UInt32], yDDot: [UInt32]
    }

    private func modes(_ layer: some Layer<Float>, _ x: [Float], _ ẋ: [Float], _ ẍ: [Float], _ dy: [Float],
                       _ θ: [Float], _ θ̇: [Float], rows: Int) -> (modes: Modes, dθ: [Float]) {
        let matrix = { (values: [Float], width: Int) in Matrix<Float>(rows: rows, cols: width, storage: values) }
        let (n, m) = (layer.inputWidth, layer.outputWidth)
        var y = matrix([Float](repeating: 0, count: rows * m), m), dx = matrix([Float](repeating: 0, count: rows * n), n)
        var yDot = y, yDDot = y
        var dθ = [Float](repeating: .nan, count: θ.count)
        θ.withUnsafeBufferPointer { pθ in
            θ̇.withUnsafeBufferPointer { pθ̇ in
                layer.forward(matrix(x, n), pθ, into: &y)
                dθ.withUnsafeMutableBufferPointer { layer.backward(matrix(x, n), y, matrix(dy, m), pθ, parameterGradient: $0, inputGradient: &dx,
                                                                    needsInputGradient: true) }
                layer.secondDirectional(matrix(x, n), matrix(ẋ, n), matrix(ẍ, n), pθ, pθ̇, into: &yDot, &yDDot)
            }
        }
        let bits = { (m: Matrix<Float>) in m.storage.map(\.bitPattern) }
        return (Modes(y: bits(y), dx: bits(dx), dθ: dθ.map(\.bitPattern), yDot: bits(yDot), yDDot: bits(yDDot)), dθ)
    }

    /// The same modes computed one example at a time (one thread, one example a chunk), the
    /// parameter gradients summed as the batch sums them.
    private func oneByOne(_ layer: some Layer<Float>, _ x: [Float], _ ẋ: [Float], _ ẍ: [Float], _ dy: [Float],
                          _ θ: [Float], _ θ̇: [Float], rows: Int, weights: Int) -> Modes {
        let (n, m) = (layer.inputWidth, layer.outputWidth)
        var out = Modes(y: [], dx: [], dθ: [], yDot: [], yDDot: [])
        var weightSum = [Float](repeating: 0, count: weights)
        for r in 0..<rows {
            let row = { (v: [Float], w: Int) in Array(v[(r * w)..<((r + 1) * w)]) }
            let (one, dθ) = modes(layer, row(x, n), row(ẋ, n), row(ẍ, n), row(dy, m), θ, θ̇, rows: 1)
            out.y += one.y; out.dx += one.dx; out.yDot += one.yDot; out.yDDot += one.yDDot
            for i in 0..<weights { weightSum[i] += dθ[i] }
        }
        // The bias gradient: per filter, every example's positions summed in Double in order.
        var biases: [Float] = []
        let filters = θ.count - weights, positions = m / max(filters, 1)
        for f in 0..<filters {
            var sum = 0.0
            for r in 0..<rows { for q in 0..<positions { sum += Double(dy[r * m + f * positions + q]) } }
            biases.append(Float(sum))
        }
        out.dθ = (weightSum + biases).map(\.bitPattern)
        return out
    }

    func testBatchedLoweringGivesOneExampleAtATimesBits() {
        let cases: [(FeatureShape, Int, Int, Int, Int?)] = [
            (FeatureShape(channels: 1, height: 28, width: 28), 8, 5, 1, nil),   // the small CNN's conv1
            (FeatureShape(channels: 2, height: 7, width: 6), 3, 3, 2, 0),       // stride 2, valid
            (FeatureShape(channels: 3, height: 5, width: 5), 5, 1, 1, 0),       // 1×1
            (FeatureShape(channels: 4, height: 9, width: 9), 20, 2, 2, 1),      // 20 filters of 2×2: ragged tiles, 5×5 output
            (FeatureShape(channels: 2, height: 3, width: 3), 17, 3, 1, nil)]    // 9 positions < 16: runs transposed
        var rng = RandomStream(key: 33)
        for (shape, filters, kernel, stride, padding) in cases {
            let conv = Conv2D<Float>(input: shape, filters: filters, kernel: kernel, stride: stride, padding: padding)
            let weights = conv.parameterCount - filters
            let draw = { (count: Int) in (0..<count).map { _ in Float(rng.normal()) } }
            let θ = draw(conv.parameterCount), θ̇ = draw(conv.parameterCount)
            for rows in [1, 3, 7] {
                let x = draw(rows * conv.inputWidth), ẋ = draw(rows * conv.inputWidth), ẍ = draw(rows * conv.inputWidth)
                let dy = draw(rows * conv.outputWidth)
                convolutionChunkEntries = 1 << 20
                ReproducibleSgemm.setThreads(1)
                let reference = oneByOne(conv, x, ẋ, ẍ, dy, θ, θ̇, rows: rows, weights: weights)
                let perExample = shape.channels * kernel * kernel * conv.output.height * conv.output.width
                for chunk in [1, 2 * perExample, 1 << 20] {
                    for threads in [1, 2] {
                        convolutionChunkEntries = chunk
                        ReproducibleSgemm.setThreads(threads)
                        let batched = modes(conv, x, ẋ, ẍ, dy, θ, θ̇, rows: rows).modes
                        XCTAssertEqual(batched, reference, "\(shape) conv \(filters) \(kernel) stride \(stride), batch \(rows), chunk \(chunk), \(threads) threads")
                    }
                }
            }
        }
    }

    /// Pooling's planes split over the threads: the same bits as on one thread, both kinds, every mode.
    func testPoolingOnTwoThreadsGivesOneThreadsBits() {
        var rng = RandomStream(key: 34)
        let shape = FeatureShape(channels: 8, height: 28, width: 28), rows = 9
        for kind in Pool2D<Float>.Kind.allCases {
            for (size, stride) in [(2, 2), (3, 2)] {
                let pool = Pool2D<Float>(kind, input: shape, size: size, stride: stride)
                let draw = { (count: Int) in (0..<count).map { _ in Float(rng.normal()) } }
                let x = draw(rows * pool.inputWidth), ẋ = draw(rows * pool.inputWidth), ẍ = draw(rows * pool.inputWidth)
                let dy = draw(rows * pool.outputWidth)
                ReproducibleSgemm.setThreads(1)
                let one = modes(pool, x, ẋ, ẍ, dy, [], [], rows: rows).modes
                ReproducibleSgemm.setThreads(2)
                XCTAssertEqual(modes(pool, x, ẋ, ẍ, dy, [], [], rows: rows).modes, one, "\(kind) \(size) stride \(stride)")
            }
        }
    }
}
