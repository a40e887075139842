import Foundation
import XCTest
@testable import RepriseRunner
import RepriseStore

/// Provenance names the code that made a result: the compiled source's digest, the commit, and
/// whether the tree differed from it.
final class ProvenanceTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func digest(of tree: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["\(root)/scripts/source-digest.sh", tree]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The digest compiled in is the script's digest of the tree that was built (the test build
    /// compiles this checkout as it is, edits included), and an edit that is never committed changes it.
    func testTheCompiledDigestIsTheBuiltTreesAndAnEditChangesIt() throws {
        XCTAssertEqual(Provenance.sourceDigest.count, 64)
        XCTAssertEqual(Provenance.sourceDigest, try digest(of: root), "the compiled digest is not that of \(root)")

        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for item in ["Sources", "Package.swift"] { try FileManager.default.copyItem(atPath: "\(root)/\(item)", toPath: "\(copy)/\(item)") }
        if FileManager.default.fileExists(atPath: "\(root)/Package.resolved") {
            try FileManager.default.copyItem(atPath: "\(root)/Package.resolved", toPath: "\(copy)/Package.resolved")
        }
        XCTAssertEqual(try digest(of: copy), Provenance.sourceDigest, "a copy of the tree has the same digest")
        let file = "\(copy)/Sources/RepriseNumerics/Matrix.swift"
        try (String(contentsOfFile: file, encoding: .utf8) + "\n// an uncommitted edit\n").write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(try digest(of: copy), Provenance.sourceDigest, "an edit must change the digest")
    }

    /// A checkout's uncommitted files are named exactly (the first porcelain line arrives without its
    /// leading space: its path lost a letter), and only Sources/, Package.swift and experiments/ count.
    func testUncommittedFilesAreNamedExactly() throws {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("git-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: repo) }
        for folder in ["experiments", "Sources/A", "notes"] {
            try FileManager.default.createDirectory(atPath: "\(repo)/\(folder)", withIntermediateDirectories: true)
        }
        for file in ["experiments/x.toml", "Sources/A/a.swift", "notes/n.md", "Package.swift"] {
            try "v1\n".write(toFile: "\(repo)/\(file)", atomically: true, encoding: .utf8)
        }
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", repo, "-c", "user.name=t", "-c", "user.email=t@t"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "init")
        XCTAssertEqual(Provenance.git(in: repo)?.uncommitted, [])
        try "v2\n".write(toFile: "\(repo)/experiments/x.toml", atomically: true, encoding: .utf8)
        try "v2\n".write(toFile: "\(repo)/notes/n.md", atomically: true, encoding: .utf8)
        try "new\n".write(toFile: "\(repo)/Sources/A/b.swift", atomically: true, encoding: .utf8)
        let checkout = try XCTUnwrap(Provenance.git(in: repo))
        XCTAssertEqual(checkout.uncommitted.sorted(), ["Sources/A/b.swift", "experiments/x.toml"])
        XCTAssertTrue(Provenance.dirtyWarning(checkout)?.contains("experiments/x.toml") == true)
    }

    /// Outside a git checkout nothing is known: the commit is "unknown" and git_dirty −1, never 0.
    func testOutsideGitTheDirtyFlagIsUnknownNotClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nogit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertNil(Provenance.git(in: folder))
        let attributes = Provenance.attributes(sourceDirectory: folder)
        XCTAssertEqual(attributes["git_commit"], .string("unknown"))
        XCTAssertEqual(attributes["git_dirty"], .int(-1))
        XCTAssertEqual(attributes["source_digest"], .string(Provenance.sourceDigest))
        XCTAssertNotNil(Provenance.dirtyWarning(nil))
    }
}
