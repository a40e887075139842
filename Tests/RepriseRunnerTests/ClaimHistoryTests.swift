import XCTest
import RepriseExperiments
import RepriseLearning

/// Every committed claim's history (`stated`, `stated_after_results`, `[[claims.revisions]]`) is
/// what git says (issue 30): the stated commit exists on this history and is where the claim's
/// statement (as first stated) first appeared in its experiment's file (or, for a claim moved from
/// another experiment, in the file that held it); whether results of that experiment were committed
/// by then is recorded truly; each change names a commit of this history. The histories were
/// written by reading git; this test fails the day one is edited wrongly or a claim is added without one.
final class ClaimHistoryTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func git(_ args: [String]) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", root] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The experiments files at `commit` that contain `text` verbatim.
    private func files(containing text: String, at commit: String) -> [String] {
        git(["grep", "-l", "-F", "-e", text, commit, "--", "experiments"]).output.split(separator: "\n")
            .map { String($0.drop { $0 != ":" }.dropFirst()) }
    }

    func testEveryCommittedClaimsHistoryIsWhatGitSays() throws {
        guard git(["rev-parse", "--is-inside-work-tree"]).output.hasPrefix("true"),
              git(["rev-parse", "--is-shallow-repository"]).output.hasPrefix("false") else {
            throw XCTSkip("needs the full git history (a clone, not an archive or a shallow clone)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(root)/experiments").filter { $0.hasSuffix(".toml") }.sorted()
        var checked = 0, problems: [String] = []
        for name in names {
            let experiment = String(name.dropLast(5)), file = "experiments/\(name)"
            let spec = try ExperimentSpec.load("\(root)/\(file)", catalog: Registry.standard.catalog)
            for (i, claim) in spec.claims.enumerated() {
                let at = "\(experiment) claims[\(i)]"
                guard let stated = claim.history.stated, let after = claim.history.statedAfterResults else {
                    problems.append("\(at): no history (stated, stated_after_results)"); continue
                }
                checked += 1
                guard stated != ClaimHistory.pending else {
                    problems.append("\(at): stated is PENDING: write the hash of the commit that stated it"); continue
                }
                guard git(["merge-base", "--is-ancestor", stated, "HEAD"]).status == 0 else {
                    problems.append("\(at): stated \(stated) is not a commit of this history"); continue
                }
                for change in claim.history.changes {
                    if change.commit == ClaimHistory.pending {
                        problems.append("\(at): a change's commit is PENDING: write the hash of the commit that made it")
                    } else if git(["merge-base", "--is-ancestor", change.commit, "HEAD"]).status != 0 {
                        problems.append("\(at): change \(change.commit) is not a commit of this history")
                    } else if git(["merge-base", "--is-ancestor", stated, change.commit]).status != 0 {
                        problems.append("\(at): change \(change.commit.prefix(8)) is not after the claim was stated")
                    }
                }
                // The statement as first stated: the revision's record of it, else the text now
                // (checked where it was last reworded, when it was).
                let reworded = claim.history.changes.last { $0.kind == .wording }
                let text = claim.original.first?.text ?? claim.text
                if let reworded, claim.original.isEmpty {
                    if !files(containing: text, at: reworded.commit).contains(file) {
                        problems.append("\(at): its text is not in \(file) at \(reworded.commit.prefix(8)), where it was reworded")
                    }
                    continue
                }
                let own = files(containing: text, at: stated)
                let holders = own.contains(file) ? [file] : own
                if holders.isEmpty { problems.append("\(at): its statement is not in any experiments file at \(stated.prefix(8))"); continue }
                for h in holders where files(containing: text, at: "\(stated)^").contains(h) {
                    problems.append("\(at): its statement is already in \(h) before \(stated.prefix(8)): stated is not where it first appeared")
                }
                let results = holders.contains { h in
                    let exp = URL(fileURLWithPath: h).deletingPathExtension().lastPathComponent
                    return !git(["ls-tree", "-d", stated, "results/\(exp)"]).output.isEmpty
                }
                if results != after {
                    problems.append("\(at): stated_after_results = \(after), but results of \(holders.joined(separator: ", ")) were \(results ? "" : "not ")committed at \(stated.prefix(8))")
                }
            }
        }
        print("ClaimHistoryTests: \(checked) claims' histories checked against git")
        XCTAssertGreaterThan(checked, 50)
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }
}
