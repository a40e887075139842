import Foundation
import RepriseConfig

extension Validator {
    /// The `[[claims]]` tables, each validated against the schema and its kind's keys. `scoped`:
    /// their scope and history are read (false for a revision's claim as first stated, which
    /// takes those of the claim it became).
    mutating func validateClaims(_ v: ConfigValue?, metrics: [String], storedTensors: [String],
                                 variants: [[String: ConfigValue]], scoped: Bool = true, at: String = "claims") -> [ClaimSpec] {
        guard let v else { return [] }
        guard let list = v.array else { fail("claims", "expected [[claims]] tables"); return [] }
        let labels = Set(variants.map { $0["label"]?.string ?? $0["name"]?.string ?? "" })
        let kinds = catalog.names(.claim)
        return list.enumerated().compactMap { i, item in
            let path = scoped ? "claims[\(i)]" : at
            guard let t = item.table else { fail(path, "expected a table"); return nil }
            let kindName = t["kind"]?.string ?? "superior"
            guard let kind = catalog.component(.claim, kindName) else {
                fail("\(path).kind", "expected one of \(kinds.map { "\"\($0)\"" }.joined(separator: ", ")), found \(t["kind"].map { "\($0)" } ?? "nothing")")
                return nil
            }
            var plain = t
            plain["revisions"] = nil
            let c = validate(plain, Schema.claim + kind.keys, at: path)
            guard let text = c["text"]?.string else { return nil }
            let own = c.filter { key, _ in kind.keys.contains { $0.name == key } }
            do { _ = try kind.settings(own) } catch let error as ComponentError {
                for p in error.problems { fail("\(path).\(p.key)", p.message) }
            } catch {}
            var settings = own
            if kindName == "range", own["arms"] == nil {
                // A range over the whole grid: every arm of the claim's groups, in the spec's order.
                let named = c["group"]?.string.map { [$0] } ?? c["groups"]?.array?.compactMap(\.string)
                var all: [String] = []
                for v in variants where named == nil || named!.contains(v["group"]?.string ?? "") {
                    let l = v["label"]?.string ?? v["name"]?.string ?? ""
                    if !all.contains(l) { all.append(l) }
                }
                if all.count < 2 { fail("\(path).arms", "a range needs at least two arms; found \(all.count) in \(named == nil ? "the experiment" : "the claim's groups")") }
                settings["arms"] = .array(all.map { .string($0) })
            }
            var claim = ClaimSpec(text: text, kind: kindName, settings: settings, primary: c["primary"]?.bool ?? false)
            claim.withdrawn = c["withdrawn"]?.string
            claim.note = c["note"]?.string
            if claim.withdrawn != nil, claim.primary {
                fail("\(path).withdrawn", "a withdrawn claim is no headline claim: remove primary = true (it leaves Holm's family)")
            }
            if scoped {
                claim.groups = scope(c, of: claim, variants: variants, at: path)
                claim.everyGroup = c["every_group"]?.bool ?? false
                (claim.history, claim.original) = history(t, c, of: claim, metrics: metrics, storedTensors: storedTensors, variants: variants, at: path)
            }
            for l in claim.arms where !labels.contains(l) {
                fail(path, "no variant labelled '\(l)'; labels: \(labels.sorted().joined(separator: ", "))")
            }
            checkVacuous(claim, at: path)
            if let metric = own["metric"]?.string {
                if case .proportion(perStart: true, _, _) = claim.test {
                    if !storedTensors.contains(metric) {
                        fail("\(path).metric", "a per-start proportion reads a per-start tensor the problem stores; this problem stores \(storedTensors.isEmpty ? "none (use a multistart problem)" : storedTensors.joined(separator: ", "))")
                    }
                } else if !metrics.contains(metric) {
                    fail("\(path).metric", "choose one of \(metrics.joined(separator: ", "))")
                } else if ClaimKinds.directional.contains(kindName) || claim.overEpochs == .best || claim.ranksDiverged {
                    requireGoal(metric, at: "\(path).metric", for: "the subject of a \(kindName) claim\(claim.overEpochs == .best ? " or reduced by \"best\"" : "")\(claim.ranksDiverged ? " (diverged = \"rank\" ranks a diverged run worst in the metric's direction)" : "")")
                }
            }
            if let axis = claim.test.axis, !variants.contains(where: { $0[axis]?.number != nil }) {
                fail("\(path).axis", "no variant has a numeric value of '\(axis)'; a \(kindName) \(kindName == "trend" ? "orders" : "splits") arms by a numeric variant key")
            } else if claim.test.acrossGroups, scoped, (claim.groups?.count ?? 0) < 3 {
                fail(path, "a cost trend reads across the groups its statement lists, in order: give groups = [...] with at least three (Page's test needs three arms)")
            } else if case .threshold(let axis, let at, _) = claim.test {
                let values = variants.compactMap { $0[axis]?.number }
                if !values.contains(where: { $0 >= at }) || !values.contains(where: { $0 < at }) {
                    fail("\(path).at", "\(at) does not split the arms along '\(axis)' (values \(Set(values).sorted().map { "\($0)" }.joined(separator: ", "))): a threshold compares arms at or above it with arms below it")
                }
            }
            return claim
        }
    }

    /// The groups a claim is about: those it names (`group`, `groups`), or nil for every group
    /// holding its arms (`every_group`). A claim whose arms sit in more than one group must say
    /// which (issue 30: a claim tested over a group its statement excludes takes that group's verdict).
    private mutating func scope(_ c: [String: ConfigValue], of claim: ClaimSpec, variants: [[String: ConfigValue]], at path: String) -> [String]? {
        let all = variants.compactMap { $0["group"]?.string }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var named: [String]?
        if let g = c["group"]?.string { named = [g] }
        if let gs = c["groups"]?.array?.compactMap(\.string) {
            if named != nil { fail("\(path).groups", "give one of group and groups") }
            if Set(gs).count != gs.count { fail("\(path).groups", "a group is listed twice") }
            named = gs
        }
        if c["every_group"]?.bool == true, named != nil { fail("\(path).every_group", "every_group = true and named groups contradict each other; give one") }
        for g in named ?? [] where !all.contains(g) {
            fail("\(path).\(c["group"] != nil ? "group" : "groups")", "no variant group '\(g)'; groups: \(all.joined(separator: ", "))")
        }
        // The groups where the claim's arms appear: a claim whose arms sit in two groups or more
        // must name its scope.
        let labels = Set(claim.arms)
        var holding: [String] = []
        for v in variants {
            let g = v["group"]?.string ?? ""
            let isArm: Bool
            if let axis = claim.test.axis { isArm = v[axis]?.number != nil }
            else { isArm = labels.contains(v["label"]?.string ?? v["name"]?.string ?? "") }
            if isArm, !holding.contains(g) { holding.append(g) }
        }
        for g in named ?? [] where all.contains(g) && !holding.contains(g) {
            fail(path, "the group '\(g)' holds none of the claim's arms (\(claim.arms.joined(separator: ", "))); name the groups that hold them")
        }
        if named == nil, c["every_group"]?.bool != true, holding.count > 1 {
            fail("\(path)", "its arms appear in \(holding.count) groups (\(holding.map { "'\($0)'" }.joined(separator: ", "))): name the groups its statement is about (group = \"…\" or groups = […]), or every_group = true if it claims every one")
        }
        return named
    }

    /// A claim's history (`stated`, `stated_after_results`, `[[claims.revisions]]`) and, when a
    /// revision records the claim as first stated (`[claims.revisions.was]`), that original claim.
    private mutating func history(_ t: [String: ConfigValue], _ c: [String: ConfigValue], of claim: ClaimSpec,
                                  metrics: [String], storedTensors: [String], variants: [[String: ConfigValue]],
                                  at path: String) -> (ClaimHistory, [ClaimSpec]) {
        var history = ClaimHistory(stated: c["stated"]?.string, statedAfterResults: c["stated_after_results"]?.bool)
        if (history.stated == nil) != (history.statedAfterResults == nil) {
            fail(path, "give both stated and stated_after_results (when the claim was stated, and whether results of this experiment existed then)")
        }
        var original: [ClaimSpec] = []
        guard let raw = t["revisions"] else { return (history, original) }
        guard let list = raw.array else { fail("\(path).revisions", "expected [[claims.revisions]] tables"); return (history, original) }
        for (j, item) in list.enumerated() {
            let at = "\(path).revisions[\(j)]"
            guard var r = item.table else { fail(at, "expected a table"); continue }
            let was = r["was"]
            r["was"] = nil
            let v = validate(r, Schema.claimChange, at: at)
            guard let commit = v["commit"]?.string, let reason = v["reason"]?.string,
                  let kind = v["kind"]?.string.flatMap(ClaimHistory.Change.Kind.init) else { continue }
            history.changes.append(.init(commit: commit, reason: reason, kind: kind))
            guard let was else { continue }
            if kind == .correction { fail("\(at).was", "a correction leaves the statement as it was; only a revision records the claim as first stated") }
            if !original.isEmpty { fail("\(at).was", "the claim as first stated is recorded once, in the first revision that changed it") }
            guard let table = was.table else { fail("\(at).was", "expected a table: the claim's keys as first stated"); continue }
            for key in ["primary", "stated", "stated_after_results", "revisions"] where table[key] != nil {
                fail("\(at).was.\(key)", "the claim as first stated holds its statement, test and scope (text, kind, the kind's keys, group or groups); its history is the claim's")
            }
            // Its scope as it was: the groups it named, else every group holding its arms (claims
            // stated before scopes existed were tested there).
            let inner = validateClaims(.array([.table(table)]), metrics: metrics, storedTensors: storedTensors, variants: variants, scoped: false, at: "\(at).was")
            for var o in inner {
                o.groups = table["group"]?.string.map { [$0] } ?? table["groups"]?.array?.compactMap(\.string)
                o.everyGroup = o.groups == nil
                original.append(o)
            }
        }
        if history.stated == nil, !history.changes.isEmpty { fail(path, "a claim with revisions records when it was first stated (stated, stated_after_results)") }
        return (history, original)
    }
}

extension Validator {
    /// Refuses a rank claim whose design cannot reach its threshold (issue 30): its smallest
    /// attainable p (`ExperimentSpec.smallestRankP`) on the default profile's seeds must lie below
    /// 0.05 (exploratory) or 0.05/m (primary: Holm's smallest threshold, m at least this spec's
    /// primary claims; the paper's count is `ExperimentSpec.rankDesignProblems`'s to check across specs).
    /// A smaller profile (quick) is a smoke test, not the design: not checked.
    mutating func checkRankDesigns(_ spec: ExperimentSpec) {
        let primaries = spec.claims.filter(\.primary).count
        for (i, claim) in spec.claims.enumerated() {
            if let problem = spec.rankDesignProblem(claim, primaryClaims: primaries) { fail("claims[\(i)]", problem) }
        }
    }
}

extension ExperimentSpec {
    /// The smallest two-sided exact p of Wilcoxon's signed-rank test on n paired seeds: every
    /// difference of one sign, 2/2ⁿ.
    public static func smallestWilcoxonP(_ n: Int) -> Double { min(1, 2 / pow(2, Double(n))) }

