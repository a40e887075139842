import Foundation

/// The head of a small spec for tests whose results are built in memory (claims, figures, seed
/// plans): a named experiment on Rosenbrock, ten steps, the given seeds and pilot seeds. Variants,
/// claims and figures follow it. One place, so a change of the spec format is one edit.
enum SyntheticSpec {
    static func head(_ name: String, seeds: [Int], pilots: [Int] = [], problem: String? = nil) -> String {
        func list(_ v: [Int]) -> String { "[" + v.map(String.init).joined(separator: ", ") + "]" }
        return """
            name = "\(name)"
            title = "\(name.prefix(1).uppercased() + name.dropFirst())"
            paper = "none"
            seeds = \(list(seeds))
            \(pilots.isEmpty ? "" : "pilot_seeds = \(list(pilots))")
            [problem]
            \(problem ?? "kind = \"objective\"\nfunction = \"rosenbrock\"\nstart = [-1.2, 1.0]")
            [budget]
            steps = 10


            """
    }
}
