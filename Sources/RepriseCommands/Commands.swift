import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
import RepriseReports
import RepriseRunner
import RepriseStore

/// What each command does, apart from how its arguments are parsed: the executable only declares
/// options and calls these. Output goes through `Console`; a failure throws `CommandError` (or a
/// runner or report error), and `Failed` when the command ran but its answer is "no".
public enum Commands {
    /// The command ran to its end and its outcome is a failure (exit status 1; already reported).
    public struct Failed: Error {}

    /// Every experiment with its title, paper and stored cells per profile; invalid specs listed
    /// with their errors (one invalid spec does not hide the others).
    public static func list(_ w: Workspace) throws {
        var invalid = 0, valid: [ExperimentSpec] = []
        for name in try w.experimentNames() {
            let spec: ExperimentSpec
            do {
                spec = try w.spec(name, profile: ExperimentSpec.defaultProfile, checkingPaper: false)
                valid.append(spec)
            } catch {
                invalid += 1
                Console.out("\(name)\n  INVALID: \(error)".replacingOccurrences(of: "\n", with: "\n  ").replacingOccurrences(of: "\n  \n", with: "\n\n"))
                continue
            }
            Console.out("\(name)\n  \(spec.title)\n  paper: \(spec.paper)")
            var notFiles: [String] = []
            let counts = spec.profiles.map { profile -> String in
                let s = (try? w.spec(name, profile: profile, checkingPaper: false)) ?? spec
                let (stored, planned, unread) = StoredResults.storedCount(spec: s, resultsDirectory: w.results)
                notFiles += unread
                return "\(profile) \(stored)/\(planned)"
            }
            Console.out("  cells stored: \(counts.joined(separator: ", "))")
            for problem in notFiles { Console.out("  skipped: \(problem)") }
        }
        let primary = ExperimentSpec.paperProblems(valid)
        for problem in primary { Console.out("INVALID: \(problem)") }
        if invalid > 0 || !primary.isEmpty {
            Console.note("error: \(invalid + primary.count) problem(s) in \(w.experiments) (listed above with their errors)")
            throw Failed()
        }
    }

    /// Says in one line when the tree that runs has uncommitted changes in `Sources/`,
    /// `Package.swift` or `experiments/`, or is no git checkout; with `refusingDirty`, a dirty tree
    /// is an error before anything trains. Workers of `--jobs` stay quiet.
    public static func announceSourceTree(_ w: Workspace, refusingDirty refuse: Bool) throws {
        guard !WorkerPool.isWorker else { return }
        let checkout = Provenance.git(in: w.root)
        guard let warning = Provenance.dirtyWarning(checkout) else { return }
        if refuse, checkout?.dirty == true {
            throw CommandError(String(warning.dropFirst("warning: ".count))
                               + ". reproduce writes the committed results: commit (or stash) first, or pass --allow-dirty (make reproduce ALLOW_DIRTY=1)")
        }
        Console.note(warning)
    }

    /// Runs the cells of `spec` not stored yet.
    public static func run(_ spec: ExperimentSpec, options: RunOptions) throws {
        var options = options
        options.startedAt = WorkerPool.startedAt
        let report = try Runner(options: options).run(spec)
        if !report.diverged.isEmpty {
            Console.note("note: \(report.diverged.count) cell(s) diverged; they are stored with status \"diverged\".")
        }
    }

    /// Notes on stored results: missing, unreadable and stale cells, and cells other code made.
    static func sayNotes(_ results: StoredResults, _ w: Workspace, trust: SourceTrust? = nil) {
        for note in results.notes { Console.note("note: \(note)") }
        let trust = trust ?? SourceTrust(root: w.root)
        let records = results.records + results.extendedRecords.values.flatMap { $0 }
        if let note = SourceTrust.note(records.compactMap { trust.doubt($0.attributes) }, experiment: results.spec.name,
                                       profile: results.spec.profile, reused: false) {
            Console.note("warning: " + note)
        }
    }

