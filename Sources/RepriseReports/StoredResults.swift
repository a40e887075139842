import Foundation
import RepriseExperiments
import RepriseStore

/// The stored results of one experiment and profile, read from the HDF5 store only.
public struct StoredResults {
    public let spec: ExperimentSpec
    /// Records of the spec's cells that are stored with the spec's current configuration hash.
    public let records: [CellRecord]
    /// Human-readable notes: missing, stale or unreadable cells.
    public let notes: [String]

    public init(spec: ExperimentSpec, resultsDirectory: String) {
        self.spec = spec
        var records: [CellRecord] = [], notes: [String] = []
        var missing = 0
        for cell in spec.cells() {
            let path = "\(resultsDirectory)/\(cell.relativePath)"
            guard FileManager.default.fileExists(atPath: path) else { missing += 1; continue }
            do {
                let record = try ResultStore.read(path)
                if record.string("config_hash") == cell.hash {
                    records.append(record)
                } else {
                    notes.append("\(cell.relativePath) was run with another configuration (the spec changed since); rerun it with `reprise run \(spec.name)`")
                }
            } catch {
                notes.append("\(error)")
            }
        }
        if missing > 0 {
            notes.append("\(missing) of \(spec.cells().count) cells of \(spec.name) [\(spec.profile)] are not stored yet; run `reprise run \(spec.name)\(spec.profile == "default" ? "" : " --profile \(spec.profile)")`")
        }
        self.records = records
        self.notes = notes
    }

    /// Variants in spec order with their stored records.
    public var byVariant: [(variant: String, records: [CellRecord])] {
        spec.variantNames.compactMap { name in
            let rs = records.filter { $0.string("variant") == name }
            return rs.isEmpty ? nil : (name, rs)
        }
    }

    /// Cells stored with the current configuration hash (for `reprise list`).
    public static func storedCount(spec: ExperimentSpec, resultsDirectory: String) -> Int {
        spec.cells().filter { cell in
            let path = "\(resultsDirectory)/\(cell.relativePath)"
            guard let attrs = try? ResultStore.readAttributes(path) else { return false }
            return attrs["config_hash"] == .string(cell.hash)
        }.count
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
        let xs = records.compactMap { $0.series[group]?[x] }.max { $0.count < $1.count } ?? []
        let ys = records.compactMap { $0.series[group]?[y] }
        self.x = xs
        mean = []; std = []; count = []
        for i in xs.indices {
            let values = ys.compactMap { i < $0.count ? $0[i] : nil }.filter { $0.isFinite }
            let (m, s) = meanAndStd(values)
            mean.append(m); std.append(s); count.append(values.count)
        }
    }
}

/// Sample mean and standard deviation (n − 1 in the denominator; 0 for a single value, NaN for none).
func meanAndStd(_ v: [Double]) -> (Double, Double) {
    guard !v.isEmpty else { return (.nan, .nan) }
    let m = v.reduce(0, +) / Double(v.count)
    guard v.count > 1 else { return (m, 0) }
    let s = (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - 1)).squareRoot()
    return (m, s)
}
