import Foundation
import XCTest
import RepriseExperiments
import RepriseNumerics
import RepriseStore
@testable import RepriseLearning
@testable import RepriseRunner

/// A layer type defined in this test target (`ChannelScale`, one file) and registered in one line
/// builds into a network whose four derivative modes agree with finite differences in Double, and
/// trains from a spec through the runner; the standard registry refuses it by name.
final class ExampleLayerTests: FolderTestCase {
    private var registry: Registry {
        var r = Registry.standard
        r.register(ChannelScale.self)
        return r
    }

    func testEveryModeThroughTheNewLayerAgreesWithFiniteDifferences() throws {
        let architecture = try Architecture(["conv 2 3", "scale", "tanh", "maxpool 2", "dense 4", "softplus"],
                                            input: FeatureShape(channels: 1, height: 6, width: 6), catalog: registry.layers)
        XCTAssertEqual(architecture.denseLayerCount, 2)
        let net = Network<Double>(layers: try architecture.layers(outputs: 3, initialization: .glorot), loss: .crossEntropy)
        var rng = RandomStream(key: 23)
        let θ = net.initialParameters(rng: &rng).map { $0 + 0.3 * rng.normal() }
        let rows = 3
        let x = Matrix<Double>(rows: rows, cols: net.inputWidth, storage: (0..<(rows * net.inputWidth)).map { _ in rng.normal() })
        let batch = Batch(inputs: x, labels: (0..<rows).map { _ in Int32(rng.integer(below: 3)) })
        func loss(_ t: Double, _ d: [Double]) -> Double { net.loss.value(net.forward(x, zip(θ, d).map { $0 + t * $1 }), batch) }
        let h = 1e-5
        var gradient = [Double](repeating: 0, count: net.parameterCount)
        let value = net.lossAndGradient(batch, θ, gradient: &gradient)
        for i in 0..<net.parameterCount {
            var e = [Double](repeating: 0, count: net.parameterCount)
            e[i] = 1
            XCTAssertEqual(gradient[i], (loss(h, e) - loss(-h, e)) / (2 * h), accuracy: 1e-7, "∂L/∂θ[\(i)]")
        }
        let d = (0..<net.parameterCount).map { _ in rng.normal() }
        let fd1 = (loss(h, d) - loss(-h, d)) / (2 * h), fd2 = (loss(1e-4, d) - 2 * loss(0, d) + loss(-1e-4, d)) / 1e-8
        XCTAssertEqual(net.lossAndDirectionalDerivative(batch, θ, direction: d).derivative, fd1, accuracy: 1e-6 * max(1, abs(fd1)))
        for mode in CurvatureMode.allCases {
            _ = net.lossAndGradient(batch, θ, gradient: &gradient)
            let (v, s, κ) = d.withUnsafeBufferPointer { net.lossSlopeCurvature(batch, θ, direction: $0, mode: mode) }
            XCTAssertEqual(v, value, accuracy: 1e-12)
            XCTAssertEqual(s, fd1, accuracy: 1e-6 * max(1, abs(fd1)), "\(mode)")
            XCTAssertEqual(κ, fd2, accuracy: 1e-4 * max(1, abs(fd2)), "dᵀHd, \(mode)")
        }
    }

    private let text = """
    name = "layer"
    title = "A layer of the test target"
    paper = "none"
    seeds = [0]
    [problem]
    kind = "cnn"
    dataset = "synthetic"
    features = 64
    classes = 3
    train_examples = 120
    test_examples = 60
    validation = 30
    image = [1, 8, 8]
    architecture = ["conv 3 3", "scale", "relu", "maxpool 2", "dense 8", "relu"]
    [budget]
    epochs = 3
    batch_size = 20
    [record]
    tensors = ["final_parameters"]
    [[variants]]
    name = "sgd"
    optimizer = "sgd"
    lr = 0.05
    """

    func testNewLayerTypeTrainsFromASpec() throws {
        let path = "\(directory)/experiments/layer.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        // Without its registration the entry is refused by name at validation.
        do {
            _ = try ExperimentSpec.load(path, catalog: Registry.standard.catalog)
            XCTFail("a spec naming an unregistered layer type loaded")
        } catch {
            XCTAssertTrue("\(error)".contains("entry 2: 'scale': not a layer"), "\(error)")
        }
        let spec = try ExperimentSpec.load(path, catalog: registry.catalog)
        let runner = Runner(options: RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory),
                            registry: registry)
        XCTAssertEqual(try runner.run(spec).ran.count, 1)
        let stored = try ResultStore.read("\(directory)/results/layer/default/sgd--seed0.h5")
        let loss = try XCTUnwrap(stored.series["epochs"]?["train_loss"])
        XCTAssertEqual(loss.count, 4)  // epoch 0 (before training: no training loss) and three epochs
        XCTAssertLessThan(loss[3], loss[1])
        // Its three factors sit after the convolution's 3·9 + 3 parameters, started at 1 and trained.
        let final = try XCTUnwrap(stored.tensors.first { $0.name == "final_parameters" }?.data.doubles)
        XCTAssertEqual(final.count, 30 + 3 + 48 * 8 + 8 + 8 * 3 + 3)
        XCTAssertTrue(final[30..<33].allSatisfy { $0 != 1 && $0.isFinite }, "\(final[30..<33])")
    }
}
