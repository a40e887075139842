import RepriseConfig

/// The keys of a spec's own tables (header, budget, record, selection, figures, claims) and of a
/// variant's bookkeeping. The keys of optimizers, schedules, problems and datasets are not here:
/// each component declares its own in the catalog, and validation reads them from there.
enum Schema {
    static let topLevel = ["name", "title", "paper", "description", "substitutions", "paper_numbers", "published", "scope", "seeds", "pilot_seeds", "problem",
                           "budget", "record", "checkpoint", "variants", "selection", "profiles", "figures", "claims"]
    /// What a profile may override; `variants` is a table of overrides by variant name.
    static let profileKeys = ["seeds", "pilot_seeds", "budget", "problem", "record", "checkpoint", "selection", "variants"]

    static let header: [KeyRule] = [
        .required("name", .string([]), nil, "the experiment's name, equal to the file name"),
        .required("title", .string([]), .oneLine, "one line shown in listings and reports"),
        .required("paper", .string([]), .oneLine, "the paper reproduced"),
        .value("description", .string([]), .string(""), nil, "what the experiment shows"),
        .value("substitutions", .strings([]), .array([]), nil, "what Reprise runs instead of what the paper ran"),
        .value("paper_numbers", .strings([]), .array([]), nil, "the paper's reported numbers in words (numbers as data go in [[published]])"),
        .value("scope", .string(["reproduction", "reconstruction", "beyond the paper"]), .string("reproduction"), nil,
               "what the experiment is to its paper: a reproduction, a reconstruction (no code or full text exists) or beyond the paper (a setting it did not run); figure titles say so"),
        .required("seeds", .ints, Check("1 to 1000 seeds in [0, 2⁶²]") { v in
            guard let a = v.array, !a.isEmpty, a.count <= 1000 else { return false }
            return a.allSatisfy { ($0.int ?? -1) >= 0 && ($0.int ?? 0) <= 1 << 62 }
        }, "the seeds every variant runs with: the confirmatory seeds that tables, figures and verdicts read"),
        .value("pilot_seeds", .ints, .array([]), Check("0 to 1000 seeds in [0, 2⁶²]") { v in
            guard let a = v.array, a.count <= 1000 else { return false }
            return a.allSatisfy { ($0.int ?? -1) >= 0 && ($0.int ?? 0) <= 1 << 62 }
        }, "seeds every variant also runs, apart from the confirmatory ones: their spread gives the power line of an INCONCLUSIVE verdict (the difference the design can detect); never in a verdict, table or figure"),
    ]

    static let budget: [KeyRule] = [
        .optional("epochs", .int, .between(1, 1e6), "passes over the training set (or steps, for problems without batches)"),
        .optional("steps", .int, .between(1, 1e9), "optimisation steps"),
        .optional("batch_size", .int, .between(1, 1e6), "examples per minibatch"),
    ]
    static let budgetKeys = Set(budget.map(\.name))

    static let record: [KeyRule] = [
        .value("every_steps", .int, .int(10), .between(1, 1e9), "steps averaged into one row of /steps"),
        .value("tensors", .strings([]), .array([]), nil, "tensors to store at the end (the problem lists which it has)"),
    ]

    /// When a long cell writes a checkpoint (`CheckpointPolicy`). Not part of any cell's
    /// configuration: checkpoints change no stored number, so changing them reruns nothing.
    static let checkpoint: [KeyRule] = [
        .optional("every_steps", .int, .between(1, 1e9), "write a checkpoint every this many steps of a cell"),
        .value("minutes", .number, .double(CheckpointPolicy.defaultMinutes), .between(0.01, 1e6),
               "write a checkpoint when this many minutes of a cell's training have passed since the last"),
    ]

