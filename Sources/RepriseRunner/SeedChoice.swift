import RepriseExperiments

/// Which seeds' final cells a run (or a plan) keeps: `--seeds N`, the first N confirmatory seeds,
/// or `--seed-values 3,7`, those seeds by value (confirmatory or pilot). Selection runs keep their
/// own seeds (`[selection] seeds`): a grid's winner never depends on which finals are run.
extension RunOptions {
    /// The seeds kept, nil for every seed; a value the spec does not declare is refused by name.
    public func keptSeeds(_ spec: ExperimentSpec) throws -> Set<Int>? {
        if let values = seedValues {
            let unknown = values.filter { !spec.allSeeds.contains($0) }
            guard unknown.isEmpty else { throw SeedChoiceError(unknown: unknown, spec: spec) }
            return Set(values)
        }
        return seedLimit.map { Set(spec.seeds.prefix($0)) }
    }

    /// `--seed-values 3,7` read: whole numbers separated by commas; nil when the text is not.
    public static func seedValues(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        return values.count == parts.count && !values.isEmpty ? values : nil
    }
}

/// `--seed-values` named a seed the spec does not have: the message lists those it has.
public struct SeedChoiceError: Error, CustomStringConvertible {
    public let unknown: [Int]
    public let spec: ExperimentSpec

    public var description: String {
        let list = { (seeds: [Int]) in seeds.map(String.init).joined(separator: ", ") }
        return "--seed-values \(list(unknown)): not among \(spec.name)'s seeds; its spec (experiments/\(spec.name).toml) declares seeds \(list(spec.seeds))"
            + (spec.pilotSeeds.isEmpty ? "" : " and pilot_seeds \(list(spec.pilotSeeds))")
    }
}
