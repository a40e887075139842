import Foundation
import RepriseExperiments
import RepriseStore

/// The stored results of one experiment and profile, read from the HDF5 store only.
public struct StoredResults {
    public let spec: ExperimentSpec
    /// Records of the spec's final cells that are stored with the spec's current configuration hash.
    public let records: [CellRecord]
    /// The cells of `records`, in the same order.
    public let storedCells: [Cell]
    /// The stored selection of each selected variant whose grid matches the spec, by variant name.
    public let selections: [String: SelectionRecord]
    /// Human-readable notes: missing, stale or unreadable cells.
    public let notes: [String]
    /// Every final cell the spec plans, given the stored selections (stored or not).
    public let plannedCells: [Cell]
    /// Variants with a select grid whose selection is not stored or does not match the spec (their
    /// final cells cannot be planned).
    public let unselected: [String]
    /// Selected variants whose winner sat on a grid edge: the selection with the grid extended
    /// beyond it, by variant name (`Runner.extend`).
    public let extendedSelections: [String: SelectionRecord]
    /// The stored final cells of variants whose extended winner differs from the declared one.
    public let extendedRecords: [String: [CellRecord]]
    /// The per-seed scores of each stored selection's declared grid, read from its selection runs,
    /// by variant name (`SelectionDiagnostics` reads them); absent where a run cannot be read.
    public let selectionSeedScores: [String: SelectionSeedScores]

    public init(spec: ExperimentSpec, resultsDirectory: String) {
        self.spec = spec
        var records: [CellRecord] = [], notes: [String] = []
        let (selections, winners, selectionNotes) = Self.selections(spec, resultsDirectory)
        self.selections = selections
        notes += selectionNotes
        var missing = 0
        var storedCells: [Cell] = []
        let cells = spec.cells(winners: winners)
        plannedCells = cells
        unselected = spec.selectedVariants.map(\.name).filter { selections[$0] == nil }
        for cell in cells {
            let path = "\(resultsDirectory)/\(cell.relativePath)"
            guard FileManager.default.fileExists(atPath: path) else { missing += 1; continue }
            do {
                let record = try ResultStore.read(path)
                if record.string("config_hash") == cell.hash {
                    records.append(record)
                    storedCells.append(cell)
                } else {
                    notes.append("\(cell.relativePath) was run with another configuration (the spec changed since); rerun it with `reprise run \(spec.name)`")
                }
            } catch {
                notes.append("\(error)")
            }
        }
        if missing > 0 {
            notes.append("\(missing) of \(cells.count) cells of \(spec.name) [\(spec.profile)] are not stored yet; run `reprise run \(spec.name)\(spec.profile == "default" ? "" : " --profile \(spec.profile)")`")
        }
        self.records = records
        index = Self.index(spec, records)
        self.storedCells = storedCells
        (extendedSelections, extendedRecords) = Self.extensions(spec, resultsDirectory, declared: selections)
        var seedScores: [String: SelectionSeedScores] = [:]
        for variant in spec.selectedVariants {
            guard let record = selections[variant.name] else { continue }
            switch SelectionSeedScores.read(spec, variant: variant, record: record, directory: resultsDirectory) {
            case .success(let scores): seedScores[variant.name] = scores
            case .failure(let note): notes.append(note.description)
            }
        }
        selectionSeedScores = seedScores
        self.notes = notes
    }

    /// The extended selections whose declared part is the stored declared selection, and the final
    /// cells of each extended winner that differs, stored with the configuration the spec gives now.
    private static func extensions(_ spec: ExperimentSpec, _ directory: String, declared: [String: SelectionRecord])
        -> ([String: SelectionRecord], [String: [CellRecord]]) {
        var selections: [String: SelectionRecord] = [:], records: [String: [CellRecord]] = [:]
        for variant in spec.selectedVariants {
            let name = variant.name
            guard let base = declared[name],
                  let record = try? SelectionRecord.read("\(directory)/\(spec.extendedSelectionRecordPath(of: name))"),
                  record.hashes.starts(with: base.hashes), record.points.indices.contains(record.winner) else { continue }
            selections[name] = record
            guard record.winner != base.winner, let point = GridPoint(json: record.points[record.winner], rules: spec.searchRules[name] ?? [:])
            else { continue }
            let cells = spec.extendedCells(of: variant, winner: point)
            let stored = cells.compactMap { cell -> CellRecord? in
                guard let r = try? ResultStore.read("\(directory)/\(cell.relativePath)"), r.string("config_hash") == cell.hash else { return nil }
                return r
            }
            if !stored.isEmpty { records[name] = stored }
        }
        return (selections, records)
    }

