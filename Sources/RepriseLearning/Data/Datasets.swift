import Foundation
import RepriseNumerics

/// A labelled classification set: one example per row of `inputs`.
public struct LabelledData: Sendable {
    public var inputs: Matrix<Float>
    public var labels: [Int32]
    public var count: Int { labels.count }

    public init(inputs: Matrix<Float>, labels: [Int32]) {
        precondition(inputs.rows == labels.count, "inputs and labels differ in length")
        self.inputs = inputs
        self.labels = labels
    }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabelledData {
        var x = Matrix<Float>(rows: indices.count, cols: inputs.cols)
        for (r, i) in indices.enumerated() {
            for j in 0..<inputs.cols { x[r, j] = inputs[i, j] }
        }
        return LabelledData(inputs: x, labels: indices.map { labels[$0] })
    }
}

/// Training, validation and test splits of a classification problem.
public struct DataSplits: Sendable {
    public var train: LabelledData
    public var validation: LabelledData?
    public var test: LabelledData
    public var classes: Int
    public var features: Int { train.inputs.cols }
    /// How the splits were drawn, for outside checks: the stream and an FNV-1a hash of the
    /// training and validation indices in order ("" for generated data).
    public var splitRecord = ""

    /// FNV-1a 64 of a list of indices, as hex.
    static func fingerprint(_ indices: [Int]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in indices { for k in 0..<8 { h = (h ^ UInt64((i >> (8 * k)) & 0xFF)) &* 0x0000_0100_0000_01B3 } }
        return String(h, radix: 16)
    }
}

/// How much of a dataset a problem uses; `nil` means all of it.
public struct DataSizes: Sendable, Hashable {
    public var validation: Int
    public var train: Int?
    public var test: Int?
    /// With `data_per_seed`, the cell's seed: its own stream draws the training subset, the
    /// validation split and any test subset. Nil: the fixed split every seed shares.
    public var drawSeed: Int?

    public init(validation: Int, train: Int? = nil, test: Int? = nil, drawSeed: Int? = nil) {
        self.validation = validation
        self.train = train
        self.test = test
        self.drawSeed = drawSeed
    }
}

/// The image datasets Reprise reads from IDX files.
public enum ImageDataset: String, Sendable, CaseIterable {
    case fashionMNIST = "fashion-mnist"
    case mnist

    /// Where Debian's `dataset-fashion-mnist` package installs the files.
    public static let debianFashionMNIST = "/usr/share/datasets/fashion-mnist"

    /// The folder holding the four IDX files: `dataDirectory/NAME` or `dataDirectory` itself when
    /// given (`--data-dir` or `REPRISE_DATA`), else Debian's location (Fashion-MNIST only).
    public func directory(dataDirectory: String?) throws -> String {
        let fm = FileManager.default
        if let root = dataDirectory {
            for candidate in ["\(root)/\(rawValue)", root] where fm.fileExists(atPath: "\(candidate)/\(Self.files[0])")
                || fm.fileExists(atPath: "\(candidate)/\(Self.files[0]).gz") {
                return candidate
            }
            throw DatasetError.missing(dataset: rawValue, path: "\(root)/\(rawValue)/\(Self.files[0]).gz",
                                       fix: "Put the four IDX files (\(Self.files.joined(separator: ", ")), gzipped or not) in \(root)/\(rawValue) or \(root).")
        }
        switch self {
        case .fashionMNIST:
            let dir = Self.debianFashionMNIST
            guard fm.fileExists(atPath: "\(dir)/\(Self.files[0]).gz") else {
                throw DatasetError.missing(dataset: rawValue, path: "\(dir)/\(Self.files[0]).gz",
                                           fix: "Install it with `make setup` (apt-get install dataset-fashion-mnist), or set REPRISE_DATA / --data-dir to a folder with the four IDX files.")
            }
            return dir
        case .mnist:
            throw DatasetError.missing(dataset: rawValue, path: "(no folder given)",
                                       fix: "Debian does not package MNIST: download its four IDX files and set REPRISE_DATA or --data-dir to their folder.")
        }
    }

