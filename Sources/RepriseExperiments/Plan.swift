/// One unit of work: a variant of an experiment with one seed. A cell is the unit of caching,
/// resume and parallelism: its hash is taken of its canonical configuration, so the same
/// configuration always maps to the same stored result.
public struct Cell: Sendable {
    public var experiment: String
    public var profile: String
    public var variant: String
    public var seed: Int
    /// Everything that determines the cell's stored data, and nothing else.
    public var config: ConfigValue
    /// SHA-256 of `config.canonicalJSON`.
    public var hash: String

    /// The cell's file, relative to the results folder.
    public var relativePath: String { "\(experiment)/\(profile)/\(variant)--seed\(seed).h5" }
}

extension ExperimentSpec {
    /// Version of the cell configuration layout; bump it when the meaning of stored data changes.
    public static let configVersion = 1

    /// The cells of this spec: every variant with every seed, in spec order.
    public func cells() -> [Cell] {
        variants.flatMap { variant in
            seeds.map { seed in
                let config = ConfigValue.table([
                    "config_version": .int(Self.configVersion),
                    "experiment": .string(name),
                    "problem": .table(problem),
                    "budget": .table(budget),
                    "record": .table(record),
                    "variant": .table(variant),
                    "seed": .int(seed),
                ])
                return Cell(experiment: name, profile: profile, variant: variant["name"]!.string!, seed: seed,
                            config: config, hash: SHA256.hex(config.canonicalJSON))
            }
        }
    }
}