    /// The smallest two-sided exact p of Mann–Whitney's U on n1 and n2 seeds: every value of one arm
    /// above every value of the other, 2/C(n1 + n2, n1).
    public static func smallestMannWhitneyP(_ n1: Int, _ n2: Int) -> Double {
        var c = 1.0
        for i in 0..<min(n1, n2) { c = c * Double(n1 + n2 - i) / Double(i + 1) }
        return min(1, 2 / c)
    }

    /// The smallest two-sided p of Page's L (its normal approximation, as the trend's verdict reads
    /// it) on n blocks of k arms: every block ranked in the claimed order.
    public static func smallestPageP(blocks n: Int, arms k: Int) -> Double {
        let (nn, kk) = (Double(n), Double(k))
        let largest = nn * kk * (kk + 1) * (2 * kk + 1) / 6, mean = nn * kk * (kk + 1) * (kk + 1) / 4
        let variance = nn * kk * kk * (kk + 1) * (kk * kk - 1) / 144
        guard variance > 0 else { return 1 }
        let z = (largest - mean) / variance.squareRoot()
        return min(1, erfc(z / 2.0.squareRoot()))   // 2 (1 − Φ(z))
    }

    /// The smallest p a rank claim (`diverged = "rank"`) can reach on this spec's seeds, on the
    /// scale its verdict and Holm's family read, and the test in words; nil for a claim not on ranks.
    /// Every variant runs the spec's seeds, so comparisons are paired: Wilcoxon's 2/2ⁿ (equivalent:
    /// the larger one-sided p of two tests, 1/2ⁿ); a trend's Page's L over the fewest arms along its axis.
    public func smallestRankP(_ claim: ClaimSpec) -> (p: Double, test: String)? {
        guard claim.ranksDiverged else { return nil }
        let n = seeds.count
        switch claim.test {
        case .equivalent: return (min(1, 1 / pow(2, Double(n))), "two one-sided Wilcoxon signed-rank tests on \(n) paired seeds")
        case .trend(let axis, _):
            var arms: [String: Int] = [:]
            for v in variants where v.number(axis) != nil && (claim.groups?.contains(v.group) ?? true) { arms[v.group, default: 0] += 1 }
            let k = arms.values.min() ?? 0
            return (Self.smallestPageP(blocks: n, arms: k), "Page's L on \(n) seeds × \(k) arms")
        default: return (Self.smallestWilcoxonP(n), "Wilcoxon signed-rank on \(n) paired seeds")
        }
    }

