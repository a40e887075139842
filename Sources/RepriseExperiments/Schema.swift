/// The rules a spec's keys obey: type, default, allowed values. This is the one place where spec
/// keys and their defaults are declared.
struct KeyRule: Sendable {
    enum Kind: Sendable {
        case int, number, bool
        case string([String])       // allowed values; empty = any
        case ints, numbers
        case strings([String])

        var expected: String {
            switch self {
            case .int: return "an integer"
            case .number: return "a number"
            case .bool: return "true or false"
            case .string(let allowed): return allowed.isEmpty ? "a string" : "one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
            case .ints: return "an array of integers"
            case .numbers: return "an array of numbers"
            case .strings(let allowed): return allowed.isEmpty ? "an array of strings" : "an array of strings from \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
            }
        }

        var isScalar: Bool {
            switch self {
            case .int, .number, .bool, .string: return true
            default: return false
            }
        }
    }

    enum Presence: Sendable { case required, optional, defaulted(ConfigValue) }

    let name: String
    let kind: Kind
    let presence: Presence
    /// Extra check on a well-typed value; returns what is wrong.
    var check: (@Sendable (ConfigValue) -> String?)? = nil

    static func required(_ name: String, _ kind: Kind, _ check: (@Sendable (ConfigValue) -> String?)? = nil) -> KeyRule {
        KeyRule(name: name, kind: kind, presence: .required, check: check)
    }
    static func optional(_ name: String, _ kind: Kind, _ check: (@Sendable (ConfigValue) -> String?)? = nil) -> KeyRule {
        KeyRule(name: name, kind: kind, presence: .optional, check: check)
    }
    static func value(_ name: String, _ kind: Kind, _ value: ConfigValue, _ check: (@Sendable (ConfigValue) -> String?)? = nil) -> KeyRule {
        KeyRule(name: name, kind: kind, presence: .defaulted(value), check: check)
    }

    /// The value normalised to the rule's kind (integers accepted where numbers are expected), or nil.
    func coerce(_ v: ConfigValue) -> ConfigValue? {
        switch kind {
        case .int: return v.int.map { .int($0) }
        case .number: return v.number.map { .double($0) }
        case .bool: return v.bool.map { .bool($0) }
        case .string(let allowed):
            guard let s = v.string, allowed.isEmpty || allowed.contains(s) else { return nil }
            return .string(s)
        case .ints:
            guard let a = v.array else { return nil }
            let xs = a.compactMap(\.int)
            return xs.count == a.count ? .array(xs.map { .int($0) }) : nil
        case .numbers:
            guard let a = v.array else { return nil }
            let xs = a.compactMap(\.number)
            return xs.count == a.count ? .array(xs.map { .double($0) }) : nil
        case .strings(let allowed):
            guard let a = v.array else { return nil }
            let xs = a.compactMap(\.string)
            guard xs.count == a.count, allowed.isEmpty || xs.allSatisfy(allowed.contains) else { return nil }
            return .array(xs.map { .string($0) })
        }
    }
}

// MARK: - Checks

@Sendable func positive(_ v: ConfigValue) -> String? { (v.number ?? 1) > 0 ? nil : "must be positive" }
@Sendable func nonNegative(_ v: ConfigValue) -> String? { (v.number ?? 0) >= 0 ? nil : "must not be negative" }
@Sendable func unitInterval(_ v: ConfigValue) -> String? {
    let x = v.number ?? 0
    return x >= 0 && x < 1 ? nil : "must lie in [0, 1)"
}
@Sendable func nonEmpty(_ v: ConfigValue) -> String? { (v.array?.isEmpty ?? false) ? "must not be empty" : nil }
@Sendable func positiveEntries(_ v: ConfigValue) -> String? {
    (v.array ?? []).allSatisfy { ($0.number ?? 1) > 0 } ? nil : "entries must be positive"
}

// MARK: - The spec's tables

enum Schema {
    static let topLevel = ["name", "title", "paper", "description", "substitutions", "seeds", "problem",
                           "budget", "record", "variants", "selection", "profiles", "figures", "claims"]
    /// What a profile may override; `variants` is a table of overrides by variant name.
    static let profileKeys = ["seeds", "budget", "problem", "record", "selection", "variants"]

    static let header: [KeyRule] = [
        .required("name", .string([])),
        .required("title", .string([])),
        .required("paper", .string([])),
        .value("description", .string([]), .string("")),
        .value("substitutions", .strings([]), .array([])),
        .required("seeds", .ints, nonEmpty),
    ]

    static let datasets = ["fashion-mnist", "mnist", "synthetic"]
    static let problemKinds = ["classification", "objective"]

    static func problem(kind: String, dataset: String?) -> [KeyRule] {
        var rules: [KeyRule] = [.required("kind", .string(problemKinds))]
        switch kind {
        case "classification":
            let synthetic = dataset == "synthetic"
            rules += [
                .required("dataset", .string(datasets)),
                .value("validation", .int, .int(synthetic ? 200 : 10000), nonNegative),
                .optional("train_examples", .int, positive),
                .optional("test_examples", .int, positive),
                .required("hidden", .ints, positiveEntries),
                .value("activation", .string(["relu", "tanh", "sigmoid", "softplus"]), .string("relu")),
                .value("init", .string(["he", "glorot"]), .string("he")),
                .value("loss", .string(["cross-entropy"]), .string("cross-entropy")),
            ]
            if synthetic {
                rules += [.value("features", .int, .int(20), positive), .value("classes", .int, .int(4), positive),
                          .value("data_seed", .int, .int(0))]
            }
        default:
            rules += [
                .required("function", .string(["rosenbrock", "beale"])),
                .value("dimension", .int, .int(2), positive),
                .required("start", .numbers, nonEmpty),
                .value("noise", .number, .double(0), nonNegative),
            ]
        }
        return rules
    }