    /// The Holm-adjusted p of each primary claim of `results`' experiment, in the family of its
    /// paper's primary claims at the same profile (the paper's other experiments read from the
    /// store): what summaries print, as REPORT.md does. Empty when it has no primary claim.
    static func holmAdjusted(_ results: StoredResults, _ w: Workspace) -> [Int: Double] {
        let spec = results.spec
        guard spec.claims.contains(where: \.primary) else { return [:] }
        var family = [results]
        guard let names = try? w.experimentNames() else { return [:] }
        for name in names where name != spec.name {
            // A sibling spec that does not load may hold primary claims of this paper: no smaller
            // family than REPORT.md's (which refuses it) — the summary then says it is not adjusted.
            guard let other = try? w.spec(name, profile: ExperimentSpec.defaultProfile, checkingPaper: false) else { return [:] }
            guard other.paper == spec.paper, other.claims.contains(where: \.primary), other.profiles.contains(spec.profile) else { continue }
            guard let atProfile = try? w.spec(name, profile: spec.profile, checkingPaper: false) else { return [:] }
            family.append(StoredResults(spec: atProfile, resultsDirectory: w.results))
        }
        return Report.adjustedPrimary(of: spec.name, in: family)
    }

    /// The summary table of `spec` from the store: as text, or as CSV or JSON (`format`).
    /// `notes: false` after a run, which said them already.
    public static func show(_ spec: ExperimentSpec, _ w: Workspace, format: TableText.Format? = nil, notes: Bool = true) throws {
        let results = StoredResults(spec: spec, resultsDirectory: w.results)
        if notes { sayNotes(results, w) }
        guard !results.records.isEmpty else { throw ReportError.nothingStored("nothing stored for \(spec.name) [\(spec.profile)]") }
        if let format { Console.raw(Summary(results).table(format)) } else { Console.out(Summary(results).text(adjusted: holmAdjusted(results, w))) }
    }

    /// Every experiment of the workspace at `profile`, validated before any runs (a typo fails in
    /// seconds, not hours), run in turn, then its figures and the report drawn.
    public static func reproduce(_ w: Workspace, profile: String, options: RunOptions, allowDirty: Bool, jobs: Int) throws {
        let started = Date()
        // Every invalid spec is named before anything runs, not only the first.
        let (specs, invalid) = try w.allSpecs(profile: profile)
        let problems = invalid.map { "\($0.name): \($0.error)" } + ExperimentSpec.paperProblems(specs)
        if !problems.isEmpty {
            throw CommandError(problems.joined(separator: "\n") + "\n\(problems.count) problem(s) in \(w.experiments); nothing was run: fix them (reprise list shows each) and rerun")
        }
        try announceSourceTree(w, refusingDirty: !allowDirty)
        let workers = try WorkerPool.start(jobs)
        for spec in specs {
            try run(spec, options: options)
            if !WorkerPool.isWorker {
                let results = StoredResults(spec: spec, resultsDirectory: w.results)
                Console.out(Summary(results).text(adjusted: holmAdjusted(results, w)))
            }
        }
        try workers.wait()
        // Workers only train; the figures and the report are drawn once, by the first process.
        guard !WorkerPool.isWorker else { return }
        for spec in specs { try drawFigures(spec, w) }
        try writeReport(w, profile: profile)
        let elapsed = Int(Date().timeIntervalSince(started).rounded())
        Console.out("reproduce: \(specs.count) experiments at the \(profile) profile in \(elapsed / 60) min \(elapsed % 60) s wall-clock (\(jobs) job\(jobs == 1 ? "" : "s"))")
    }

    /// The figures and summary of `spec`, from the store alone.
    public static func drawFigures(_ spec: ExperimentSpec, _ w: Workspace) throws {
        let results = StoredResults(spec: spec, resultsDirectory: w.results)
        sayNotes(results, w)
        guard !results.records.isEmpty else {
            Console.note("\(spec.name) [\(spec.profile)]: nothing stored, no figures drawn.")
            return
        }
        let directory = spec.profile == ExperimentSpec.defaultProfile ? "\(w.figures)/\(spec.name)" : "\(w.figures)/\(spec.name)/\(spec.profile)"
        // The summary first: it needs no gnuplot, and is written whatever happens to the figures.
        try ReportFiles.folder(directory)
        let adjusted = holmAdjusted(results, w)
        // summary.md lists the figures drawn (the forest plot of the claims first); written before
        // them, so that it exists whatever happens to the figures.
        let names = (spec.claims.isEmpty ? [] : [ForestPlot.name]) + spec.figures.map(\.name)
        let list = "\nFigures (`reprise figures \(spec.name)`):\n\n" + names.map { "![\($0)](\($0).png)\n" }.joined()
        try ReportFiles.write(Summary(results).markdown(adjusted: adjusted) + list, to: "\(directory)/summary.md")
        let files = try Figures.write(results, to: directory, adjusted: adjusted)
        Console.out("\(spec.name) [\(spec.profile)]: \(files.count / 4) figures and summary.md in \(directory)/")
    }

