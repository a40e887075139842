import Foundation
import RepriseStore

/// Whether a stored cell was made by the code this build runs, so that it may be reused (or shown)
/// without a word. A cell is trusted when its `source_digest` equals this build's, or when it was
/// made from a clean checkout (`git_dirty` 0) at a commit that is this checkout's HEAD or one of
/// its ancestors: what changed since is guarded by the components' revisions (a change of numbers
/// changes the configuration hash) and by `make test`'s verification sample. Any other cell —
/// made from a dirty tree, outside git, or at a commit this history does not hold — was made by
/// code nobody can name, and is reported with the choice of proving it (`verify --all`) or
/// rerunning it (`run --stale`).
public final class SourceTrust {
    /// Why a stored cell is not trusted.
    public struct Doubt: Hashable, Sendable {
        public var digest: String
        public var reason: String
    }

    let digest: String
    let root: String
    private var ancestors: [String: Bool] = [:]

    /// Judges cells against this build's digest and the checkout at `root`.
    public init(root: String, digest: String = Provenance.sourceDigest) {
        self.root = root
        self.digest = digest
    }

    /// Nil when the cell with these attributes may be reused silently; else why not.
    public func doubt(_ attributes: [String: AttributeValue]) -> Doubt? {
        let theirs: String
        if case .string(let d)? = attributes["source_digest"] { theirs = d } else { theirs = "unknown" }
        if theirs == digest { return nil }
        let commit: String? = if case .string(let c)? = attributes["git_commit"], c != "unknown" { c } else { nil }
        let dirty: Int64? = if case .int(let d)? = attributes["git_dirty"] { d } else { nil }
        let short = String(theirs.prefix(12))
        guard let commit else { return Doubt(digest: short, reason: "made outside a git checkout") }
        if dirty != 0 { return Doubt(digest: short, reason: "made from uncommitted changes to \(commit.prefix(10))") }
        if isAncestor(commit) { return nil }
        return Doubt(digest: short, reason: "made at commit \(commit.prefix(10)), which this checkout's history does not hold")
    }

    private func isAncestor(_ commit: String) -> Bool {
        if let known = ancestors[commit] { return known }
        let answer = Provenance.isAncestor(commit, of: "HEAD", in: root)
        ancestors[commit] = answer
        return answer
    }

    /// One note for `count` cells of `experiment` that were made by other code, or nil for none:
    /// how many, which digests and why, and the two ways to settle it.
    public static func note(_ doubts: [Doubt], experiment: String, profile: String, reused: Bool) -> String? {
        guard !doubts.isEmpty else { return nil }
        var counts: [Doubt: Int] = [:]
        for d in doubts { counts[d, default: 0] += 1 }
        let kinds = counts.sorted { ($0.value, $0.key.digest) > ($1.value, $1.key.digest) }
            .map { "\($0.value) \($0.key.reason), source digest \($0.key.digest)" }
        let profileFlag = profile == "default" ? "" : " --profile \(profile)"
        return "\(doubts.count) stored cell(s) of \(experiment) [\(profile)] were made by other code than this build's "
            + "(\(kinds.joined(separator: "; ")))\(reused ? " and were reused" : ""): prove them with "
            + "`reprise verify \(experiment)\(profileFlag) --all`, or rerun them with `reprise run \(experiment)\(profileFlag) --stale`"
    }
}
