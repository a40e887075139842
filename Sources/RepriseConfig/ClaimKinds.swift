/// The kinds of claim a spec's `[[claims]]` table can state, as catalog components: each declares
/// its keys (validated like any component's) and says what it tests. `reprise describe` lists them;
/// the reports hold one evaluator per kind (`RepriseReports/ClaimEvaluation.swift`).
///
/// Keys every claim has (`text`, `kind`, `primary`) are in the spec schema; a kind's own keys are here.
public enum ClaimKinds {
    static let metric = KeyRule.required("metric", .string([]), nil, "the per-epoch metric compared")
    static let overEpochs = KeyRule.value("over_epochs", .string(["best", "final"]), .string("final"), nil,
                                          "how the metric is reduced over epochs")
    static let subject = KeyRule.required("subject", .string([]), nil, "the label of the variant the claim is about")
    static let others = KeyRule.required("others", .strings([]), .nonEmpty, "labels of the variants it is compared with")
    /// What a comparative claim does with a run that diverged (or whose reduced metric is not
    /// finite): drop it (the seed is missing from that arm), or rank it worst and test on ranks.
    static let diverged = KeyRule.value("diverged", .string(["drop", "rank"]), .string("drop"), nil,
        "a diverged run (or a non-finite metric): drop leaves the seed out of that arm, t-tests as stated; rank keeps it as the worst value (±∞ in the metric's direction) and tests on ranks: Wilcoxon's signed-rank over shared seeds, else Mann–Whitney's U (Page's L for a trend), the estimate Hodges–Lehmann's")
    static func margin(_ what: String) -> [KeyRule] {
        [.required("margin", .number, .positiveSane, "\(what), in the metric's units (below 1 for a fraction: a margin of the whole range holds whatever the arms do)"),
         .required("margin_why", .string([]), .oneLine, "why that margin (printed with the verdict), e.g. \"1 point of accuracy, the spread the paper reports between seeds\"")]
    }

    static func claim(_ name: String, summary: String, keys: [KeyRule],
                      constraints: @escaping @Sendable (Settings) -> [KeyProblem] = { _ in [] }) -> ComponentDescription {
        ComponentDescription(name: name, kind: .claim, summary: summary, keys: keys, constraints: constraints)
    }

