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

    /// Opens `RESULTS/.locks/HASH.lock` without following a symbolic link, at the folder or the file
    /// (a planted link would create or truncate files outside the results folder), and only when it
    /// is a regular file.
    private static func openLockFile(resultsDirectory: String, hash: String) throws -> Int32 {
        let folder = "\(resultsDirectory)/.locks"
        mkdir(folder, 0o755)
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else {
            throw RunError.unwritable(folder, "cannot open the lock folder (\(String(cString: strerror(errno)))); it must be a folder, not a link: remove it and run again")
        }
        defer { close(directory) }
        let fd = openat(directory, "\(hash).lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else {
            throw RunError.unwritable(folder, "cannot open \(hash).lock (\(String(cString: strerror(errno)))); a lock must be a regular file, not a link: remove it and run again")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw RunError.unwritable(folder, "\(hash).lock is not a regular file; remove it and run again")
        }
        return fd
    }

    /// Takes the cell's lock; when another process holds it, says so through `waiting` and blocks
    /// until it is free or a termination is requested (nil then: the signal interrupts the wait).
    static func acquire(resultsDirectory: String, hash: String, waiting: () -> Void) throws -> CellLock? {
        let fd = try openLockFile(resultsDirectory: resultsDirectory, hash: hash)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while !Termination.requested && flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            if Termination.requested { close(fd); return nil }
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
