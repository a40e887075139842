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
        let (shape, bytes) = try IDX.read("\(dir)/good", itemShape: [2, 3])
        XCTAssertEqual(shape, [2, 2, 3])
        XCTAssertEqual(bytes, Array(0..<12))

        try idx(shape: [2, 2, 3], bytes: Array(0..<11)).write(to: URL(fileURLWithPath: "\(dir)/short"))
        XCTAssertThrowsError(try IDX.read("\(dir)/short", itemShape: [2, 3])) { XCTAssertTrue("\($0)".contains("truncated data (the header promises 12 bytes)"), "\($0)") }
        try Data([1, 2, 3, 4, 5]).write(to: URL(fileURLWithPath: "\(dir)/junk"))
        XCTAssertThrowsError(try IDX.read("\(dir)/junk", itemShape: [2, 3])) { XCTAssertTrue("\($0)".contains("magic")) }
    }

    private func gzip(_ path: String, keepTrailer: Bool = true) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-f", "-n", path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        if !keepTrailer {
            let data = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
            try data.dropLast(8).write(to: URL(fileURLWithPath: path + ".gz"))
        }
    }

    /// Writes the four files of an image dataset into `dir`, images of `side × side` pixels.
    private func dataset(_ dir: String, side: UInt32 = 28, count: UInt32 = 20, label: UInt8 = 3) throws {
        let pixels = Int(side * side * count)
        for (images, labels) in [("train-images-idx3-ubyte", "train-labels-idx1-ubyte"), ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")] {
            try idx(shape: [count, side, side], bytes: (0..<pixels).map { UInt8($0 % 256) }).write(to: URL(fileURLWithPath: "\(dir)/\(images)"))
            try idx(shape: [count], bytes: (0..<Int(count)).map { $0 == 5 ? label : UInt8($0 % 10) }).write(to: URL(fileURLWithPath: "\(dir)/\(labels)"))
        }
    }

    private func loadError(_ dir: String) -> String {
        do { _ = try ImageDataset.mnist.load(dataDirectory: dir, sizes: DataSizes(validation: 2)); return "" } catch { return "\(error)" }
    }

    /// Hostile dataset files (found by fuzzing `--data-dir`) give one clear error each, never a trap,
    /// a hang, or a full decompression of a bomb.
    func testHostileDatasetFilesAreRefusedWithTheirPath() throws {
        let good = try temporaryDirectory()
        try dataset(good)
        XCTAssertEqual(loadError(good), "")
        XCTAssertEqual(try ImageDataset.mnist.load(dataDirectory: good, sizes: DataSizes(validation: 2)).features, 784)

        let labels = try temporaryDirectory()
        try dataset(labels, label: 10)
        XCTAssertTrue(loadError(labels).contains("train-labels-idx1-ubyte is not a valid IDX file: label 10 at item 5 is outside 0 … 9"), loadError(labels))

        for side: UInt32 in [1, 0] {
            let small = try temporaryDirectory()
            try dataset(small, side: side)
            XCTAssertTrue(loadError(small).contains("items of shape [\(side), \(side)], expected [28, 28]"), loadError(small))
        }

        let overflow = try temporaryDirectory()
        try dataset(overflow)
        try idx(shape: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], bytes: []).write(to: URL(fileURLWithPath: "\(overflow)/train-labels-idx1-ubyte"))
        XCTAssertTrue(loadError(overflow).contains("3 dimensions, expected 1"), loadError(overflow))
        try idx(shape: [0xFFFF_FFFF, 28, 28], bytes: []).write(to: URL(fileURLWithPath: "\(overflow)/train-images-idx3-ubyte"))
        XCTAssertTrue(loadError(overflow).contains("promise more than \(IDX.maxBytes) bytes"), loadError(overflow))

        let fifo = try temporaryDirectory()
        try dataset(fifo)
        try FileManager.default.removeItem(atPath: "\(fifo)/train-images-idx3-ubyte")
        XCTAssertEqual(mkfifo("\(fifo)/train-images-idx3-ubyte", 0o600), 0)
        XCTAssertTrue(loadError(fifo).contains("not a regular file"), loadError(fifo))

        let trailer = try temporaryDirectory()
        try dataset(trailer)
        try gzip("\(trailer)/train-images-idx3-ubyte", keepTrailer: false)
        XCTAssertTrue(loadError(trailer).contains("truncated gzip stream"), loadError(trailer))

        // A bomb: a valid header for 20 images followed by 64 MiB of zeros, gzipped to ~64 kB; reading
        // stops one byte after what the header promises.
        let bomb = try temporaryDirectory()
        try dataset(bomb)
        var big = idx(shape: [20, 28, 28], bytes: [UInt8](repeating: 0, count: 20 * 784))
        big.append(Data(count: 64 << 20))
        try big.write(to: URL(fileURLWithPath: "\(bomb)/train-images-idx3-ubyte"))
        try gzip("\(bomb)/train-images-idx3-ubyte")
        XCTAssertTrue(loadError(bomb).contains("more data than the header promises"), loadError(bomb))
    }

    /// A gzipped file must end with its CRC-32 and size trailer and match it: one cut short by any
    /// of 1…9 bytes, or with one bit of its compressed data flipped (trailer kept or cut), is
    /// refused naming the file and the fix; the intact file reads. The file is larger than zlib's
    /// input buffer (about 100 kB compressed), where zlib alone misses a cut trailer.
    func testAGzipFileMustEndWithAMatchingTrailer() throws {
        let dir = try temporaryDirectory()
        let file = "\(dir)/images"
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let pixels: [UInt8] = (0..<(200 * 784)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 59) * 8  // 32 grey levels: compressible, but not to nothing
        }
        try idx(shape: [200, 28, 28], bytes: pixels).write(to: URL(fileURLWithPath: file))
        try gzip(file)
        let intact = try Data(contentsOf: URL(fileURLWithPath: file + ".gz"))
        XCTAssertEqual(try IDX.read(file + ".gz", itemShape: [28, 28]).bytes, pixels)
        func refused(_ bytes: Data, _ what: String) throws {
            try bytes.write(to: URL(fileURLWithPath: file + ".gz"))
            XCTAssertThrowsError(try IDX.read(file + ".gz", itemShape: [28, 28]), what) { error in
                XCTAssertTrue("\(error)".contains("\(file).gz is not a valid IDX file"), "\(what): \(error)")
                XCTAssertTrue("\(error)".contains("Reinstall the dataset"), "\(what): \(error)")
            }
        }
        for cut in 1...9 { try refused(intact.dropLast(cut), "cut by \(cut) bytes") }
        // A bit in the compressed data (past the 10-byte header, before the trailer).
        var flipped = intact
        flipped[flipped.startIndex + (intact.count - 8) * 3 / 4] ^= 0x10
        try refused(flipped, "one bit flipped")
        for cut in 1...9 { try refused(flipped.dropLast(cut), "one bit flipped, cut by \(cut) bytes") }
        var crc = intact
        crc[crc.endIndex - 8] ^= 0x01
        try refused(crc, "a CRC that does not match")
        var size = intact
        size[size.endIndex - 4] ^= 0x01
        try refused(size, "a size that does not match")
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

    /// `data_per_seed`: each seed draws its own training subset, validation split and test subset
    /// (the same seed the same draw); without it every seed shares the fixed split, as before.
    func testDataPerSeedDrawsTheSplitFromTheSeed() throws {
        guard FileManager.default.fileExists(atPath: ImageDataset.debianFashionMNIST + "/train-images-idx3-ubyte.gz") else {
            throw XCTSkip("dataset-fashion-mnist is not installed (make setup installs it)")
        }
        func load(_ seed: Int?) throws -> DataSplits {
            try ImageDataset.fashionMNIST.load(dataDirectory: nil, sizes: DataSizes(validation: 1000, train: 500, test: 300, drawSeed: seed))
        }
        let fixed = try load(nil), one = try load(1), oneAgain = try load(1), two = try load(2)
        XCTAssertEqual(one.train.labels, oneAgain.train.labels)
        XCTAssertEqual(one.test.labels, oneAgain.test.labels)
        XCTAssertEqual(one.splitRecord, oneAgain.splitRecord)
        XCTAssertNotEqual(one.train.inputs, two.train.inputs)
        XCTAssertNotEqual(one.validation?.inputs, two.validation?.inputs)
        XCTAssertNotEqual(one.test.inputs, two.test.inputs)
        XCTAssertNotEqual(one.splitRecord, two.splitRecord)
        XCTAssertTrue(one.splitRecord.contains("per-seed-split") && one.splitRecord.contains("test indices 300"), one.splitRecord)
        // The fixed split is what it was: stream seed 0, the first test images.
        XCTAssertTrue(fixed.splitRecord.hasPrefix("stream (fashion-mnist, *, 0, validation-split)") && fixed.splitRecord.hasSuffix("test: the first 300"), fixed.splitRecord)
        let full = try ImageDataset.fashionMNIST.load(dataDirectory: nil, sizes: DataSizes(validation: 1000, train: 500, drawSeed: 3))
        XCTAssertEqual(full.test.count, 10000)
        // The synthetic set keeps its teacher and draws its inputs from the seed.
        let sizes = { (seed: Int?) in DataSizes(validation: 20, train: 50, test: 30, drawSeed: seed) }
        let base = SyntheticClassification.make(features: 4, classes: 2, sizes: sizes(nil), seed: 0)
        XCTAssertEqual(base.train.inputs, SyntheticClassification.make(features: 4, classes: 2, sizes: sizes(nil), seed: 0).train.inputs)
        XCTAssertNotEqual(SyntheticClassification.make(features: 4, classes: 2, sizes: sizes(1), seed: 0).train.inputs,
                          SyntheticClassification.make(features: 4, classes: 2, sizes: sizes(2), seed: 0).train.inputs)
    }
}
