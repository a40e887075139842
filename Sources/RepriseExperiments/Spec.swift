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

/// A figure declared by a spec, drawn from the store.
/// - `lines`: `y` against steps or epochs, one line per variant, mean over seeds with a ±1 std band;
/// - `bars`: `y` reduced over epochs (`over_epochs`), mean ± std over seeds, one bar per variant
///   label, clustered by variant group; drawn as `dots` instead when bars would hide the claimed
///   effect (`Figures.dotsReason`: an effect under a tenth of the axis, a log axis over 10 decades);
/// - `dots`: as `bars`, every seed's value a dot, the mean a tick, a seed's values joined across
///   the arms of a group (paired by seed);
/// - `heatmap`: `y` reduced over epochs and averaged over seeds, on the grid of two variant keys
///   (`x_key`, `y_key`).
public struct FigureSpec: Sendable, Hashable {
    /// What a figure draws (the spec's `kind`).
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case lines, bars, dots, heatmap, sorted, trajectories, selection, sweep
        public var description: String { rawValue }
    }
    public var name: String
    public var kind: Kind
    public var title: String
    public var x: String
    public var y: String
    public var logX: Bool
    /// Logarithmic value axis: true, false, or nil to choose from the data.
    public var logY: Bool?
    /// The variants drawn; empty means all.
    public var variants: [String]
    public var overEpochs: EpochReduction
    public var xKey: String
    public var yKey: String
    /// Heat maps: the label of the extra column/row for variants without `xKey`/`yKey` (empty: left out).
    public var absent: String
    /// Sweeps: x values drawn as labelled vertical lines.
    public var marks: [Double] = []
    /// The stored series group the figure reads ("steps" or "epochs").
    public var group: String { x == "epoch" ? "epochs" : "steps" }
}

/// The selection stage: each point of a variant's `select` grid is trained once with each selection
/// seed, scored by `metric` (in its goal's direction) reduced over epochs (`best` or `final`) and
/// averaged over the seeds, and the best point is rerun with every seed. A winner on a grid's edge
/// has that axis extended (`extendSteps`). Scores and winners are stored.
public struct SelectionSpec: Sendable, Hashable {
    public var metric: String
    public var overEpochs: EpochReduction
    /// The first selection seed (the one seed, unless `seeds` was given).
    public var seed: Int
    /// Every selection seed: the score of a grid point is the mean over them.
    public var seeds: [Int]
    /// The number of grid points every selected variant must search, when declared.
    public var points: Int?
    /// The most points an edge winner's axis is extended by.
    public var extendSteps: Int
}

/// A number the paper reports, as data: its value, the metric (or stored per-start tensor) it
/// measures, reduced over epochs as `overEpochs`, the variant label it belongs to (empty: the
/// experiment as a whole), the paper's setting, where the paper reports it, and whether Reprise's
/// setting is comparable (with the reason either way). Figures of that metric draw comparable numbers
/// beside Reprise's; REPORT.md lists every number.
public struct PublishedNumber: Sendable, Hashable {
    public var value: Double
    public var metric: String
    public var overEpochs: EpochReduction
    public var label: String
    public var group: String
    public var setting: String
    public var source: String
    public var comparable: Bool
    public var why: String
    /// The power of ten of the paper's last printed digit, read from `value` as the spec writes it
    /// (`18.7` → −1, `0.0120` → −4, `4.65` → −2, `120` → 1, `1.5e-3` → −4): a number rounded to the
    /// paper's printed significant digits is compared at this place. Write the value as the paper
    /// prints it, trailing zeros included.
    public var lastPrintedPlace: Int
    /// What REPORT.md says when the number is not reproduced (empty: it says none was written).
    public var discussion: String

    public init(value: Double, metric: String, overEpochs: EpochReduction = .final, label: String = "", group: String = "",
                setting: String = "", source: String = "", comparable: Bool = true, why: String = "", written: String? = nil,
                discussion: String = "") {
        self.discussion = discussion
        self.value = value
        self.metric = metric
        self.overEpochs = overEpochs
        self.label = label
        self.group = group
        self.setting = setting
        self.source = source
        self.comparable = comparable
        self.why = why
        lastPrintedPlace = written.flatMap(Self.lastPrintedPlace(of:)) ?? Self.lastPrintedPlace(of: Self.shortest(value)) ?? 0
    }

    /// The paper's significant digits, counted from the first nonzero digit to `lastPrintedPlace`.
    public var printedDigits: Int {
        guard value != 0, value.isFinite else { return 1 }
        return max(1, Int(floor(log10(abs(value)))) - lastPrintedPlace + 1)
    }

    /// The paper's number with its printed digits (`0.0120`, `18.7`); `%.4g` past 12 decimals.
    public var printed: String {
        lastPrintedPlace <= 0 && lastPrintedPlace >= -12 ? String(format: "%.\(-lastPrintedPlace)f", value) : String(format: "%.4g", value)
    }

    /// Whether `x` rounded to the paper's printed digits is the paper's number: `18.67` is the
    /// paper's `18.7`, `18.6` is not. Rounded at the paper's last printed place, so `9.96` is a
    /// printed `10.0`.
    public func roundsToPaper(_ x: Double) -> Bool {
        guard x.isFinite, value.isFinite else { return false }
        let quantum = pow(10, Double(lastPrintedPlace))
        return (x / quantum).rounded(.toNearestOrAwayFromZero) == (value / quantum).rounded(.toNearestOrAwayFromZero)
    }

