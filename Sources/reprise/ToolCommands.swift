import ArgumentParser
import Foundation
import RepriseCommands
import RepriseExperiments
import RepriseReports
import RepriseRunner

extension TableText.Format: ExpressibleByArgument {}

/// `--seed-values 3,7`: seeds by value, separated by commas.
struct SeedValues: ExpressibleByArgument {
    var values: [Int]
    init?(argument: String) {
        guard let values = RunOptions.seedValues(argument) else { return nil }
        self.values = values
    }
    static var defaultCompletionKind: CompletionKind { .default }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an experiment's summary table from stored results (as text, CSV or JSON).")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile whose results to show.") var profile = ExperimentSpec.defaultProfile
    @Flag(help: "Print the table as CSV (one row per variant, cells as printed).") var csv = false
    @Flag(help: "Print the table as JSON (an array of records, one per variant).") var json = false

    func validate() throws { if csv && json { throw ValidationError("give --csv or --json, not both") } }

    func run() throws {
        let format: TableText.Format? = csv ? .csv : json ? .json : nil
        try reportingErrors { try Commands.show(try locations.workspace.spec(name, profile: profile), locations.workspace, format: format) }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print every stored series of an experiment in tidy long form, one row per value (CSV or JSON), for pandas.",
        discussion: "Columns: experiment, profile, variant, group, seed, stage (final, selection, extended), grid_point (a selection run's point), axis (steps or epochs), index (the step or epoch), metric, value (float64, shortest text that reads back exactly), unit (the metric catalog's; empty when none). JSON is an array of these records (NaN as null). In Python: pd.read_csv(io.StringIO(subprocess.run([\"reprise\", \"export\", NAME], capture_output=True, text=True).stdout)).")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile whose results to export.") var profile = ExperimentSpec.defaultProfile
    @Option(help: "csv (RFC 4180) or json (an array of records).") var format = TableText.Format.csv
    @Option(help: "File to write, or - for standard output.") var output = "-"
    func run() throws {
        try reportingErrors { try Commands.export(try locations.workspace.spec(name, profile: profile), locations.workspace, format: format, output: output) }
    }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "List an experiment's cells (stage, the index --cell takes, variant, seed, stored or not) and estimate the core-hours and wall-clock of those not stored.",
        discussion: "Without a name, every experiment at the profile: what `make reproduce` (or `reprise slurm` at --profile paper) would run. Times come from the stored cells' recorded seconds per step (any profile) scaled by each cell's steps; wall-clock is a list schedule on --cores cores, longest cells first, the selection stage before the finals.")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name; all experiments when omitted.") var name: String?
    @Option(help: "Profile to plan.") var profile = ExperimentSpec.defaultProfile
    @Option(help: "Cores the run will use (default: this machine's).") var cores = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Plan only these seeds' final cells, by value (3,7), as run --seed-values does.") var seedValues: SeedValues?
    @Flag(help: "Count every cell as to be run (timed by its stored record where there is one): the cost of a run from empty results, as `make reproduce` after `git rm -r results`.") var fromEmpty = false

    func validate() throws { if !(1...100_000).contains(cores) { throw ValidationError("--cores must be between 1 and 100000 (found \(cores))") } }

    func run() throws {
        try reportingErrors {
            let w = locations.workspace
            let specs = try name.map { [try w.spec($0, profile: profile)] }
                ?? w.experimentNames().compactMap { n in try w.spec(n, profile: ExperimentSpec.defaultProfile).profiles.contains(profile) ? try w.spec(n, profile: profile) : nil }
            try Commands.plan(specs, w, cores: cores, seedValues: seedValues?.values, fromEmpty: fromEmpty)
        }
    }
}

struct Seeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Size each claim's confirmatory seeds from the stored results' spread: per claim that compares means, group and compared pair, the seeds a t-test needs for the power asked.",
        discussion: "The sd is that of the per-seed differences over the stored confirmatory seeds (pooled when the arms are not paired), never the pilots' (their sd and ratio are printed beside it). Non-inferiority and range: a true difference of 0 against the margin; equivalence: 0 inside ±margin (TOST); superiority, ordering and threshold declare no effect, so 0.5, 1 and 2 sd (--sd-effect) and any --effect are sized, never the observed difference. The level is a two-sided 5 %, Holm's smallest threshold 0.05/m for a primary claim among its paper's m primary claims. Exact noncentral-t power.")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile whose stored results give the spread (and whose seeds are the plan).") var profile = ExperimentSpec.defaultProfile
    @Option(help: "Power to reach, between 0.5 and 0.99.") var power = 0.8
    @Option(help: "Effects to size superiority-type claims at, in standard deviations (repeatable; default 0.5, 1 and 2).") var sdEffect: [Double] = []
    @Option(help: "Also size superiority-type claims at this difference in the metric's units (repeatable).") var effect: [Double] = []

    func validate() throws {
        if !(0.5...0.99).contains(power) { throw ValidationError("--power must be between 0.5 and 0.99 (found \(power))") }
        if let bad = (sdEffect + effect).first(where: { !($0 > 0) || !$0.isFinite }) { throw ValidationError("effects must be positive (found \(bad))") }
    }

    func run() throws {
        try reportingErrors {
            let w = locations.workspace
            try Commands.seeds(try w.spec(name, profile: profile), w, power: power, effects: sdEffect.isEmpty ? [0.5, 1, 2] : sdEffect, absoluteEffects: effect)
        }
    }
}

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete one experiment's stored results at one profile (results/NAME/PROFILE), after listing them.",
        discussion: "Asks first unless --yes (and refuses without --yes when standard input is not a terminal). Deletes only the files Reprise writes there (cells, selection records, checkpoints, copies kept aside); never follows or removes a symbolic link; other experiments and profiles are not touched.")
    @OptionGroup var locations: Locations
    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Profile whose results to delete.") var profile = ExperimentSpec.defaultProfile
    @Flag(help: "Delete without asking.") var yes = false
    func run() throws { try reportingErrors { try Commands.clean(locations.workspace, experiment: name, profile: profile, yes: yes) } }
}
