import Foundation
import RepriseNumerics
import RepriseExperiments
import RepriseStore

/// Brings result stores made on other machines (a cluster without a shared file system, a cloud
/// run) into one: `reprise merge DIR…`. Every incoming file is checked before it is copied — it
/// must be a whole Reprise file of the cell or selection its path names, its configuration must
/// hash to its recorded hash, a planned cell of the current spec must carry that cell's hash, and a
/// cell must have finished (complete or diverged) — and then copied atomically without ever
/// replacing a file: a file already there is left alone, and reported identical (every dataset and
/// defining attribute equal; wall-clock and provenance may differ) or in conflict.
public struct StoreMerge {
    /// What became of one incoming file.
    public enum Outcome: Equatable, Sendable {
        /// Copied in.
        case added
        /// Already stored with the same data.
        case identical
        /// Already stored with other data: the stored file is kept, the incoming one refused.
        case conflict(String)
        /// Unreadable, incomplete, or not what its path says.
        case damaged(String)
        /// A whole file that does not belong to the current specs (stale configuration, unknown experiment).
        case foreign(String)

        public var word: String {
            switch self {
            case .added: return "added"
            case .identical: return "identical"
            case .conflict: return "CONFLICT"
            case .damaged: return "DAMAGED"
            case .foreign: return "FOREIGN"
            }
        }
        public var reason: String? {
            switch self {
            case .added, .identical: return nil
            case .conflict(let r), .damaged(let r), .foreign(let r): return r
            }
        }
        public var refused: Bool { reason != nil }
    }

    public struct Entry: Sendable {
        /// The file's path relative to its store (`EXPERIMENT/PROFILE/…`).
        public var path: String
        public var outcome: Outcome
    }

    public var destination: String
    /// Loads the spec of an experiment at a profile (nil when there is none).
    public var spec: (_ experiment: String, _ profile: String) -> ExperimentSpec?

    public init(destination: String, spec: @escaping (_ experiment: String, _ profile: String) -> ExperimentSpec?) {
        self.destination = destination
        self.spec = spec
    }

    /// Merges every result file under `source` into the destination, in sorted order.
    /// One line per source: how many files came in, and what became of them.
    public static func summary(_ entries: [Entry], source: String) -> String {
        var counts: [String: Int] = [:]
        for e in entries { counts[e.outcome.word, default: 0] += 1 }
        let parts = ["added", "identical", "CONFLICT", "DAMAGED", "FOREIGN"].compactMap { w in counts[w].map { "\($0) \(w)" } }
        return "\(source): \(entries.count) files: \(parts.isEmpty ? "none" : parts.joined(separator: ", "))"
    }

