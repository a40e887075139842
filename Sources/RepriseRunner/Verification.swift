import RepriseExperiments
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

    public var cell: Cell
    public var datasets: [Dataset]
    public var identical: Bool { datasets.allSatisfy(\.identical) }

    init(cell: Cell, stored: CellRecord, rerun: CellRecord) {
        self.cell = cell
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
        out.append(Dataset(name: "status", identical: stored.string("status") == rerun.string("status"), maxAbsolute: 0, maxRelative: 0,
                           mismatch: stored.string("status") == rerun.string("status") ? nil
                               : "stored \(stored.string("status") ?? "?"), rerun \(rerun.string("status") ?? "?")"))
        datasets = out
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
