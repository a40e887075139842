import RepriseNumerics

/// Minibatch training of a `Float` network on a classification dataset. Data order: one stream
/// (`data-order`) reshuffles the training indices at the start of every epoch; initial weights come
/// from the `init` stream.
final class NetworkTrial: Trial {
    private let network: Network<Float>
    private let data: DataSplits
    private var optimizer: Optimizer<Float>
    private let batchSize: Int
    private var order: [Int]
    private var orderRNG: RandomStream
    private var cursor = 0
    private var θ: [Float]
    private var gradient: [Float]
    private var batch: Batch<Float>

    init(network: Network<Float>, data: DataSplits, optimizer: OptimizerRecipe, batchSize: Int, streams: CellStreams) {
        self.network = network
        self.data = data
        self.batchSize = batchSize
        var initRNG = streams.stream("init")
        θ = network.initialParameters(rng: &initRNG)
        gradient = [Float](repeating: 0, count: network.parameterCount)
        self.optimizer = Optimizer(optimizer, parameterCount: network.parameterCount)
        order = Array(0..<data.train.count)
        orderRNG = streams.stream("data-order")
        batch = Batch(inputs: Matrix(rows: batchSize, cols: data.features),
                      labels: [Int32](repeating: 0, count: batchSize))
    }

    var stepsPerEpoch: Int { (data.train.count + batchSize - 1) / batchSize }

    func step(_ clock: TrainingClock) -> (loss: Double, learningRate: Double) {
        if cursor == 0 { orderRNG.shuffle(&order) }
        let rows = min(batchSize, data.train.count - cursor)
        gather(rows: rows)
        cursor = cursor + rows == data.train.count ? 0 : cursor + rows
        let loss = network.lossAndGradient(batch, θ, gradient: &gradient)
        let lr = optimizer.learningRate(clock)
        optimizer.update(&θ, gradient: &gradient, clock: clock)
        return (Double(loss), lr)
    }

    /// Copies the next `rows` examples in the epoch's order into the batch buffers.
    private func gather(rows: Int) {
        let d = data.features
        batch.inputs.resize(rows: rows)  // labels keep the full batch length; only the first `rows` are read
        data.train.inputs.storage.withUnsafeBufferPointer { src in
            batch.inputs.storage.withUnsafeMutableBufferPointer { dst in
                for r in 0..<rows {
                    let i = order[cursor + r]
                    (dst.baseAddress! + r * d).update(from: src.baseAddress! + i * d, count: d)
                }
            }
        }
        for r in 0..<rows { batch.labels[r] = data.train.labels[order[cursor + r]] }
    }

    func evaluate() -> [(name: String, value: Double)] {
        var metrics: [(String, Double)] = []
        if let validation = data.validation {
            let (loss, accuracy) = score(validation)
            metrics += [("validation_loss", loss), ("validation_accuracy", accuracy)]
        }
        let (loss, accuracy) = score(data.test)
        metrics += [("test_loss", loss), ("test_accuracy", accuracy)]
        return metrics
    }

    /// Mean loss and accuracy over a whole split, in chunks of 1000 examples.
    private func score(_ split: LabelledData) -> (loss: Double, accuracy: Double) {
        let chunk = 1000, d = split.inputs.cols
        var totalLoss = 0.0, correct = 0
        var start = 0
        while start < split.count {
            let rows = min(chunk, split.count - start)
            var x = Matrix<Float>(rows: rows, cols: d)
            x.storage.withUnsafeMutableBufferPointer { dst in
                split.inputs.storage.withUnsafeBufferPointer { src in
                    dst.baseAddress!.update(from: src.baseAddress! + start * d, count: rows * d)
                }
            }
            let labels = Array(split.labels[start..<start + rows])
            let z = network.forward(x, θ)
            totalLoss += Double(network.loss.value(z, Batch(inputs: x, labels: labels))) * Double(rows)
            correct += network.loss.correctCount(z, labels[...])
            start += rows
        }
        return (totalLoss / Double(split.count), Double(correct) / Double(split.count))
    }

    func tensors() -> [Tensor] {
        [Tensor(name: "final_parameters", shape: [θ.count], values: .float32(θ))]
    }
}
