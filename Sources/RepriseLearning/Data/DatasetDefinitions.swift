import RepriseConfig

/// The keys every dataset-backed problem shares: how the dataset is split and how much of it is used.
enum DatasetKeys {
    static func splits(validation: Int) -> [KeyRule] {
        [.value("validation", .int, .int(validation), .between(0, 1e7), "examples carved from the training set for validation"),
         .optional("train_examples", .int, .between(1, 1e7), "keep only the first N remaining training examples"),
         .optional("test_examples", .int, .between(1, 1e7), "keep only N test examples (the first N; with data_per_seed, N drawn by the seed)"),
         .optional("data_per_seed", .bool, nil,
                   "true: each seed draws its own training subset, validation split and test subset from its own stream (arms sharing a seed share them); absent or false: one fixed split for every seed")]
    }

    /// The splits must fit in a dataset of `train` training and `test` test examples.
    static func fit(train: Int, test: Int, name: String) -> @Sendable (Settings) -> [KeyProblem] {
        { s in
            var problems: [KeyProblem] = []
            let validation = s.optionalInt("validation") ?? 0
            if validation >= train {
                problems.append(KeyProblem("validation", "must be below \(name)'s \(train) training examples (found \(validation))"))
            } else if let kept = s.optionalInt("train_examples"), kept > train - validation {
                problems.append(KeyProblem("train_examples", "at most \(train - validation) remain after a validation split of \(validation) (found \(kept))"))
            }
            if let kept = s.optionalInt("test_examples"), kept > test {
                problems.append(KeyProblem("test_examples", "\(name) has \(test) test examples (found \(kept))"))
            }
            return problems
        }
    }
}

extension DatasetKeys {
    /// What a dataset of `examples` × `features` holds in memory, as Floats read and then split (two
    /// copies), and the shape its network's input and output layers take.
    static func memory(examples: Int, features: Int, classes: Int, key: String) -> MemoryEstimate {
        var e = MemoryEstimate()
        (e.features, e.classes) = (features, classes)
        e.add("data", key: key, numbers: [examples, features, 2], size: 4)
        return e
    }
}

/// An IDX image dataset of 60,000 training and 10,000 test images of 28×28, 10 classes, as a catalog entry.
private func imageDataset(_ set: ImageDataset, summary: String) -> ComponentDescription {
    ComponentDescription(name: set.rawValue, kind: .dataset, summary: summary, keys: DatasetKeys.splits(validation: 10000),
                         constraints: DatasetKeys.fit(train: 60000, test: 10000, name: set.rawValue),
                         memory: { _, _ in DatasetKeys.memory(examples: 70000, features: 784, classes: 10, key: "dataset") })
}

/// Fashion-MNIST (Xiao et al. 2017): 60,000 + 10,000 grey 28×28 images, 10 classes, read from IDX
/// files (Debian's `dataset-fashion-mnist`, or `--data-dir`).
public struct FashionMNIST: DatasetDefinition {
    public static let component = imageDataset(.fashionMNIST, summary: "Fashion-MNIST, 60,000 + 10,000 images 28×28, 10 classes")
    public init(_ s: Settings) {}
    public func load(sizes: DataSizes, dataDirectory: String?) throws -> DataSplits {
        try ImageDataset.fashionMNIST.load(dataDirectory: dataDirectory, sizes: sizes)
    }
}

/// MNIST (LeCun et al. 1998), read from IDX files in `--data-dir` (Debian does not package it).
public struct MNIST: DatasetDefinition {
    public static let component = imageDataset(.mnist, summary: "MNIST, 60,000 + 10,000 images 28×28, 10 classes (IDX files in --data-dir)")
    public init(_ s: Settings) {}
    public func load(sizes: DataSizes, dataDirectory: String?) throws -> DataSplits {
        try ImageDataset.mnist.load(dataDirectory: dataDirectory, sizes: sizes)
    }
}

/// A Gaussian classification set with a random linear teacher (`SyntheticClassification`), for tests.
public struct Synthetic: DatasetDefinition {
    public static let component = ComponentDescription(
        name: "synthetic", kind: .dataset, summary: "inputs N(0, I), labels from a random linear teacher; for fast tests",
        keys: [.value("features", .int, .int(20), .between(1, 1e5), "input dimension"),
               .value("classes", .int, .int(4), .between(2, 1e4), "number of classes"),
               .value("data_seed", .int, .int(0), nil, "seed of the teacher and the inputs")] + DatasetKeys.splits(validation: 200),
        constraints: { s in
            // Drawn in memory: keep the three splits under 2·10⁸ numbers (800 MB).
            let examples = (s.optionalInt("train_examples") ?? 1000) + (s.optionalInt("validation") ?? 0) + (s.optionalInt("test_examples") ?? 500)
            let size = Double(examples) * Double(s.optionalInt("features") ?? 0)
            return size > 2e8 ? [KeyProblem("features", "features × examples = \(Int(size)) numbers; keep it under 2·10⁸")] : []
        },
        memory: { s, _ in
            let examples = (s.optionalInt("train_examples") ?? 1000) + (s.optionalInt("validation") ?? 0) + (s.optionalInt("test_examples") ?? 500)
            return DatasetKeys.memory(examples: examples, features: s.optionalInt("features") ?? 0, classes: s.optionalInt("classes") ?? 2, key: "features")
        })
    let features: Int, classes: Int, seed: Int
    public init(_ s: Settings) {
        features = s.int("features")
        classes = s.int("classes")
        seed = s.int("data_seed")
    }
    public func load(sizes: DataSizes, dataDirectory: String?) throws -> DataSplits {
        SyntheticClassification.make(features: features, classes: classes, sizes: sizes, seed: seed)
    }
}
