import Foundation
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
    /// What the runner builds, typed: the problem's settings (its `kind` names the problem), the
    /// chain and schedule with the variant's settings, and the budget.
    public var problem: [String: ConfigValue]
    public var chain: [String]
    public var schedule: String
    public var settings: [String: ConfigValue]
    public var budget: Budget
}

/// Which edge of a searched axis: its smallest value or its largest.
public enum GridSide: Sendable { case low, high }

/// One point of a variant's selection grid: the searched keys' values.
public struct GridPoint: Sendable, Hashable {
    public var values: [String: ConfigValue]

    public init(values: [String: ConfigValue]) { self.values = values }

    /// The point a selection record stores as canonical JSON, each value typed by its key's rule
    /// (`rules`: a variant's search rules); nil when the text is not such a point. Decoded by
    /// `JSONDecoder`, whose numbers round-trip exactly (`JSONSerialization` on Linux can move a
    /// double by an ulp, and the point's cells would then hash differently).
    public init?(json: String, rules: [String: KeyRule]) {
        enum Scalar: Decodable {
            case bool(Bool), number(Double), string(String)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let b = try? c.decode(Bool.self) { self = .bool(b) }
                else if let x = try? c.decode(Double.self) { self = .number(x) }
                else { self = .string(try c.decode(String.self)) }
            }
        }
        guard let object = try? JSONDecoder().decode([String: Scalar].self, from: Data(json.utf8)) else { return nil }
        var values: [String: ConfigValue] = [:]
        for (key, raw) in object {
            switch raw {
            case .bool(let b): values[key] = .bool(b)
            case .string(let text): values[key] = .string(text)
            case .number(let x):
                if case .int? = rules[key]?.kind, let i = Int(exactly: x) { values[key] = .int(i) } else { values[key] = .double(x) }
            }
        }
        self.values = values
    }

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
    public func gridEdges(of variant: Variant, winner: Int) -> [String] {
        edgeSides(of: variant, winner: winner).map { key, side, count in "\(key): the \(side == .low ? "smallest" : "largest") of \(count)" }
    }

    /// The searched keys on whose edge the winner sits, with the side and the number of values.
    public func edgeSides(of variant: Variant, winner: Int) -> [(key: String, side: GridSide, values: Int)] {
        let points = grid(of: variant)
        guard points.indices.contains(winner) else { return [] }
        return points[winner].values.keys.sorted().compactMap { key in
            let values = Set(points.compactMap { $0.values[key]?.number }).sorted()
            guard values.count >= 3, let chosen = points[winner].values[key]?.number else { return nil }
            if chosen == values.first { return (key, .low, values.count) }
            if chosen == values.last { return (key, .high, values.count) }
            return nil
        }
    }

    /// The variant tables that go through the selection stage.
    public var selectedVariants: [Variant] { variants.filter(\.isSelected) }

    /// The final cells: every variant with every seed (confirmatory, then pilot), in spec order. A variant with a `select`
    /// grid takes its searched values from `winners[name]`; without a winner it has no cells yet.
    public func cells(winners: [String: GridPoint] = [:]) -> [Cell] {
        variants.flatMap { variant -> [Cell] in
            let name = variant.name
            var settings = variant.settings
            if variant.isSelected {
                guard let winner = winners[name] else { return [] }
                settings.merge(winner.values) { _, chosen in chosen }
            }
            return allSeeds.map { seed in
                cell(variant, settings: settings, seed: seed, path: "\(name)--seed\(seed).h5")
            }
        }
    }

    /// The points of a variant's `select` grid, in a fixed order (keys sorted, values as written).
    public func grid(of variant: Variant) -> [GridPoint] {
        guard let select = variant.search else { return [] }
        var points = [GridPoint(values: [:])]
        for key in select.keys.sorted() {
            points = points.flatMap { p in
                (select[key] ?? []).map { value in
                    var q = p
                    q.values[key] = value
                    return q
                }
            }
        }
        return points
    }

    /// The selection runs of a variant: one cell per grid point and selection seed, point-major.
    public func selectionCells(of variant: Variant) -> [Cell] {
        selectionCells(of: variant, points: grid(of: variant))
    }

    /// The selection runs of `points` (grid points, or points beyond the grid) of a variant.
    public func selectionCells(of variant: Variant, points: [GridPoint]) -> [Cell] {
        guard let selection else { return [] }
        let name = variant.name
        return points.flatMap { point in
            selection.seeds.map { seed in
                var settings = variant.settings
                settings.merge(point.values) { _, searched in searched }
                var run = cell(variant, settings: settings, seed: seed, path: "selection/\(name)/\(point.label)--seed\(seed).h5")
                run.gridPoint = point.label
                return run
            }
        }
    }

    /// The point one step beyond `point` along `key`, outward on the `side` where it sits on the
    /// edge of the variant's grid: by the grid's own step there — the ratio of the edge value to its
    /// neighbour when every value is positive and the grid is spaced more evenly in ratio than in
    /// difference, else their difference. Nil when the value would break the key's range.
    public func stepBeyond(_ point: GridPoint, key: String, of variant: Variant, side: GridSide) -> GridPoint? {
        let values = Set(grid(of: variant).compactMap { $0.values[key]?.number }).sorted()
        guard values.count >= 2, let x = point.values[key]?.number else { return nil }
        let (edge, neighbour) = side == .low ? (values[0], values[1]) : (values[values.count - 1], values[values.count - 2])
        let ratios = zip(values.dropFirst(), values).map { $0 / $1 }, differences = zip(values.dropFirst(), values).map { $0 - $1 }
        func spread(_ v: [Double]) -> Double {
            let m = v.reduce(0, +) / Double(v.count)
            return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count)).squareRoot() / abs(m)
        }
        let geometric = values.allSatisfy { $0 > 0 } && spread(ratios) <= spread(differences)
        let next = geometric ? x * (edge / neighbour) : x + (edge - neighbour)
        guard let original = point.values[key] else { return nil }
        // Int(exactly:): a whole value past Int's range (a geometric step off an integer key's edge) is no trap.
        let value: ConfigValue = original.int != nil && next == next.rounded() ? Int(exactly: next).map { .int($0) } ?? .double(next) : .double(next)
        guard next.isFinite, next != x, searchRules[variant.name]?[key]?.problem(with: value) == nil else { return nil }
        var out = point
        out.values[key] = value
        return out
    }

    /// What names a variant's extended grid: its record `selection/VARIANT+extended.h5` and its final
    /// cells `VARIANT+extended--seedS.h5` (whose `variant` attribute is VARIANT).
    public static let extendedSuffix = "+extended"

    /// Where the selection with grid extensions of a variant is stored (beside the declared one).
    public func extendedSelectionRecordPath(of variant: String) -> String { "\(name)/\(profile)/selection/\(variant)\(Self.extendedSuffix).h5" }

    /// The final cells of a variant rerun at the winner of its extended grid, when that differs from
    /// the declared grid's: every seed, stored as `VARIANT+extended--seedS.h5`.
    public func extendedCells(of variant: Variant, winner: GridPoint) -> [Cell] {
        var settings = variant.settings
        settings.merge(winner.values) { _, chosen in chosen }
        return allSeeds.map { seed in cell(variant, settings: settings, seed: seed, path: "\(variant.name)\(Self.extendedSuffix)--seed\(seed).h5") }
    }

    /// Where the scores and winner of a variant's selection are stored, relative to the results folder.
    public func selectionRecordPath(of variant: String) -> String { "\(name)/\(profile)/selection/\(variant).h5" }

    /// A cell's configuration: the problem and budget with the variant's overrides applied, the
    /// variant's remaining keys, the seed, and the revision of every component it uses. Its hash
    /// names the stored result: change any of these and the cell reruns; change none and it never does.
    private func cell(_ of: Variant, settings: [String: ConfigValue], seed: Int, path: String) -> Cell {
        let name = of.name
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
                    hash: SHA256.hex(config.canonicalJSON), relativePath: "\(self.name)/\(profile)/\(path)",
                    problem: problem, chain: of.chain, schedule: of.schedule, settings: variant, budget: Budget(budget))
    }

    /// The label a variant is shown under (its `label`, else its name) and its group ("" when none).
    public func label(of variant: String) -> String {
        variants.first { $0.name == variant }?.label ?? variant
    }

    public func group(of variant: String) -> String {
        variants.first { $0.name == variant }?.group ?? ""
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

/// How a per-epoch series becomes one number (`over_epochs`): its last value, or its best.
public enum EpochReduction: String, Sendable, Hashable, CustomStringConvertible {
    case best, final
    public var description: String { rawValue }
}

/// A metric's per-epoch series reduced to one number: `final` — its last value; `best` — its best
/// finite value after training began, in the metric's direction (`goal`; the row of epoch 0, before
/// any step, is left out). NaN when there is nothing to reduce, and for `best` of a metric without a
/// direction (validation refuses that).
public func reduceOverEpochs(_ series: [Double], _ how: EpochReduction, goal: MetricDescription.Goal) -> Double {
    let trained = series.dropFirst()
    if how == .final { return trained.last ?? .nan }
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
