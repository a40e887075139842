import Foundation
import RepriseConfig

/// Spec validation: the variants, their grids and select tables.
extension Validator {
    /// Validates `[[variants]]` and expands grids: a key given as an array of values makes one
    /// variant per combination, named `NAME-key1VALUE-key2VALUE`. A variant's keys are its own,
    /// those of the transformations it names and of its schedule, and any problem or budget key it
    /// overrides. Returns the variants, each one's component revisions, and every diagnostic published.
    mutating func validateVariants(_ v: ConfigValue?, overrides: [String: String], problemRules: [KeyRule],
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
    mutating func validateSelect(_ v: ConfigValue, rules: [KeyRule], at path: String) -> [String: ConfigValue] {
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

    /// Expands keys given as arrays of values into one variant per combination, named
    /// `NAME-key1VALUE-key2VALUE` and labelled `LABEL key1=VALUE, key2=VALUE`. Keys of array kind are
    /// stored as grids of one value; those expand without renaming.
    func expandGrid(_ t: [String: ConfigValue]) -> [[String: ConfigValue]] {
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
}
