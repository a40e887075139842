import ArgumentParser
import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseLearning
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
        subcommands: [List.self, Run.self, Show.self, Figures.self, Report.self, Reproduce.self, Verify.self, Merge.self, Slurm.self, Describe.self, Bench.self])

    /// Pins the BLAS kernel (re-executing once when it must) before any command runs.
    static func main() {
        switch BLASKernel.requested(CommandLine.arguments, environment: ProcessInfo.processInfo.environment) {
        case .failure(let error):
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        case .success(let kernel):
            BLASKernel.selected = kernel
            if let note = BLASKernel.enforce(kernel) { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        }
        Self.main(nil)
    }
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
    @Option(help: "OpenBLAS kernel: portable (Haswell: identical results on any x86-64 CPU with AVX2) or native (the CPU's own, faster, not comparable across CPUs). Default: $REPRISE_BLAS_KERNEL, else portable.")
    var blasKernel: String?

    var dataDirectory: String? { dataDir ?? ProcessInfo.processInfo.environment["REPRISE_DATA"] }

    func pinThreads() throws {
        let environment = ProcessInfo.processInfo.environment["REPRISE_BLAS_THREADS"]
        if threads == nil, let environment, Int(environment) == nil {
            throw ValidationError("REPRISE_BLAS_THREADS must be a whole number of threads (found \"\(environment)\")")
        }
        let n = threads ?? environment.flatMap { Int($0) } ?? 1
        guard (1...256).contains(n) else {
            throw ValidationError("--threads must be between 1 and 256 (found \(n)); this machine has \(ProcessInfo.processInfo.activeProcessorCount) cores")
        }
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
        return try ExperimentSpec.load("\(experiments)/\(name).toml", profile: profile, catalog: Registry.standard.catalog)
    }
}

/// When a long cell writes a checkpoint to resume from (overrides the spec's `[checkpoint]`).
struct Checkpointing: ParsableArguments {
    @Option(help: "Write a cell's checkpoint every N steps (default: the spec's [checkpoint], else every 10 minutes).") var checkpointSteps: Int?
    @Option(help: "Write a cell's checkpoint every M minutes of its training.") var checkpointMinutes: Double?

    func validate() throws {
        if let n = checkpointSteps, n < 1 { throw ValidationError("--checkpoint-steps must be at least 1 (found \(n))") }
        if let m = checkpointMinutes, !(m > 0) || !m.isFinite { throw ValidationError("--checkpoint-minutes must be a positive number of minutes") }
    }

