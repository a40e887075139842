import Foundation

/// What stands at a path of the store, seen without following a link. Reprise reads only regular
/// files there: opening a FIFO blocks until a writer comes, a device may never end, and a link
/// leads outside the store. Every reader (cells, selection records, checkpoints, merge sources)
/// asks here first, so such a file is named and skipped, never opened, never moved or replaced.
public enum StoreFile {
    public enum Kind: Equatable, Sendable {
        /// Nothing there (or nothing `lstat` can see).
        case missing
        case regular
        case folder
        /// A symbolic link, never followed.
        case link
        /// Something else, described ("a FIFO (named pipe)", "a symbolic link").
        case other(String)
    }

    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFIFO: return .other("a FIFO (named pipe)")
        case S_IFLNK: return .link
        case S_IFCHR: return .other("a character device")
        case S_IFBLK: return .other("a block device")
        case S_IFSOCK: return .other("a socket")
        case S_IFDIR: return .folder
        default: return .other("not a regular file")
        }
    }

    /// Whether a regular file is at `path`: false when nothing is; throws `StoreError.notAFile`
    /// when something else is.
    public static func exists(_ path: String) throws -> Bool {
        switch kind(path) {
        case .missing: return false
        case .regular: return true
        case .folder: throw StoreError.notAFile(path: path, what: "a folder")
        case .link: throw StoreError.notAFile(path: path, what: "a symbolic link")
        case .other(let what): throw StoreError.notAFile(path: path, what: what)
        }
    }
}