    static let files = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Loads the dataset, pixels scaled to [0, 1], and carves the validation split from the
    /// training set: a fixed permutation (stream `(NAME, *, 0, validation-split)`, the same for every
    /// experiment and seed) sends its last `sizes.validation` examples to validation. Optional
    /// `sizes.train` / `sizes.test` keep the first examples of the remaining training set and of the
    /// test set (for quick profiles). With `sizes.drawSeed` (`data_per_seed = true`) the permutation
    /// is the seed's own (stream `(NAME, *, seed, per-seed-split)`) and a test subset is a random
    /// draw of the same stream, so that seeds vary the data as well as the weights.
    public func load(dataDirectory: String?, sizes: DataSizes) throws -> DataSplits {
        let dir = try directory(dataDirectory: dataDirectory)
        func path(_ f: String) -> String {
            FileManager.default.fileExists(atPath: "\(dir)/\(f).gz") ? "\(dir)/\(f).gz" : "\(dir)/\(f)"
        }
        let full = try Self.readPair(images: path(Self.files[0]), labels: path(Self.files[1]))
        let test = try Self.readPair(images: path(Self.files[2]), labels: path(Self.files[3]))
        guard sizes.validation < full.count else {
            throw DatasetError.malformed(path: dir, reason: "validation split of \(sizes.validation) leaves no training data")
        }
        let stream = sizes.drawSeed.map { (seed: $0, name: "per-seed-split") } ?? (seed: 0, name: "validation-split")
        var rng = RandomStream(experiment: rawValue, variant: StreamKey.shared, seed: stream.seed, name: stream.name)
        let order = rng.permutation(full.count)
        let trainCount = full.count - sizes.validation
        let trainIndices = Array(order[0..<min(trainCount, sizes.train ?? trainCount)])
        let validation = sizes.validation > 0 ? full.subset(Array(order[trainCount...])) : nil
        let testKept = min(test.count, sizes.test ?? test.count)
        let testIndices = testKept == test.count ? Array(0..<test.count)
            : sizes.drawSeed == nil ? Array(0..<testKept) : Array(rng.permutation(test.count)[0..<testKept])
        var splits = DataSplits(train: full.subset(trainIndices), validation: validation,
                                test: testKept == test.count ? test : test.subset(testIndices), classes: Self.classes)
        splits.splitRecord = "stream (\(rawValue), *, \(stream.seed), \(stream.name)); training indices \(trainIndices.count) fnv1a64 "
            + DataSplits.fingerprint(trainIndices) + "; validation indices \(sizes.validation) fnv1a64 "
            + DataSplits.fingerprint(sizes.validation > 0 ? Array(order[trainCount...]) : [])
            + (sizes.drawSeed == nil ? "; test: the first \(testKept)"   // the fixed split's record, as stored since revision 1
               : testKept == test.count ? "; test: all \(testKept)" : "; test indices \(testKept) fnv1a64 " + DataSplits.fingerprint(testIndices))
        return splits
    }

    /// (Fashion-)MNIST's images: 28 × 28 pixels, labels 0 … 9.
    static let imageShape = [28, 28], classes = 10

    private static func readPair(images: String, labels: String) throws -> LabelledData {
        let (shape, pixels) = try IDX.read(images, itemShape: imageShape)
        let (labelShape, labelBytes) = try IDX.read(labels, itemShape: [])
        guard shape[0] == labelShape[0] else {
            throw DatasetError.malformed(path: labels, reason: "\(labelShape[0]) labels for \(shape[0]) images in \(images)")
        }
        if let bad = labelBytes.firstIndex(where: { Int($0) >= classes }) {
            throw DatasetError.malformed(path: labels, reason: "label \(labelBytes[bad]) at item \(bad) is outside 0 … \(classes - 1)")
        }
        let n = shape[0], d = shape[1] * shape[2]
        var x = Matrix<Float>(rows: n, cols: d)
        x.storage.withUnsafeMutableBufferPointer { p in
            for k in 0..<(n * d) { p[k] = Float(pixels[k]) / 255 }
        }
        return LabelledData(inputs: x, labels: labelBytes.map { Int32($0) })
    }
}

/// A small classification set generated from a seed, for fast tests: inputs `x ~ N(0, I_d)`,
/// labels `argmax(x·W)` of a random linear teacher `W ~ N(0, 1)` (stream `(synthetic, *, seed, teacher)`).
/// With `sizes.drawSeed` (`data_per_seed`) the inputs come from that seed's stream; the teacher stays.
public enum SyntheticClassification {
    public static func make(features: Int, classes: Int, sizes: DataSizes, seed: Int) -> DataSplits {
        let drawSeed = sizes.drawSeed
        var teacherRNG = RandomStream(experiment: "synthetic", variant: StreamKey.shared, seed: seed, name: "teacher")
        var w = Matrix<Float>(rows: features, cols: classes)
        for k in 0..<w.count { w.storage[k] = Float(teacherRNG.normal()) }
        var dataRNG = RandomStream(experiment: "synthetic", variant: StreamKey.shared, seed: drawSeed ?? seed,
                                   name: drawSeed == nil ? "inputs" : "per-seed-inputs")
        func draw(_ n: Int) -> LabelledData {
            var x = Matrix<Float>(rows: n, cols: features)
            for k in 0..<x.count { x.storage[k] = Float(dataRNG.normal()) }
            var scores = Matrix<Float>(rows: n, cols: classes)
            gemm(x, w, into: &scores)
            let labels = (0..<n).map { i -> Int32 in
                var best = 0
                for j in 1..<classes where scores[i, j] > scores[i, best] { best = j }
                return Int32(best)
            }
            return LabelledData(inputs: x, labels: labels)
        }
        let train = draw(sizes.train ?? 1000)
        let validation = sizes.validation > 0 ? draw(sizes.validation) : nil
        return DataSplits(train: train, validation: validation, test: draw(sizes.test ?? 500), classes: classes)
    }
}
