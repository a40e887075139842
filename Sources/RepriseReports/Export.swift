import Foundation
import RepriseExperiments
import RepriseStore

/// Every stored series of one experiment and profile in tidy long form, one row per value, for
/// pandas, R or a spreadsheet: what the figures' mean/low/high `.tsv` files average away (each
/// seed, each step and epoch). Read from the HDF5 store only.
///
/// Rows come from the final cells the spec plans now (pilot seeds included), the selection runs of
/// its grids (`stage` = `selection`, `grid_point` naming the point) and the final cells of a winner
/// beyond a grid's edge (`stage` = `extended`); only files carrying the spec's current configuration
/// hash. Within a cell: `steps` rows, then `epochs` rows, each metric in name order.
public struct Export {
    public static let header = ["experiment", "profile", "variant", "group", "seed", "stage", "grid_point",
                                "axis", "index", "metric", "value", "unit"]

    public let rows: [[TableText.Value]]
    /// Cells whose series are exported.
    public let cells: Int

    public init(_ results: StoredResults, resultsDirectory: String) {
        let spec = results.spec
        var stored: [(record: CellRecord, stage: String, point: String)] = results.records.map { ($0, "final", "") }
        for variant in spec.selectedVariants {
            for cell in spec.selectionCells(of: variant) {
                if let record = Self.read(cell, resultsDirectory) { stored.append((record, "selection", cell.gridPoint ?? "")) }
            }
        }
        for records in results.extendedRecords.values { stored += records.map { ($0, "extended", "") } }
        var rows: [[TableText.Value]] = []
        for (record, stage, point) in stored {
            let variant = record.string("variant") ?? ""
            let identity: [TableText.Value] = [.text(spec.name), .text(spec.profile), .text(variant), .text(spec.group(of: variant)),
                                               .int(record.int("seed") ?? -1), .text(stage), .text(point)]
            for (group, index) in [("steps", "step"), ("epochs", "epoch")] {
                guard let columns = record.series[group], let positions = columns[index] else { continue }
                for metric in columns.keys.sorted() where metric != index {
                    let unit = TableText.Value.text(spec.unit(of: metric))
                    for (at, value) in zip(positions, columns[metric] ?? []) {
                        rows.append(identity + [.text(group), .number(at), .text(metric), .number(value), unit])
                    }
                }
            }
        }
        self.rows = rows
        cells = stored.count
    }

    /// The stored record of `cell` when its file carries the cell's configuration hash.
    private static func read(_ cell: Cell, _ directory: String) -> CellRecord? {
        guard let record = try? ResultStore.read("\(directory)/\(cell.relativePath)"), record.string("config_hash") == cell.hash else { return nil }
        return record
    }

    public func text(_ format: TableText.Format) -> String { TableText.render(header: Self.header, rows: rows, as: format) }
}
