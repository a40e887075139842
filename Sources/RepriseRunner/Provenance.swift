import Foundation
import RepriseNumerics
import RepriseStore

/// Where a result came from: code version, toolchain and libraries. Recorded with every cell.
public enum Provenance {
    public static let repriseVersion = "0.1.0"

    public static var swiftVersion: String {
        #if compiler(>=6.4)
        return ">=6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #else
        return "<6.2"
        #endif
    }

    /// The digest of the source this binary was compiled from (`scripts/source-digest.sh`: every
    /// file of `Sources/`, `Package.swift`, `Package.resolved`), committed or not.
    public static var sourceDigest: String { BuildInfo.sourceDigest }

    /// The checkout a run starts in: its commit, and the files of `Sources/`, `Package.swift` and
    /// `experiments/` that differ from it; nil outside a git checkout (then nothing is known).
    public struct Checkout: Equatable, Sendable {
        public var commit: String
        public var uncommitted: [String]
        public var dirty: Bool { !uncommitted.isEmpty }
    }

    public static func git(in directory: String) -> Checkout? {
        guard let commit = run(["git", "-C", directory, "rev-parse", "HEAD"], in: directory) else { return nil }
        let status = run(["git", "-C", directory, "status", "--porcelain", "--untracked-files=normal", "--", "Sources", "Package.swift", "experiments"], in: directory) ?? ""
        // Porcelain lines are `XY PATH`; the output arrives trimmed, so the first line may have lost
        // a leading space of its status: take what follows the status word.
        let files = status.split(separator: "\n").compactMap { line in
            line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).last.map(String.init)
        }.filter { !$0.isEmpty }
        return Checkout(commit: commit, uncommitted: files)
    }

    /// One line for a run from a tree with uncommitted changes (nil for a clean checkout).
    public static func dirtyWarning(_ checkout: Checkout?) -> String? {
        guard let checkout else {
            return "warning: not a git checkout: results record git_commit \"unknown\", git_dirty -1 (unknown) and the source digest \(sourceDigest.prefix(12))"
        }
        guard checkout.dirty else { return nil }
        let shown = checkout.uncommitted.prefix(6).joined(separator: ", ") + (checkout.uncommitted.count > 6 ? ", … (\(checkout.uncommitted.count) files)" : "")
        return "warning: uncommitted changes (\(shown)): results record git_dirty 1 and the source digest \(sourceDigest.prefix(12)); commit first so they name a commit"
    }

    /// The commit in which a spec's claims took their present form: walking back through the
    /// commits that touched `file` (relative to `directory`), the oldest of the newest run whose
    /// `[[claims]]` tables read as now. Nil outside git or for a file git does not track.
    public static func claimsCommit(of file: String, in directory: String) -> String? {
        guard let log = run(["git", "-C", directory, "log", "--format=%H", "--", file], in: directory), !log.isEmpty,
              let now = try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8) else { return nil }
        let current = claimsText(now)
        var found: String?
        for commit in log.split(separator: "\n").map(String.init) {
            guard let text = run(["git", "-C", directory, "show", "\(commit):\(file)"], in: directory), claimsText(text) == current else { break }
            found = commit
        }
        return found
    }

    /// Whether `ancestor` is `commit` or one of its ancestors (false when either is unknown to git).
    public static func isAncestor(_ ancestor: String, of commit: String, in directory: String) -> Bool {
        run(["git", "-C", directory, "merge-base", "--is-ancestor", ancestor, commit], in: directory) != nil
    }

    /// The `[[claims]]` tables of a spec's text, each line trimmed: what a claim says, whatever else
    /// of the file changed.
    static func claimsText(_ text: String) -> String {
        var out: [String] = [], inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t == "[[claims]]" { inside = true } else if t.hasPrefix("[") { inside = false }
            if inside && !t.isEmpty && !t.hasPrefix("#") { out.append(t) }
        }
        return out.joined(separator: "\n")
    }

    private static func run(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The reproducible provenance attributes of a cell. `git_dirty` is 1 with uncommitted changes,
    /// 0 without, −1 outside a git checkout (unknown; `git_commit` is then "unknown").
    static func attributes(sourceDirectory: String) -> [String: AttributeValue] {
        let checkout = git(in: sourceDirectory)
        return [
            "reprise_version": .string(repriseVersion),
            "git_commit": .string(checkout?.commit ?? "unknown"),
            "git_dirty": .int(checkout.map { $0.dirty ? 1 : 0 } ?? -1),
            "source_digest": .string(sourceDigest),
            "swift_version": .string(swiftVersion),
            "hdf5_version": .string(ResultStore.hdf5Version),
            "blas": .string(BLASThreads.libraryDescription),
            "blas_kernel": .string(BLASKernel.recorded(BLASKernel.selected)),
            "blas_threads": .int(Int64(BLASThreads.current)),
        ]
    }
}
