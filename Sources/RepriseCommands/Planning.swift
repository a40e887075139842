import Foundation
import RepriseExperiments
import RepriseReports
import RepriseRunner
import RepriseStore

/// `reprise plan`: an experiment's cells in the order `reprise run` takes them, each with the index
/// `--stage S --cell K` takes, whether it is stored, and its time — recorded for a stored cell, else
/// estimated as the mean seconds per step of the experiment's stored cells of the same variant (any
/// profile; else of any variant, said so) times the cell's steps. Reads the store; trains nothing.
public struct ExperimentPlan {
    public struct Entry {
        public var stage: RunStage
        /// The index `reprise run NAME --stage S --cell K` takes (with the same `--seed-values`).
        public var index: Int
        public var variant: String
        /// The selection run's grid point; nil for a final cell.
        public var gridPoint: String?
        public var seed: Int
        public var stored: Bool
        /// A final cell of a variant whose selection is not stored: its configuration waits for the
        /// winner (timed as the grid's first point).
        public var afterSelection: Bool
        /// Recorded (stored) or estimated seconds; nil when no timing is known.
        public var seconds: Double?
    }

    public let spec: ExperimentSpec
    public let entries: [Entry]
    /// Variants timed from other variants' step times (none of their own stored).
    public let roughVariants: [String]

    /// With `fromEmpty`, every cell counts as to be run (timed by its stored record where there is
    /// one): what a run from empty results costs, as the production run is planned.
    public init(_ spec: ExperimentSpec, resultsDirectory: String, keptSeeds: Set<Int>?, times: StepTimes, runner: Runner, fromEmpty: Bool = false) {
        self.spec = spec
        let stored = StoredResults(spec: spec, resultsDirectory: resultsDirectory)
        var winners: [String: GridPoint] = [:], waiting: Set<String> = []
        for variant in spec.selectedVariants {
            let grid = spec.grid(of: variant)
            if let record = stored.selections[variant.name] { winners[variant.name] = grid[record.winner] }
            else if let first = grid.first { winners[variant.name] = first; waiting.insert(variant.name) }
        }
        let selection = spec.selectedVariants.flatMap { spec.selectionCells(of: $0) }
        let finals = spec.cells(winners: winners).filter { keptSeeds?.contains($0.seed) ?? true }
        var rough: Set<String> = []
        func entry(_ cell: Cell, _ stage: RunStage, _ index: Int) -> Entry {
            let after = stage == .final && waiting.contains(cell.variant)
            let recorded = after ? nil : times.recorded[cell.relativePath].flatMap { $0.hash == cell.hash ? $0 : nil }
            var seconds = recorded?.seconds
            if recorded == nil, let steps = runner.plannedSteps(cell) {
                if let rate = times.secondsPerStep(cell.variant, profile: spec.profile) { seconds = rate * Double(steps) }
                else if let rate = times.secondsPerStep(nil, profile: spec.profile) { seconds = rate * Double(steps); rough.insert(cell.variant) }
            }
            return Entry(stage: stage, index: index, variant: cell.variant, gridPoint: cell.gridPoint, seed: cell.seed,
                         stored: recorded != nil && !fromEmpty, afterSelection: after, seconds: seconds)
        }
        entries = selection.enumerated().map { entry($1, .selection, $0) } + finals.enumerated().map { entry($1, .final, $0) }
        roughVariants = rough.sorted()
    }

    /// Seconds of the cells not stored, by stage, those with a known time only.
    func pendingSeconds(_ stage: RunStage) -> [Double] { entries.filter { $0.stage == stage && !$0.stored }.compactMap(\.seconds) }

    /// The wall-clock of running the cells not stored on `cores` cores (`ListSchedule`).
    public func wallClock(cores: Int) -> Double {
        ListSchedule.makespan(pendingSeconds(.selection), cores: cores) + ListSchedule.makespan(pendingSeconds(.final), cores: cores)
    }

    public var pendingCoreSeconds: Double { (pendingSeconds(.selection) + pendingSeconds(.final)).reduce(0, +) }
    public var pending: Int { entries.filter { !$0.stored }.count }
    public var untimed: Int { entries.filter { !$0.stored && $0.seconds == nil }.count }

    /// One line: the cells, how many are stored, and the estimate for the rest.
    public func summary(cores: Int) -> String {
        let selection = entries.filter { $0.stage == .selection }.count
        var line = "\(spec.name) [\(spec.profile)]: \(entries.count) cells (\(selection) selection, \(entries.count - selection) final), "
            + "\(entries.count - pending) stored, \(pending) to run"
        if pending > 0 {
            line += ": " + Self.hours(pendingCoreSeconds) + " core-hours, about " + Self.duration(wallClock(cores: cores)) + " on \(cores) core\(cores == 1 ? "" : "s")"
        }
        if untimed > 0 { line += "; no timing known for \(untimed) cell(s) (not in the estimate: nothing of this experiment is stored, or its dataset is missing)" }
        if !roughVariants.isEmpty {
            let named = roughVariants.prefix(3).joined(separator: ", ") + (roughVariants.count > 3 ? " and \(roughVariants.count - 3) more" : "")
            line += "; \(named) timed from other variants' steps (none of their own stored)"
        }
        return line
    }

