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

    public func spec(_ name: String, profile: String) throws -> ExperimentSpec {
        let names = try experimentNames()
        guard names.contains(name) else { throw RunError.unknownExperiment(name, available: names) }
        return try ExperimentSpec.load("\(experiments)/\(name).toml", profile: profile, catalog: Registry.standard.catalog)
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