    /// The place of the last digit of a decimal number as written (`-0.0120`, `1_000`, `2.5E+3`);
    /// nil for text that is no such number (`inf`, `nan`, hex). An integer's trailing zeros count as
    /// not printed (`120`: the tens).
    public static func lastPrintedPlace(of written: String) -> Int? {
        var text = written.replacingOccurrences(of: "_", with: "")
        if text.hasPrefix("+") || text.hasPrefix("-") { text.removeFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(text[text.index(after: e)...]) else { return nil }
            exponent = x
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !text.isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.contains(where: { !$0.isEmpty }) else { return nil }
        if parts.count == 2, !parts[1].isEmpty { return exponent - parts[1].count }
        let digits = parts[0]
        let zeros = digits.count - (digits.lastIndex { $0 != "0" }.map { digits.distance(from: digits.startIndex, to: $0) + 1 } ?? digits.count)
        return exponent + (parts.count == 2 ? 0 : zeros)
    }

    /// The shortest text that reads back as `x` (what a spec without its literal falls back to).
    static func shortest(_ x: Double) -> String { x.isFinite ? "\(x)" : "nan" }
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

/// Walks a parsed document, collecting issues and building the spec.
struct Validator {
    let file: String
    let locator: SourceLocator
    let catalog: Catalog
    /// The goals of the metrics of the spec being validated (set once its metrics are known).
    var metricGoals: [String: MetricDescription.Goal] = [:]
    var metricDescriptions: [String: MetricDescription] = [:]
    /// The rules of each selected variant's searched keys (by variant name), for grid extensions.
    var searchRules: [String: [String: KeyRule]] = [:]
    private(set) var issues: [SpecIssue] = []
    /// Where keys came from when a profile is merged in: a merged path overridden by the profile
    /// maps to the path written in the profile (`variants[2]` → `profiles.quick.variants.adam`).
    private var overridden: [String: String] = [:]

    init(file: String, locator: SourceLocator, catalog: Catalog) {
        self.file = file
        self.locator = locator
        self.catalog = catalog
    }

    mutating func fail(_ path: String, _ message: String) {
        var shown = path
        if let origin = overridden.keys.filter({ path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") })
            .max(by: { $0.count < $1.count }) {
            shown = overridden[origin]! + path.dropFirst(origin.count)
        }
        let issue = SpecIssue(file: file, line: locator.line(of: shown), keyPath: shown, message: message)
        if !issues.contains(issue) { issues.append(issue) }
    }

    /// TOML's data model without dates and times, which no key uses: each is reported where it stands.
    mutating func convert(_ value: TOMLValueConvertible, path: String) -> ConfigValue {
        switch value.type {
        case .table:
            guard let t = value.table else { return .table([:]) }
            var out: [String: ConfigValue] = [:]
            for key in t.keys { if let v = t[key] { out[key] = convert(v, path: join(path, key)) } }
            return .table(out)
        case .array:
            return .array((value.array.map(Array.init) ?? []).enumerated().map { convert($1, path: "\(path)[\($0)]") })
        case .int: return value.int.map { .int($0) } ?? .int(0)
        case .double: return value.double.map { .double($0) } ?? .double(.nan)
        case .bool: return value.bool.map { .bool($0) } ?? .bool(false)
        case .string: return value.string.map { .string($0) } ?? .string("")
        default:
            fail(path, "a TOML date or time; no Reprise key takes one (quote it to make a string)")
            return .string(value.debugDescription)
        }
    }

    /// Checks one table against its rules; returns it with defaults filled in. With `grid`, a key
    /// not in `structural` may hold an array of values (a grid to expand).
    mutating func validate(_ table: [String: ConfigValue], _ rules: [KeyRule], at path: String, grid: Bool = false,
                           table tableName: String? = nil) -> [String: ConfigValue] {
        var out: [String: ConfigValue] = [:]
        let known = Set(rules.map(\.name))
        for key in table.keys.sorted() where !known.contains(key) {
            fail(join(path, key), "unknown key; allowed here: \(rules.map(\.name).joined(separator: ", "))")
        }
        for rule in rules {
            let keyPath = join(path, rule.name)
            guard let raw = table[rule.name] else {
                switch rule.presence {
                case .required: fail(keyPath, "missing in \(tableName ?? (path.isEmpty ? "the top level" : path)); expected \(rule.kind.expected)")
                case .optional: break
                case .defaulted(let v): out[rule.name] = v
                }
                continue
            }
            if grid, !Schema.structural.contains(rule.name), let values = Self.gridValues(raw, rule) {
                if values.isEmpty { fail(keyPath, "an empty grid; give at least one value") }
                var coerced: [ConfigValue] = []
                for (i, v) in values.enumerated() {
                    if let c = checked(rule, v, at: "\(keyPath)[\(i)]") { coerced.append(c) }
                }
                out[rule.name] = .array(coerced)
            } else if let c = checked(rule, raw, at: keyPath) {
                out[rule.name] = grid && Self.isGridKind(rule) ? .array([c]) : c
            }
        }
        // A grid is stored as an array of values; a single value of an array kind as a one-point grid.
        return out
    }

    /// A raw value read as a grid of `rule`'s values: an array of scalars for a scalar key, an array
    /// of arrays for an array key; nil when it is a single value.
    static func gridValues(_ raw: ConfigValue, _ rule: KeyRule) -> [ConfigValue]? {
        guard let values = raw.array else { return nil }
        if rule.kind.isScalar { return values }
        if case .points = rule.kind {
            return !values.isEmpty && values.allSatisfy({ $0.array?.first?.array != nil }) ? values : nil
        }
        return !values.isEmpty && values.allSatisfy({ $0.array != nil }) ? values : nil
    }

    /// Array-kind keys of a variant are stored wrapped as one-point grids, so that expansion treats
    /// every key alike.
    static func isGridKind(_ rule: KeyRule) -> Bool { !rule.kind.isScalar && !Schema.structural.contains(rule.name) }

    private mutating func checked(_ rule: KeyRule, _ raw: ConfigValue, at keyPath: String) -> ConfigValue? {
        if let problem = rule.problem(with: raw) {
            if rule.kind.isScalar, raw.array != nil, Schema.structural.contains(rule.name) {
                fail(keyPath, "expected \(rule.kind.expected), found an array: \(rule.name) cannot be a grid; declare one [[variants]] table per value\(rule.name == "optimizer" ? " (to compose transformations, use chain = [...])" : "")")
            } else {
                fail(keyPath, problem)
            }
            return nil
        }
        return rule.coerce(raw)
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func validateDocument(_ doc: [String: ConfigValue], profile: String, stem: String) -> ExperimentSpec? {
        for key in doc.keys.sorted() where !Schema.topLevel.contains(key) {
            fail(key, "unknown key; allowed at the top level: \(Schema.topLevel.joined(separator: ", "))")
        }
        // Profiles: each must be a table of overrides of seeds, budget, problem and record.
        var profiles: [String: [String: ConfigValue]] = [:]
        if let p = doc["profiles"] {
            if let t = p.table {
                for (name, body) in t {
                    guard let overrides = body.table else { fail("profiles.\(name)", "expected a table of overrides"); continue }
                    for key in overrides.keys.sorted() where !Schema.profileKeys.contains(key) {
                        fail("profiles.\(name).\(key)", "a profile may override only \(Schema.profileKeys.joined(separator: ", "))")
                    }
                    profiles[name] = overrides.filter { Schema.profileKeys.contains($0.key) }
                }
            } else {
                fail("profiles", "expected a table of profiles, e.g. [profiles.quick]")
            }
        }
        let declared = Set(profiles.keys).union([ExperimentSpec.defaultProfile]).sorted()
        if !declared.contains(profile) {
            fail("profiles", "no profile '\(profile)'; this spec declares: \(declared.joined(separator: ", "))")
        }
        // Validate the base document under every profile, so that a mistake in any profile is found now.
        var chosen: ExperimentSpec?
        for name in declared {
            var overrides = profiles[name] ?? [:]
            let variantOverrides = overrides.removeValue(forKey: "variants")
            overridden = [:]
            for path in leafPaths(.table(overrides)) { overridden[path] = "profiles.\(name).\(path)" }
            var merged = ConfigValue.table(doc).merging(.table(overrides)).table ?? [:]
            if let variantOverrides { merged["variants"] = mergeVariants(merged["variants"], variantOverrides, profile: name) }
            let spec = validateMerged(merged, profile: name, profiles: declared, stem: stem)
            if name == profile { chosen = spec }
        }
        overridden = [:]
        return chosen
    }

    /// Applies a profile's `variants.NAME = { … }` overrides to the variants of that name.
    private mutating func mergeVariants(_ list: ConfigValue?, _ overrides: ConfigValue, profile: String) -> ConfigValue? {
        guard var variants = list?.array else { return list }
        guard let table = overrides.table else {
            fail("profiles.\(profile).variants", "expected a table of overrides by variant name, e.g. variants.adam = { lr = 0.01 }")
            return list
        }
        for (name, change) in table.sorted(by: { $0.key < $1.key }) {
            guard let i = variants.firstIndex(where: { $0["name"]?.string == name }) else {
                let names = variants.compactMap { $0["name"]?.string }.joined(separator: ", ")
                fail("profiles.\(profile).variants.\(name)", "no variant named '\(name)'; the spec has \(names)")
                continue
            }
            guard change.table != nil else {
                fail("profiles.\(profile).variants.\(name)", "expected a table of the variant's keys")
                continue
            }
            variants[i] = variants[i].merging(change)
            for path in leafPaths(change) { overridden["variants[\(i)].\(path)"] = "profiles.\(profile).variants.\(name).\(path)" }
        }
        return .array(variants)
    }

    private func leafPaths(_ v: ConfigValue, prefix: String = "") -> Set<String> {
        guard let t = v.table else { return prefix.isEmpty ? [] : [prefix] }
        var out: Set<String> = []
        for (k, child) in t { out.formUnion(leafPaths(child, prefix: prefix.isEmpty ? k : "\(prefix).\(k)")) }
        return out
    }

    private mutating func validateMerged(_ doc: [String: ConfigValue], profile: String, profiles: [String], stem: String) -> ExperimentSpec {
        let header = validate(doc.filter { Schema.header.map(\.name).contains($0.key) }, Schema.header, at: "")
        if stem.isEmpty || stem.count > 100 || stem.contains(where: { !Self.nameCharacter($0) }) {
            fail("name", "the experiment's name (its file name, '\(stem)') must be 1 to 100 letters, digits, '-', '_' and '.': it names folders, files and Slurm jobs")
        } else if let name = header["name"]?.string, name != stem {
            fail("name", "must equal the file name '\(stem)' (found \"\(name)\")")
        }
        let pilotSeeds = header["pilot_seeds"]?.array?.compactMap(\.int) ?? []
        let shared = Set(pilotSeeds).intersection(header["seeds"]?.array?.compactMap(\.int) ?? [])
        if !shared.isEmpty {
            fail("pilot_seeds", "seeds \(shared.sorted().map(String.init).joined(separator: ", ")) are confirmatory seeds too; pilot seeds measure the spread before the confirmatory run and must be others")
        }
        if Set(pilotSeeds).count != pilotSeeds.count { fail("pilot_seeds", "a seed is listed twice") }
        let (problem, problemRules, components) = validateProblem(doc["problem"])
        let problemDescription = components.first
        let budget = validateBudget(doc["budget"], batched: problemDescription?.batched)
        checkConstraints(problem, budget: budget, components, at: "problem")
        let record = validate(table(doc["record"], "record", required: false), Schema.record, at: "record")
        let storable = problemDescription?.tensors ?? []
        for (i, name) in (record["tensors"]?.array?.compactMap(\.string) ?? []).enumerated() where problemDescription != nil && !storable.contains(name) {
            fail("record.tensors[\(i)]", "'\(name)' is not a tensor the \(problem["kind"]?.string ?? "") problem stores; it has \(storable.isEmpty ? "none" : storable.joined(separator: ", "))")
        }
        var overrides: [String: String] = [:]
        for rule in problemRules where !Schema.fixedProblemKeys.contains(rule.name) { overrides[rule.name] = "problem" }
        for rule in Schema.budget { overrides[rule.name] = "budget" }
        let (variants, revisions, diagnostics) = validateVariants(doc["variants"], overrides: overrides, problemRules: problemRules,
                                                                    problem: problem, budget: budget, components: components,
                                                                    seeds: max(1, (header["seeds"]?.array?.count ?? 1) + pilotSeeds.count))
        let problemMetrics = Schema.epochColumns + (problemDescription?.metrics ?? [])
        let epochMetrics = problemMetrics + diagnostics.filter { !problemMetrics.contains($0) }
        let stepMetrics = Schema.stepColumns + diagnostics
        metricDescriptions = Self.descriptions(of: Set(epochMetrics + stepMetrics), problem: components, catalog: catalog)
        metricGoals = metricDescriptions.mapValues(\.goal)
        let selection = validateSelection(doc["selection"], metrics: epochMetrics, needed: variants.contains { $0["select"] != nil })
        if let points = selection?.points {
            for v in variants where v["select"] != nil {
                let n = CheckedCount.product((v["select"]?.table ?? [:]).values.map { $0.array?.count ?? 1 })
                if n != points {
                    fail("selection.points", "variant '\(v["name"]?.string ?? "")' searches \(CheckedCount.text(n)) grid points; every selected variant must search \(points) (equal tuning budgets)")
                }
            }
        }
        let figures = validateFigures(doc["figures"], epochMetrics: epochMetrics, stepMetrics: stepMetrics, variants: variants,
                                      baseNames: Set(baseVariantNames(doc["variants"])), storedTensors: problemDescription?.storedTensors ?? [],
                                      recordedTensors: record["tensors"]?.array?.compactMap(\.string) ?? [])
        let checkpoint = validate(table(doc["checkpoint"], "checkpoint", required: false), Schema.checkpoint, at: "checkpoint")
        let claims = validateClaims(doc["claims"], metrics: epochMetrics, storedTensors: problemDescription?.storedTensors ?? [],
                                    variants: variants)
        let published = validatePublished(doc["published"], metrics: epochMetrics, storedTensors: problemDescription?.storedTensors ?? [],
                                          variants: variants)
        var spec = ExperimentSpec(
            file: file, name: header["name"]?.string ?? stem, title: header["title"]?.string ?? "",
            paper: header["paper"]?.string ?? "", description: header["description"]?.string ?? "",
            substitutions: header["substitutions"]?.array?.compactMap(\.string) ?? [],
            paperNumbers: header["paper_numbers"]?.array?.compactMap(\.string) ?? [],
            profile: profile, profiles: profiles, seeds: header["seeds"]?.array?.compactMap(\.int) ?? [],
            problem: problem, budget: budget, record: record, variants: variants.map(Variant.init), selection: selection,
            figures: figures, claims: claims, epochMetrics: epochMetrics, stepMetrics: stepMetrics,
            overrides: overrides, revisions: revisions, metricGoals: metricGoals, metricDescriptions: metricDescriptions,
            scope: header["scope"]?.string ?? "reproduction", publishedNumbers: published, pilotSeeds: pilotSeeds, searchRules: searchRules)
        spec.checkpoint = CheckpointPolicy(everySteps: checkpoint["every_steps"]?.int,
                                           minutes: checkpoint["minutes"]?.number ?? CheckpointPolicy.defaultMinutes)
        if profile == ExperimentSpec.defaultProfile { checkRankDesigns(spec) }
        return spec
    }

    /// The description of each of `names`: the schema's own columns, then the problem's metrics and
    /// diagnostics, then any other component's declaration of the name.
    static func descriptions(of names: Set<String>, problem: [ComponentDescription], catalog: Catalog) -> [String: MetricDescription] {
        var out: [String: MetricDescription] = [:]
        for m in Schema.columnMetrics + problem.flatMap({ $0.metricDescriptions + $0.diagnosticMetrics })
            + catalog.components.flatMap({ $0.metricDescriptions + $0.diagnosticMetrics }) where names.contains(m.name) && out[m.name] == nil {
            out[m.name] = m
        }
        return out
    }

    /// A metric that a selection, a claim or a `best` reduction needs a direction for.
    mutating func requireGoal(_ metric: String, at path: String, for use: String) {
        if metricGoals[metric] == MetricDescription.Goal.none {
            fail(path, "'\(metric)' has no better direction (its component declares it neither minimised nor maximised), so it cannot be \(use)")
        }
    }

    private mutating func table(_ v: ConfigValue?, _ path: String, required: Bool = true) -> [String: ConfigValue] {
        guard let v else {
            if required { fail(path, "missing table [\(path)]") }
            return [:]
        }
        guard let t = v.table else { fail(path, "expected a table, found \(v.kindName)"); return [:] }
        return t
    }

    /// The problem table: its `kind` names a problem of the catalog, whose keys (and, when it names a
    /// dataset, the dataset's) are the allowed keys. Returns the validated table, the rules that
    /// applied and the problem's (and dataset's) descriptions.
    private mutating func validateProblem(_ v: ConfigValue?) -> ([String: ConfigValue], [KeyRule], [ComponentDescription]) {
        let t = table(v, "problem")
        let kinds = catalog.names(.problem)
        let kindRule = KeyRule.required("kind", .string(kinds), nil, "the test problem")
        guard let kind = t["kind"]?.string, let problem = catalog.component(.problem, kind) else {
            if let raw = t["kind"] { fail("problem.kind", kindRule.problem(with: raw) ?? "unknown problem") }
            else if v != nil { fail("problem.kind", "missing; expected \(kindRule.kind.expected)") }
            return (t, [], [])
        }
        var rules = [kindRule] + problem.keys
        var components = [problem]
        if problem.keys.contains(where: { $0.name == "dataset" }), let raw = t["dataset"] {
            let names = catalog.names(.dataset)
            if let name = raw.string, let dataset = catalog.component(.dataset, name) {
                rules += dataset.keys.filter { k in !rules.contains { $0.name == k.name } }
                components.append(dataset)
            } else {
                fail("problem.dataset", "expected one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), found \(raw.kindName) \(raw)")
            }
        }
        let out = validate(t, rules, at: "problem", table: "[problem]")
        return (out, rules, components)
    }

    /// The components' own checks across keys, on a table whose keys are well-typed; they see the
    /// budget too (`batch_size`, `epochs`, `steps`), to bound what a cell would hold in memory.
    private mutating func checkConstraints(_ table: [String: ConfigValue], budget: [String: ConfigValue],
                                           _ components: [ComponentDescription], at path: String) {
        for c in components {
            // Only on a table where every key is well-typed and present: validated tables hold every
            // defaulted key, so a missing one was refused (and reading it would be reading nothing).
            guard Self.isWellTyped(table, for: c) else { continue }
            let seen = table.merging(budget) { own, _ in own }
            for p in c.constraints(Settings(seen, component: c.name)) {
                fail(Schema.budgetKeys.contains(p.key) && table[p.key] == nil ? "budget.\(p.key)" : "\(path).\(p.key)", p.message)
            }
        }
    }

    private mutating func validateBudget(_ v: ConfigValue?, batched: Bool?) -> [String: ConfigValue] {
        let given = table(v, "budget")
        let out = validate(given, Schema.budget, at: "budget", table: "[budget]")
        // Counted as given even when refused for its type (that error is already said): "give
        // exactly one" after "epochs: expected an integer" would send the user the wrong way.
        if v != nil, (given["epochs"] == nil) == (given["steps"] == nil) {
            fail("budget", "give exactly one of epochs and steps")
        }
        if batched == true && out["batch_size"] == nil {
            fail("budget.batch_size", "missing in [budget]; this problem trains on minibatches")
        }
        if batched == false && out["batch_size"] != nil {
            fail("budget.batch_size", "this problem has no minibatches; remove this key")
        }
        return out
    }

    private func baseVariantNames(_ v: ConfigValue?) -> [String] {
        (v?.array ?? []).compactMap { $0["name"]?.string }
    }

    /// Validates `[[variants]]` and expands grids: a key given as an array of values makes one
    /// variant per combination, named `NAME-key1VALUE-key2VALUE`. A variant's keys are its own,
    /// those of the transformations it names and of its schedule, and any problem or budget key it
    /// overrides. Returns the variants, each one's component revisions, and every diagnostic published.
    private mutating func validateVariants(_ v: ConfigValue?, overrides: [String: String], problemRules: [KeyRule],
                                           problem: [String: ConfigValue], budget: [String: ConfigValue],
                                           components problemComponents: [ComponentDescription], seeds: Int)
        -> ([[String: ConfigValue]], [String: [String: ConfigValue]], [String]) {
        guard let list = v?.array, !list.isEmpty else {
            fail("variants", v == nil ? "missing; declare at least one [[variants]] table" : "expected [[variants]] tables")
            return ([], [:], [])
        }
        var out: [[String: ConfigValue]] = []
        var revisions: [String: [String: ConfigValue]] = [:]
        var diagnostics: [String] = []
        var seen: Set<String> = []
        var plannedCells = 0.0
        let overrideRules = problemRules.filter { overrides[$0.name] != nil } + Schema.budget
        for (i, item) in list.enumerated() {
            let path = "variants[\(i)]"
            guard let t = item.table else { fail(path, "expected a table"); continue }
            // The components the variant names.
            var components: [ComponentDescription] = []
            let hasOptimizer = t["optimizer"] != nil, hasChain = t["chain"] != nil
            if hasOptimizer == hasChain {
                fail(path, hasOptimizer ? "give optimizer or chain, not both" : "missing optimizer (or chain); the catalog has \(catalog.names(.transformation).joined(separator: ", "))")
            }
            let chainNames: [String] = t["optimizer"]?.string.map { [$0] } ?? t["chain"]?.array?.compactMap(\.string) ?? []
            for (k, name) in chainNames.enumerated() {
                if let c = catalog.component(.transformation, name) { components.append(c) }
                else {
                    fail(hasChain ? "\(path).chain[\(k)]" : "\(path).optimizer",
                         "no optimizer or transformation '\(name)'; the catalog has \(catalog.names(.transformation).joined(separator: ", ")) (reprise describe lists their keys)")
                }
            }
            if components.count == chainNames.count, let problem = learningRateProblem(components) {
                fail(hasChain ? "\(path).chain" : "\(path).optimizer", problem)
            }
            let scheduleName = t["schedule"]?.string ?? "constant"
            if let s = catalog.component(.schedule, scheduleName) { components.append(s) }
            else if t["schedule"]?.string != nil {
                fail("\(path).schedule", "no schedule '\(scheduleName)'; the catalog has \(catalog.names(.schedule).joined(separator: ", "))")
            }
            // Needs against what the problem's oracle provides.
            if let provided = problemComponents.first?.provides {
                for c in components where !c.needs.isSubset(of: provided) {
                    let missing = c.needs.subtracting(provided).names.joined(separator: ", ")
                    fail(hasChain ? "\(path).chain" : "\(path).optimizer",
                         "\(c.name) needs \(missing) from the loss oracle, which the \(problem["kind"]?.string ?? "") problem does not provide")
                }
            }
            // The variant's rules: its own, its components', and the overridable problem and budget keys.
            // A key two components declare (sgd's and adam's lr, a schedule's gamma and a link's) is
            // set per component, in that component's own table (`sgd = { lr = 0.1 }`); every other
            // key may be written at the variant's level or in its component's table, alike.
            var rules = Schema.variantMeta
            var owner: [String: String] = Dictionary(uniqueKeysWithValues: rules.map { ($0.name, "the variant") })
            for rule in overrideRules { owner[rule.name] = "the \(overrides[rule.name] ?? "") table" }
            rules += overrideRules.map { KeyRule(name: $0.name, kind: $0.kind, presence: .optional, summary: $0.summary, range: $0.range) }
            let declaring = Dictionary(grouping: components.flatMap { c in c.keys.map { ($0.name, c.name) } }, by: \.0).mapValues { $0.map(\.1) }
            let shared = Set(declaring.filter { $0.value.count > 1 }.keys)
            for c in components {
                for rule in c.keys where !shared.contains(rule.name) {
                    if let other = owner[rule.name] {
                        fail(path, "key '\(rule.name)' is declared by both \(c.name) and \(other); a chain cannot hold both")
                        continue
                    }
                    owner[rule.name] = c.name
                    rules.append(rule)
                }
            }
            var base = t
            var ownTables: [String: ConfigValue] = [:]
            for key in shared.sorted() where base[key] != nil {
                let names = declaring[key] ?? []
                fail("\(path).\(key)", "declared by \(names.joined(separator: " and ")): set it for each in its own table, e.g. \(names.map { "\($0) = { \(key) = … }" }.joined(separator: ", "))")
                base[key] = nil
            }
            for c in components {
                guard let raw = base[c.name], owner[c.name] == nil else { continue }
                base[c.name] = nil
                let tablePath = "\(path).\(c.name)"
                guard let own = raw.table else { fail(tablePath, "expected a table of \(c.name)'s keys, e.g. \(c.name) = { \(c.keys.first?.name ?? "key") = … }"); continue }
                var sharedPart: [String: ConfigValue] = [:]
                for (key, value) in own.sorted(by: { $0.key < $1.key }) {
                    if !c.keys.contains(where: { $0.name == key }) {
                        fail("\(tablePath).\(key)", "not a key of \(c.name); it has \(c.keys.map(\.name).joined(separator: ", "))")
                    } else if value.array != nil, c.keys.first(where: { $0.name == key })?.kind.isScalar == true {
                        fail("\(tablePath).\(key)", "a grid inside a component's table; write grids at the variant's level (or search them with select)")
                    } else if shared.contains(key) {
                        sharedPart[key] = value
                    } else if base[key] != nil {
                        fail("\(tablePath).\(key)", "set twice: at the variant's level and in \(c.name)'s table")
                    } else {
                        base[key] = value
                    }
                }
                ownTables[c.name] = .table(sharedPart)
            }
            // Each component's shared keys, validated with its defaults; stored in its own table in
            // the cells' configuration (variants without shared keys have none: their hashes are
            // those of the flat form).
            var perComponent: [String: ConfigValue] = [:]
            for c in components where c.keys.contains(where: { shared.contains($0.name) }) {
                let own = ownTables[c.name]?.table ?? [:]
                perComponent[c.name] = .table(validate(own, c.keys.filter { shared.contains($0.name) }, at: "\(path).\(c.name)",
                                                       table: "\(c.name)'s table"))
            }
            let select = base.removeValue(forKey: "select").map { validateSelect($0, rules: rules, at: "\(path).select") }
            let searchRules = rules.filter { select?[$0.name] != nil }
            // A searched key is present in every grid point: stand its first value in, to check the rest.
            for (key, values) in select ?? [:] where base[key] == nil { base[key] = values.array?.first }
            var validated = validate(base, rules, at: path, grid: true)
            if let select { validated["select"] = .table(select) }
            validated.merge(perComponent) { _, own in own }
            if let name = validated["name"]?.string, name.isEmpty || name.count > 100 || name.contains(where: { !Self.nameCharacter($0) }) {
                fail("\(path).name", "use 1 to 100 letters, digits, '-', '_' and '.' (it names result files)")
            }
            var revision: [String: ConfigValue] = [:]
            for c in problemComponents + components { revision["\(c.kind.rawValue)/\(c.name)"] = .int(c.revision) }
            for c in components { diagnostics += c.diagnostics.filter { !diagnostics.contains($0) } }
            // Counted before anything is expanded: a grid of millions of points fails here, in
            // microseconds, instead of filling memory.
            let points = validated.filter { !Schema.structural.contains($0.key) && $0.key != "select" }
                .reduce(1.0) { $0 * Double($1.value.array?.count ?? 1) }
            let searched = (select ?? [:]).values.reduce(1.0) { $0 * Double($1.array?.count ?? 1) }
            plannedCells += points * Double(seeds) + (select == nil ? 0 : searched)
            if plannedCells > Double(ExperimentSpec.maxCells) {
                fail(path, "the variants up to this one expand to \(Self.count(plannedCells)) cells (grid points × \(seeds) seeds, and selection runs); "
                     + "Reprise runs at most \(ExperimentSpec.maxCells) cells per experiment and profile: make the grids smaller, or split the experiment")
                return (out, revisions, diagnostics)
            }
            for expanded in expandGrid(validated) {
                let name = expanded["name"]?.string ?? ""
                if !seen.insert(name).inserted { fail("\(path).name", "variant name '\(name)' is used twice") }
                // The problem as this variant sees it must still satisfy the problem's own checks.
                let changed = expanded.filter { overrides[$0.key] != nil }
                let seenProblem = problem.merging(changed.filter { overrides[$0.key] == "problem" }) { _, new in new }
                let seenBudget = budget.merging(changed.filter { overrides[$0.key] == "budget" }) { _, new in new }
                if !changed.isEmpty { checkConstraints(seenProblem, budget: seenBudget, problemComponents, at: path) }
                checkMemory(problem: seenProblem, budget: seenBudget, problemComponents, chain: components, variant: expanded, at: path)
                revisions[name] = revision
                if !searchRules.isEmpty { self.searchRules[name] = Dictionary(searchRules.map { ($0.name, $0) }) { a, _ in a } }
                out.append(expanded)
            }
        }
        if !diagnostics.contains("learning_rate") { diagnostics.insert("learning_rate", at: 0) }
        for d in problemComponents.flatMap(\.diagnostics) where !diagnostics.contains(d) { diagnostics.append(d) }
        return (out, revisions, diagnostics)
    }

    static func count(_ x: Double) -> String { x < 1e15 ? String(Int(x)) : String(format: "%.3g", x) }

    static func nameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "-_.".contains(c))
    }

    /// A `select` table: keys of the variant searched over arrays of allowed values.
    private mutating func validateSelect(_ v: ConfigValue, rules: [KeyRule], at path: String) -> [String: ConfigValue] {
        guard let t = v.table else { fail(path, "expected a table of arrays, e.g. { lr = [0.1, 0.01] }"); return [:] }
        var out: [String: ConfigValue] = [:]
        let searchable = rules.filter { $0.kind.isScalar && !Schema.structural.contains($0.name) }
        for key in t.keys.sorted() {
            let keyPath = "\(path).\(key)"
            guard let rule = searchable.first(where: { $0.name == key }) else {
                fail(keyPath, "cannot be searched; a selection may search \(searchable.map(\.name).joined(separator: ", "))")
                continue
            }
            guard let values = t[key]?.array, !values.isEmpty else { fail(keyPath, "expected a non-empty array of values"); continue }
            out[key] = .array(values.enumerated().compactMap { i, value in
                if let problem = rule.problem(with: value) { fail("\(keyPath)[\(i)]", problem); return nil }
                return rule.coerce(value)
            })
        }
        return out
    }

    private mutating func validateSelection(_ v: ConfigValue?, metrics: [String], needed: Bool) -> SelectionSpec? {
        guard let v else {
            if needed { fail("selection", "missing; variants with a select grid need a [selection] table (metric, over_epochs, seed)") }
            return nil
        }
        guard let t = v.table else { fail("selection", "expected a table"); return nil }
        let s = validate(t, Schema.selection, at: "selection", table: "[selection]")
        if let m = s["metric"]?.string, !metrics.contains(m) {
            fail("selection.metric", "'\(m)' is not recorded per epoch; choose one of \(metrics.joined(separator: ", "))")
        }
        if let m = s["metric"]?.string, m.hasPrefix("test_") {
            fail("selection.metric", "selecting on the test split would leak it into the result; select on a validation_ metric")
        }
        if let m = s["metric"]?.string, metrics.contains(m) { requireGoal(m, at: "selection.metric", for: "selected on") }
        let seeds = s["seeds"]?.array?.compactMap(\.int) ?? [s["seed"]?.int ?? 0]
        if Set(seeds).count != seeds.count { fail("selection.seeds", "a seed is listed twice") }
        return SelectionSpec(metric: s["metric"]?.string ?? "", overEpochs: s["over_epochs"]?.string.flatMap(EpochReduction.init) ?? .best, seed: seeds[0],
                             seeds: seeds, points: s["points"]?.int, extendSteps: s["extend_steps"]?.int ?? 3)
    }

    private mutating func validatePublished(_ v: ConfigValue?, metrics: [String], storedTensors: [String],
                                            variants: [[String: ConfigValue]]) -> [PublishedNumber] {
        guard let v else { return [] }
        guard let list = v.array else { fail("published", "expected [[published]] tables"); return [] }
        let labels = Set(variants.map { $0["label"]?.string ?? $0["name"]?.string ?? "" })
        return list.enumerated().compactMap { i, item in
            let path = "published[\(i)]"
            guard let t = item.table else { fail(path, "expected a table (value, metric, setting, source, comparable, why)"); return nil }
            let p = validate(t, Schema.published, at: path)
            guard let value = p["value"]?.number, let metric = p["metric"]?.string, let setting = p["setting"]?.string,
                  let source = p["source"]?.string, let comparable = p["comparable"]?.bool, let why = p["why"]?.string else { return nil }
            if !metrics.contains(metric) && !storedTensors.contains(metric) {
                fail("\(path).metric", "'\(metric)' is neither recorded per epoch nor a stored per-start tensor; choose one of \((metrics + storedTensors).joined(separator: ", "))")
            } else if metricDescriptions[metric]?.unit == "fraction", !(0...1).contains(value) {
                fail("\(path).value", "\(value) is outside [0, 1], the range of \(metric), a fraction")
            }
            let label = p["label"]?.string ?? ""
            if !label.isEmpty && !labels.contains(label) {
                fail("\(path).label", "no variant labelled '\(label)'; labels: \(labels.sorted().joined(separator: ", "))")
            }
            let group = p["group"]?.string ?? ""
            if !group.isEmpty && !variants.contains(where: { $0["group"]?.string == group }) {
                fail("\(path).group", "no variant group '\(group)'")
            }
            return PublishedNumber(value: value, metric: metric, overEpochs: p["over_epochs"]?.string.flatMap(EpochReduction.init) ?? .final, label: label, group: group,
                                   setting: setting, source: source, comparable: comparable, why: why,
                                   written: locator.literal(of: "\(path).value"), discussion: p["discussion"]?.string ?? "")
        }
    }

    /// Expands keys given as arrays of values into one variant per combination, named
    /// `NAME-key1VALUE-key2VALUE` and labelled `LABEL key1=VALUE, key2=VALUE`. Keys of array kind are
    /// stored as grids of one value; those expand without renaming.
    private func expandGrid(_ t: [String: ConfigValue]) -> [[String: ConfigValue]] {
        var variants: [([String: ConfigValue], [String])] = [(t, [])]
        for key in t.keys.sorted() {
            guard let values = t[key]?.array, !Schema.structural.contains(key), key != "select" else { continue }
            variants = variants.flatMap { base, settings in
                values.map { value -> ([String: ConfigValue], [String]) in
                    var v = base
                    v[key] = value
                    guard values.count > 1 else { return (v, settings) }
                    let text = Self.text(value)
                    let safe = String(text.map { Self.nameCharacter($0) ? $0 : "_" })
                    v["name"] = .string("\(v["name"]?.string ?? "")-\(key)\(safe)")
                    return (v, settings + ["\(key)=\(text)"])
                }
            }
        }
        return variants.map { v, settings in
            guard !settings.isEmpty else { return v }
            var labelled = v
            labelled["label"] = .string("\(t["label"]?.string ?? t["name"]?.string ?? "") \(settings.joined(separator: ", "))")
            return labelled
        }
    }

    /// A grid value as it appears in names and labels: `0.1`, `relu`, `256x128`.
    static func text(_ value: ConfigValue) -> String {
        if let s = value.string { return s }
        if let b = value.bool { return b ? "true" : "false" }
        if let a = value.array { return a.map { text($0) }.joined(separator: "x") }
        return value.canonicalJSON
    }

    private mutating func validateFigures(_ v: ConfigValue?, epochMetrics: [String], stepMetrics: [String],
                                          variants variantTables: [[String: ConfigValue]], baseNames: Set<String>,
                                          storedTensors: [String], recordedTensors: [String]) -> [FigureSpec] {
        let variants = variantTables.map { $0["name"]?.string ?? "" }
        guard let v else { return [] }
        guard let list = v.array else { fail("figures", "expected [[figures]] tables"); return [] }
        var out: [FigureSpec] = []
        for (i, item) in list.enumerated() {
            let path = "figures[\(i)]"
            guard let t = item.table else { fail(path, "expected a table"); continue }
            let f = validate(t, Schema.figure, at: path)
            guard let name = f["name"]?.string, let x = f["x"]?.string, let y = f["y"]?.string else { continue }
            if name.isEmpty || name.count > 100 || name.contains(where: { !Self.nameCharacter($0) }) {
                fail("\(path).name", "use 1 to 100 letters, digits, '-', '_' and '.' (it names the figure's files)")
            }
            let figureKind = f["kind"]?.string ?? "lines"
            let metrics = figureKind == "lines" && x != "epoch" ? stepMetrics : epochMetrics
            if figureKind == "sorted" {
                if !storedTensors.contains(y) {
                    fail("\(path).y", "a sorted figure draws a per-start tensor the problem stores; this problem stores \(storedTensors.isEmpty ? "none (use a multistart problem)" : storedTensors.joined(separator: ", "))")
                }
            } else if figureKind == "selection" {
                if !variantTables.contains(where: { $0["select"] != nil }) {
                    fail("\(path).kind", "a selection figure draws the selection stage; no variant of this spec has a select grid")
                }
            } else if figureKind == "trajectories" {
                if y != "trajectory" || !recordedTensors.contains("trajectory") {
                    fail("\(path).y", "a trajectories figure draws y = \"trajectory\", which record.tensors must ask for")
                }
            } else if !metrics.contains(y) {
                let what = figureKind == "lines" && x != "epoch" ? "recorded per step (the loss and the diagnostics this experiment's components publish)"
                                                                : "recorded per epoch for this problem"
                fail("\(path).y", "'\(y)' is not \(what); choose one of \(metrics.joined(separator: ", "))")
            }
            if ["bars", "dots", "heatmap", "sweep"].contains(figureKind), f["over_epochs"]?.string == "best", metrics.contains(y) {
                requireGoal(y, at: "\(path).over_epochs", for: "reduced by \"best\" (use \"final\")")
            }
            let chosen = f["variants"]?.array?.compactMap(\.string) ?? []
            for c in chosen where !variants.contains(c) && !baseNames.contains(c) {
                fail("\(path).variants", "no variant named '\(c)'; the spec has \(variants.joined(separator: ", "))")
            }
            let xKey = f["x_key"]?.string ?? "", yKey = f["y_key"]?.string ?? ""
            if figureKind == "sweep", xKey.isEmpty || !variantTables.contains(where: { $0[xKey]?.number != nil }) {
                fail("\(path).x_key", "a sweep needs a numeric variant key here (the value across, e.g. rho)")
            }
            if figureKind == "heatmap" {
                for (key, keyName) in [(xKey, "x_key"), (yKey, "y_key")] where key.isEmpty || !variantTables.contains(where: { $0[key] != nil }) {
                    fail("\(path).\(keyName)", "a heatmap needs a variant key here (a key whose values vary across variants)")
                }
            }
            out.append(FigureSpec(name: name, kind: FigureSpec.Kind(rawValue: figureKind) ?? .lines, title: f["title"]?.string ?? "", x: x, y: y,
                                  logX: f["log_x"]?.bool ?? false, logY: f["log_y"]?.bool, variants: chosen,
                                  overEpochs: f["over_epochs"]?.string.flatMap(EpochReduction.init) ?? .final, xKey: xKey, yKey: yKey, absent: f["absent"]?.string ?? "",
                                  marks: f["marks"]?.array?.compactMap(\.number) ?? []))
        }
        return out
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