    public func merge(_ source: String) throws -> [Entry] {
        let root = (source as NSString).standardizingPath
        guard (try? FileManager.default.attributesOfItem(atPath: root)[.type] as? FileAttributeType) == .typeDirectory else {
            throw Verification.Failure("\(source) is not a folder of results; pass the results folder of another machine (e.g. other/results)")
        }
        if root == (destination as NSString).standardizingPath {
            throw Verification.Failure("\(source) is the destination itself; pass another machine's results folder")
        }
        var files: [String] = [], unfollowed: [Entry] = []
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            let first = relative.split(separator: "/").first.map(String.init) ?? ""
            if first.hasPrefix(".") { walker?.skipDescendants(); continue }  // .tmp, .locks
            // Links (an experiment folder included), FIFOs and devices are named, never followed or read.
            switch StoreFile.kind("\(root)/\(relative)") {
            case .folder: continue
            case .link:
                unfollowed.append(Entry(path: relative, outcome: .foreign("it is a symbolic link, which merge does not follow: pass the folder it points to as a source of its own, or copy its files in")))
            case .other(let what):
                unfollowed.append(Entry(path: relative, outcome: .foreign("it is \(what), not a file Reprise wrote: not read (reading could block); remove it from the source")))
            case .regular, .missing:
                if relative.hasSuffix(".h5") { files.append(relative) }
            }
        }
        if files.isEmpty && unfollowed.isEmpty {
            throw Verification.Failure("\(source) holds no result files (EXPERIMENT/PROFILE/*.h5): pass the results folder of another machine (e.g. other/results)")
        }
        var plans: [String: Plan?] = [:]
        let merged = files.sorted().map { relative in
            let parts = relative.split(separator: "/").map(String.init)
            let key = parts.prefix(2).joined(separator: "/")
            if plans[key] == nil, parts.count >= 2 { plans[key] = .some(plan(parts[0], parts[1])) }
            return Entry(path: relative, outcome: merge(file: relative, parts: parts, plan: plans[key] ?? nil, from: root))
        }
        return (merged + unfollowed).sorted { $0.path < $1.path }
    }

    /// An experiment's spec at a profile, and the hash of each planned cell by its path: loaded
    /// once per experiment and profile of a source, not once per file.
    private struct Plan {
        var hashes: [String: String]
    }

    private func plan(_ experiment: String, _ profile: String) -> Plan? {
        guard let loaded = spec(experiment, profile) else { return nil }
        let cells = loaded.cells() + loaded.selectedVariants.flatMap { loaded.selectionCells(of: $0) }
        return Plan(hashes: Dictionary(cells.map { ($0.relativePath, $0.hash) }, uniquingKeysWith: { first, _ in first }))
    }

    private func merge(file relative: String, parts: [String], plan: Plan?, from root: String) -> Outcome {
        let incoming = "\(root)/\(relative)", target = "\(destination)/\(relative)"
        // A selection record (`selection/VARIANT.h5`, `selection/VARIANT+extended.h5`), a selection
        // run (`selection/VARIANT/POINT--seedS.h5`) or a final cell (`VARIANT--seedS.h5`).
        let isSelection = parts.count == 4 && parts[2] == "selection"
        let isSelectionRun = parts.count == 5 && parts[2] == "selection"
        guard parts.count == 3 || isSelection || isSelectionRun else {
            return .foreign("not where Reprise stores a result (EXPERIMENT/PROFILE/VARIANT--seedS.h5, EXPERIMENT/PROFILE/selection/VARIANT.h5 or EXPERIMENT/PROFILE/selection/VARIANT/POINT--seedS.h5)")
        }
        let (experiment, profile) = (parts[0], parts[1])
        guard let plan else {
            return .foreign("no valid spec experiments/\(experiment).toml with a profile '\(profile)' here")
        }
        if isSelection {
            let record: SelectionRecord
            do { record = try SelectionRecord.read(incoming) } catch { return .damaged("\(error)") }
            guard [record.variant, record.variant + ExperimentSpec.extendedSuffix].map({ $0 + ".h5" }).contains(parts[3]) else {
                return .damaged("holds the selection of '\(record.variant)', not of its file name")
            }
            guard StoreFile.kind(target) != .missing else { return copy(incoming, to: target) }
            let stored: SelectionRecord
            do { stored = try SelectionRecord.read(target) } catch { return .conflict("the stored file is unusable (\(error)); it is kept, the incoming one not copied") }
            return stored == record ? .identical : .conflict("another selection outcome (stored winner \(stored.points[safe: stored.winner] ?? "?"), incoming \(record.points[safe: record.winner] ?? "?"))")
        }

        let record: CellRecord
        do { record = try ResultStore.read(incoming) } catch { return .damaged("\(error)") }
        let stem = parts[parts.count - 1].dropLast(3)  // ".h5"
        guard let marker = stem.range(of: "--seed", options: .backwards), let seed = Int(stem[marker.upperBound...]) else {
            return .foreign(isSelectionRun ? "not a selection run's file name (POINT--seedS.h5)" : "not a cell file name (VARIANT--seedS.h5)")
        }
        // A final cell rerun at an extended grid's winner (`VARIANT+extended--seedS.h5`) is VARIANT's.
        let named = String(stem[..<marker.lowerBound])
        let variant = isSelectionRun ? parts[3] : named.hasSuffix(ExperimentSpec.extendedSuffix) ? String(named.dropLast(ExperimentSpec.extendedSuffix.count)) : named
        let identity: [(String, AttributeValue)] = [("experiment", .string(experiment)), ("profile", .string(profile)),
                                                    ("variant", .string(variant)), ("seed", .int(Int64(seed)))]
        for (key, expected) in identity where record.attributes[key] != expected {
            return .damaged("its \(key) is \(record.attributes[key].map { "\($0)" } ?? "missing"), its path says \(expected)")
        }
        guard let config = record.string("config"), let hash = record.string("config_hash"), SHA256.hex(config) == hash else {
            return .damaged("its configuration does not hash to its config_hash (altered or truncated)")
        }
        let status = record.string("status") ?? ""
        guard record.status == .diverged || (record.status == .complete && record.int("steps_completed") == record.int("steps_planned")) else {
            return .damaged("not finished (status \(status.isEmpty ? "missing" : status), \(record.int("steps_completed") ?? 0) of \(record.int("steps_planned") ?? 0) steps)")
        }
        if let planned = plan.hashes[relative], planned != hash {
            return .foreign("a result of another configuration than the current spec's (stale or changed spec); rerun it here instead")
        }
        let here = BLASKernel.recorded(BLASKernel.selected)
        if let there = record.string("blas_kernel"), !BLASKernel.sameRounding(there, here) {
            return .foreign("computed on \(there), not this store's kernel (\(here)): mixing them would compare kernels; merge with --blas-kernel \(BLASKernel.flag(forRecorded: there)) into a store of that kernel, or rerun it here")
        }
        guard StoreFile.kind(target) != .missing else { return copy(incoming, to: target) }
        let stored: CellRecord
        do { stored = try ResultStore.read(target) } catch { return .conflict("the stored file is unusable (\(error)); it is kept, the incoming one not copied") }
        guard let first = Verification.compare(stored, record).first(where: { !$0.identical }) else { return .identical }
        return .conflict("another result is stored (first difference: \(first.name)\(first.mismatch.map { ", \($0)" } ?? "")); the stored file is kept")
    }

    private func copy(_ source: String, to target: String) -> Outcome {
        do {
            try ResultStore.importFile(source, to: target, scratch: "\(destination)/.tmp")
            return .added
        } catch StoreError.exists {
            return .conflict("a file appeared at the destination while merging; it is kept")
        } catch {
            return .damaged("could not copy: \(error)")
        }
    }
}

private extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
