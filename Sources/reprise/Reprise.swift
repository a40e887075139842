import ArgumentParser
import Foundation
import RepriseCommands
import RepriseExperiments
import RepriseNumerics
import RepriseRunner

/// The command line: options and their checks only; what each command does is in `Commands`.
@main
struct Reprise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprise", abstract: "Reproducible experiments for four deep-learning optimizer papers.",
        discussion: "Experiments are declared in experiments/NAME.toml; results are stored as HDF5 in results/; figures are drawn from the stored results into paper-figures/ and never retrain.",
        subcommands: [List.self, Run.self, Show.self, ExportCommand.self, PlanCommand.self, Seeds.self, Figures.self, Report.self, Reproduce.self, Verify.self,
                      Merge.self, Slurm.self, Clean.self, Describe.self, Bench.self])

    /// Pins the BLAS kernel (re-executing once when it must) before any command runs.
    static func main() {
        KernelPin.apply()
        Self.main(nil)
    }
}

extension RunStage: ExpressibleByArgument {}

/// Prints errors the way a user can act on them, and exits non-zero.
func reportingErrors(_ body: () throws -> Void) throws {
    do { try body() } catch let error as ValidationError { throw error } catch let error as ExitCode { throw error } catch is Commands.Failed { throw ExitCode.failure } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the experiments: title, paper, cells, how many are stored.")
    @OptionGroup var locations: Locations
    func run() throws { try reportingErrors { try Commands.list(locations.workspace) } }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run an experiment's cells that are not stored yet, then print its summary.")
    @OptionGroup var locations: Locations
    @OptionGroup var compute: Compute
    @Argument(help: "Experiment name (a file experiments/NAME.toml).") var name: String
    @Option(help: "Profile: quick, default or paper (as the spec declares).") var profile = ExperimentSpec.defaultProfile
    @Flag(help: "Rerun cells even when they are stored with the same configuration.") var force = false
    @Option(help: "Run only this variant (repeatable; a base name selects all its grid points).") var only: [String] = []
    @Option(help: "Run only the first N seeds.") var seeds: Int?
    @Option(help: "Run only these seeds' final cells, by value (3,7); each must be one of the spec's seeds.") var seedValues: SeedValues?
    @OptionGroup var training: Training
    @Option(help: "Run one stage only: selection or final (Slurm job arrays).") var stage: RunStage?
    @Option(help: "With --stage: run only the cell at this 0-based index of the stage's cells.") var cell: Int?

    func options(_ w: Workspace) -> RunOptions {
        var options = training.options(w)
        (options.force, options.only, options.seedLimit, options.seedValues, options.stage, options.cellIndex) = (force, only, seeds, seedValues?.values, stage, cell)
        return options
    }

    func validate() throws { if let problem = options(Workspace()).problem { throw ValidationError(problem) } }

    func run() throws {
        try reportingErrors {
            try Workspace.pinThreads(compute.threads)
            let w = locations.workspace, spec = try w.spec(name, profile: profile), options = options(w)
            try Commands.announceSourceTree(w, refusingDirty: false)
            Termination.install()
            let workers = try WorkerPool.start(training.jobs)
            try Commands.run(spec, options: options)
            try workers.wait()
            if !WorkerPool.isWorker && stage == nil { try Commands.show(spec, w, notes: false) }
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
            let w = locations.workspace
            for n in try name.map { [$0] } ?? w.experimentNames() { try Commands.drawFigures(try w.spec(n, profile: profile), w) }
        }
    }
}

struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every experiment at a profile, then draw all figures.")
    @OptionGroup var locations: Locations
    @OptionGroup var compute: Compute
    @Option(help: "Profile to run.") var profile = ExperimentSpec.defaultProfile
    @OptionGroup var training: Training
    @Flag(help: "Run even when Sources/, Package.swift or experiments/ have uncommitted changes (the results then record git_dirty 1 and the digest of what ran).") var allowDirty = false
    func run() throws {
        try reportingErrors {
            try Workspace.pinThreads(compute.threads)
            Termination.install()
            try Commands.reproduce(locations.workspace, profile: profile, options: training.options(locations.workspace), allowDirty: allowDirty, jobs: training.jobs)
        }
    }
}

struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the catalog: every optimizer, transformation, schedule, problem, dataset and claim kind, with its keys.", discussion: "Without a name, one line per component; with a name, its keys: type, default, allowed range, meaning.")
    @Argument(help: "A component's name (sgd, adam, taso, classification, fashion-mnist, …).") var name: String?
    @Flag(help: "Print every component's key table as Markdown (what the README's tables are made from).") var markdown = false
    func run() throws { try reportingErrors { try Commands.describe(name, markdown: markdown) } }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring result stores from other machines into this one: each file checked (whole, of the cell its path names, hashing to its configuration, of the current spec, finished), copied atomically, never replacing a stored file.", discussion: "A file already stored is reported identical (same data; wall-clock may differ) or CONFLICT (kept, the incoming one refused). Exit status 1 when any file was refused.")
    @OptionGroup var locations: Locations
    @OptionGroup var compute: Compute  // the kernel decides which stored cells are of this run's rounding
    @Argument(help: "Results folders of other machines.") var sources: [String]
    func run() throws { try reportingErrors { try Commands.merge(sources, into: locations.workspace) } }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rerun stored cells in memory and compare every dataset outside /wallclock, and every attribute that defines the result, with the stored one.", discussion: "Checks the first N planned final cells (--cells N, default 1) or all (--all); with --stage selection, the selection runs instead. Exit status 1 when any dataset or attribute differs, or when a chosen cell's file (or a selection record) is missing, damaged, or holds another cell. Nothing is written to the results folder.")
    @OptionGroup var locations: Locations
    @OptionGroup var compute: Compute
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile whose stored cells to verify.") var profile = ExperimentSpec.defaultProfile
    @Option(help: "Verify the first N planned final cells (default 1); one not stored, damaged or foreign fails.") var cells: Int?
    @Flag(help: "Verify every planned final cell.") var all = false
    @Option(help: "Verify only this variant's cells (repeatable; a base name selects its grid points).") var only: [String] = []
    @Option(help: "Which cells: final (default) or selection (the runs that chose each selected variant's grid point).") var stage = RunStage.final

    func validate() throws { if let problem = Commands.VerifyChoice(cells: cells, all: all, only: only, stage: stage).problem { throw ValidationError(problem) } }

    func run() throws {
        try reportingErrors {
            try Workspace.pinThreads(compute.threads)
            let w = locations.workspace
            try Commands.verify(try w.spec(name, profile: profile), w, choice: .init(cells: cells, all: all, only: only, stage: stage))
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write paper-figures/REPORT.md: every experiment's claims, tables, substitutions and figures, from the store.")
    @OptionGroup var locations: Locations
    @Option(help: "Profile whose results to report.") var profile = ExperimentSpec.defaultProfile
    func run() throws { try reportingErrors { try Commands.writeReport(locations.workspace, profile: profile) } }
}

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write (and with --submit, submit) Slurm jobs for an experiment: the selection runs as one job array, the finals as a dependent array, then the figures.", discussion: "Each array task runs `reprise run NAME --stage S --cell K` into the shared results folder; per-cell locks make concurrent tasks safe; tasks are requeue-friendly (a requeued task resumes from its cell's checkpoint).")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile.") var profile = ExperimentSpec.defaultProfile
    @Option(help: "Folder for the sbatch scripts and job logs.") var output = "slurm"
    @Option(help: "Partition (#SBATCH --partition).") var partition: String?
    @Option(help: "Time limit per task, as sbatch takes it, e.g. 2:00:00 (#SBATCH --time).") var time: String?
    @Option(help: "Account to charge (#SBATCH --account).") var account: String?
    @Option(help: "Memory per task, e.g. 4G (#SBATCH --mem).") var mem: String?
    // Unconditional: the value is itself an option (`--sbatch-arg --qos=long`), which the default
    // parsing would take for one of reprise's own.
    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue,
            help: "Any other sbatch option, as --name=value or --flag (repeatable): --sbatch-arg --qos=long.") var sbatchArgs: [String] = []
    @Option(help: "The most tasks of each array running at once (--array=0-N%M).") var maxParallel: Int?
    @Flag(help: "Submit the jobs with sbatch, chained by afterok dependencies (without it: the commands that would are printed).") var submit = false

    func run() throws {
        try reportingErrors {
            let w = locations.workspace
            try Commands.slurm(try w.spec(name, profile: profile), w, output: output,
                               resources: .init(partition: partition, time: time, account: account, memory: mem, extra: sbatchArgs, maxParallel: maxParallel), submit: submit)
        }
    }
}
