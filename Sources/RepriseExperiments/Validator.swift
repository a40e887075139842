import Foundation
import RepriseConfig
import TOMLKit

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

    mutating func checked(_ rule: KeyRule, _ raw: ConfigValue, at keyPath: String) -> ConfigValue? {
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

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

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
    mutating func mergeVariants(_ list: ConfigValue?, _ overrides: ConfigValue, profile: String) -> ConfigValue? {
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

    func leafPaths(_ v: ConfigValue, prefix: String = "") -> Set<String> {
        guard let t = v.table else { return prefix.isEmpty ? [] : [prefix] }
        var out: Set<String> = []
        for (k, child) in t { out.formUnion(leafPaths(child, prefix: prefix.isEmpty ? k : "\(prefix).\(k)")) }
        return out
    }

    mutating func validateMerged(_ doc: [String: ConfigValue], profile: String, profiles: [String], stem: String) -> ExperimentSpec {
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

    mutating func table(_ v: ConfigValue?, _ path: String, required: Bool = true) -> [String: ConfigValue] {
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
    mutating func validateProblem(_ v: ConfigValue?) -> ([String: ConfigValue], [KeyRule], [ComponentDescription]) {
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
    mutating func checkConstraints(_ table: [String: ConfigValue], budget: [String: ConfigValue],
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

    mutating func validateBudget(_ v: ConfigValue?, batched: Bool?) -> [String: ConfigValue] {
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

    func baseVariantNames(_ v: ConfigValue?) -> [String] {
        (v?.array ?? []).compactMap { $0["name"]?.string }
    }
}