    /// REPORT.md (REPORT-PROFILE.md) from the store, with each experiment's claims history, and
    /// the README's status table between its markers.
    public static func writeReport(_ w: Workspace, profile: String) throws {
        let specs = try w.experimentNames().compactMap { name -> ExperimentSpec? in
            let spec = try w.spec(name, profile: ExperimentSpec.defaultProfile, checkingPaper: false)
            return spec.profiles.contains(profile) ? try w.spec(name, profile: profile, checkingPaper: false) : nil
        }
        let primary = ExperimentSpec.paperProblems(specs)
        if !primary.isEmpty { throw CommandError(primary.joined(separator: "\n")) }
        let results = specs.map { StoredResults(spec: $0, resultsDirectory: w.results) }
        // What the report leaves out and why (a cell not stored, a FIFO in a cell's place), and
        // cells other code made, as `show` says them.
        let trust = SourceTrust(root: w.root)
        for r in results { sayNotes(r, w, trust: trust) }
        var figures: [String: [String]] = [:]
        for spec in specs {
            let folder = spec.profile == ExperimentSpec.defaultProfile ? spec.name : "\(spec.name)/\(spec.profile)"
            // The forest plot of the claims first, then the declared figures; those drawn only.
            let names = (spec.claims.isEmpty ? [] : [ForestPlot.name]) + spec.figures.map(\.name)
            figures[spec.name] = names.map { "\(folder)/\($0).png" }.filter { FileManager.default.fileExists(atPath: "\(w.figures)/\($0)") }
        }
        var history: [String: String] = [:]
        for r in results {
            let file = "\(w.experiments)/\(r.spec.name).toml".replacingOccurrences(of: w.root + "/", with: "")
            let made = Set(r.records.compactMap { $0.string("git_commit") }).filter { $0 != "unknown" }.sorted()
            let dirty = Set(r.dirtyCommits)
            guard !r.spec.claims.isEmpty, let stated = Provenance.claimsCommit(of: file, in: w.root) else { continue }
            let late = made.filter { !Provenance.isAncestor(stated, of: $0, in: w.root) }
            // Each claim's own history (when stated, each revision) is printed with the claim; this
            // line says which commits the results come from and whether the claims file as it reads
            // now is older than every one of them.
            history[r.spec.name] = "Results made at \(made.isEmpty ? "no commit" : made.map { "`\($0.prefix(10))`\(dirty.contains($0) ? " (dirty: uncommitted changes)" : "")" }.joined(separator: ", ")); the claims file reads as now since `\(stated.prefix(10))`"
                + (late.isEmpty ? ", before every one of those runs."
                   : ", after \(late.count == made.count ? "every one" : "some") of them (an edit to any claim, its scope or its history counts): each claim's history says when its statement and test were set.")
        }
        try ReportFiles.folder(w.figures)
        let name = profile == ExperimentSpec.defaultProfile ? "REPORT.md" : "REPORT-\(profile).md"
        try ReportFiles.write(Report.markdown(results, figures: figures, history: history), to: "\(w.figures)/\(name)")
        let readme = "\(w.root)/README.md", begin = "<!-- status:begin -->", end = "<!-- status:end -->"
        if profile == ExperimentSpec.defaultProfile, let text = try? String(contentsOfFile: readme, encoding: .utf8),
           let a = text.range(of: begin), let b = text.range(of: end), a.upperBound <= b.lowerBound {
            try ReportFiles.write(text.replacingCharacters(in: a.upperBound..<b.lowerBound, with: "\n" + Report.status(results) + "\n"), to: readme)
            Console.out("README.md: the status table redrawn from the store")
        }
        Console.out("\(w.figures)/\(name): \(specs.count) experiments")
    }

    /// The catalog: one line per component, one component's keys, or every key table as Markdown.
    public static func describe(_ name: String?, markdown: Bool) throws {
        let catalog = Registry.standard.catalog
        if markdown {
            for kind in ComponentKind.allCases { for c in catalog.components where c.kind == kind { Console.out(CatalogText.markdown(c)) } }
            return
        }
        guard let name else {
            for kind in ComponentKind.allCases {
                Console.out("\(kind.rawValue)s:")
                // Padded to the longest name (never cut: `curvature_rescale` is 17 characters).
                let width = catalog.components.map(\.name.count).max() ?? 0
                for c in catalog.components where c.kind == kind { Console.out("  " + c.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + c.summary) }
            }
            Console.out("reprise describe NAME shows a component's keys.")
            return
        }
        let matches = catalog.components.filter { $0.name == name }
        guard !matches.isEmpty else { throw CommandError("no component named '\(name)'; known: \(catalog.components.map(\.name).joined(separator: ", "))") }
        for c in matches { Console.out(CatalogText.plain(c)) }
    }