    /// A variant's own keys; the keys of its optimizer or chain, its schedule and any problem or
    /// budget key it overrides join them.
    static let variantMeta: [KeyRule] = [
        .required("name", .string([]), nil, "the variant's name (names result files)"),
        .optional("label", .string([]), nil, "how reports show the variant"),
        .optional("group", .string([]), nil, "bars and claims compare variants within a group"),
        .optional("optimizer", .string([]), nil, "one optimizer or transformation by name"),
        .optional("chain", .strings([]), .nonEmpty, "transformations applied in order, e.g. [\"sgd\", \"…\"]"),
        .value("schedule", .string([]), .string("constant"), nil, "the learning-rate schedule"),
    ]
    /// Keys that choose components or name a variant: never grids, never searched.
    static let structural: Set<String> = ["name", "label", "group", "optimizer", "chain", "schedule"]
    /// Problem keys a variant may not override: they choose the problem's components.
    static let fixedProblemKeys: Set<String> = ["kind", "dataset"]

    /// Variant keys that only name or group a variant: they are kept out of cell configurations,
    /// so relabelling reruns nothing. `select` is replaced by the chosen values.
    static let presentationKeys: Set<String> = ["label", "group", "select"]

    static let selection: [KeyRule] = [
        .required("metric", .string([]), nil, "the per-epoch metric maximised"),
        .value("over_epochs", .string(["best", "final"]), .string("best"), nil, "how the metric is reduced over epochs"),
        .value("seed", .int, .int(0), .between(0, 4.6e18), "the seed of the selection runs (when seeds is not given)"),
        .optional("seeds", .ints, Check("2 to 20 seeds in [0, 2⁶²]") { v in
            guard let a = v.array, a.count >= 2, a.count <= 20 else { return false }
            return a.allSatisfy { ($0.int ?? -1) >= 0 && ($0.int ?? 0) <= 1 << 62 }
        }, "select on the metric averaged over these seeds, one run of each per grid point (replaces seed)"),
        .optional("points", .int, .between(1, 1e5), "every selected variant searches exactly this many grid points: equal tuning budgets, declared up front"),
        .value("extend_steps", .int, .int(3), .between(0, 20),
               "a winner on the edge of a numeric grid (≥ 3 values) is followed beyond it by the grid's own step, at most this many points, until a point does not improve; the report shows verdicts on the declared grid and with the extension (0: never extend)"),
    ]

    static let figure: [KeyRule] = [
        .required("name", .string([]), nil, "file name of the figure"),
        .value("kind", .string(FigureSpec.Kind.allCases.map(\.rawValue)), .string("lines"), nil,
               "what is drawn: lines over steps or epochs, bars (drawn as dots when bars would hide the claimed effect), dots (every seed's value, paired by seed), a heat map, per-start final values sorted, trajectories over contours, the selection score against a searched value (x_key) per selected variant, or a sweep: y reduced over epochs against a numeric variant key (x_key), one line per group"),
        .value("title", .string([]), .string(""), nil, "the figure's title; {every_steps} stands for the profile's recording interval"),
        .value("x", .string(["step", "epoch", "time"]), .string("epoch"), nil,
               "the x axis of lines (time: the training steps' cumulative wall-clock seconds, machine-dependent)"),
        .required("y", .string([]), nil, "a stored metric or diagnostic"),
        .value("log_x", .bool, .bool(false), nil, "logarithmic x axis"),
        .optional("log_y", .bool, nil, "logarithmic y axis (heat maps: colour scale); absent: logarithmic when the positive values span more than two decades"),
        .value("variants", .strings([]), .array([]), nil, "the variants drawn (default: all)"),
        .value("over_epochs", .string(["best", "final"]), .string("final"), nil, "reduction of bars, dots and heat maps"),
        .value("x_key", .string([]), .string(""), nil, "heat map and sweep: the variant key across; selection: the searched key across (default: the first searched)"),
        .value("y_key", .string([]), .string(""), nil, "heat map: the variant key up"),
        .value("marks", .numbers, .array([]), nil, "sweep: x values drawn as labelled vertical lines (a threshold such as rho = 2)"),
        .value("absent", .string([]), .string(""), nil,
               "heat map: the label of a last column and row, beyond the largest value, holding the variants without that key (empty: such variants are left out)"),
    ]

