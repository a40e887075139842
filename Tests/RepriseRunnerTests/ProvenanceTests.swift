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
