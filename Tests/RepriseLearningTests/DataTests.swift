import XCTest
import RepriseConfig
import RepriseNumerics
@testable import RepriseLearning

final class DataTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "reprise-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    private func idx(shape: [UInt32], bytes: [UInt8]) -> Data {
        var d = Data([0, 0, 0x08, UInt8(shape.count)])
        for s in shape { d.append(contentsOf: [UInt8(s >> 24), UInt8(s >> 16 & 255), UInt8(s >> 8 & 255), UInt8(s & 255)]) }
        d.append(contentsOf: bytes)
        return d
    }

    func testReadsPlainIDXAndRejectsBadHeaders() throws {
        let dir = try temporaryDirectory()
        try idx(shape: [2, 2, 3], bytes: Array(0..<12)).write(to: URL(fileURLWithPath: "\(dir)/good"))
        let (shape, bytes) = try IDX.read("\(dir)/good")
        XCTAssertEqual(shape, [2, 2, 3])
        XCTAssertEqual(bytes, Array(0..<12))

        try idx(shape: [2, 2, 3], bytes: Array(0..<11)).write(to: URL(fileURLWithPath: "\(dir)/short"))
        XCTAssertThrowsError(try IDX.read("\(dir)/short")) { XCTAssertTrue("\($0)".contains("promises 12 bytes")) }
        try Data([1, 2, 3, 4, 5]).write(to: URL(fileURLWithPath: "\(dir)/junk"))
        XCTAssertThrowsError(try IDX.read("\(dir)/junk")) { XCTAssertTrue("\($0)".contains("magic")) }
    }

    func testMissingDatasetNamesTheFix() throws {
        let dir = try temporaryDirectory()
        XCTAssertThrowsError(try ImageDataset.mnist.load(dataDirectory: dir, sizes: DataSizes(validation: 0))) {
            XCTAssertTrue("\($0)".contains("REPRISE_DATA") || "\($0)".contains("IDX files"), "\($0)")
        }
        XCTAssertThrowsError(try ImageDataset.mnist.load(dataDirectory: nil, sizes: DataSizes(validation: 0))) {
            XCTAssertTrue("\($0)".contains("REPRISE_DATA"), "\($0)")
        }
    }

    /// The real Fashion-MNIST from Debian's package (installed by `make setup`).
    func testFashionMNISTSplits() throws {
        guard FileManager.default.fileExists(atPath: ImageDataset.debianFashionMNIST + "/train-images-idx3-ubyte.gz") else {
            throw XCTSkip("dataset-fashion-mnist is not installed (make setup installs it)")
        }
        let data = try ImageDataset.fashionMNIST.load(dataDirectory: nil, sizes: DataSizes(validation: 10000))
        XCTAssertEqual(data.train.count, 50000)
        XCTAssertEqual(data.validation?.count, 10000)
        XCTAssertEqual(data.test.count, 10000)
        XCTAssertEqual(data.features, 784)
        XCTAssertEqual(Set(data.test.labels), Set(0..<10))
        XCTAssertTrue(data.train.inputs.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
        // The split is fixed: loading again gives the same validation set.
        let again = try ImageDataset.fashionMNIST.load(dataDirectory: nil, sizes: DataSizes(validation: 10000, train: 100))
        XCTAssertEqual(again.validation?.labels, data.validation?.labels)
        XCTAssertEqual(again.train.labels, Array(data.train.labels.prefix(100)))
    }

    func testSyntheticDataIsSeededAndLearnable() throws {
        let a = SyntheticClassification.make(features: 8, classes: 3, sizes: DataSizes(validation: 50, train: 600, test: 200), seed: 1)
        let b = SyntheticClassification.make(features: 8, classes: 3, sizes: DataSizes(validation: 50, train: 600, test: 200), seed: 1)
        XCTAssertEqual(a.train.inputs, b.train.inputs)
        XCTAssertEqual(a.test.labels, b.test.labels)
        let trial = try makeTrial(problem: ["kind": "classification", "dataset": "synthetic", "features": 8, "classes": 3,
                                            "validation": 50, "data_seed": 1, "hidden": [16]],
                                  variant: ["optimizer": "adam", "lr": 0.01], batchSize: 32)
        let before = trial.evaluate().first { $0.name == "test_accuracy" }!.value
        train(trial, steps: 20 * trial.stepsPerEpoch, total: 1000)
        let after = trial.evaluate().first { $0.name == "test_accuracy" }!.value
        XCTAssertGreaterThan(after, 0.85)
        XCTAssertGreaterThan(after, before + 0.3)
    }
}
