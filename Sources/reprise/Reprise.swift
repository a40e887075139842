import ArgumentParser
import Foundation
import RepriseExperiments
import RepriseNumerics
import RepriseReports
import RepriseRunner

@main
struct Reprise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprise",
        abstract: "Reproducible experiments for four deep-learning optimizer papers.",
        discussion: """
        Experiments are declared in experiments/NAME.toml; results are stored as HDF5 in \
        results/; figures are drawn from the stored results into paper-figures/ and never retrain.
        """,
        subcommands: [List.self, Run.self, Show.self, Figures.self, Reproduce.self, Bench.self])
}

/// Options shared by every command: where things live and how many BLAS threads to use.
struct Locations: ParsableArguments {
    @Option(help: "Folder of experiment specs.")
    var experiments = "experiments"
    @Option(help: "Folder of stored results.")
    var results = "results"
    @Option(help: "Folder for figures and tables.")
    var figures = "paper-figures"
    @Option(help: "Folder holding datasets (default: $REPRISE_DATA, else Debian's location).")
    var dataDir: String?
    @Option(help: "OpenBLAS threads (default: $REPRISE_BLAS_THREADS, else 1). Recorded with results.")
    var threads: Int?

    var dataDirectory: String? { dataDir ?? ProcessInfo.processInfo.environment["REPRISE_DATA"] }

    func pinThreads() throws {
        let n = threads ?? ProcessInfo.processInfo.environment["REPRISE_BLAS_THREADS"].flatMap(Int.init) ?? 1
        guard n >= 1 else { throw ValidationError("--threads must be at least 1") }
        BLASThreads.pin(n)
    }

    /// Names of the experiments in the specs folder, sorted.
    func experimentNames() throws -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: experiments) else {
            throw ValidationError("no experiments folder at '\(experiments)'; run from the repository root or pass --experiments")
        }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    func spec(_ name: String, profile: String) throws -> ExperimentSpec {
        let names = try experimentNames()
        guard names.contains(name) else { throw RunError.unknownExperiment(name, available: names) }
        return try ExperimentSpec.load("\(experiments)/\(name).toml", profile: profile)
    }
}

/// Prints errors the way a user can act on them, and exits non-zero.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the experiments: title, paper, cells, how many are stored.")
    @OptionGroup var locations: Locations

    func run() throws {
        try reportingErrors {
            for name in try locations.experimentNames() {
                let spec = try locations.spec(name, profile: ExperimentSpec.defaultProfile)
                print("\(name)\n  \(spec.title)\n  paper: \(spec.paper)")
                let counts = spec.profiles.map { profile -> String in
                    let s = (try? locations.spec(name, profile: profile)) ?? spec
                    let (stored, planned) = StoredResults.storedCount(spec: s, resultsDirectory: locations.results)
                    return "\(profile) \(stored)/\(planned)"
                }
                print("  cells stored: \(counts.joined(separator: ", "))")
            }
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run an experiment's cells that are not stored yet, then print its summary.")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name (a file experiments/NAME.toml).") var name: String
    @Option(help: "Profile: quick, default or paper (as the spec declares).") var profile = ExperimentSpec.defaultProfile
    @Flag(help: "Rerun cells even when they are stored with the same configuration.") var force = false
    @Option(help: "Run only this variant (repeatable; a base name selects all its grid points).") var only: [String] = []
    @Option(help: "Run only the first N seeds.") var seeds: Int?

    func run() throws {
        try reportingErrors {
            try locations.pinThreads()
            let spec = try locations.spec(name, profile: profile)
            try runExperiment(spec, locations: locations, force: force, only: only, seeds: seeds)
            print(Summary(StoredResults(spec: spec, resultsDirectory: locations.results)).text)
        }
    }
}

func runExperiment(_ spec: ExperimentSpec, locations: Locations, force: Bool = false, only: [String] = [], seeds: Int? = nil) throws {
    var options = RunOptions(resultsDirectory: locations.results, dataDirectory: locations.dataDirectory,
                             sourceDirectory: FileManager.default.currentDirectoryPath)
    options.force = force
    options.only = only
    options.seedLimit = seeds
    let report = try Runner(options: options).run(spec)
    if !report.diverged.isEmpty {
        FileHandle.standardError.write(Data("note: \(report.diverged.count) cell(s) diverged; they are stored with status \"diverged\".\n".utf8))
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an experiment's summary table from stored results.")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile whose results to show.") var profile = ExperimentSpec.defaultProfile

    func run() throws {
        try reportingErrors {
            let results = StoredResults(spec: try locations.spec(name, profile: profile), resultsDirectory: locations.results)
            for note in results.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            guard !results.records.isEmpty else { throw ReportError.nothingStored("nothing stored for \(name) [\(profile)]") }
            print(Summary(results).text)
        }
    }
}

struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Draw figures and tables from stored results (never trains).")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name; all experiments when omitted.") var name: String?
    @Option(help: "Profile whose results to draw.") var profile = ExperimentSpec.defaultProfile

    func run() throws {
        try reportingErrors {
            let names = try name.map { [$0] } ?? locations.experimentNames()
            for n in names {
                try drawFigures(try locations.spec(n, profile: profile), locations: locations)
            }
        }
    }
}

func drawFigures(_ spec: ExperimentSpec, locations: Locations) throws {
    let results = StoredResults(spec: spec, resultsDirectory: locations.results)
    for note in results.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    guard !results.records.isEmpty else {
        FileHandle.standardError.write(Data("\(spec.name) [\(spec.profile)]: nothing stored, no figures drawn.\n".utf8))
        return
    }
    let directory = spec.profile == ExperimentSpec.defaultProfile
        ? "\(locations.figures)/\(spec.name)" : "\(locations.figures)/\(spec.name)/\(spec.profile)"
    let files = try RepriseReports.Figures.write(results, to: directory)
    try Summary(results).markdown.write(toFile: "\(directory)/summary.md", atomically: true, encoding: .utf8)
    print("\(spec.name) [\(spec.profile)]: \(files.count / 4) figures and summary.md in \(directory)/")
}

struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every experiment at a profile, then draw all figures.")
    @OptionGroup var locations: Locations
    @Option(help: "Profile to run.") var profile = ExperimentSpec.defaultProfile

    func run() throws {
        try reportingErrors {
            try locations.pinThreads()
            // Validate every spec before running any, so that a typo fails in seconds, not hours.
            let specs = try locations.experimentNames().map { try locations.spec($0, profile: profile) }
            for spec in specs {
                try runExperiment(spec, locations: locations)
                print(Summary(StoredResults(spec: spec, resultsDirectory: locations.results)).text)
            }
            for spec in specs { try drawFigures(spec, locations: locations) }
        }
    }
}
