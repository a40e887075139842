import RepriseConfig

/// One unit of work: a variant of an experiment with one seed. A cell is the unit of caching,
/// resume and parallelism: its hash is taken of its canonical configuration, so the same
/// configuration always maps to the same stored result.
public struct Cell: Sendable {
    public var experiment: String
    public var profile: String
    /// The variant's name; for a selection run, the name of the variant whose grid it belongs to.
    public var variant: String
    public var seed: Int
    /// Everything that determines the cell's stored data, and nothing else.
    public var config: ConfigValue
    /// SHA-256 of `config.canonicalJSON`.
    public var hash: String
    /// The cell's file, relative to the results folder.
    public var relativePath: String
    /// For a selection run, the grid point it trains (`lr=0.1,weight_decay=0`).
    public var gridPoint: String?
}

/// One point of a variant's selection grid: the searched keys' values.
public struct GridPoint: Sendable, Hashable {
    public var values: [String: ConfigValue]

    /// `lr=0.001,weight_decay=0`: keys in sorted order.
    public var label: String {
        values.keys.sorted().map { key in
            let v = values[key]!
            return "\(key)=\(v.string ?? v.canonicalJSON)"
        }.joined(separator: ",")
    }
}

extension ExperimentSpec {
    /// The searched keys on whose edge the grid point at `winner` of `variant`'s grid sits: numeric
    /// keys with at least three values where the winner holds the smallest or the largest, as
    /// `lr: the smallest of 5`. A winner on an edge says the optimum may lie outside the grid.
    public func gridEdges(of variant: [String: ConfigValue], winner: Int) -> [String] {
        let points = grid(of: variant)
        guard points.indices.contains(winner) else { return [] }
        return points[winner].values.keys.sorted().compactMap { key in
            let values = Set(points.compactMap { $0.values[key]?.number }).sorted()
            guard values.count >= 3, let chosen = points[winner].values[key]?.number else { return nil }
            if chosen == values.first { return "\(key): the smallest of \(values.count)" }
            if chosen == values.last { return "\(key): the largest of \(values.count)" }
            return nil
        }
    }

    /// The variant tables that go through the selection stage.
    public var selectedVariants: [[String: ConfigValue]] { variants.filter { $0["select"] != nil } }

    /// The final cells: every variant with every seed (confirmatory, then pilot), in spec order. A variant with a `select`
    /// grid takes its searched values from `winners[name]`; without a winner it has no cells yet.
    public func cells(winners: [String: GridPoint] = [:]) -> [Cell] {
        variants.flatMap { variant -> [Cell] in
            let name = variant["name"]?.string ?? ""
            var settings = variant
            if variant["select"] != nil {
                guard let winner = winners[name] else { return [] }
                settings.merge(winner.values) { _, chosen in chosen }
            }
            return allSeeds.map { seed in
                cell(variant: name, settings: settings, seed: seed, path: "\(name)--seed\(seed).h5")
            }
        }
    }

    /// The points of a variant's `select` grid, in a fixed order (keys sorted, values as written).
    public func grid(of variant: [String: ConfigValue]) -> [GridPoint] {
        guard let select = variant["select"]?.table else { return [] }
        var points = [GridPoint(values: [:])]
        for key in select.keys.sorted() {
            points = points.flatMap { p in
                (select[key]?.array ?? []).map { value in
                    var q = p
                    q.values[key] = value
                    return q
                }
            }
        }
        return points
    }

    /// The selection runs of a variant: one cell per grid point, with the selection seed.
    public func selectionCells(of variant: [String: ConfigValue]) -> [Cell] {
        guard let selection else { return [] }
        let name = variant["name"]?.string ?? ""
        return grid(of: variant).map { point in
            var settings = variant
            settings.merge(point.values) { _, searched in searched }
            var run = cell(variant: name, settings: settings, seed: selection.seed,
                           path: "selection/\(name)/\(point.label)--seed\(selection.seed).h5")
            run.gridPoint = point.label
            return run
        }
    }

    /// Where the scores and winner of a variant's selection are stored, relative to the results folder.
    public func selectionRecordPath(of variant: String) -> String { "\(name)/\(profile)/selection/\(variant).h5" }

    /// A cell's configuration: the problem and budget with the variant's overrides applied, the
    /// variant's remaining keys, the seed, and the revision of every component it uses. Its hash
    /// names the stored result: change any of these and the cell reruns; change none and it never does.
    private func cell(variant name: String, settings: [String: ConfigValue], seed: Int, path: String) -> Cell {
        var problem = self.problem, budget = self.budget, variant: [String: ConfigValue] = [:]
        for (key, value) in settings where !Schema.presentationKeys.contains(key) {
            switch overrides[key] {
            case "problem": problem[key] = value
            case "budget": budget[key] = value
            default: variant[key] = value
            }
        }
        let config = ConfigValue.table([
            "experiment": .string(self.name),
            "problem": .table(problem),
            "budget": .table(budget),
            "record": .table(record),
            "variant": .table(variant),
            "seed": .int(seed),
            "revisions": .table(revisions[name] ?? [:]),
        ])
        return Cell(experiment: self.name, profile: profile, variant: name, seed: seed, config: config,
                    hash: SHA256.hex(config.canonicalJSON), relativePath: "\(self.name)/\(profile)/\(path)")
    }

    /// The label a variant is shown under (its `label`, else its name) and its group ("" when none).
    public func label(of variant: String) -> String {
        variants.first { $0["name"]?.string == variant }?["label"]?.string ?? variant
    }

    public func group(of variant: String) -> String {
        variants.first { $0["name"]?.string == variant }?["group"]?.string ?? ""
    }
}

/// Picks the winner of a selection: the best score in the metric's direction (`goal`); ties go to
/// the earlier grid point, and non-finite scores (diverged runs) never win unless every score is.
public func selectWinner(_ scores: [Double], goal: MetricDescription.Goal) -> Int {
    var best = 0
    for (i, s) in scores.enumerated() where s.isFinite && (!scores[best].isFinite || goal.prefers(s, over: scores[best])) {
        best = i
    }
    return best
}

/// A metric's per-epoch series reduced to one number: `final` — its last value; `best` — its best
/// finite value after training began, in the metric's direction (`goal`; the row of epoch 0, before
/// any step, is left out). NaN when there is nothing to reduce, and for `best` of a metric without a
/// direction (validation refuses that).
public func reduceOverEpochs(_ series: [Double], _ how: String, goal: MetricDescription.Goal) -> Double {
    let trained = series.dropFirst()
    if how == "final" { return trained.last ?? .nan }
    let finite = trained.filter(\.isFinite)
    switch goal {
    case .minimize: return finite.min() ?? .nan
    case .maximize: return finite.max() ?? .nan
    case .none: return .nan
    }
}

extension MetricDescription.Goal {
    /// Whether `a` is strictly better than `b` (never, without a direction).
    public func prefers(_ a: Double, over b: Double) -> Bool {
        switch self {
        case .minimize: return a < b
        case .maximize: return a > b
        case .none: return false
        }
    }
}
