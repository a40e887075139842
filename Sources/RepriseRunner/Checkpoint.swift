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

    /// Writes `state` with this cell's identity, as results are written (a locked temporary file in
    /// `scratch`, renamed over the previous checkpoint): a process killed while writing leaves the
    /// last good one, and its temporary is one the next run's cleanup recognises as its own.
    func write(_ state: StateArchive) throws {
        var state = state
        state.put("meta/config_hash", Array(configHash.utf8))
        state.put("meta/source_digest", Array(sourceDigest.utf8))
        state.put("meta/blas_kernel", Array(BLASKernel.recorded(BLASKernel.selected).utf8))
        do {
            try ResultStore.atomically(path, scratch: scratch) { state.encoded() }
        } catch {
            throw CheckpointError("cannot write the checkpoint \(path): \(error)")
        }
    }

    /// The stored checkpoint, if any is usable: nil when there is none; a reason when there is one
    /// that cannot resume this cell (damaged, another configuration, another build, larger than
    /// `sizeLimit` bytes — checked before anything is read, so a huge file costs no allocation;
    /// worked out only when a file is there).
    func read(sizeLimit: @autoclosure () -> Int = .max) -> Result<StateArchive, CheckpointError>? {
        // Not followed: a link, a device or a pipe planted in its place is no checkpoint (reading
        // /dev/zero or a FIFO would never end).
        do { guard try StoreFile.exists(path) else { return nil } } catch { return .failure(CheckpointError("\(error)")) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? Int.max, limit = sizeLimit()
        guard size <= limit else {
            return .failure(CheckpointError("it holds \(size) bytes, more than this cell's state can (\(limit) bytes)"))
        }
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
                    return .failure(CheckpointError("it was written on \(there) and this run uses \(here), which rounds differently (to resume it, move the kept copy back and run with --blas-kernel \(BLASKernel.flag(forRecorded: there)))"))
                }
            }
            return .success(state)
        } catch {
            return .failure(CheckpointError("\(error)"))
        }
    }

    /// Whether a regular file (the only kind Reprise writes) stands at the checkpoint's place.
    var isFile: Bool {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeRegular
    }

    /// Moves an unusable checkpoint out of the way as `CELL.checkpoint.superseded` (never deleted:
    /// it may be the only trace of a forgery or of a bug); returns its new name, or nil when what
    /// stands there is not a file Reprise wrote (a folder, a link), which is left alone.
    func setAside() -> String? {
        guard isFile else { return nil }
        let aside = Runner.freeName(path + ".superseded")
        return rename(path, aside) == 0 ? aside : nil
    }

    /// Removes the checkpoint once its cell is stored: a file only (a folder or a link in its
    /// place is not Reprise's, and is never removed).
    func remove() { if isFile { unlink(path) } }
}

struct CheckpointError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
