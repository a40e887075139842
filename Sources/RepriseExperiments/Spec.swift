import Foundation
import RepriseConfig
import TOMLKit

/// A declarative experiment (`experiments/NAME.toml`) with one profile applied and every default
/// filled in. See docs/reference.md ("Writing an experiment") for the format.
public struct ExperimentSpec: Sendable {
    public var file: String
    public var name: String
    public var title: String
    public var paper: String
    public var description: String
    /// What Reprise runs instead of what the paper ran (dataset, model, budget), stated in reports.
    public var substitutions: [String]
    /// The paper's own numbers, stated beside Reprise's in reports.
    public var paperNumbers: [String]
    /// The profile applied, and every profile the file declares.
    public var profile: String
    public var profiles: [String]
    public var seeds: [Int]
    /// The seeds every variant runs: confirmatory, then pilot.
    public var allSeeds: [Int] { seeds + pilotSeeds }
    /// Validated tables with defaults filled in: what the runner builds a cell from.
    public var problem: [String: ConfigValue]
    public var budget: [String: ConfigValue]
    public var record: [String: ConfigValue]
    /// Variants after grid expansion, each with a unique name. A variant with a `select` table has
    /// its hyperparameters chosen by the selection stage.
    public var variants: [Variant]
    /// What `[record]` asks, typed: rows of `/steps` every this many steps, tensors stored at the end.
    public var recordEvery: Int { record["every_steps"]?.int ?? 10 }
    public var recordedTensors: [String] { record["tensors"]?.array?.compactMap(\.string) ?? [] }
    /// Whether the problem trains on minibatches (an epoch is a pass over the data, not a step).
    public var batched: Bool { budget["batch_size"] != nil }
    /// How selected variants are chosen, when any variant has a `select` table.
    public var selection: SelectionSpec?
    public var figures: [FigureSpec]
    public var claims: [ClaimSpec]
    /// Metrics stored per epoch (`/epochs`) and per step (`/steps`: the loss and the diagnostics
    /// the components of any variant publish).
    public var epochMetrics: [String]
    public var stepMetrics: [String]
    /// Variant keys that override a problem or budget key, and which table they go to.
    public var overrides: [String: String]
    /// Per variant: the revision of every component its cells use (enters their hashes).
    public var revisions: [String: [String: ConfigValue]]
    /// Each recorded metric's goal, as its component declares it (`MetricDescription`).
    public var metricGoals: [String: MetricDescription.Goal] = [:]
    /// Each recorded metric's description (goal, label, unit), as its component declares it.
    public var metricDescriptions: [String: MetricDescription] = [:]
    /// What the experiment is to its paper: a reproduction, a reconstruction (no code or full text
    /// exists) or beyond the paper (a setting the paper did not run); figure titles say so.
    public var scope = "reproduction"
    /// The paper's numbers as data: each with the quantity it measures and whether Reprise's setting
    /// can be compared with the paper's.
    public var publishedNumbers: [PublishedNumber] = []
    /// Seeds run only to measure spread for the power line, disjoint from `seeds`.
    public var pilotSeeds: [Int] = []
    /// The rules of each selected variant's searched keys, by variant name: what a grid extension
    /// checks a value beyond the grid against.
    public var searchRules: [String: [String: KeyRule]] = [:]
    /// When a long cell writes a checkpoint to resume from (`[checkpoint]`; the command line's
    /// `--checkpoint-steps` / `--checkpoint-minutes` override it).
    public var checkpoint = CheckpointPolicy()

    /// How figures and tables name a metric, with its unit ("test accuracy (fraction)").
    public func axisLabel(of metric: String) -> String {
        guard let m = metricDescriptions[metric] else { return metric.replacingOccurrences(of: "_", with: " ") }
        return m.unit.isEmpty ? m.label : "\(m.label) (\(m.unit))"
    }

    /// A recorded series' unit as its component declares it: `steps` and `epochs` for the two axes,
    /// else the metric catalog's (`MetricDescription.unit`), "" when it declares none. What a cell
    /// file's dataset attributes and `reprise export` both say.
    public func unit(of series: String) -> String {
        switch series {
        case "step": return "steps"
        case "epoch": return "epochs"
        default: return metricDescriptions[series]?.unit ?? ""
        }
    }

    /// Whether a metric is a fraction of a whole (accuracies, rates): bars of it run from 0 to 1.
    public func isFraction(_ metric: String) -> Bool { metricDescriptions[metric]?.unit == "fraction" }

    /// Whether a smaller or a larger value of `metric` is better (`.none` for a metric without a
    /// better direction, and for one the spec does not record).
    public func goal(of metric: String) -> MetricDescription.Goal { metricGoals[metric] ?? .none }

    public var problemKind: String { problem["kind"]?.string ?? "" }
    public var variantNames: [String] { variants.map(\.name) }
}


extension ExperimentSpec {
    /// The default profile name, used when none is asked for.
    public static let defaultProfile = "default"
    /// The most cells (final cells of every seed, and selection runs) one experiment may plan at one
    /// profile; a spec beyond it is refused at validation, before its grids are expanded.
    public static let maxCells = 100_000
    /// The most primary (headline) claims one paper may have, across its experiments.
    public static let maxPrimaryClaims = 3

