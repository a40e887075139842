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

    /// The git commit of the working tree and whether it has uncommitted changes, or "unknown"
    /// outside a checkout.
    public static func git(in directory: String) -> (commit: String, dirty: Bool) {
        guard let commit = run(["git", "-C", directory, "rev-parse", "HEAD"], in: directory) else { return ("unknown", false) }
        let status = run(["git", "-C", directory, "status", "--porcelain", "--untracked-files=normal", "--", "Sources", "Package.swift", "experiments"], in: directory) ?? ""
        return (commit, !status.isEmpty)
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

    /// The reproducible provenance attributes of a cell.
    static func attributes(sourceDirectory: String) -> [String: AttributeValue] {
        let (commit, dirty) = git(in: sourceDirectory)
        return [
            "reprise_version": .string(repriseVersion),
            "git_commit": .string(commit),
            "git_dirty": .int(dirty ? 1 : 0),
            "swift_version": .string(swiftVersion),
            "hdf5_version": .string(ResultStore.hdf5Version),
            "blas": .string(BLASThreads.libraryDescription),
            "blas_kernel": .string(BLASKernel.recorded(BLASKernel.selected)),
            "blas_threads": .int(Int64(BLASThreads.current)),
        ]
    }
}