    public static let superior = claim("superior", summary: "the subject is better than each other arm in the metric's direction: the 95 % interval of the difference lies above 0 (a tie never is); paired over shared seeds, else Welch",
                                                 keys: [metric, overEpochs, subject, others, diverged])
    public static let noninferior = claim("noninferior",
        summary: "the subject is no worse than each other arm by more than margin: the 95 % interval lies above −margin (\"similar\", \"competitive\")",
        keys: [metric, overEpochs, subject, others] + margin("how much worse still counts as no worse") + [diverged])
    public static let equivalent = claim("equivalent",
        summary: "the subject is within margin of each other arm both ways: two one-sided tests, the 90 % interval inside ±margin (\"≈\", \"the same\")",
        keys: [metric, overEpochs, subject, others] + margin("the largest difference either way that counts as the same") + [diverged])
    public static let ordering = claim("ordering",
        summary: "the arms rank as listed, best first: every earlier arm superior to every later one (all pairwise comparisons, each at 95 %)",
        keys: [metric, overEpochs, .required("order", .strings([]), maxOrder, "labels of the arms, best first"), diverged])
    /// An ordering tests every pair of its arms, n(n − 1)/2 comparisons each printed in the report:
    /// 20 arms (190 comparisons) is beyond any paper's ranking, and keeps `show` instant.
    static let maxOrder = Check("2 to 20 labels") { v in (2...20).contains(v.array?.count ?? 0) }
    public static let published = claim("published",
        summary: "a number the paper reports, placed in Reprise's distribution over seeds: its percentile rank with a bootstrap 95 % interval; reproduced when it lies in the central 95 %. Needs ≥ 40 seeds (≥ 200 for problems without minibatches, whose cells cost milliseconds)",
        keys: [metric, overEpochs, subject,
               .required("value", .number, .sane, "the paper's number, in the metric's units (in [0, 1] for a fraction)"),
               .required("source", .string([]), .oneLine, "where the paper reports it (table, figure, page)")])
    public static let proportion = claim("proportion",
        summary: "the rate of an event over seeds (or over starts) is at least or at most a value: the 95 % Wilson interval lies above or below it",
        keys: [.required("metric", .string([]), nil, "the per-epoch metric (per = seed) or stored per-start tensor (per = start) that defines the event"),
               overEpochs, subject,
               .value("per", .string(["seed", "start"]), .string("seed"), nil, "the unit counted: a seed (the metric reduced over epochs) or a start of a multistart problem (a per-start tensor)"),
               .optional("below", .number, nil, "the event: the value is below this"),
               .optional("above", .number, nil, "the event: the value is above this"),
               .optional("at_least", .number, .between(0, 1), "the claim: the event's rate is at least this"),
               .optional("at_most", .number, .between(0, 1), "the claim: the event's rate is at most this")],
        constraints: { s in
            var problems: [KeyProblem] = []
            if s.has("below") == s.has("above") { problems.append(KeyProblem("below", "give exactly one of below and above (the event)")) }
            if s.has("at_least") == s.has("at_most") { problems.append(KeyProblem("at_least", "give exactly one of at_least and at_most (the claimed rate)")) }
            return problems
        })
    public static let spread = claim("spread", summary: "the subject's seed-to-seed spread is smaller than each other arm's (\"more stable\"): Brown–Forsythe's test on absolute deviations from each arm's median, at 5 %",
                                                 keys: [metric, overEpochs, subject, others])
    public static let trend = claim("trend",
        summary: "the metric rises (or falls) along an ordered variant key within each group: Page's L test across arms, seeds as blocks, at 5 %",
        keys: [metric, overEpochs,
               .required("axis", .string([]), nil, "the numeric variant key that orders the arms (e.g. rho)"),
               .required("direction", .string(["increasing", "decreasing"]), nil, "how the metric's value moves as the key grows"), diverged])
    public static let threshold = claim("threshold",
        summary: "a regime change at a declared value of a numeric variant key: per seed, the mean of the group's arms with the key at or above `at` minus the mean of those below, in the metric's better direction, is claimed worse (or better) above; a paired t-test over seeds at 95 % (diverged = \"rank\": Wilcoxon's signed-rank on those contrasts)",
        keys: [metric, overEpochs,
               .required("axis", .string([]), nil, "the numeric variant key whose value splits the arms (e.g. rho)"),
               .required("at", .number, .sane, "the value of the key where the regime changes: arms at or above it against arms below it"),
               .required("direction", .string(["worse_above", "better_above"]), nil, "whether the arms at or above `at` are worse or better, in the metric's direction"),
               diverged])
    public static let range = claim("range",
        summary: "every listed arm (a grid) is within band of the best arm (robustness): each non-inferior to the best by band at 95 %",
        keys: [metric, overEpochs,
               .optional("arms", .strings([]), .count(atLeast: 2), "labels of the grid's arms; absent: every arm of the claim's group (all the experiment's arms without groups)"),
               .required("band", .number, .positiveSane, "how far below the best still counts as within range, in the metric's units (below 1 for a fraction)"),
               .required("band_why", .string([]), .oneLine, "why that band"), diverged])
    public static let cost = claim("cost",
        summary: "the subject's stored cost relative to each other arm's is at most (or at least) a ratio: the 95 % interval of the ratio of means (paired log ratio over shared seeds) lies below (above) it; wall-clock is machine-dependent, counted bytes are not",
        keys: [subject, others,
               .value("measure", .string(["step_seconds", "memory_bytes", "buffer_bytes"]), .string("step_seconds"), nil,
                      "the stored cost: step_seconds (mean wall-clock seconds per training step, machine-dependent), memory_bytes (the bytes a step holds, counted: the network's buffers, parameters and gradient, the optimizer's state) or buffer_bytes (the network's per-batch buffers alone: the curvature paper's M)"),
               .optional("at_most", .number, .positive, "the claim: subject / other is at most this"),
               .optional("at_least", .number, .positive, "the claim: subject / other is at least this")],
        constraints: { s in
            s.has("at_least") == s.has("at_most") ? [KeyProblem("at_most", "give exactly one of at_most and at_least (the claimed ratio)")] : []
        })

    public static let costTrend = claim("cost_trend",
        summary: "the subject's cost relative to another arm falls (or rises) across the claim's groups in the order `groups` lists them (e.g. widths 100, 400, 1600): Page's L test on the per-seed log ratios, seeds as blocks, two-sided 5 % (\"the overhead vanishes as the layers widen\")",
        keys: [subject,
               .required("others", .strings([]), .count(atLeast: 1), "the one arm the subject's cost is divided by, in every group"),
               .value("measure", .string(["step_seconds", "memory_bytes", "buffer_bytes"]), .string("step_seconds"), nil,
                      "the stored cost, as for a cost claim: step_seconds (machine-dependent), memory_bytes or buffer_bytes (counted)"),
               .required("direction", .string(["falls", "rises"]), nil, "how the ratio moves along the groups, in their listed order")],
        constraints: { s in
            s.strings("others").count > 1 ? [KeyProblem("others", "a cost trend divides by one arm; give one label")] : []
        })

    public static let all = [superior, noninferior, equivalent, ordering, published, proportion, spread, trend, threshold, range, cost, costTrend]
    /// Kinds whose verdict needs the metric's better direction (a trend needs it only to rank a
    /// diverged run worst: `diverged = "rank"`).
    public static let directional: Set<String> = ["superior", "noninferior", "equivalent", "ordering", "range", "threshold"]
}
