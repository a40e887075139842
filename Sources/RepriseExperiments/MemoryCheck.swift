import RepriseConfig

extension Validator {
    /// Whether every key `component` declares is present (or optional) and well-typed in `table`:
    /// a component's own checks and estimates read only such a table.
    static func isWellTyped(_ table: [String: ConfigValue], for component: ComponentDescription) -> Bool {
        component.keys.allSatisfy { rule in
            guard let v = table[rule.name] else { if case .optional = rule.presence { return true }; return false }
            return rule.problem(with: v) == nil
        }
    }

    /// Refuses a variant whose cell would hold more than `MemoryEstimate.limit`: the dataset, the
    /// problem (as the variant overrides it, with the budget) and each link of its chain add their
    /// parts (`ComponentDescription.memory`), and the message names the bytes, the limit and the key
    /// of the largest part, before anything is allocated.
    mutating func checkMemory(problem: [String: ConfigValue], budget: [String: ConfigValue], _ problemComponents: [ComponentDescription],
                              chain: [ComponentDescription], variant: [String: ConfigValue], at path: String) {
        let seen = problem.merging(budget) { own, _ in own }
        var estimate = MemoryEstimate()
        // The dataset first: the problem's input and output layers take its shape. A problem its own
        // checks refuse (a lattice past Int.max) is reported once, by them.
        for c in problemComponents.reversed() {
            let settings = Settings(seen, component: c.name)
            guard Self.isWellTyped(problem, for: c), c.constraints(settings).isEmpty else { return }
            estimate = c.memory(settings, estimate)
        }
        for c in chain {
            estimate = c.memory(Settings(variant.merging(variant[c.name]?.table ?? [:]) { _, own in own }, component: c.name), estimate)
        }
        guard let (key, message) = estimate.problem() else { return }
        if variant[key] != nil { fail("\(path).\(key)", message) }
        else if problem[key] != nil { fail("problem.\(key)", message) }
        else if budget[key] != nil { fail("budget.\(key)", message) }
        else { fail(path, message) }
    }
}