    static let budget: [KeyRule] = [
        .optional("epochs", .int, positive),
        .optional("steps", .int, positive),
        .optional("batch_size", .int, positive),
    ]

    static let tensorNames = ["final_parameters", "trajectory"]
    static let record: [KeyRule] = [
        .value("every_steps", .int, .int(10), positive),
        .value("tensors", .strings(tensorNames), .array([])),
    ]

    static let optimizers = ["sgd", "adam", "rmsprop", "adagrad"]
    static let schedules = ["constant", "step", "cosine", "htd", "taso"]

    /// Keys of a variant, by optimiser and schedule. Optimiser defaults are PyTorch's (`torch.optim`);
    /// schedule defaults are those of the TASO authors' code (papers.md §3). A schedule's keys exist
    /// only with that schedule, so they enter no other variant's configuration hash.
    static func variant(optimizer: String, schedule: String) -> [KeyRule] {
        var rules: [KeyRule] = [
            .required("name", .string([])),
            .optional("label", .string([])),
            .optional("group", .string([])),
            .required("optimizer", .string(optimizers)),
            .value("schedule", .string(schedules), .string("constant")),
            .value("weight_decay", .number, .double(0), nonNegative),
        ]
        switch schedule {
        case "step":
            rules += [.value("step_every", .int, .int(30), positive), .value("step_factor", .number, .double(0.1), positive)]
        case "htd":
            rules += [.value("htd_lower", .number, .double(-6)), .value("htd_upper", .number, .double(3))]
        case "taso":
            rules += [.value("taso_alpha", .number, .double(25), positive), .value("taso_beta", .number, .double(0.7)),
                      .value("taso_per", .string(["epoch", "iteration"]), .string("epoch"))]
        default:
            break
        }
        switch optimizer {
        case "sgd":
            rules += [.required("lr", .number, positive), .value("momentum", .number, .double(0), unitInterval),
                      .value("nesterov", .bool, .bool(false))]
        case "adam":
            rules += [.value("lr", .number, .double(1e-3), positive), .value("beta1", .number, .double(0.9), unitInterval),
                      .value("beta2", .number, .double(0.999), unitInterval), .value("eps", .number, .double(1e-8), positive),
                      .value("amsgrad", .bool, .bool(false))]
        case "rmsprop":
            rules += [.value("lr", .number, .double(1e-2), positive), .value("alpha", .number, .double(0.99), unitInterval),
                      .value("eps", .number, .double(1e-8), positive), .value("centered", .bool, .bool(false)),
                      .value("momentum", .number, .double(0), unitInterval)]
        default:  // adagrad
            rules += [.value("lr", .number, .double(1e-2), positive),
                      .value("initial_accumulator", .number, .double(0), nonNegative),
                      .value("eps", .number, .double(1e-10), positive)]
        }
        return rules
    }

    /// Variant keys that only name or group a variant: they are kept out of cell configurations,
    /// so relabelling reruns nothing. `select` is replaced by the chosen values.
    static let presentationKeys: Set<String> = ["label", "group", "select"]
    /// Keys a `select` grid may not search.
    static let unselectable: Set<String> = ["name", "label", "group", "optimizer", "schedule"]

    static let selection: [KeyRule] = [
        .required("metric", .string([])),
        .value("over_epochs", .string(["best", "final"]), .string("best")),
        .value("seed", .int, .int(0)),
    ]

    static let figure: [KeyRule] = [
        .required("name", .string([])),
        .value("kind", .string(["lines", "bars", "heatmap"]), .string("lines")),
        .value("title", .string([]), .string("")),
        .value("x", .string(["step", "epoch"]), .string("epoch")),
        .required("y", .string([])),
        .value("log_x", .bool, .bool(false)),
        .value("log_y", .bool, .bool(false)),
        .value("variants", .strings([]), .array([])),
        .value("over_epochs", .string(["best", "final"]), .string("final")),
        .value("x_key", .string([]), .string("")),
        .value("y_key", .string([]), .string("")),
    ]

    static let claim: [KeyRule] = [
        .required("text", .string([])),
        .required("metric", .string([])),
        .value("over_epochs", .string(["best", "final"]), .string("final")),
        .required("subject", .string([])),
        .required("others", .strings([]), nonEmpty),
    ]

    /// The metrics a problem kind records per step and per epoch (figures may plot these).
    static func metrics(kind: String, x: String) -> [String] {
        if x == "step" { return ["train_loss", "learning_rate"] }
        return kind == "classification"
            ? ["train_loss", "learning_rate", "validation_loss", "validation_accuracy", "test_loss", "test_accuracy"]
            : ["train_loss", "learning_rate", "loss", "distance_to_minimum"]
    }
}
