import Foundation
import RepriseStore

/// An exclusive lock on one cell — `flock` on `RESULTS/.locks/HASH.lock` — held while the cell trains
/// and is stored, so that concurrent runs share the work: each cell is trained once however many
/// processes run. The lock dies with its process (a killed run leaves nothing locked).
final class CellLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Takes the cell's lock if no other process holds it; nil otherwise.
    static func tryAcquire(resultsDirectory: String, hash: String) throws -> CellLock? {
        let fd = try openLockFile(resultsDirectory: resultsDirectory, hash: hash)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { close(fd); return nil }
        return CellLock(fd: fd)
    }

    private static func openLockFile(resultsDirectory: String, hash: String) throws -> Int32 {
        let folder = "\(resultsDirectory)/.locks"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open("\(folder)/\(hash).lock", O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw RunError.unwritable(folder, String(cString: strerror(errno))) }
        return fd
    }

    /// Takes the cell's lock; when another process holds it, says so through `waiting` and blocks.
    static func acquire(resultsDirectory: String, hash: String, waiting: () -> Void) throws -> CellLock {
        let fd = try openLockFile(resultsDirectory: resultsDirectory, hash: hash)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
        return CellLock(fd: fd)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

extension Runner {
    /// Fails before anything trains when results cannot be written: a missing parent, a file where
    /// the folder should be, no permission. Removes temporary files left by killed runs (those no
    /// live writer holds).
    func prepareResultsFolder() throws {
        let fm = FileManager.default
        let scratch = "\(options.resultsDirectory)/.tmp"
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: options.resultsDirectory, isDirectory: &isFolder), !isFolder.boolValue {
            throw RunError.unwritable(options.resultsDirectory, "a file is in the place of the results folder; move it away or pass --results DIR")
        }
        do {
            try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        } catch {
            throw RunError.unwritable(options.resultsDirectory, "cannot create folders there (\(error.localizedDescription)); check permissions or pass --results DIR")
        }
        let probe = "\(scratch)/probe-\(getpid())"
        guard fm.createFile(atPath: probe, contents: Data("probe".utf8)) else {
            throw RunError.unwritable(options.resultsDirectory, "cannot write files there; check permissions or free space, or pass --results DIR")
        }
        try? fm.removeItem(atPath: probe)
        let stale = ResultStore.removeStaleTemporaries(scratch)
        if stale > 0 { Progress.say("removed \(stale) temporary file(s) left by interrupted runs in \(scratch)") }
    }
}
