import Foundation
import RepriseConfig
import RepriseNumerics

/// A dataset as a catalog entry: its keys (which join the table of a problem that names it) and
/// how to load it.
public protocol DatasetDefinition: Sendable {
    static var component: ComponentDescription { get }
    init(_ settings: Settings)
    func load(sizes: DataSizes, dataDirectory: String?) throws -> DataSplits
}

/// Loads datasets once per run: every cell of a run that uses the same dataset and sizes shares it.
public final class DataCache {
    public let dataDirectory: String?
    private let datasets: [String: any DatasetDefinition.Type]
    private var loaded: [String: DataSplits] = [:]

    public init(dataDirectory: String?, datasets: [any DatasetDefinition.Type]) {
        self.dataDirectory = dataDirectory
        self.datasets = Dictionary(datasets.map { ($0.component.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The splits of the dataset `name`, its keys read from `table` (a problem's table).
    public func splits(_ name: String, table: [String: ConfigValue], sizes: DataSizes) throws -> DataSplits {
        guard let type = datasets[name] else {
            throw DatasetError.unknown(name, available: datasets.keys.sorted())
        }
        let settings = try type.component.settings(table)
        let key = "\(name) \(ConfigValue.table(settings.values).canonicalJSON) \(sizes)"
        if let cached = loaded[key] { return cached }
        let data = try type.init(settings).load(sizes: sizes, dataDirectory: dataDirectory)
        loaded[key] = data
        return data
    }
}