    func apply(to options: inout RunOptions) {
        options.checkpointSteps = checkpointSteps
        options.checkpointMinutes = checkpointMinutes
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
        var invalid = 0, valid: [ExperimentSpec] = []
        try reportingErrors {
            for name in try locations.experimentNames() {
                let spec: ExperimentSpec
                do {
                    spec = try locations.spec(name, profile: ExperimentSpec.defaultProfile)
                    valid.append(spec)
                } catch {
                    // One invalid spec does not hide the others: it is listed with its error.
                    invalid += 1
                    print("\(name)\n  INVALID: \(error)".replacingOccurrences(of: "\n", with: "\n  ").replacingOccurrences(of: "\n  \n", with: "\n\n"))
                    continue
                }
                print("\(name)\n  \(spec.title)\n  paper: \(spec.paper)")
                let counts = spec.profiles.map { profile -> String in
                    let s = (try? locations.spec(name, profile: profile)) ?? spec
                    let (stored, planned) = StoredResults.storedCount(spec: s, resultsDirectory: locations.results)
                    return "\(profile) \(stored)/\(planned)"
                }
                print("  cells stored: \(counts.joined(separator: ", "))")
            }
        }
        let primary = ExperimentSpec.primaryClaimsProblem(valid)
        for problem in primary { print("INVALID: \(problem)") }
        if invalid > 0 || !primary.isEmpty {
            FileHandle.standardError.write(Data("error: \(invalid + primary.count) problem(s) in \(locations.experiments) (listed above with their errors)\n".utf8))
            throw ExitCode.failure
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
    @Option(help: "Cells trained at once, each in its own process with one BLAS thread (datasets identical to a serial run).") var jobs = 1
    @Option(help: "Run one stage only: selection or final (Slurm job arrays).") var stage: String?
    @Option(help: "With --stage: run only the cell at this 0-based index of the stage's cells.") var cell: Int?
    @OptionGroup var checkpointing: Checkpointing

    func validate() throws {
        if !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64 (found \(jobs))") }
        if let stage, !["selection", "final"].contains(stage) { throw ValidationError("--stage must be selection or final (found \(stage))") }
        if cell != nil && stage == nil { throw ValidationError("--cell needs --stage selection or final") }
        if let cell, cell < 0 { throw ValidationError("--cell must be at least 0 (found \(cell))") }
        if let seeds, seeds < 1 { throw ValidationError("--seeds must be at least 1 (found \(seeds))") }
        if only.contains(where: \.isEmpty) { throw ValidationError("--only needs a variant name") }
    }

    func run() throws {
        try reportingErrors {
            try locations.pinThreads()
            let spec = try locations.spec(name, profile: profile)
            try announceSourceTree(refusingDirty: false)
            Termination.install()
            let workers = try WorkerPool.start(jobs)
            try runExperiment(spec, locations: locations, checkpointing: checkpointing, force: force, only: only, seeds: seeds,
                              stage: stage, cell: cell)
            try workers.wait()
            if !WorkerPool.isWorker && stage == nil { print(Summary(StoredResults(spec: spec, resultsDirectory: locations.results)).text) }
        }
    }
}

/// Says in one line when the tree that runs has uncommitted changes in `Sources/`, `Package.swift` or
/// `experiments/`, or is no git checkout (its results then name no commit); with `refusingDirty`, a
/// dirty tree is an error before anything trains. Workers of `--jobs` stay quiet.
func announceSourceTree(refusingDirty refuse: Bool) throws {
    guard !WorkerPool.isWorker else { return }
    let checkout = Provenance.git(in: FileManager.default.currentDirectoryPath)
    guard let warning = Provenance.dirtyWarning(checkout) else { return }
    if refuse, checkout?.dirty == true {
        throw DirtyTree(description: String(warning.dropFirst("warning: ".count))
                        + ". reproduce writes the committed results: commit (or stash) first, or pass --allow-dirty (make reproduce ALLOW_DIRTY=1)")
    }
    FileHandle.standardError.write(Data((warning + "\n").utf8))
}

struct DirtyTree: Error, CustomStringConvertible { var description: String }

func runExperiment(_ spec: ExperimentSpec, locations: Locations, checkpointing: Checkpointing, force: Bool = false, only: [String] = [],
                   seeds: Int? = nil, stage: String? = nil, cell: Int? = nil) throws {
    var options = RunOptions(resultsDirectory: locations.results, dataDirectory: locations.dataDirectory,
                             sourceDirectory: FileManager.default.currentDirectoryPath)
    options.startedAt = WorkerPool.startedAt
    options.stage = stage
    options.cellIndex = cell
    options.force = force
    options.only = only
    options.seedLimit = seeds
    checkpointing.apply(to: &options)
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
    // The summary first: it needs no gnuplot, and is written whatever happens to the figures.
    try ReportFiles.folder(directory)
    try ReportFiles.write(Summary(results).markdown, to: "\(directory)/summary.md")
    let files = try RepriseReports.Figures.write(results, to: directory)
    print("\(spec.name) [\(spec.profile)]: \(files.count / 4) figures and summary.md in \(directory)/")
}

struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every experiment at a profile, then draw all figures.")
    @OptionGroup var locations: Locations
    @Option(help: "Profile to run.") var profile = ExperimentSpec.defaultProfile
    @Option(help: "Cells trained at once, each in its own process with one BLAS thread (datasets identical to a serial run).") var jobs = 1
    @Flag(help: "Run even when Sources/, Package.swift or experiments/ have uncommitted changes (the results then record git_dirty 1 and the digest of what ran).") var allowDirty = false
    @OptionGroup var checkpointing: Checkpointing

    func validate() throws {
        if !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64 (found \(jobs))") }
    }

    func run() throws {
        let started = Date()
        try reportingErrors {
            try locations.pinThreads()
            // Validate every spec before running any, so that a typo fails in seconds, not hours.
            let specs = try locations.experimentNames().map { try locations.spec($0, profile: profile) }
            let primary = ExperimentSpec.primaryClaimsProblem(specs)
            if !primary.isEmpty { throw ValidationError(primary.joined(separator: "\n")) }
            try announceSourceTree(refusingDirty: !allowDirty)
            Termination.install()
            let workers = try WorkerPool.start(jobs)
            for spec in specs {
                try runExperiment(spec, locations: locations, checkpointing: checkpointing)
                if !WorkerPool.isWorker { print(Summary(StoredResults(spec: spec, resultsDirectory: locations.results)).text) }
            }
            try workers.wait()
            // Workers only train; the figures and the report are drawn once, by the first process.
            if !WorkerPool.isWorker {
                for spec in specs { try drawFigures(spec, locations: locations) }
                try writeReport(locations: locations, profile: profile)
                let elapsed = Int(Date().timeIntervalSince(started).rounded())
                print("reproduce: \(specs.count) experiments at the \(profile) profile in \(elapsed / 60) min \(elapsed % 60) s wall-clock (\(jobs) job\(jobs == 1 ? "" : "s"))")
            }
        }
    }
}

struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the catalog: every optimizer, transformation, schedule, problem, dataset and claim kind, with its keys.",
        discussion: "Without a name, one line per component; with a name, its keys: type, default, allowed range, meaning.")
    @Argument(help: "A component's name (sgd, adam, taso, classification, fashion-mnist, …).") var name: String?
    @Flag(help: "Print every component's key table as Markdown (what the README's tables are made from).") var markdown = false

    func run() throws {
        let catalog = Registry.standard.catalog
        if markdown {
            for kind in ComponentKind.allCases {
                for c in catalog.components where c.kind == kind { print(CatalogText.markdown(c)) }
            }
            return
        }
        guard let name else {
            for kind in ComponentKind.allCases {
                print("\(kind.rawValue)s:")
                for c in catalog.components where c.kind == kind {
                    print("  " + c.name.padding(toLength: 16, withPad: " ", startingAt: 0) + c.summary)
                }
            }
            print("reprise describe NAME shows a component's keys.")
            return
        }
        let matches = catalog.components.filter { $0.name == name }
        guard !matches.isEmpty else {
            FileHandle.standardError.write(Data("error: no component named '\(name)'; known: \(catalog.components.map(\.name).joined(separator: ", "))\n".utf8))
            throw ExitCode.failure
        }
        for c in matches { print(CatalogText.plain(c)) }
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring result stores from other machines into this one: each file checked (whole, of the cell its path names, hashing to its configuration, of the current spec, finished), copied atomically, never replacing a stored file.",
        discussion: "A file already stored is reported identical (same data; wall-clock may differ) or CONFLICT (kept, the incoming one refused). Exit status 1 when any file was refused.")
    @OptionGroup var locations: Locations
    @Argument(help: "Results folders of other machines.") var sources: [String]

    func run() throws {
        try reportingErrors {
            guard !sources.isEmpty else { throw ValidationError("name at least one results folder to merge, e.g. reprise merge ../node1/results") }
            let merger = StoreMerge(destination: locations.results) { experiment, profile in
                try? locations.spec(experiment, profile: profile)
            }
            var refused = 0
            for source in sources {
                let entries = try merger.merge(source)
                var counts: [String: Int] = [:]
                for e in entries {
                    counts[e.outcome.word, default: 0] += 1
                    if let reason = e.outcome.reason { print("\(e.outcome.word) \(source)/\(e.path): \(reason)") }
                }
                refused += entries.filter(\.outcome.refused).count
                let summary = ["added", "identical", "CONFLICT", "DAMAGED", "FOREIGN"].compactMap { w in counts[w].map { "\($0) \(w)" } }
                print("\(source): \(entries.count) files: \(summary.isEmpty ? "none" : summary.joined(separator: ", "))")
            }
            if refused > 0 {
                FileHandle.standardError.write(Data("\(refused) file(s) refused (listed above); nothing stored was changed\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rerun stored cells in memory and compare every dataset outside /wallclock, and every attribute that defines the result, with the stored one.",
        discussion: "Checks the first N planned final cells (--cells N, default 1) or all (--all); with --stage selection, the selection runs instead. Exit status 1 when any dataset or attribute differs, or when a chosen cell's file (or a selection record) is missing, damaged, or holds another cell. Nothing is written to the results folder.")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile whose stored cells to verify.") var profile = ExperimentSpec.defaultProfile
    @Option(help: "Verify the first N planned final cells (default 1); one not stored, damaged or foreign fails.") var cells: Int?
    @Flag(help: "Verify every planned final cell.") var all = false
    @Option(help: "Verify only this variant's cells (repeatable; a base name selects its grid points).") var only: [String] = []
    @Option(help: "Which cells: final (default) or selection (the runs that chose each selected variant's grid point).") var stage = "final"

    func validate() throws {
        if !["final", "selection"].contains(stage) { throw ValidationError("--stage must be final or selection (found \(stage))") }
        if let cells, cells < 1 { throw ValidationError("--cells must be at least 1 (found \(cells))") }
        if all && cells != nil { throw ValidationError("give --cells N or --all, not both") }
    }

    func run() throws {
        var differs = false
        try reportingErrors {
            try locations.pinThreads()
            let spec = try locations.spec(name, profile: profile)
            let stored = StoredResults(spec: spec, resultsDirectory: locations.results)
            guard !stored.storedCells.isEmpty else { throw ReportError.nothingStored("nothing stored for \(name) [\(profile)] to verify") }
            func chosen(_ variant: String) -> Bool { only.isEmpty || only.contains { variant == $0 || variant.hasPrefix($0 + "-") } }
            // The first N planned cells, stored or not: a missing, damaged or foreign file fails.
            let candidates = stage == "selection"
                ? spec.selectedVariants.flatMap { spec.selectionCells(of: $0) }.filter { chosen($0.variant) }
                : stored.plannedCells.filter { chosen($0.variant) }
            guard !candidates.isEmpty || !stored.unselected.filter(chosen).isEmpty else { throw RunError.unknownVariant(only, available: spec.variantNames) }
            let chosenCells = all ? candidates : Array(candidates.prefix(cells ?? 1))
            let options = RunOptions(resultsDirectory: locations.results, dataDirectory: locations.dataDirectory,
                                     sourceDirectory: FileManager.default.currentDirectoryPath)
            let results = try Runner(options: options).verify(chosenCells, spec: spec)
            let unselected = stored.unselected.filter(chosen)
            print("\(spec.name) [\(spec.profile)]: \(results.count) cell(s) rerun on \(BLASKernel.recorded(BLASKernel.selected)), \(BLASThreads.current) BLAS thread(s)")
            print("| cell | datasets | identical | largest abs. difference | largest rel. difference |")
            print("|---|---|---|---|---|")
            for variant in unselected {
                print("| \(variant) | | | selection record missing or damaged: \(spec.selectionRecordPath(of: variant)) | |")
            }
            for v in results {
                if let problem = v.problem {
                    print("| \(v.cell.variant) seed \(v.cell.seed) | | FAILS | \(problem) | |")
                    continue
                }
                let same = v.datasets.filter(\.identical).count
                let abs = v.datasets.map(\.maxAbsolute).filter(\.isFinite).max() ?? 0
                let rel = v.datasets.map(\.maxRelative).filter(\.isFinite).max() ?? 0
                print("| \(v.cell.variant) seed \(v.cell.seed) | \(v.datasets.count) | \(same) | \(String(format: "%.3g", abs)) | \(String(format: "%.3g", rel)) |")
                for d in v.datasets where !d.identical {
                    print("|   \(d.name) | | differs | \(d.mismatch ?? String(format: "%.3g", d.maxAbsolute)) | \(d.mismatch == nil ? String(format: "%.3g", d.maxRelative) : "") |")
                }
            }
            let failed = results.filter { $0.problem != nil }.count + unselected.count
            differs = failed > 0 || results.contains { !$0.identical }
            print(failed > 0 ? "verify: FAILED: \(failed) stored cell(s) or selection(s) missing, damaged or foreign (see the table)"
                  : differs ? "verify: DIFFERENT datasets or attributes (see the table)" : "verify: every dataset and attribute identical")
        }
        if differs { throw ExitCode.failure }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write paper-figures/REPORT.md: every experiment's claims, tables, substitutions and figures, from the store.")
    @OptionGroup var locations: Locations
    @Option(help: "Profile whose results to report.") var profile = ExperimentSpec.defaultProfile

    func run() throws {
        try reportingErrors { try writeReport(locations: locations, profile: profile) }
    }
}

func writeReport(locations: Locations, profile: String) throws {
    let specs = try locations.experimentNames().compactMap { name -> ExperimentSpec? in
        let spec = try locations.spec(name, profile: ExperimentSpec.defaultProfile)
        return spec.profiles.contains(profile) ? try locations.spec(name, profile: profile) : nil
    }
    let results = specs.map { StoredResults(spec: $0, resultsDirectory: locations.results) }
    var figures: [String: [String]] = [:]
    for spec in specs {
        let folder = spec.profile == ExperimentSpec.defaultProfile ? spec.name : "\(spec.name)/\(spec.profile)"
        figures[spec.name] = spec.figures.map { "\(folder)/\($0.name).png" }
            .filter { FileManager.default.fileExists(atPath: "\(locations.figures)/\($0)") }
    }
    // When each experiment's claims were stated, against when its results were made.
    var history: [String: String] = [:]
    let root = FileManager.default.currentDirectoryPath
    for r in results {
        let file = "\(locations.experiments)/\(r.spec.name).toml".replacingOccurrences(of: root + "/", with: "")
        let made = Set(r.records.compactMap { $0.string("git_commit") }).filter { $0 != "unknown" }.sorted()
        guard !r.spec.claims.isEmpty, let stated = Provenance.claimsCommit(of: file, in: root) else { continue }
        let late = made.filter { !Provenance.isAncestor(stated, of: $0, in: root) }
        history[r.spec.name] = "Claims as stated since commit `\(stated.prefix(10))`; results made at \(made.isEmpty ? "no commit" : made.map { "`\($0.prefix(10))`" }.joined(separator: ", "))."
            + (late.isEmpty ? " The claims were committed before the runs that test them."
               : " **The claims were changed after these results were made** (not an ancestor of \(late.map { "`\($0.prefix(10))`" }.joined(separator: ", "))): rerun from a commit that holds them before reading the verdicts as confirmatory.")
    }
    try ReportFiles.folder(locations.figures)
    let name = profile == ExperimentSpec.defaultProfile ? "REPORT.md" : "REPORT-\(profile).md"
    try ReportFiles.write(RepriseReports.Report.markdown(results, figures: figures, history: history), to: "\(locations.figures)/\(name)")
    // The README's status table, between its markers, when the README is here and has them.
    let readme = "\(root)/README.md", begin = "<!-- status:begin -->", end = "<!-- status:end -->"
    if profile == ExperimentSpec.defaultProfile, let text = try? String(contentsOfFile: readme, encoding: .utf8),
       let a = text.range(of: begin), let b = text.range(of: end), a.upperBound <= b.lowerBound {
        let table = "\n" + RepriseReports.Report.status(results) + "\n"
        try ReportFiles.write(text.replacingCharacters(in: a.upperBound..<b.lowerBound, with: table), to: readme)
        print("README.md: the status table redrawn from the store")
    }
    print("\(locations.figures)/\(name): \(specs.count) experiments")
}

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write (and with --submit, submit) Slurm jobs for an experiment: the selection runs as one job array, the finals as a dependent array, then the figures.",
        discussion: "Each array task runs `reprise run NAME --stage S --cell K` into the shared results folder; per-cell locks make concurrent tasks safe.")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile.") var profile = ExperimentSpec.defaultProfile
    @Option(help: "Folder for the sbatch scripts and job logs.") var output = "slurm"
    @Option(help: "Partition (#SBATCH --partition).") var partition: String?
    @Option(help: "Time limit per task, as sbatch takes it, e.g. 2:00:00 (#SBATCH --time).") var time: String?
    @Option(help: "Account to charge (#SBATCH --account).") var account: String?
    @Option(help: "Memory per task, e.g. 4G (#SBATCH --mem).") var mem: String?
    @Option(name: .customLong("sbatch-arg"), help: "Any other sbatch option, as --name=value or --flag (repeatable).") var sbatchArgs: [String] = []
    @Option(help: "The most tasks of each array running at once (--array=0-N%M).") var maxParallel: Int?
    @Flag(help: "Submit the jobs with sbatch, chained by afterok dependencies (without it: the commands that would are printed).") var submit = false

    func run() throws {
        try reportingErrors {
            let spec = try locations.spec(name, profile: profile)
            let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            let cwd = FileManager.default.currentDirectoryPath
            func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : "\(cwd)/\(p)" }
            let folder = absolute(output)
            let writer = SlurmJobs(binary: binary, workingDirectory: cwd, folder: folder, experiments: absolute(locations.experiments),
                                   results: absolute(locations.results), figures: absolute(locations.figures),
                                   dataDirectory: locations.dataDirectory.map(absolute),
                                   resources: SlurmJobs.Resources(partition: partition, time: time, account: account, memory: mem,
                                                                  extra: sbatchArgs, maxParallel: maxParallel))
            let written = try writer.write(for: spec)
            for w in written { print("wrote \(w.path)") }
            let paths = written.map(\.path)
            if submit {
                for (w, id) in zip(written, try SlurmJobs.submit(paths)) { print("submitted \(w.job) as job \(id)") }
            }
            if !submit {
                print("to submit, chained (or pass --submit):")
                for command in SlurmJobs.submitCommands(paths) { print("  " + command) }
            }
        }
    }
}