    /// A number the paper reports (`[[published]]`).
    static let published: [KeyRule] = [
        .required("value", .number, .sane, "the paper's number, in the metric's units (in [0, 1] for a fraction)"),
        .required("metric", .string([]), nil, "the per-epoch metric (or stored per-start tensor) it measures"),
        .value("over_epochs", .string(["best", "final"]), .string("final"), nil, "how the paper reduces the metric over epochs"),
        .optional("label", .string([]), nil, "the variant label it belongs to (absent: the experiment as a whole)"),
        .optional("group", .string([]), nil, "the variant group it belongs to, with label (absent: any)"),
        .required("setting", .string([]), .oneLine, "the paper's setting (dataset, model, budget)"),
        .required("source", .string([]), .oneLine, "where the paper reports it (table, figure, page)"),
        .required("comparable", .bool, nil, "whether Reprise's setting can be compared with the paper's"),
        .required("why", .string([]), .oneLine, "why it is (or is not) comparable"),
        .optional("discussion", .string([]), .oneLine, "printed when the number is not reproduced: what differs in the setting, what the spread says, whether a mistranscription is possible"),
    ]

    /// The keys every claim has; its kind (a catalog component, `ClaimKinds`) adds its own.
    static let claim: [KeyRule] = [
        .required("text", .string([]), .oneLine, "the paper's claim in words, one line"),
        .value("kind", .string([]), .string("superior"), nil, "the claim kind (reprise describe NAME shows its keys): superior, noninferior, equivalent, ordering, published, proportion, spread, trend, threshold, range, cost"),
        .value("primary", .bool, .bool(false), nil, "a headline claim of the paper (at most three per paper): adjusted with its other primary claims (Holm); else exploratory"),
        .optional("group", .string([]), nil, "the one variant group the claim's statement is about"),
        .optional("groups", .strings([]), .nonEmpty, "the variant groups the statement names: it holds only if it holds in each (intersection–union)"),
        .value("every_group", .bool, .bool(false), nil, "the statement is about every group holding its arms (\"in every setting\"): it holds only if it holds in each"),
        .optional("stated", .string([]), Check("a commit (7 to 40 hexadecimal digits) or \"PENDING\"") { v in
            guard let s = v.string else { return false }
            return s == ClaimHistory.pending || (7...40).contains(s.count) && s.allSatisfy(\.isHexDigit)
        }, "the commit in which the claim was first stated (PENDING until the commit that states it is made; ClaimHistoryTests checks it against git)"),
        .optional("stated_after_results", .bool, nil, "whether results of this experiment had been committed when the claim was stated"),
        .optional("note", .string([]), .oneLine, "what a reader must know beside the verdict (e.g. a group where the test cannot show what the paper means), printed with it"),
        .optional("withdrawn", .string([]), .oneLine, "why the claim is withdrawn (Reprise's, not the paper's): still printed with its verdict, apart, never counted or adjusted"),
    ]
    /// A `[[claims.revisions]]` table: one change to a claim after it was stated.
    static let claimChange: [KeyRule] = [
        .required("commit", .string([]), Check("a commit (7 to 40 hexadecimal digits) or \"PENDING\"") { v in
            guard let s = v.string else { return false }
            return s == ClaimHistory.pending || (7...40).contains(s.count) && s.allSatisfy(\.isHexDigit)
        }, "the commit that made the change"),
        .required("reason", .string([]), .oneLine, "why, in one line"),
        .value("kind", .string(ClaimHistory.Change.Kind.allCases.map(\.rawValue)), .string("revision"), nil,
               "revision: the statement or its test changed; correction: code or scope fixed to match the unchanged statement; wording: reworded, the test unchanged"),
    ]

    /// What every cell records per epoch before its problem's metrics, and per step before its
    /// components' diagnostics.
    static let epochColumns = ["train_loss", "learning_rate"]
    static let stepColumns = ["train_loss"]
    /// The goals of those columns.
    static let columnMetrics: [MetricDescription] = [.minimize("train_loss", label: "training loss"),
                                                     .neutral("learning_rate", label: "learning rate")]
}
