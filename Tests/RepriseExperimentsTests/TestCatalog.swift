import RepriseConfig
import RepriseExperiments
import RepriseLearning

extension ExperimentSpec {
    /// Specs in tests are validated against the standard catalog.
    static func load(_ path: String, profile: String = defaultProfile) throws -> ExperimentSpec {
        try load(path, profile: profile, catalog: Registry.standard.catalog)
    }
}