    /// The same results with every variant whose extended grid chose another winner read from its
    /// extended cells: what the verdicts "with grid extensions" are computed on. Nil when no
    /// extension changed a winner.
    public var withExtensions: StoredResults? {
        guard !extendedRecords.isEmpty else { return nil }
        let kept = records.filter { extendedRecords[$0.string("variant") ?? ""] == nil }
        return StoredResults(spec: spec, records: kept + extendedRecords.values.flatMap { $0 }, selections: selections,
                             selectionSeedScores: selectionSeedScores)
    }

    /// Results held in memory (tests of the reports): `records` as if read from the store.
    init(spec: ExperimentSpec, records: [CellRecord], selections: [String: SelectionRecord] = [:],
         extendedSelections: [String: SelectionRecord] = [:], extendedRecords: [String: [CellRecord]] = [:],
         selectionSeedScores: [String: SelectionSeedScores] = [:]) {
        self.spec = spec
        self.records = records
        index = Self.index(spec, records)
        storedCells = []
        self.selections = selections
        notes = []
        plannedCells = []
        unselected = []
        self.extendedSelections = extendedSelections
        self.extendedRecords = extendedRecords
        self.selectionSeedScores = selectionSeedScores
    }

    /// Variants in spec order with their stored records of the confirmatory seeds (`seeds`): what
    /// tables, figures and verdicts show. Pilot seeds are read only by the power line.
    /// The commits whose cells were made from a tree with uncommitted changes (`git_dirty` 1).
    public var dirtyCommits: [String] {
        Set(records.filter { $0.int("git_dirty") == 1 }.map { $0.string("git_commit") ?? "unknown" }).sorted()
    }

    /// The commits of the runs, each marked "(dirty)" when some of its cells were made from
    /// uncommitted changes: what tables and summaries name as the results' source.
    public var commitLabels: [String] {
        let dirty = Set(dirtyCommits)
        return Set(records.compactMap { $0.string("git_commit") }).sorted().map { dirty.contains($0) ? "\($0) (dirty)" : $0 }
    }

    public var byVariant: [(variant: String, records: [CellRecord])] {
        let seeds = Set(spec.seeds)
        return allByVariant.compactMap { v in
            let rs = v.records.filter { seeds.contains($0.int("seed") ?? -1) }
            return rs.isEmpty ? nil : (v.variant, rs)
        }
    }

    /// Variants in spec order with every stored record, pilot seeds included.
    var allByVariant: [(variant: String, records: [CellRecord])] { index.byVariant }
    /// Each arm's records by its group and label (the first variant shown so): what a claim reads.
    func records(label: String, group: String) -> [CellRecord]? { index.byArm[ArmKey(label: label, group: group)] }

    private struct ArmKey: Hashable { var label: String, group: String }
    private struct Index {
        var byVariant: [(variant: String, records: [CellRecord])] = []
        var byArm: [ArmKey: [CellRecord]] = [:]
    }
    /// Records grouped once, in O(records + variants): claims read them arm by arm, and a scan per
    /// arm made an ordering of 1,000 labels take minutes.
    private let index: Index

    private static func index(_ spec: ExperimentSpec, _ records: [CellRecord]) -> Index {
        let byName = Dictionary(grouping: records) { $0.string("variant") ?? "" }
        var out = Index()
        for v in spec.variants {
            guard let rs = byName[v.name] else { continue }
            out.byVariant.append((v.name, rs))
            let key = ArmKey(label: v.label, group: v.group)
            if out.byArm[key] == nil { out.byArm[key] = rs }
        }
        return out
    }

    /// The stored selections whose grid runs are those the spec asks for now, and their winners.
    private static func selections(_ spec: ExperimentSpec, _ directory: String)
        -> ([String: SelectionRecord], [String: GridPoint], [String]) {
        var records: [String: SelectionRecord] = [:], winners: [String: GridPoint] = [:], notes: [String] = []
        for variant in spec.selectedVariants {
            let name = variant.name
            let path = "\(directory)/\(spec.selectionRecordPath(of: name))"
            let rerun = "`reprise run \(spec.name)\(spec.profile == "default" ? "" : " --profile \(spec.profile)")`"
            guard FileManager.default.fileExists(atPath: path) else {
                notes.append("the selection of \(name) is not stored; run \(rerun)")
                continue
            }
            let record: SelectionRecord
            do {
                record = try SelectionRecord.read(path)
            } catch let error as StoreError where error.isNotAFile {
                notes.append("\(error)")
                continue
            } catch {
                notes.append("the selection record of \(name) cannot be used (\(error)); \(rerun) keeps it aside and makes it again")
                continue
            }
            guard record.hashes == spec.selectionCells(of: variant).map(\.hash) else {
                notes.append("the stored selection of \(name) was made on another grid or configuration; rerun `reprise run \(spec.name)`")
                continue
            }
            let grid = spec.grid(of: variant)
            guard grid.indices.contains(record.winner), record.scores.count == grid.count else {
                notes.append("the stored selection of \(name) names a winner outside its grid (damaged file); rerun `reprise run \(spec.name) --force --only \(name)`")
                continue
            }
            records[name] = record
            winners[name] = grid[record.winner]
        }
        return (records, winners, notes)
    }

