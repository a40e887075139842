/// Counts and sizes made from a spec's numbers (grid points, start points, weights, bytes), in
/// checked arithmetic: a product or sum past `Int.max` is nil, never a trap, so validation can
/// refuse it with the key's line instead of every command crashing on the spec.
public enum CheckedCount {
    /// The product of `factors`, or nil past `Int.max` (or below `Int.min`).
    public static func product<S: Sequence>(_ factors: S) -> Int? where S.Element == Int {
        var out = 1
        for f in factors {
            let (p, overflow) = out.multipliedReportingOverflow(by: f)
            if overflow { return nil }
            out = p
        }
        return out
    }

    /// The sum of `terms`, or nil past `Int.max` (or below `Int.min`).
    public static func sum<S: Sequence>(_ terms: S) -> Int? where S.Element == Int {
        var out = 0
        for t in terms {
            let (s, overflow) = out.addingReportingOverflow(t)
            if overflow { return nil }
            out = s
        }
        return out
    }

    /// The sum of the products of each group of `factors` (a sum of layer sizes), or nil past `Int.max`.
    public static func sumOfProducts(_ groups: [[Int]]) -> Int? {
        var terms: [Int] = []
        for g in groups {
            guard let p = product(g) else { return nil }
            terms.append(p)
        }
        return sum(terms)
    }

    /// A count as messages show it: the number, or "more than 9223372036854775807" when it overflowed.
    public static func text(_ count: Int?) -> String { count.map(String.init) ?? "more than \(Int.max)" }
}
