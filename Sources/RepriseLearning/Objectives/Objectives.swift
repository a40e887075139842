/// A deterministic objective `f: Rⁿ → R` with its exact gradient, in Double.
public protocol Objective: Sendable {
    var dimension: Int { get }
    /// The known minimiser, when there is one (for distance-to-optimum metrics).
    var minimizer: [Double]? { get }
    func value(_ x: [Double]) -> Double
    /// `∇f(x)` written into `g`.
    func gradient(_ x: [Double], into g: inout [Double])
    /// The Hessian-vector product `∇²f(x)·v` written into `hv` (hand-written, closed form).
    func hessianVectorProduct(_ x: [Double], _ v: [Double], into hv: inout [Double])
}

/// The analytic objectives by the name a spec gives them.
public enum ObjectiveName: String, Sendable, Hashable, CaseIterable {
    case rosenbrock, beale

    public func make(dimension: Int) -> any Objective {
        switch self {
        case .rosenbrock: return Rosenbrock(dimension: dimension)
        case .beale: return Beale()
        }
    }

    /// The dimensions the function is defined for.
    public func accepts(dimension: Int) -> Bool {
        switch self {
        case .rosenbrock: return dimension >= 2
        case .beale: return dimension == 2
        }
    }
}

/// Rosenbrock's function `f(x) = Σᵢ [b(xᵢ₊₁ − xᵢ²)² + (a − xᵢ)²]`, `a = 1`, `b = 100`; minimum 0 at (1, …, 1).
public struct Rosenbrock: Objective {
    public let dimension: Int
    public let a: Double = 1, b: Double = 100
    public init(dimension: Int = 2) {
        precondition(dimension >= 2, "Rosenbrock needs at least two dimensions")
        self.dimension = dimension
    }
    public var minimizer: [Double]? { Array(repeating: a, count: dimension) }

    public func value(_ x: [Double]) -> Double {
        var f = 0.0
        for i in 0..<(dimension - 1) {
            let u = x[i + 1] - x[i] * x[i], v = a - x[i]
            f += b * u * u + v * v
        }
        return f
    }

    /// `∂f/∂xᵢ = −4b·xᵢ(xᵢ₊₁ − xᵢ²) − 2(a − xᵢ) + 2b(xᵢ − xᵢ₋₁²)`, the terms present for each i.
    public func gradient(_ x: [Double], into g: inout [Double]) {
        for i in 0..<dimension { g[i] = 0 }
        for i in 0..<(dimension - 1) {
            let u = x[i + 1] - x[i] * x[i]
            g[i] += -4 * b * x[i] * u - 2 * (a - x[i])
            g[i + 1] += 2 * b * u
        }
    }

    /// Each term `i` adds `∂²/∂xᵢ² = b(12xᵢ² − 4xᵢ₊₁) + 2`, `∂²/∂xᵢ∂xᵢ₊₁ = −4b·xᵢ`, `∂²/∂xᵢ₊₁² = 2b`.
    public func hessianVectorProduct(_ x: [Double], _ v: [Double], into hv: inout [Double]) {
        for i in 0..<dimension { hv[i] = 0 }
        for i in 0..<(dimension - 1) {
            let hii = b * (12 * x[i] * x[i] - 4 * x[i + 1]) + 2, hij = -4 * b * x[i]
            hv[i] += hii * v[i] + hij * v[i + 1]
            hv[i + 1] += hij * v[i] + 2 * b * v[i + 1]
        }
    }
}

/// Beale's function `f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²`
/// (papers.md §4); minimum 0 at (3, 0.5).
public struct Beale: Objective {
    public init() {}
    public var dimension: Int { 2 }
    public var minimizer: [Double]? { [3, 0.5] }
    private static let c = [1.5, 2.25, 2.625]

    public func value(_ p: [Double]) -> Double {
        let x = p[0], y = p[1]
        var f = 0.0, yk = 1.0
        for k in 0..<3 {
            yk *= y
            let r = Self.c[k] - x + x * yk
            f += r * r
        }
        return f
    }

    /// With `rₖ = cₖ − x + x·yᵏ`: `∂f/∂x = Σ 2rₖ(yᵏ − 1)`, `∂f/∂y = Σ 2rₖ·k·x·yᵏ⁻¹`.
    public func gradient(_ p: [Double], into g: inout [Double]) {
        let x = p[0], y = p[1]
        var gx = 0.0, gy = 0.0, ykMinus1 = 1.0
        for k in 1...3 {
            let yk = ykMinus1 * y
            let r = Self.c[k - 1] - x + x * yk
            gx += 2 * r * (yk - 1)
            gy += 2 * r * Double(k) * x * ykMinus1
            ykMinus1 = yk
        }
        g[0] = gx
        g[1] = gy
    }

    /// `∇²f = Σₖ 2(∇rₖ∇rₖᵀ + rₖ∇²rₖ)` with `∇rₖ = (yᵏ − 1, k·x·yᵏ⁻¹)` and
    /// `∇²rₖ = [[0, k·yᵏ⁻¹], [k·yᵏ⁻¹, k(k−1)·x·yᵏ⁻²]]`.
    public func hessianVectorProduct(_ p: [Double], _ v: [Double], into hv: inout [Double]) {
        let x = p[0], y = p[1]
        var hxx = 0.0, hxy = 0.0, hyy = 0.0
        for k in 1...3 {
            let kd = Double(k)
            let yk = Self.power(y, k), yk1 = Self.power(y, k - 1), yk2 = k >= 2 ? Self.power(y, k - 2) : 0
            let r = Self.c[k - 1] - x + x * yk
            let rx = yk - 1, ry = kd * x * yk1
            hxx += 2 * rx * rx
            hxy += 2 * (rx * ry + r * kd * yk1)
            hyy += 2 * (ry * ry + r * kd * (kd - 1) * x * yk2)
        }
        hv[0] = hxx * v[0] + hxy * v[1]
        hv[1] = hxy * v[0] + hyy * v[1]
    }

    private static func power(_ y: Double, _ k: Int) -> Double {
        var r = 1.0
        for _ in 0..<k { r *= y }
        return r
    }
}
