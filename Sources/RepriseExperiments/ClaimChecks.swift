import RepriseConfig

extension Validator {
    /// Refuses a claim whose verdict would say nothing whatever was run (issue 36): an arm compared
    /// with itself (it HOLDS as equivalent or non-inferior), an arm listed twice (a range over
    /// [A, A] is a range over one arm), and, for a fraction (an accuracy, a rate), a margin or band
    /// of its whole range or a paper's number outside [0, 1].
    mutating func checkVacuous(_ claim: ClaimSpec, at path: String) {
        if let subject = claim.subject, claim.others.contains(subject) {
            fail("\(path).others", "compares '\(subject)' with itself; remove it from others (an arm against itself holds as equivalent or non-inferior whatever it does)")
        }
        var lists = [("others", claim.others)]
        switch claim.test {
        case .ordering(let order): lists.append(("order", order))
        case .range(let arms, _, _): lists.append(("arms", arms))
        default: break
        }
        for (key, labels) in lists {
            var seen: Set<String> = []
            if let twice = labels.first(where: { !seen.insert($0).inserted }) {
                fail("\(path).\(key)", "'\(twice)' is listed twice; list each arm once (a claim over one arm compares it with itself)")
            }
        }
        guard metricDescriptions[claim.metric]?.unit == "fraction" else { return }
        switch claim.test {
        case .noninferior(let margin, _), .equivalent(let margin, _):
            if margin >= 1 { fail("\(path).margin", "\(margin) is the whole range of \(claim.metric), a fraction: any two arms are within it; give a margin below 1") }
        case .range(_, let band, _):
            if band >= 1 { fail("\(path).band", "\(band) is the whole range of \(claim.metric), a fraction: every arm is within it; give a band below 1") }
        case .published(let value, _):
            if !(0...1).contains(value) { fail("\(path).value", "\(value) is outside [0, 1], the range of \(claim.metric), a fraction") }
        default: break
        }
    }
}
