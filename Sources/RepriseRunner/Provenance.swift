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