    /// Cells stored with the current configuration hash, and cells planned (for `reprise list`):
    /// selection runs and final cells; the final cells of a selection not yet made count as planned.
    /// `notFiles` names what stands where a cell or selection record goes and is no file (never read).
    public static func storedCount(spec: ExperimentSpec, resultsDirectory: String) -> (stored: Int, planned: Int, notFiles: [String]) {
        let winners = selections(spec, resultsDirectory).1
        let unselected = spec.selectedVariants.filter { winners[$0.name] == nil }.count * spec.allSeeds.count
        let cells = spec.selectedVariants.flatMap { spec.selectionCells(of: $0) } + spec.cells(winners: winners)
        let paths = spec.selectedVariants.map { spec.selectionRecordPath(of: $0.name) } + cells.map(\.relativePath)
        let notFiles = paths.compactMap { path -> String? in
            do { _ = try StoreFile.exists("\(resultsDirectory)/\(path)"); return nil } catch { return "\(error)" }
        }
        let stored = cells.filter { cell in
            let path = "\(resultsDirectory)/\(cell.relativePath)"
            guard let attrs = try? ResultStore.readAttributes(path) else { return false }
            return attrs["config_hash"] == .string(cell.hash)
        }.count
        return (stored, cells.count + unselected, notFiles)
    }
}

/// Mean and standard deviation over seeds, index by index (runs cut short by divergence count only
/// where they have values; NaN entries are left out).
struct SeedAggregate {
    var x: [Double]
    var mean: [Double]
    var std: [Double]
    var count: [Int]

    init(records: [CellRecord], group: String, x: String, y: String) {
        let xs = x == "time" ? Self.meanElapsed(records) : records.compactMap { $0.series[group]?[x] }.max { $0.count < $1.count } ?? []
        let ys = records.compactMap { $0.series[group]?[y] }
        self.x = xs
        mean = []; std = []; count = []
        for i in xs.indices {
            let values = ys.compactMap { i < $0.count ? $0[i] : nil }.filter { $0.isFinite }
            let (m, s) = meanAndStd(values)
            mean.append(m); std.append(s); count.append(values.count)
        }
    }

    /// The training steps' cumulative wall-clock seconds at each `/steps` row (kept apart from the
    /// reproducible data under `/wallclock`, where each row holds the mean seconds per step of its
    /// window), averaged over seeds; machine-dependent.
    static func meanElapsed(_ records: [CellRecord]) -> [Double] {
        let runs = records.compactMap { r -> [Double]? in
            guard let seconds = r.wallclockSeries["step_seconds"], let steps = r.series["steps"]?["step"] else { return nil }
            var elapsed: [Double] = [], total = 0.0, previous = 0.0
            for (mean, step) in zip(seconds, steps) {
                total += mean * (step - previous)
                previous = step
                elapsed.append(total)
            }
            return elapsed
        }
        let length = runs.map(\.count).max() ?? 0
        return (0..<length).map { i in
            let at = runs.compactMap { i < $0.count ? $0[i] : nil }
            return at.reduce(0, +) / Double(at.count)
        }
    }
}

/// Sample mean and standard deviation (n − 1 in the denominator; 0 for a single value, NaN for none).
/// Mean and sample standard deviation. The deviations are scaled by the largest |value| before they
/// are squared, so that values near 1e-157 (a saddle's escape) give their std instead of squares
/// that fall into the subnormal range, where the result would depend on whether the process flushes
/// subnormals to zero (training commands do, report commands need not).
func meanAndStd(_ v: [Double]) -> (Double, Double) {
    guard !v.isEmpty else { return (.nan, .nan) }
    let m = v.reduce(0, +) / Double(v.count)
    guard v.count > 1, v.contains(where: { $0 != v[0] }) else { return (v.count > 1 ? v[0] : m, 0) }
    let scale = v.map(abs).max() ?? 0
    guard scale > 0, scale.isFinite else { return (m, scale == 0 ? 0 : .nan) }
    let s = scale * (v.map { let d = ($0 - m) / scale; return d * d }.reduce(0, +) / Double(v.count - 1)).squareRoot()
    return (m, s)
}
