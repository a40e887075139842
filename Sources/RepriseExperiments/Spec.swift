import Foundation
import TOMLKit

/// A declarative experiment (`experiments/NAME.toml`) with one profile applied and every default
/// filled in. See README.md ("Writing an experiment") for the format.
public struct ExperimentSpec: Sendable {
    public var file: String
    public var name: String
    public var title: String
    public var paper: String
    public var description: String
    /// What Reprise runs instead of what the paper ran (dataset, model, budget), stated in reports.
    public var substitutions: [String]
    /// The profile applied, and every profile the file declares.
    public var profile: String
    public var profiles: [String]
    public var seeds: [Int]
    /// Validated tables with defaults filled in: what the runner builds a cell from.
    public var problem: [String: ConfigValue]
    public var budget: [String: ConfigValue]
    public var record: [String: ConfigValue]
    /// Variants after grid expansion, each a validated table with a unique `name`. A variant with
    /// a `select` table has its hyperparameters chosen by the selection stage.
    public var variants: [[String: ConfigValue]]
    /// How selected variants are chosen, when any variant has a `select` table.
    public var selection: SelectionSpec?
    public var figures: [FigureSpec]
    public var claims: [ClaimSpec]

    public var problemKind: String { problem["kind"]?.string ?? "" }
    public var variantNames: [String] { variants.map { $0["name"]!.string! } }
}

/// A figure declared by a spec, drawn from the store.
/// - `lines`: `y` against steps or epochs, one line per variant, mean over seeds with a ±1 std band;
/// - `bars`: `y` reduced over epochs (`over_epochs`), mean ± std over seeds, one bar per variant
///   label, clustered by variant group;
/// - `heatmap`: `y` reduced over epochs and averaged over seeds, on the grid of two variant keys
///   (`x_key`, `y_key`).
public struct FigureSpec: Sendable, Hashable {
    public var name: String
    public var kind: String
    public var title: String
    public var x: String
    public var y: String
    public var logX: Bool
    public var logY: Bool
    /// The variants drawn; empty means all.
    public var variants: [String]
    public var overEpochs: String
    public var xKey: String
    public var yKey: String
    /// The stored series group the figure reads ("steps" or "epochs").
    public var group: String { x == "step" ? "steps" : "epochs" }
}

/// The selection stage: each point of a variant's `select` grid is trained once with `seed`, scored
/// by `metric` (maximised) reduced over epochs (`best` or `final`), and the best point is rerun
/// with every seed. Scores and the winner are stored.
public struct SelectionSpec: Sendable, Hashable {
    public var metric: String
    public var overEpochs: String
    public var seed: Int
}

/// A claim of the paper, checked on stored results: in each variant group, the mean over seeds of
/// `metric` (reduced over epochs) of the variant labelled `subject` is at least that of each of `others`.
public struct ClaimSpec: Sendable, Hashable {
    public var text: String
    public var metric: String
    public var overEpochs: String
    public var subject: String
    public var others: [String]
}

extension ExperimentSpec {
    /// The default profile name, used when none is asked for.
    public static let defaultProfile = "default"

    /// Reads and validates `path` with `profile` applied. Every mistake in the file — in any
    /// profile, not only the one asked for — is reported at once, with its line and key path.
    public static func load(_ path: String, profile: String = defaultProfile) throws -> ExperimentSpec {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SpecError(issues: [SpecIssue(file: path, line: nil, keyPath: "", message: "cannot read the file (missing, unreadable or not UTF-8)")])
        }
        let root: ConfigValue
        do {
            root = convert(try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            throw SpecError(issues: [SpecIssue(file: path, line: error.source.begin.line, keyPath: "",
                                               message: "TOML syntax error at column \(error.source.begin.column): \(error.description)")])
        }
        var validator = Validator(file: path, locator: SourceLocator(text: text))
        let spec = validator.validateDocument(root.table ?? [:], profile: profile,
                                              stem: ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        if !validator.issues.isEmpty { throw SpecError(issues: validator.issues) }
        return spec!
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .table:
            let t = value.table!
            var out: [String: ConfigValue] = [:]
            for key in t.keys { out[key] = convert(t[key]!) }
            return .table(out)
        case .array: return .array(value.array!.map { convert($0) })
        case .int: return .int(value.int!)
        case .double: return .double(value.double!)
        case .bool: return .bool(value.bool!)
        case .string: return .string(value.string!)
        default: return .string(value.debugDescription)  // dates: rejected by the schema as strings of the wrong kind
        }
    }
}

/// Walks a parsed document, collecting issues and building the spec.
struct Validator {
    let file: String
    let locator: SourceLocator
    private(set) var issues: [SpecIssue] = []
    /// Where keys came from when a profile is merged in: a merged path overridden by the profile
    /// maps to the path written in the profile (`variants[2]` → `profiles.quick.variants.adam`).
    private var overridden: [String: String] = [:]