    /// Reads and validates `path` with `profile` applied, against the components of `catalog`. Every
    /// mistake in the file — in any profile, not only the one asked for — is reported at once, with
    /// its line and key path. Nothing in the file can crash the process.
    public static func load(_ path: String, profile: String = defaultProfile, catalog: Catalog) throws -> ExperimentSpec {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SpecError(issues: [SpecIssue(file: path, line: nil, keyPath: "", message: "cannot read the file (missing, unreadable or not UTF-8)")])
        }
        // TOML forbids raw control characters; its parser would silently stop at a NUL.
        if let bad = text.unicodeScalars.firstIndex(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            let line = text.unicodeScalars[..<bad].filter { $0 == "\n" }.count + 1
            throw SpecError(issues: [SpecIssue(file: path, line: line, keyPath: "",
                                               message: "control character U+\(String(format: "%04X", text.unicodeScalars[bad].value)) in the file; remove it (TOML allows none outside escapes)")])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SpecError(issues: [SpecIssue(file: path, line: error.source.begin.line, keyPath: "",
                                               message: "TOML syntax error at column \(error.source.begin.column): \(error.description)")])
        } catch {
            throw SpecError(issues: [SpecIssue(file: path, line: nil, keyPath: "", message: "cannot parse the file as TOML: \(error)")])
        }
        var validator = Validator(file: path, locator: SourceLocator(text: text), catalog: catalog)
        let root = validator.convert(table, path: "")
        let spec = validator.validateDocument(root.table ?? [:], profile: profile,
                                              stem: ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        guard validator.issues.isEmpty, let spec else { throw SpecError(issues: validator.issues) }
        return spec
    }
}


extension ExperimentSpec {
    /// At most three primary claims per paper, across all its experiments (`specs`, one profile
    /// each): one message per paper beyond the limit, naming its experiments (empty when all keep to it).
    public static func primaryClaimsProblem(_ specs: [ExperimentSpec]) -> [String] {
        var byPaper: [String: [(String, Int)]] = [:]
        for s in specs {
            let n = s.claims.filter(\.primary).count
            if n > 0 { byPaper[s.paper, default: []].append((s.name, n)) }
        }
        return byPaper.keys.sorted().compactMap { paper in
            let list = byPaper[paper]!, total = list.reduce(0) { $0 + $1.1 }
            guard total > ExperimentSpec.maxPrimaryClaims else { return nil }
            return "\(paper): \(total) primary claims (\(list.map { "\($0.0) \($0.1)" }.joined(separator: ", "))); a paper has at most \(ExperimentSpec.maxPrimaryClaims) headline claims: mark the others primary = false (exploratory)"
        }
    }
}

/// When a cell writes a checkpoint: every `everySteps` steps, and whenever `minutes` of its
/// training have passed since the last one. Checkpoints change no stored number (a resumed cell's
/// datasets are bit-identical to an uninterrupted run's), so the policy is no part of a cell's hash.
public struct CheckpointPolicy: Sendable, Hashable {
    public static let defaultMinutes = 10.0
    public var everySteps: Int?
    public var minutes: Double
    public init(everySteps: Int? = nil, minutes: Double = CheckpointPolicy.defaultMinutes) {
        self.everySteps = everySteps
        self.minutes = minutes
    }
}

/// A validated variant, typed: its name and how reports show it, the transformations it chains and
/// its schedule, the grid the selection stage searches, and its settings (every key of its
/// components and its problem or budget overrides, defaults filled in) — the table its cells'
/// configurations are made from, and hashed.
public struct Variant: Sendable {
    public let name: String
    /// How reports show it: its `label`, else its name.
    public let label: String
    /// Bars and claims compare variants within a group ("" when none).
    public let group: String
    public let hasGroup: Bool
    /// `chain = [...]`, or the one `optimizer`.
    public let chain: [String]
    public let schedule: String
    /// Each searched key with its values, in the order written; nil when nothing is searched.
    public let search: [String: [ConfigValue]]?
    /// The validated table, `select` included.
    public let settings: [String: ConfigValue]

    /// Reads a validated variant table (the parser's output: every key checked and typed).
    init(_ table: [String: ConfigValue]) {
        settings = table
        name = table["name"]?.string ?? ""
        label = table["label"]?.string ?? name
        group = table["group"]?.string ?? ""
        hasGroup = table["group"] != nil
        chain = table["chain"]?.array?.compactMap(\.string) ?? table["optimizer"]?.string.map { [$0] } ?? []
        schedule = table["schedule"]?.string ?? "constant"
        search = table["select"]?.table?.mapValues { $0.array ?? [] }
    }

    /// Whether the selection stage chooses its hyperparameters.
    public var isSelected: Bool { search != nil }

    /// A numeric setting named by the spec (a sweep figure's x key, a trend claim's axis).
    public func number(_ key: String) -> Double? { settings[key]?.number }
}

/// How long a cell trains: `steps`, else `epochs` passes over the training set (1 when neither),
/// in minibatches of `batchSize` (1 for an analytic objective).
public struct Budget: Sendable, Hashable {
    public var epochs: Int?
    public var steps: Int?
    public var batchSize: Int

    init(_ table: [String: ConfigValue]) {
        epochs = table["epochs"]?.int
        steps = table["steps"]?.int
        batchSize = table["batch_size"]?.int ?? 1
    }

    /// The steps of the cell, given the steps in one epoch.
    public func totalSteps(perEpoch: Int) -> Int { steps ?? (epochs ?? 1) * perEpoch }
}
