import Foundation
import RepriseExperiments
import RepriseReports
import RepriseRunner

/// The commands that take results out of the store and plan or clean it: `export`, `plan`, `seeds`, `clean`.
extension Commands {
    /// Every stored series of `spec` in tidy long form (`Export`), to `output` (a file, or "-" for
    /// standard output).
    public static func export(_ spec: ExperimentSpec, _ w: Workspace, format: TableText.Format, output: String) throws {
        let results = StoredResults(spec: spec, resultsDirectory: w.results)
        for note in results.notes { Console.note("note: \(note)") }
        let export = Export(results, resultsDirectory: w.results)
        guard export.cells > 0 else { throw ReportError.nothingStored("nothing stored for \(spec.name) [\(spec.profile)] to export") }
        let text = export.text(format)
        if output == "-" {
            Console.raw(text)
        } else {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CommandError("cannot write \(output): \(error.localizedDescription); give a writable path, or --output - for standard output")
            }
        }
        Console.note("\(spec.name) [\(spec.profile)]: \(export.rows.count) values of \(export.cells) cell(s)\(output == "-" ? "" : " written to \(output)")")
    }

    /// The cells of each spec with their `--cell` indices and stored state (the table for one
    /// experiment), and the core-hours and wall-clock on `cores` cores of what is not stored.
    public static func plan(_ specs: [ExperimentSpec], _ w: Workspace, cores: Int, seedValues: [Int]?, fromEmpty: Bool = false) throws {
        var options = w.runOptions()
        options.seedValues = seedValues
        let runner = Runner(options: options)
        var total = 0.0, wall = 0.0, pending = 0, untimed = 0
        for spec in specs {
            let plan = ExperimentPlan(spec, resultsDirectory: w.results, keptSeeds: try options.keptSeeds(spec),
                                      times: StepTimes(experiment: spec.name, resultsDirectory: w.results), runner: runner, fromEmpty: fromEmpty)
            if specs.count == 1 { Console.out(plan.table) }
            Console.out(plan.summary(cores: cores))
            (total, wall, pending, untimed) = (total + plan.pendingCoreSeconds, wall + plan.wallClock(cores: cores), pending + plan.pending, untimed + plan.untimed)
        }
        if specs.count > 1 {
            Console.out("all \(specs.count) experiments: \(pending) cells to run, \(ExperimentPlan.hours(total)) core-hours, about \(ExperimentPlan.duration(wall)) on \(cores) core\(cores == 1 ? "" : "s") (experiments one after another, as make reproduce runs them)"
                        + (untimed > 0 ? "; \(untimed) cell(s) with no timing known are not in it" : ""))
        }
        Console.out("(estimate: a stored cell's recorded time; another cell, the mean seconds per step of its variant's stored cells at this profile (evaluation and data loading included), else of their optimisation steps alone at another profile, times its steps; "
                    + "wall-clock: longest cells first onto the first free core, the selection stage before the finals)")
    }

    /// The confirmatory seeds each claim's comparisons need for `power`, sized from the stored
    /// confirmatory spread (`SeedPlan`): primary claims at Holm's smallest threshold among their
    /// paper's primary claims (counted over the workspace's specs at this profile, as REPORT.md's family).
    public static func seeds(_ spec: ExperimentSpec, _ w: Workspace, power: Double, effects: [Double], absoluteEffects: [Double]) throws {
        let results = StoredResults(spec: spec, resultsDirectory: w.results)
        sayNotes(results, w)
        guard !results.records.isEmpty else { throw ReportError.nothingStored("nothing stored for \(spec.name) [\(spec.profile)]: no spread to size seeds from") }
        let plan = SeedPlan(results, familySize: try primaryFamilySize(spec, w), power: power, effects: effects, absoluteEffects: absoluteEffects)
        Console.out(plan.text)
    }

    /// The number of primary claims in `spec`'s paper that Holm's procedure adjusts together
    /// (`Report.holmFamily`: primary, not a placement, not withdrawn), over the specs of the
    /// workspace that declare `spec`'s profile.
    static func primaryFamilySize(_ spec: ExperimentSpec, _ w: Workspace) throws -> Int {
        func count(_ s: ExperimentSpec) -> Int { s.claims.filter { $0.primary && !$0.test.isPlacement && $0.withdrawn == nil }.count }
        var total = count(spec)
        for name in try w.experimentNames() where name != spec.name {
            guard let other = try? w.spec(name, profile: ExperimentSpec.defaultProfile, checkingPaper: false),
                  other.paper == spec.paper, other.profiles.contains(spec.profile) else { continue }
            total += count(other)
        }
        return total
    }

    /// Deletes `experiment`'s stored results at `profile` after listing them; without `yes`, asks on
    /// a terminal and refuses (exit 1) when standard input is not one.
    public static func clean(_ w: Workspace, experiment: String, profile: String, yes: Bool) throws {
        let plan = try CleanPlan(results: w.results, experiment: experiment, profile: profile)
        for file in plan.kept { Console.note("kept (not written by Reprise, or a link): \(plan.folder)/\(file)") }
        guard !plan.files.isEmpty else {
            Console.out("nothing stored for \(experiment) [\(profile)] in \(plan.folder); nothing deleted")
            return
        }
        for file in plan.files { Console.out("delete \(plan.folder)/\(file)") }
        if !yes {
            guard isatty(0) != 0 else {
                throw CommandError("clean: \(plan.files.count) file(s) of \(experiment) [\(profile)] would be deleted (listed above); pass --yes to delete them")
            }
            Console.note("delete these \(plan.files.count) file(s)? [y/N] ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                Console.out("nothing deleted")
                return
            }
        }
        let deleted = try plan.delete()
        Console.out("\(experiment) [\(profile)]: \(deleted) file(s) deleted from \(plan.folder)")
    }
}
