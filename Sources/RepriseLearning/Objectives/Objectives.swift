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
    /// `b(x, y) + b(z, y)` with `b` Beale's function (Duda's 3-D Beale).
    case beale3 = "beale3"
    /// `x² − y² + y⁴/4`: a saddle at the origin, minima `f = −1` at `(0, ±√2)`.
    case quarticSaddle = "quartic_saddle"
    /// `x³ − 3xy²`: the monkey saddle at the origin (unbounded below).
    case monkeySaddle = "monkey_saddle"
    /// `Σᵢ λᵢxᵢ²/2 + xᵢ⁴/4` in D dimensions with three negative curvatures: a saddle at the origin.
    case saddle

    public func make(dimension: Int) -> any Objective {
        switch self {
        case .rosenbrock: return Rosenbrock(dimension: dimension)
        case .beale: return Beale()
        case .beale3: return Beale3()
        case .quarticSaddle: return QuarticSaddle()
        case .monkeySaddle: return MonkeySaddle()
        case .saddle: return QuarticSaddleND(dimension: dimension)
        }
    }

    /// The dimensions the function is defined for, as a sentence for errors.
    public var dimensions: String {
        switch self {
        case .rosenbrock: return "at least 2"
        case .beale, .quarticSaddle, .monkeySaddle: return "2"
        case .beale3: return "3"
        case .saddle: return "at least 4"
        }
    }

    public func accepts(dimension: Int) -> Bool {
        switch self {
        case .rosenbrock: return dimension >= 2
        case .beale, .quarticSaddle, .monkeySaddle: return dimension == 2
        case .beale3: return dimension == 3
        case .saddle: return dimension >= 4
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

/// Duda's 3-D Beale `f(x, y, z) = b(x, y) + b(z, y)` (papers.md §4); minimum 0 at (3, 0.5, 3).
public struct Beale3: Objective {
    public init() {}
    public var dimension: Int { 3 }
    public var minimizer: [Double]? { [3, 0.5, 3] }
    private let b = Beale()

    public func value(_ p: [Double]) -> Double { b.value([p[0], p[1]]) + b.value([p[2], p[1]]) }

    public func gradient(_ p: [Double], into g: inout [Double]) {
        var g1 = [0.0, 0.0], g2 = [0.0, 0.0]
        b.gradient([p[0], p[1]], into: &g1)
        b.gradient([p[2], p[1]], into: &g2)
        g[0] = g1[0]; g[1] = g1[1] + g2[1]; g[2] = g2[0]
    }

    public func hessianVectorProduct(_ p: [Double], _ v: [Double], into hv: inout [Double]) {
        var h1 = [0.0, 0.0], h2 = [0.0, 0.0]
        b.hessianVectorProduct([p[0], p[1]], [v[0], v[1]], into: &h1)
        b.hessianVectorProduct([p[2], p[1]], [v[2], v[1]], into: &h2)
        hv[0] = h1[0]; hv[1] = h1[1] + h2[1]; hv[2] = h2[0]
    }
}

/// `f = x² − y² + y⁴/4`: `∇f = (2x, −2y + y³)`, `∇²f = diag(2, −2 + 3y²)`; a saddle at the origin
/// (`f = 0`), minima `f = −1` at `(0, ±√2)`.
public struct QuarticSaddle: Objective {
    public init() {}
    public var dimension: Int { 2 }
    public var minimizer: [Double]? { nil }
    public func value(_ p: [Double]) -> Double {
        let x = p[0], y = p[1], y2 = y * y
        return x * x - y2 + y2 * y2 / 4
    }
    public func gradient(_ p: [Double], into g: inout [Double]) { g[0] = 2 * p[0]; g[1] = -2 * p[1] + p[1] * p[1] * p[1] }
    public func hessianVectorProduct(_ p: [Double], _ v: [Double], into hv: inout [Double]) {
        hv[0] = 2 * v[0]; hv[1] = (-2 + 3 * p[1] * p[1]) * v[1]
    }
}

/// The monkey saddle `f = x³ − 3xy²`: `∇f = (3x² − 3y², −6xy)`, `∇²f = [[6x, −6y], [−6y, −6x]]`;
/// a degenerate saddle at the origin, unbounded below.
public struct MonkeySaddle: Objective {
    public init() {}
    public var dimension: Int { 2 }
    public var minimizer: [Double]? { nil }
    public func value(_ p: [Double]) -> Double { p[0] * p[0] * p[0] - 3 * p[0] * p[1] * p[1] }
    public func gradient(_ p: [Double], into g: inout [Double]) {
        g[0] = 3 * p[0] * p[0] - 3 * p[1] * p[1]; g[1] = -6 * p[0] * p[1]
    }
    public func hessianVectorProduct(_ p: [Double], _ v: [Double], into hv: inout [Double]) {
        hv[0] = 6 * p[0] * v[0] - 6 * p[1] * v[1]; hv[1] = -6 * p[1] * v[0] - 6 * p[0] * v[1]
    }
}

/// A saddle in D dimensions: `f = Σᵢ (λᵢxᵢ²/2 + xᵢ⁴/4)` with `λ₀ = λ₁ = λ₂ = −1` and the others
/// spread over [0.5, 2]; the quartic bounds it below (minima `f = −3/4` at `xᵢ = ±1` for the three
/// negative directions). `∇f = λᵢxᵢ + xᵢ³`, `∇²f = diag(λᵢ + 3xᵢ²)`.
public struct QuarticSaddleND: Objective {
    public let dimension: Int
    public let curvatures: [Double]
    public init(dimension: Int) {
        self.dimension = dimension
        let span = Double(max(dimension - 4, 1))
        curvatures = (0..<dimension).map { (i: Int) -> Double in i < 3 ? -1.0 : 0.5 + 1.5 * Double(i - 3) / span }
    }
    public var minimizer: [Double]? { nil }
    public func value(_ x: [Double]) -> Double {
        var f = 0.0
        for i in 0..<dimension {
            let x2 = x[i] * x[i]
            f += curvatures[i] * x2 / 2 + x2 * x2 / 4
        }
        return f
    }
    public func gradient(_ x: [Double], into g: inout [Double]) {
        for i in 0..<dimension { g[i] = curvatures[i] * x[i] + x[i] * x[i] * x[i] }
    }
    public func hessianVectorProduct(_ x: [Double], _ v: [Double], into hv: inout [Double]) {
        for i in 0..<dimension { hv[i] = (curvatures[i] + 3 * x[i] * x[i]) * v[i] }
    }
}