    /// The cell table: stage, the `--cell` index, variant (and grid point), seed, stored, time.
    public var table: String {
        var rows = [["stage", "cell", "variant", "seed", "stored", "time"]]
        for e in entries {
            rows.append([e.stage.rawValue, "\(e.index)", e.variant + (e.gridPoint.map { " " + $0 } ?? ""), "\(e.seed)",
                         e.stored ? "yes" : e.afterSelection ? "no (after selection)" : "no",
                         e.seconds.map { (e.stored ? "" : "≈ ") + Self.duration($0) } ?? "unknown"])
        }
        let widths = rows[0].indices.map { j in rows.map { $0[j].count }.max() ?? 0 }
        return rows.map { r in r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            .trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    static func hours(_ seconds: Double) -> String { String(format: "%.2f", seconds / 3600) }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e12 else { return "?" }
        if seconds < 9.95 { return String(format: "%.1f s", seconds) }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}

/// Seconds per step of an experiment's stored cells. At the profile planned, a cell's recorded
/// `total_seconds` (evaluations and data loading included) over the steps its process ran: what
/// another cell of that profile will cost. From another profile only the optimisation steps'
/// own time (`/wallclock/step_seconds`) carries over: a quick cell's data loading and evaluation,
/// spread over its few steps, would inflate a longer profile's estimate many times.
public struct StepTimes {
    /// Stored cells by path relative to the results folder: configuration hash and recorded seconds.
    public let recorded: [String: (hash: String, seconds: Double)]
    private let total: [String: [String: [Double]]], steps: [String: [Double]]

    public init(experiment: String, resultsDirectory: String) {
        var recorded: [String: (hash: String, seconds: Double)] = [:], total: [String: [String: [Double]]] = [:], stepRates: [String: [Double]] = [:]
        let root = "\(resultsDirectory)/\(experiment)"
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        for file in files where file.hasSuffix(".h5") {
            guard let (attributes, wallclock, stepSeconds) = try? ResultStore.readAttributesWithWallclock("\(root)/\(file)"),
                  case .string(let hash)? = attributes["config_hash"], case .string(let variant)? = attributes["variant"],
                  case .double(let seconds)? = wallclock["total_seconds"], seconds > 0, seconds.isFinite else { continue }
            let profile = String(file.prefix { $0 != "/" })
            var ran: Int64 = 0
            if case .int(let n)? = wallclock["steps_run"], n > 0 { ran = n } else if case .int(let n)? = attributes["steps_completed"] { ran = n }
            recorded["\(experiment)/\(file)"] = (hash, seconds)
            if ran > 0 { total[variant, default: [:]][profile, default: []].append(seconds / Double(ran)) }
            let finite = stepSeconds.filter(\.isFinite)
            if !finite.isEmpty { stepRates[variant, default: []].append(finite.reduce(0, +) / Double(finite.count)) }
        }
        self.recorded = recorded
        self.total = total
        steps = stepRates
    }

    /// The mean seconds per step of `variant`'s stored cells (nil: of every stored cell) for a cell
    /// of `profile`: whole cells of that profile where there are any, else steps alone.
    public func secondsPerStep(_ variant: String?, profile: String) -> Double? {
        func mean(_ x: [Double]) -> Double? { x.isEmpty ? nil : x.reduce(0, +) / Double(x.count) }
        if let variant {
            return mean(total[variant]?[profile] ?? []) ?? mean(steps[variant] ?? [])
        }
        return mean(total.values.flatMap { $0[profile] ?? [] }) ?? mean(steps.values.flatMap { $0 })
    }
}

/// The wall-clock of a stage on N cores, as `--jobs N` runs it: cells taken longest first, each onto
/// the core that frees first (Graham's LPT list scheduling: within 4/3 of the best possible order).
/// `reprise run` takes cells in spec order, so its real wall-clock can be longer; stages run one
/// after the other (the finals wait for the selection's winners).
public enum ListSchedule {
    public static func makespan(_ durations: [Double], cores: Int) -> Double {
        var load = [Double](repeating: 0, count: max(1, cores))
        for d in durations.sorted(by: >) {
            let k = load.indices.min { load[$0] < load[$1] } ?? 0
            load[k] += d
        }
        return load.max() ?? 0
    }
}