    /// Brings the stores at `sources` into the workspace's; `Failed` when any file was refused.
    public static func merge(_ sources: [String], into w: Workspace) throws {
        guard !sources.isEmpty else { throw CommandError("name at least one results folder to merge, e.g. reprise merge ../node1/results") }
        let merger = StoreMerge(destination: w.results) { experiment, profile in try? w.spec(experiment, profile: profile) }
        var refused = 0
        for source in sources {
            let entries = try merger.merge(source)
            for e in entries { if let reason = e.outcome.reason { Console.out("\(e.outcome.word) \(source)/\(e.path): \(reason)") } }
            refused += entries.filter(\.outcome.refused).count
            Console.out(StoreMerge.summary(entries, source: source))
        }
        if refused > 0 {
            Console.note("\(refused) file(s) refused (listed above); nothing stored was changed")
            throw Failed()
        }
    }

    /// Which stored cells `verify` reruns.
    public struct VerifyChoice: Sendable {
        public var cells: Int?
        public var all = false
        public var only: [String] = []
        public var stage = RunStage.final
        public init(cells: Int? = nil, all: Bool = false, only: [String] = [], stage: RunStage = .final) {
            self.cells = cells
            self.all = all
            self.only = only
            self.stage = stage
        }

        /// What is wrong with the choice, as the user would fix it; nil when nothing is.
        public var problem: String? {
            if let cells, cells < 1 { return "--cells must be at least 1 (found \(cells))" }
            if all && cells != nil { return "give --cells N or --all, not both" }
            return nil
        }
    }

    /// Reruns the chosen stored cells in memory and prints the comparison table; `Failed` when a
    /// dataset or attribute differs or a chosen file is missing, damaged or foreign.
    public static func verify(_ spec: ExperimentSpec, _ w: Workspace, choice: VerifyChoice) throws {
        let stored = StoredResults(spec: spec, resultsDirectory: w.results)
        guard !stored.storedCells.isEmpty else { throw ReportError.nothingStored("nothing stored for \(spec.name) [\(spec.profile)] to verify") }
        func chosen(_ variant: String) -> Bool { choice.only.isEmpty || choice.only.contains { variant == $0 || variant.hasPrefix($0 + "-") } }
        // The first N planned cells, stored or not: a missing, damaged or foreign file fails.
        let candidates = choice.stage == .selection
            ? spec.selectedVariants.flatMap { spec.selectionCells(of: $0) }.filter { chosen($0.variant) }
            : stored.plannedCells.filter { chosen($0.variant) }
        let unselected = stored.unselected.filter(chosen)
        guard !candidates.isEmpty || !unselected.isEmpty else { throw RunError.unknownVariant(choice.only, available: spec.variantNames) }
        let results = try Runner(options: w.runOptions()).verify(choice.all ? candidates : Array(candidates.prefix(choice.cells ?? 1)), spec: spec)
        Console.out("\(spec.name) [\(spec.profile)]: \(results.count) cell(s) rerun on \(BLASKernel.readable(BLASKernel.recorded(BLASKernel.selected))), \(BLASThreads.current) BLAS thread(s)")
        let (table, failed) = Verification.table(results, unselected: unselected.map { ($0, spec.selectionRecordPath(of: $0)) },
                                                   rerunKernel: BLASKernel.recorded(BLASKernel.selected))
        Console.out(table)
        if failed { throw Failed() }
    }

    /// Writes the Slurm scripts of `spec` and submits them (`submit`) or prints the commands that would.
    public static func slurm(_ spec: ExperimentSpec, _ w: Workspace, output: String, resources: SlurmJobs.Resources, submit: Bool) throws {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : "\(w.root)/\(p)" }
        let writer = SlurmJobs(binary: binary, workingDirectory: w.root, folder: absolute(output), experiments: absolute(w.experiments),
                               results: absolute(w.results), figures: absolute(w.figures), dataDirectory: w.dataDirectory.map(absolute),
                               resources: resources)
        let written = try writer.write(for: spec)
        for job in written { Console.out("wrote \(job.path)") }
        let paths = written.map(\.path)
        if submit {
            for (job, id) in zip(written, try SlurmJobs.submit(paths)) { Console.out("submitted \(job.job) as job \(id)") }
        } else {
            Console.out("to submit, chained (or pass --submit):")
            for command in SlurmJobs.submitCommands(paths) { Console.out("  " + command) }
        }
    }
}