    /// Why a rank claim cannot pass its threshold (0.05 exploratory, 0.05/m primary with m the
    /// primary claims of its paper), or nil.
    public func rankDesignProblem(_ claim: ClaimSpec, primaryClaims m: Int) -> String? {
        guard let (p, test) = smallestRankP(claim) else { return nil }
        let threshold = claim.primary ? 0.05 / Double(max(1, m)) : 0.05
        guard p >= threshold else { return nil }
        let which = claim.primary ? "0.05/\(max(1, m)) = \(String(format: "%.3g", threshold)), Holm's smallest threshold for a primary claim among \(max(1, m))" : "0.05, an exploratory claim's"
        let enough = n(for: claim, below: threshold)
        return "the claim \"\(claim.text)\" ranks diverged runs: its smallest attainable p (\(test)) is \(String(format: "%.3g", p)), not below \(which): it can never hold; "
            + (enough.map { "give at least \($0) seeds" } ?? "give more seeds") + (claim.primary ? " or make it exploratory (primary = false)" : "")
    }

    /// The fewest seeds whose smallest attainable p lies below `threshold` (up to 1000), or nil.
    private func n(for claim: ClaimSpec, below threshold: Double) -> Int? {
        var s = self
        for n in max(1, seeds.count)...1000 {
            s.seeds = Array(0..<n)
            if let (p, _) = s.smallestRankP(claim), p < threshold { return n }
        }
        return nil
    }

    /// Every primary rank claim whose smallest attainable p cannot pass Holm's smallest threshold
    /// across its paper, 0.05/m with m the paper's primary claims over all its experiments: checked
    /// beside `primaryClaimsProblem` wherever that is. Only a spec at the default profile is the
    /// design (a quick profile is a smoke test); exploratory claims are the spec's own validation's.
    public static func rankDesignProblems(_ specs: [ExperimentSpec]) -> [String] {
        var primaries: [String: Int] = [:]
        for s in specs { primaries[s.paper, default: 0] += s.claims.filter(\.primary).count }
        return specs.filter { $0.profile == defaultProfile }.flatMap { s in
            s.claims.filter(\.primary).compactMap { c in s.rankDesignProblem(c, primaryClaims: primaries[s.paper] ?? 1).map { "\(s.name): \($0)" } }
        }
    }

    /// The paper-wide problems of a set of specs: too many primary claims, primary rank claims that cannot pass.
    public static func paperProblems(_ specs: [ExperimentSpec]) -> [String] {
        primaryClaimsProblem(specs) + rankDesignProblems(specs)
    }
}
