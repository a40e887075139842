import Foundation
import RepriseStore

/// `reprise clean NAME --profile P`: what deleting one experiment's stored results at one profile
/// removes, and the removal. Only `results/NAME/PROFILE/` is looked into; only files Reprise writes
/// there are deleted (cells, selection records and checkpoints, and the copies it kept aside);
/// symbolic links are never followed nor removed, and anything else is left and named.
public struct CleanPlan {
    /// The folder cleaned: `RESULTS/NAME/PROFILE`.
    public let folder: String
    /// Files to delete, relative to `folder`.
    public let files: [String]
    /// Entries left alone (not written by Reprise, or symbolic links), relative to `folder`.
    public let kept: [String]

    /// The plan for `experiment` and `profile` under `results`; a name that would leave
    /// `results/NAME/PROFILE` (a slash, `..`), or a folder on the way that is a symbolic link, is refused.
    public init(results: String, experiment: String, profile: String) throws {
        for (what, name) in [("experiment", experiment), ("profile", profile)]
        where name.isEmpty || name == "." || name == ".." || name.contains("/") || name.hasPrefix(".") {
            throw CommandError("clean: '\(name)' is not an \(what) name (a plain name such as baselines-fmnist or quick); nothing deleted")
        }
        folder = "\(results)/\(experiment)/\(profile)"
        for path in ["\(results)/\(experiment)", folder] where Self.isSymlink(path) {
            throw CommandError("clean: \(path) is a symbolic link; clean never follows links (remove it yourself if you mean to); nothing deleted")
        }
        var files: [String] = [], kept: [String] = []
        let root = folder
        Self.walk(root, "") { relative, isFile in
            let name = (relative as NSString).lastPathComponent
            // A current `.h5` must say it is Reprise's (its `format` attribute): an HDF5 file of the
            // user's own in that folder is kept.
            let ours = Self.isWrittenByReprise(name) && (!name.hasSuffix(".h5") || Self.isReprisesHDF5("\(root)/\(relative)"))
            if isFile && ours { files.append(relative) } else { kept.append(relative) }
        }
        self.files = files.sorted()
        self.kept = kept.sorted()
    }

    /// Names Reprise gives what it stores: `….h5` (cells, selection records), `….checkpoint`, and
    /// the copies kept aside (`….h5.superseded2`, `….h5.unreadable`, …).
    static func isWrittenByReprise(_ name: String) -> Bool {
        name.hasSuffix(".h5") || name.hasSuffix(".checkpoint")
            || [".h5.superseded", ".h5.unreadable", ".checkpoint.superseded", ".checkpoint.unreadable"].contains { name.contains($0) }
    }

    /// Whether the HDF5 file at `path` is a Reprise cell or selection record (its root `format`).
    static func isReprisesHDF5(_ path: String) -> Bool {
        guard let attributes = try? ResultStore.readRootAttributes(path), case .string(let format)? = attributes["format"] else { return false }
        return format.hasPrefix("reprise-")
    }

    static func isSymlink(_ path: String) -> Bool {
        var s = stat()
        return lstat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFLNK
    }

    /// Every entry under `folder` (lstat: links are reported, never entered), depth first; `visit`
    /// gets its relative path and whether it is a regular file. Folders are descended, not reported.
    private static func walk(_ folder: String, _ prefix: String, _ visit: (String, Bool) -> Void) {
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let path = "\(folder)/\(name)", relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var s = stat()
            guard lstat(path, &s) == 0 else { continue }
            switch s.st_mode & S_IFMT {
            case S_IFDIR: walk(path, relative, visit)
            case S_IFREG: visit(relative, true)
            default: visit(relative, false)
            }
        }
    }

    /// Deletes the files (never a link, re-checked just before), then the folders left empty, the
    /// experiment's own folder included when nothing else is in it. Returns the files deleted.
    @discardableResult
    public func delete() throws -> Int {
        var deleted = 0
        for file in files {
            let path = "\(folder)/\(file)"
            var s = stat()
            guard lstat(path, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG else { continue }
            guard unlink(path) == 0 else { throw CommandError("clean: cannot delete \(path): \(String(cString: strerror(errno))); \(deleted) file(s) deleted before it") }
            deleted += 1
        }
        // rmdir removes only empty folders: anything kept keeps its folders.
        let folders = Set(files.map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
            .flatMap { f in sequence(first: f) { let p = ($0 as NSString).deletingLastPathComponent; return p.isEmpty ? nil : p } }
        for f in Set(folders).sorted(by: { $0.count > $1.count }) { rmdir("\(folder)/\(f)") }
        rmdir(folder)
        rmdir((folder as NSString).deletingLastPathComponent)
        return deleted
    }
}
