import Foundation
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
import RepriseRunner

/// Where a command finds specs, results, figures and datasets: what every command shares.
public struct Workspace: Sendable {
    public var experiments: String
    public var results: String
    public var figures: String
    public var dataDirectory: String?
    /// The source checkout (git provenance, README, claims history): the current directory.
    public var root: String

    public init(experiments: String = "experiments", results: String = "results", figures: String = "paper-figures",
                dataDirectory: String? = nil, root: String = FileManager.default.currentDirectoryPath) {
        self.experiments = experiments
        self.results = results
        self.figures = figures
        self.dataDirectory = dataDirectory
        self.root = root
    }

    /// Names of the experiments in the specs folder, sorted.
    public func experimentNames() throws -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: experiments) else {
            throw CommandError("no experiments folder at '\(experiments)'; run from the repository root or pass --experiments")
        }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The spec `name` at `profile`, validated; with `checkingPaper`, also refused when its paper has
    /// more primary claims than `ExperimentSpec.maxPrimaryClaims` across the folder's valid specs, or
    /// a primary rank claim that cannot pass Holm's smallest threshold among them
    /// (`ExperimentSpec.paperProblems`), so that `run`, `show`, `figures`, `verify` and `slurm` refuse what `list` refuses (commands
    /// that check every spec at once pass false and check the whole set).
    public func spec(_ name: String, profile: String, checkingPaper: Bool = true) throws -> ExperimentSpec {
        let names = try experimentNames()
        guard names.contains(name) else { throw RunError.unknownExperiment(name, available: names) }
        let spec = try ExperimentSpec.load("\(experiments)/\(name).toml", profile: profile, catalog: Registry.standard.catalog)
        guard checkingPaper, spec.claims.contains(where: \.primary) else { return spec }
        // Claims are no profile's: the others are read at the default profile; an invalid one is
        // `list`'s to report, not this command's.
        let others = names.filter { $0 != name }.compactMap {
            try? ExperimentSpec.load("\(experiments)/\($0).toml", profile: ExperimentSpec.defaultProfile, catalog: Registry.standard.catalog)
        }
        let problems = ExperimentSpec.paperProblems(([spec] + others.filter { $0.paper == spec.paper }).sorted { $0.name < $1.name })
        if !problems.isEmpty { throw CommandError(problems.joined(separator: "\n")) }
        return spec
    }

    /// Every spec of the folder at `profile`, and each invalid one's error by name: one bad spec never
    /// hides the others. The paper-wide primary-claims rules are the caller's to check on the set.
    public func allSpecs(profile: String) throws -> (valid: [ExperimentSpec], invalid: [(name: String, error: Error)]) {
        var valid: [ExperimentSpec] = [], invalid: [(name: String, error: Error)] = []
        for name in try experimentNames() {
            do { valid.append(try spec(name, profile: profile, checkingPaper: false)) } catch { invalid.append((name, error)) }
        }
        return (valid, invalid)
    }

    /// Run options for this workspace, with the checkpoint cadence asked on the command line.
    public func runOptions(checkpointSteps: Int? = nil, checkpointMinutes: Double? = nil) -> RunOptions {
        var options = RunOptions(resultsDirectory: results, dataDirectory: dataDirectory, sourceDirectory: root)
        (options.checkpointSteps, options.checkpointMinutes) = (checkpointSteps, checkpointMinutes)
        return options
    }
}

extension Workspace {
    /// Pins the BLAS threads: `threads`, else `$REPRISE_BLAS_THREADS`, else 1; a bad value is named.
    public static func pinThreads(_ threads: Int?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let variable = environment["REPRISE_BLAS_THREADS"]
        if threads == nil, let variable, Int(variable) == nil {
            throw CommandError("REPRISE_BLAS_THREADS must be a whole number of threads (found \"\(variable)\")")
        }
        let n = threads ?? variable.flatMap { Int($0) } ?? 1
        guard (1...256).contains(n) else {
            throw CommandError("--threads must be between 1 and 256 (found \(n)); this machine has \(ProcessInfo.processInfo.activeProcessorCount) cores")
        }
        BLASThreads.pin(n)
    }
}

/// A command's failure, said as the user can act on it.
public struct CommandError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Where commands write: results and tables to standard output, notes and progress to standard error.
public enum Console {
    public static func out(_ line: String) { print(line) }
    /// Text written as it is (no line added): a whole CSV or JSON document.
    public static func raw(_ text: String) { print(text, terminator: "") }
    public static func note(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