    init(file: String, locator: SourceLocator) {
        self.file = file
        self.locator = locator
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

    /// Checks one table against its rules; returns it with defaults filled in. With `grid`, a
    /// scalar key may hold an array of values (a grid to expand).
    mutating func validate(_ table: [String: ConfigValue], _ rules: [KeyRule], at path: String, grid: Bool = false) -> [String: ConfigValue] {
        var out: [String: ConfigValue] = [:]
        let known = Set(rules.map(\.name))
        for key in table.keys.sorted() where !known.contains(key) {
            fail(join(path, key), "unknown key; allowed here: \(rules.map(\.name).joined(separator: ", "))")
        }
        for rule in rules {
            let keyPath = join(path, rule.name)
            guard let raw = table[rule.name] else {
                switch rule.presence {
                case .required: fail(keyPath, "missing; expected \(rule.kind.expected)")
                case .optional: break
                case .defaulted(let v): out[rule.name] = v
                }
                continue
            }
            if grid, rule.kind.isScalar, let values = raw.array {
                if values.isEmpty { fail(keyPath, "an empty grid; give at least one value") }
                var coerced: [ConfigValue] = []
                for (i, v) in values.enumerated() {
                    if let c = checked(rule, v, at: "\(keyPath)[\(i)]") { coerced.append(c) }
                }
                out[rule.name] = .array(coerced)
            } else if let c = checked(rule, raw, at: keyPath) {
                out[rule.name] = c
            }
        }
        return out
    }

    private mutating func checked(_ rule: KeyRule, _ raw: ConfigValue, at keyPath: String) -> ConfigValue? {
        guard let value = rule.coerce(raw) else {
            fail(keyPath, "expected \(rule.kind.expected), found \(raw.kindName) \(raw)")
            return nil
        }
        if let problem = rule.check?(value) {
            fail(keyPath, "\(problem) (found \(raw))")
            return nil
        }
        return value
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
            var merged = ConfigValue.table(doc).merging(.table(overrides)).table!
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
        if let name = header["name"]?.string, name != stem {
            fail("name", "must equal the file name '\(stem)' (found \"\(name)\")")
        }
        let problem = validateProblem(doc["problem"])
        let kind = problem["kind"]?.string ?? "classification"
        let budget = validateBudget(doc["budget"], kind: kind)
        let record = validate(table(doc["record"], "record", required: false), Schema.record, at: "record")
        if kind == "classification", record["tensors"]?.array?.contains(.string("trajectory")) == true {
            fail("record.tensors", "a trajectory is stored for analytic objectives only (a network's is too large)")
        }
        let variants = validateVariants(doc["variants"])
        let selection = validateSelection(doc["selection"], kind: kind, needed: variants.contains { $0["select"] != nil })
        let figures = validateFigures(doc["figures"], kind: kind, variants: variants,
                                      baseNames: Set(baseVariantNames(doc["variants"])))
        let claims = validateClaims(doc["claims"], kind: kind, variants: variants)
        return ExperimentSpec(
            file: file, name: header["name"]?.string ?? stem, title: header["title"]?.string ?? "",
            paper: header["paper"]?.string ?? "", description: header["description"]?.string ?? "",
            substitutions: header["substitutions"]?.array?.compactMap(\.string) ?? [],
            profile: profile, profiles: profiles, seeds: header["seeds"]?.array?.compactMap(\.int) ?? [],
            problem: problem, budget: budget, record: record, variants: variants, selection: selection,
            figures: figures, claims: claims)
    }

    private mutating func table(_ v: ConfigValue?, _ path: String, required: Bool = true) -> [String: ConfigValue] {
        guard let v else {
            if required { fail(path, "missing table [\(path)]") }
            return [:]
        }
        guard let t = v.table else { fail(path, "expected a table, found \(v.kindName)"); return [:] }
        return t
    }

    private mutating func validateProblem(_ v: ConfigValue?) -> [String: ConfigValue] {
        let t = table(v, "problem")
        let kind = t["kind"]?.string.flatMap { Schema.problemKinds.contains($0) ? $0 : nil } ?? "classification"
        var out = validate(t, Schema.problem(kind: kind, dataset: t["dataset"]?.string), at: "problem")
        if kind == "objective", let start = out["start"]?.array, let dim = out["dimension"]?.int {
            let function = out["function"]?.string
            if function == "beale" && dim != 2 { fail("problem.dimension", "Beale's function is two-dimensional (found \(dim))") }
            if function == "rosenbrock" && dim < 2 { fail("problem.dimension", "Rosenbrock's function needs at least 2 dimensions") }
            if start.count != dim { fail("problem.start", "has \(start.count) coordinates; the problem has dimension \(dim)") }
        }
        if kind == "objective" { out["dimension"] = out["dimension"] ?? .int(2) }
        return out
    }

    private mutating func validateBudget(_ v: ConfigValue?, kind: String) -> [String: ConfigValue] {
        let out = validate(table(v, "budget"), Schema.budget, at: "budget")
        if (out["epochs"] == nil) == (out["steps"] == nil) {
            fail("budget", "give exactly one of epochs and steps")
        }
        if kind == "classification" && out["batch_size"] == nil {
            fail("budget.batch_size", "missing; a classification problem trains on minibatches")
        }
        if kind == "objective" && out["batch_size"] != nil {
            fail("budget.batch_size", "an analytic objective has no batches; remove this key")
        }
        return out
    }

    private func baseVariantNames(_ v: ConfigValue?) -> [String] {
        (v?.array ?? []).compactMap { $0["name"]?.string }
    }

    /// Validates `[[variants]]` and expands grids: a key given as an array of values makes one
    /// variant per combination, named `NAME-key1VALUE-key2VALUE`.
    private mutating func validateVariants(_ v: ConfigValue?) -> [[String: ConfigValue]] {
        guard let list = v?.array, !list.isEmpty else {
            fail("variants", "missing; declare at least one [[variants]] table")
            return []
        }
        var out: [[String: ConfigValue]] = []
        var seen: Set<String> = []
        for (i, item) in list.enumerated() {
            let path = "variants[\(i)]"
            guard let t = item.table else { fail(path, "expected a table"); continue }
            let optimizer = t["optimizer"]?.string.flatMap { Schema.optimizers.contains($0) ? $0 : nil } ?? "sgd"
            let schedule = t["schedule"]?.string ?? "constant"
            let rules = Schema.variant(optimizer: optimizer, schedule: schedule)
            var base = t
            let select = base.removeValue(forKey: "select").map { validateSelect($0, rules: rules, at: "\(path).select") }
            // A searched key is present in every grid point: stand its first value in, to check the rest.
            for (key, values) in select ?? [:] where base[key] == nil { base[key] = values.array?.first }
            var validated = validate(base, rules, at: path, grid: true)
            if let select { validated["select"] = .table(select) }
            if let name = validated["name"]?.string, name.isEmpty || name.contains(where: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
                fail("\(path).name", "use letters, digits, '-', '_' and '.' only (it names result files)")
            }
            for expanded in expandGrid(validated) {
                let name = expanded["name"]?.string ?? ""
                if !seen.insert(name).inserted { fail("\(path).name", "variant name '\(name)' is used twice") }
                out.append(expanded)
            }
        }
        return out
    }

    /// A `select` table: keys of the variant searched over arrays of allowed values.
    private mutating func validateSelect(_ v: ConfigValue, rules: [KeyRule], at path: String) -> [String: ConfigValue] {
        guard let t = v.table else { fail(path, "expected a table of arrays, e.g. { lr = [0.1, 0.01] }"); return [:] }
        var out: [String: ConfigValue] = [:]
        for key in t.keys.sorted() {
            let keyPath = "\(path).\(key)"
            guard let rule = rules.first(where: { $0.name == key }), rule.kind.isScalar, !Schema.unselectable.contains(key) else {
                let allowed = rules.filter { $0.kind.isScalar && !Schema.unselectable.contains($0.name) }.map(\.name)
                fail(keyPath, "cannot be searched; a selection may search \(allowed.joined(separator: ", "))")
                continue
            }
            guard let values = t[key]?.array, !values.isEmpty else { fail(keyPath, "expected a non-empty array of values"); continue }
            out[key] = .array(values.enumerated().compactMap { i, value in
                let coerced = rule.coerce(value)
                if coerced == nil { fail("\(keyPath)[\(i)]", "expected \(rule.kind.expected), found \(value.kindName) \(value)") }
                if let c = coerced, let problem = rule.check?(c) { fail("\(keyPath)[\(i)]", problem); return nil }
                return coerced
            })
        }
        return out
    }

    private mutating func validateSelection(_ v: ConfigValue?, kind: String, needed: Bool) -> SelectionSpec? {
        guard let v else {
            if needed { fail("selection", "missing; variants with a select grid need a [selection] table (metric, over_epochs, seed)") }
            return nil
        }
        guard let t = v.table else { fail("selection", "expected a table"); return nil }
        let s = validate(t, Schema.selection, at: "selection")
        let metrics = Schema.metrics(kind: kind, x: "epoch")
        if let m = s["metric"]?.string, !metrics.contains(m) {
            fail("selection.metric", "'\(m)' is not recorded per epoch; choose one of \(metrics.joined(separator: ", "))")
        }
        if let m = s["metric"]?.string, m.hasPrefix("test_") {
            fail("selection.metric", "selecting on the test split would leak it into the result; select on a validation_ metric")
        }
        return SelectionSpec(metric: s["metric"]?.string ?? "", overEpochs: s["over_epochs"]?.string ?? "best", seed: s["seed"]?.int ?? 0)
    }

    private mutating func validateClaims(_ v: ConfigValue?, kind: String, variants: [[String: ConfigValue]]) -> [ClaimSpec] {
        guard let v else { return [] }
        guard let list = v.array else { fail("claims", "expected [[claims]] tables"); return [] }
        let labels = Set(variants.map { $0["label"]?.string ?? $0["name"]?.string ?? "" })
        let metrics = Schema.metrics(kind: kind, x: "epoch")
        return list.enumerated().compactMap { i, item in
            let path = "claims[\(i)]"
            guard let t = item.table else { fail(path, "expected a table"); return nil }
            let c = validate(t, Schema.claim, at: path)
            guard let text = c["text"]?.string, let metric = c["metric"]?.string, let subject = c["subject"]?.string else { return nil }
            if !metrics.contains(metric) { fail("\(path).metric", "choose one of \(metrics.joined(separator: ", "))") }
            let others = c["others"]?.array?.compactMap(\.string) ?? []
            for l in [subject] + others where !labels.contains(l) {
                fail(path, "no variant labelled '\(l)'; labels: \(labels.sorted().joined(separator: ", "))")
            }
            return ClaimSpec(text: text, metric: metric, overEpochs: c["over_epochs"]?.string ?? "final", subject: subject, others: others)
        }
    }

    /// Expands keys given as arrays into one variant per combination, named
    /// `NAME-key1VALUE-key2VALUE` and labelled `LABEL key1=VALUE, key2=VALUE`.
    private func expandGrid(_ t: [String: ConfigValue]) -> [[String: ConfigValue]] {
        var variants: [([String: ConfigValue], [String])] = [(t, [])]
        for key in t.keys.sorted() {
            guard let values = t[key]?.array, key != "name" else { continue }
            variants = variants.flatMap { base, settings in
                values.map { value -> ([String: ConfigValue], [String]) in
                    var v = base
                    v[key] = value
                    let text = value.string ?? (value.bool.map { $0 ? "true" : "false" } ?? value.canonicalJSON)
                    v["name"] = .string("\(v["name"]?.string ?? "")-\(key)\(text)")
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

    private mutating func validateFigures(_ v: ConfigValue?, kind: String, variants variantTables: [[String: ConfigValue]],
                                          baseNames: Set<String>) -> [FigureSpec] {
        let variants = variantTables.map { $0["name"]?.string ?? "" }
        guard let v else { return [] }
        guard let list = v.array else { fail("figures", "expected [[figures]] tables"); return [] }
        var out: [FigureSpec] = []
        for (i, item) in list.enumerated() {
            let path = "figures[\(i)]"
            guard let t = item.table else { fail(path, "expected a table"); continue }
            let f = validate(t, Schema.figure, at: path)
            guard let name = f["name"]?.string, let x = f["x"]?.string, let y = f["y"]?.string else { continue }
            let metrics = Schema.metrics(kind: kind, x: x)
            if !metrics.contains(y) {
                fail("\(path).y", "'\(y)' is not recorded per \(x) for a \(kind) problem; choose one of \(metrics.joined(separator: ", "))")
            }
            let chosen = f["variants"]?.array?.compactMap(\.string) ?? []
            for c in chosen where !variants.contains(c) && !baseNames.contains(c) {
                fail("\(path).variants", "no variant named '\(c)'; the spec has \(variants.joined(separator: ", "))")
            }
            let figureKind = f["kind"]?.string ?? "lines"
            let xKey = f["x_key"]?.string ?? "", yKey = f["y_key"]?.string ?? ""
            if figureKind == "heatmap" {
                for (key, keyName) in [(xKey, "x_key"), (yKey, "y_key")] where key.isEmpty || !variantTables.contains(where: { $0[key] != nil }) {
                    fail("\(path).\(keyName)", "a heatmap needs a variant key here (a key whose values vary across variants)")
                }
            }
            out.append(FigureSpec(name: name, kind: figureKind, title: f["title"]?.string ?? "", x: x, y: y,
                                  logX: f["log_x"]?.bool ?? false, logY: f["log_y"]?.bool ?? false, variants: chosen,
                                  overEpochs: f["over_epochs"]?.string ?? "final", xKey: xKey, yKey: yKey))
        }
        return out
    }
}
