import Foundation

/// The outcome of a selection stage for one variant: every grid point, its score and the winner.
/// Stored as `results/EXPERIMENT/PROFILE/selection/VARIANT.h5` (layout in results/README.md).
public struct SelectionRecord: Sendable, Equatable {
    public static let format = "reprise-selection"
    public static let formatVersion: Int64 = 1

    public var variant: String
    public var metric: String
    public var overEpochs: String
    public var seed: Int
    /// Each grid point as canonical JSON of its searched values, in grid order.
    public var points: [String]
    /// Each point's label (`lr=0.001,weight_decay=0`), in grid order.
    public var labels: [String]
    /// Each point's score (NaN when its run diverged), in grid order.
    public var scores: [Double]
    /// The configuration hash of each point's run.
    public var hashes: [String]
    public var winner: Int

    /// Equal when every field is, a score of NaN (a diverged point) equal to NaN: a rerun of the same
    /// selection is the same record, not "another grid".
    public static func == (a: SelectionRecord, b: SelectionRecord) -> Bool {
        a.variant == b.variant && a.metric == b.metric && a.overEpochs == b.overEpochs && a.seed == b.seed
            && a.points == b.points && a.labels == b.labels && a.hashes == b.hashes && a.winner == b.winner
            && a.scores.count == b.scores.count
            && zip(a.scores, b.scores).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    public init(variant: String, metric: String, overEpochs: String, seed: Int, points: [String], labels: [String],
                scores: [Double], hashes: [String], winner: Int) {
        self.variant = variant
        self.metric = metric
        self.overEpochs = overEpochs
        self.seed = seed
        self.points = points
        self.labels = labels
        self.scores = scores
        self.hashes = hashes
        self.winner = winner
    }

    /// Writes the record with `provenance` (commit, versions) among its attributes.
    public func write(to path: String, scratch: String, provenance: [String: AttributeValue] = [:]) throws {
        try ResultStore.atomically(path, scratch: scratch) {
            let file = try H5File.createInMemory("selection.h5")
            let attributes: [(String, AttributeValue)] = [
                ("format", .string(Self.format)), ("format_version", .int(Self.formatVersion)),
                ("variant", .string(variant)), ("metric", .string(metric)), ("over_epochs", .string(overEpochs)),
                ("seed", .int(Int64(seed))), ("winner", .int(Int64(winner))), ("winner_point", .string(points[winner])),
                ("winner_label", .string(labels[winner])),
                ("points", .string("[" + points.joined(separator: ",") + "]")),
                ("labels", .string(labels.joined(separator: "\n"))),
                ("config_hashes", .string(hashes.joined(separator: "\n"))),
            ]
            for (k, v) in attributes { try file.setAttribute("/", k, v) }
            for (k, v) in provenance.sorted(by: { $0.key < $1.key }) where !attributes.contains(where: { $0.0 == k }) {
                try file.setAttribute("/", k, v)
            }
            try file.write("/scores", .float64(scores), shape: [scores.count])
            return try file.image()
        }
    }

    public static func read(_ path: String) throws -> SelectionRecord {
        let file = try H5File.open(path)
        let a = try ResultStore.checkedAttributes(file, format: format, version: formatVersion)
        func string(_ k: String) throws -> String {
            guard case .string(let s)? = a[k] else { throw StoreError.missingObject(path: path, object: "@\(k)") }
            return s
        }
        func int(_ k: String) throws -> Int {
            guard case .int(let i)? = a[k] else { throw StoreError.missingObject(path: path, object: "@\(k)") }
            return Int(i)
        }
        let scores = try file.read("/scores").data.doubles
        let labels = try string("labels").components(separatedBy: "\n")
        // Points are canonical JSON tables; split the array at the top level.
        let pointsJSON = try string("points")
        var points: [String] = [], depth = 0, current = ""
        for c in pointsJSON.dropFirst().dropLast() {
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if c == "," && depth == 0 { points.append(current); current = ""; continue }
            current.append(c)
        }
        if !current.isEmpty { points.append(current) }
        return SelectionRecord(variant: try string("variant"), metric: try string("metric"), overEpochs: try string("over_epochs"),
                               seed: try int("seed"), points: points, labels: labels, scores: scores,
                               hashes: try string("config_hashes").components(separatedBy: "\n"), winner: try int("winner"))
    }
}
