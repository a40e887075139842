import Foundation

/// What one cell would hold in memory, counted at validation before anything is allocated: each
/// component adds its part (the data, the network's parameters, gradient and activations, the
/// optimizer's state) with the key that sizes it, in checked arithmetic. A spec whose cell would
/// need more than `MemoryEstimate.limit` is refused with the figure and the key to change, instead
/// of aborting in an allocation after other cells were written.
public struct MemoryEstimate: Sendable, Hashable {
    /// One component's share: what it is, the key that sizes it, and its bytes (nil: past `Int.max`).
    public struct Part: Sendable, Hashable {
        public var what: String
        public var key: String
        public var bytes: Int?
    }

    /// The most bytes one cell may hold: 8 GiB (two cells train at once on a 24 GiB machine, with
    /// room for the rest), and never more than the machine's physical memory. docs/reference.md
    /// ("Memory") states it; this is the one place it is set.
    public static let limitBytes = 8 << 30
    public static var limit: Int { min(limitBytes, Int(clamping: ProcessInfo.processInfo.physicalMemory)) }

    public private(set) var parts: [Part] = []
    /// The data's features per example and outputs (classes), when a dataset declared them.
    public var features: Int?
    public var classes: Int?
    /// The network's dense layers as [inputs, outputs] (what per-layer curvature factors are sized
    /// by) and its parameter count (what per-parameter state is sized by).
    public var denseLayers: [[Int]] = []
    public var parameters = 0
    /// The problem key that sizes the network ("hidden"): what to change when per-layer state is large.
    public var networkKey = ""
    /// Examples per minibatch (1 for an analytic objective): what batch-sized factors are sized by.
    public var batchSize = 1
    /// Independent runs in one cell, each with `parameters` and its own optimizer state (a
    /// multistart problem's start points; 1 for a network).
    public var starts = 1

    public init() {}

    /// Adds a part; `bytes` nil when its count overflowed.
    public mutating func add(_ what: String, key: String, bytes: Int?) {
        parts.append(Part(what: what, key: key, bytes: bytes))
    }

    /// Adds `count` numbers of `size` bytes each, counted as the product of `factors`.
    public mutating func add(_ what: String, key: String, numbers factors: [Int], size: Int) {
        add(what, key: key, bytes: CheckedCount.product(factors + [size]))
    }

    /// With `copies` buffers of Doubles the size of the parameters added: per-parameter optimizer
    /// state (a momentum, Adam's two moments, OGR's subspace basis of `dim` directions), sized by
    /// `key` (default: the key that sizes the network).
    public func addingState(_ component: String, parameterSized copies: Int, key: String? = nil) -> MemoryEstimate {
        var out = self
        out.add("\(component) state", key: key ?? networkKey, numbers: [copies, parameters, starts], size: 8)
        return out
    }

    /// With per-layer curvature factors added: for each chosen dense layer (1-based `layers`, nil:
    /// all), `factor(inputs, outputs)` square factors of Doubles, and two layer-sized Double buffers
    /// (the preconditioned gradient, and its Double redo).
    public func addingLayerFactors(_ component: String, layers: [Int]?, factors: ([Int]) -> [Int]) -> MemoryEstimate {
        var out = self
        var terms: [Int] = []
        for (i, layer) in denseLayers.enumerated() where layers?.contains(i + 1) ?? true {
            guard layer.count == 2, let w = CheckedCount.product([layer[0] + 1, layer[1], 2]) else { out.add("\(component) factors", key: networkKey, bytes: nil); return out }
            terms += factors(layer).map { CheckedCount.product([$0, $0]) ?? .max } + [w]
        }
        out.add("\(component) factors", key: networkKey, bytes: CheckedCount.sum(terms).flatMap { CheckedCount.product([$0, 8]) })
        return out
    }

    /// Every part's bytes added, or nil past `Int.max`.
    public var total: Int? {
        var terms: [Int] = []
        for p in parts {
            guard let b = p.bytes else { return nil }
            terms.append(b)
        }
        return CheckedCount.sum(terms)
    }

    /// Why a cell of this estimate cannot run (its bytes against the limit, each part, the key of
    /// the largest), or nil when it fits.
    public func problem(limit: Int = MemoryEstimate.limit) -> (key: String, message: String)? {
        let total = self.total
        guard total.map({ $0 > limit }) ?? true else { return nil }
        let largest = parts.max { ($0.bytes ?? .max) < ($1.bytes ?? .max) }
        let list = parts.filter { ($0.bytes ?? 1) > 0 }.map { "\($0.what) \(Self.text($0.bytes))" }.joined(separator: ", ")
        return (largest?.key ?? "", "a cell would hold \(Self.text(total)) (\(list)); the limit is \(Self.text(limit)) per cell "
                + "(MemoryEstimate.limitBytes, capped by this machine's memory): make \(largest?.key ?? "the network") smaller (the largest part is the \(largest?.what ?? "network"))")
    }

    /// Bytes as messages show them: "3.6 GB (3600000000 bytes)", or "more than 9.2 EB" past `Int.max`.
    public static func text(_ bytes: Int?) -> String {
        guard let bytes else { return "more than \(Int.max) bytes" }
        let units = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
        guard let (scale, unit) = units.first(where: { Double(bytes) >= $0.0 }) else { return "\(bytes) bytes" }
        return "\(String(format: "%.1f", Double(bytes) / scale)) \(unit) (\(bytes) bytes)"
    }
}
