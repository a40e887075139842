import Foundation
import RepriseNumerics
import RepriseStore

/// A cell's checkpoint: its training state (`StateArchive`) in `CELL.checkpoint` beside the
/// cell's `CELL.h5`, written atomically (a scratch file renamed over the previous checkpoint),
/// read back only by the same cell (configuration hash) built from the same source (digest), and
/// removed once the cell's result is stored. Checkpoints are not results: git ignores them, and
/// `verify`, figures and reports never read them.
struct Checkpoint {
    let path: String
    let scratch: String
    let configHash: String
    let sourceDigest: String

    /// The checkpoint beside the result file `result` (`….h5` → `….checkpoint`).
    init(result: String, scratch: String, configHash: String, sourceDigest: String) {
        path = (result.hasSuffix(".h5") ? String(result.dropLast(3)) : result) + ".checkpoint"
        self.scratch = scratch
        self.configHash = configHash
        self.sourceDigest = sourceDigest
    }

    /// Writes `state` with this cell's identity; the previous checkpoint stays whole until the
    /// rename, so a process killed while writing leaves the last good one.
    func write(_ state: StateArchive) throws {
        var state = state
        state.put("meta/config_hash", Array(configHash.utf8))
        state.put("meta/source_digest", Array(sourceDigest.utf8))
        state.put("meta/blas_kernel", Array(BLASKernel.recorded(BLASKernel.selected).utf8))
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = "\(scratch)/\(UUID().uuidString).checkpoint"
        let bytes = state.encoded()
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw CheckpointError("cannot create \(temporary)")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
            guard rename(temporary, path) == 0 else { throw CheckpointError(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CheckpointError("cannot write the checkpoint \(path): \(error)")
        }
    }

    /// The stored checkpoint, if any is usable: nil when there is none; a reason when there is one
    /// that cannot resume this cell (damaged, another configuration, another build).
    func read() -> Result<StateArchive, CheckpointError>? {
        // Not followed: a link, a device or a pipe planted in its place is no checkpoint (reading
        // /dev/zero or a FIFO would never end).
        do { guard try StoreFile.exists(path) else { return nil } } catch { return .failure(CheckpointError("\(error)")) }
        do {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let state = try StateArchive(decoding: bytes)
            let hash = String(decoding: try state.array("meta/config_hash", as: UInt8.self), as: UTF8.self)
            let digest = String(decoding: try state.array("meta/source_digest", as: UInt8.self), as: UTF8.self)
            guard hash == configHash else { return .failure(CheckpointError("it belongs to another configuration (\(hash.prefix(12)))")) }
            guard digest == sourceDigest else {
                return .failure(CheckpointError("it was written by another build of Reprise (source digest \(digest.prefix(12)), this build \(sourceDigest.prefix(12))), which may round differently"))
            }
            // A checkpoint without the entry predates it: taken as this kernel's.
            if let kernel = try? state.array("meta/blas_kernel", as: UInt8.self) {
                let there = String(decoding: kernel, as: UTF8.self), here = BLASKernel.recorded(BLASKernel.selected)
                guard BLASKernel.sameRounding(there, here) else {
                    return .failure(CheckpointError("it was written on \(there) and this run uses \(here), which rounds differently (resume with --blas-kernel \(BLASKernel.flag(forRecorded: there)))"))
                }
            }
            return .success(state)
        } catch {
            return .failure(CheckpointError("\(error)"))
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

struct CheckpointError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
