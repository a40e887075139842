import RepriseExperiments
import RepriseNumerics
import RepriseStore

/// A stored cell against its rerun: every dataset outside `/wallclock`, identical or not, with the
/// largest absolute and relative difference of those that are not.
public struct Verification: Sendable {
    public struct Dataset: Sendable {
        public var name: String
        public var identical: Bool
        public var maxAbsolute: Double
        public var maxRelative: Double
        /// Set when the two cannot be compared value by value (missing, or of another shape).
        public var mismatch: String?
    }

    /// Why a stored cell cannot be compared.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ d: String) { description = d }
    }

    public var cell: Cell
    public var datasets: [Dataset]
    /// Why the stored cell could not be compared at all (missing, unreadable, another cell's or
    /// another configuration's file); nil when it was rerun and compared.
    public var problem: String?
    /// The stored cell's `blas_kernel` attribute: where it was computed (nil when not recorded).
    public var storedKernel: String?
    public var identical: Bool { problem == nil && datasets.allSatisfy(\.identical) }

    /// Attributes that say where and how a result was computed, not what it is: they may differ.
    static let provenance: Set<String> = ["reprise_version", "git_commit", "git_dirty", "source_digest", "swift_version",
                                          "hdf5_version", "blas", "blas_kernel", "blas_threads",
                                          // descriptive: the spec's words, which may be edited without changing a result
                                          "title", "paper", "substitutions"]

    /// A stored cell that cannot be compared: a failure of `verify`, named.
    init(cell: Cell, problem: String) {
        self.cell = cell
        datasets = []
        self.problem = problem
    }

    init(cell: Cell, stored: CellRecord, rerun: CellRecord) {
        self.cell = cell
        datasets = Self.compare(stored, rerun)
        if case .string(let k)? = stored.attributes["blas_kernel"] { storedKernel = k }
    }

    /// Every dataset outside `/wallclock` and every attribute that defines the result, compared.
    static func compare(_ stored: CellRecord, _ rerun: CellRecord) -> [Dataset] {
        var out: [Dataset] = []
        for group in Set(stored.series.keys).union(rerun.series.keys).sorted() {
            let a = stored.series[group] ?? [:], b = rerun.series[group] ?? [:]
            for name in Set(a.keys).union(b.keys).sorted() {
                out.append(Self.compare("/\(group)/\(name)", a[name], b[name]))
            }
        }
        let tensors = Set(stored.tensors.map(\.name)).union(rerun.tensors.map(\.name)).sorted()
        for name in tensors {
            let a = stored.tensors.first { $0.name == name }, b = rerun.tensors.first { $0.name == name }
            out.append(Self.compare("/tensors/\(name)", a.map(Self.values), b.map(Self.values),
                                    shapes: (a?.shape, b?.shape)))
        }
        // Every attribute that defines the result (status, steps completed, configuration, data
        // split, …) must be equal too; provenance may differ.
        for key in Set(stored.attributes.keys).union(rerun.attributes.keys).subtracting(Self.provenance).sorted() {
            let a = stored.attributes[key], b = rerun.attributes[key]
            let same = a == b
            out.append(Dataset(name: "@\(key)", identical: same, maxAbsolute: 0, maxRelative: 0,
                               mismatch: same ? nil : "stored \(a.map { "\($0)" } ?? "nothing"), rerun \(b.map { "\($0)" } ?? "nothing")"))
        }
        return out
    }

    private static func values(_ t: StoredTensor) -> [Double] {
        switch t.data {
        case .float32(let v): return v.map(Double.init)
        case .float64(let v): return v
        case .int64(let v): return v.map(Double.init)
        }
    }

    private static func compare(_ name: String, _ a: [Double]?, _ b: [Double]?, shapes: ([Int]?, [Int]?) = (nil, nil)) -> Dataset {
        guard let a, let b else {
            return Dataset(name: name, identical: false, maxAbsolute: .nan, maxRelative: .nan, mismatch: a == nil ? "not stored" : "not produced by the rerun")
        }
        guard a.count == b.count, shapes.0 == shapes.1 else {
            return Dataset(name: name, identical: false, maxAbsolute: .nan, maxRelative: .nan, mismatch: "\(a.count) values stored, \(b.count) rerun")
        }
        var identical = true, absolute = 0.0, relative = 0.0
        for (x, y) in zip(a, b) where x.bitPattern != y.bitPattern && !(x.isNaN && y.isNaN) {
            identical = false
            let d = abs(x - y)
            absolute = max(absolute, d)
            relative = max(relative, d / max(abs(x), abs(y)))
        }
        return Dataset(name: name, identical: identical, maxAbsolute: absolute, maxRelative: relative, mismatch: nil)
    }
}

extension Verification {
    /// The Markdown table `verify` prints, and whether it fails: a row per cell (datasets compared,
    /// identical, largest differences), a row per differing dataset, a row per missing selection
    /// record (`unselected`: variant and record path); then one line with the outcome.
    /// `rerunKernel`: the `blas_kernel` the rerun records; when cells differ and were stored on
    /// another kind of kernel, a note names the `--blas-kernel` that compares them.
    public static func table(_ results: [Verification], unselected: [(variant: String, record: String)], rerunKernel: String = "") -> (text: String, failed: Bool) {
        var lines = ["| cell | datasets | identical | largest abs. difference | largest rel. difference |", "|---|---|---|---|---|"]
        for (variant, record) in unselected { lines.append("| \(variant) | | | selection record missing or damaged: \(record) | |") }
        for v in results {
            if let problem = v.problem {
                lines.append("| \(v.cell.variant) seed \(v.cell.seed) | | FAILS | \(problem) | |")
                continue
            }
            let same = v.datasets.filter(\.identical).count
            let abs = v.datasets.map(\.maxAbsolute).filter(\.isFinite).max() ?? 0
            let rel = v.datasets.map(\.maxRelative).filter(\.isFinite).max() ?? 0
            lines.append("| \(v.cell.variant) seed \(v.cell.seed) | \(v.datasets.count) | \(same) | \(String(format: "%.3g", abs)) | \(String(format: "%.3g", rel)) |")
            for d in v.datasets where !d.identical {
                lines.append("|   \(d.name) | | differs | \(d.mismatch ?? String(format: "%.3g", d.maxAbsolute)) | \(d.mismatch == nil ? String(format: "%.3g", d.maxRelative) : "") |")
            }
        }
        let failed = results.filter { $0.problem != nil }.count + unselected.count
        let differs = failed > 0 || results.contains { !$0.identical }
        let others = Set(results.filter { !$0.identical }.compactMap(\.storedKernel).filter { !BLASKernel.sameRounding($0, rerunKernel) })
        if differs, !others.isEmpty {
            let names = others.sorted()
            lines.append("note: the differing cells were computed on \(names.map(BLASKernel.readable).joined(separator: " and ")) and rerun on \(BLASKernel.readable(rerunKernel)), which rounds differently; rerun with --blas-kernel \(BLASKernel.flag(forRecorded: names[0])) to compare bits")
        }
        lines.append(failed > 0 ? "verify: FAILED: \(failed) stored cell(s) or selection(s) missing, damaged or foreign (see the table)"
                     : differs ? "verify: DIFFERENT datasets or attributes (see the table): this build computes other numbers than the stored cells'; "
                        + "if that is a deliberate change, bump the changed component's `revision` (its cells then rerun by hash), else `reprise run NAME --force` reruns them"
                     : "verify: every dataset and attribute identical")
        return (lines.joined(separator: "\n"), differs)
    }
}
