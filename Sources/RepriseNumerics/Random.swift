/// Reprise's own pseudo-random numbers: identical on every platform and Swift version, because
/// nothing here calls the standard library's generators, `shuffle` or `random`.
///
/// Algorithm: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
/// 2018), its 256-bit state filled by SplitMix64 from a 64-bit stream key.
public struct RandomStream: Sendable {
    private var s0, s1, s2, s3: UInt64
    private var spareNormal: Double?

    /// A stream with the given xoshiro256** state (for checking against the reference outputs).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// The stream's whole state as words: xoshiro's four, then whether a spare normal is cached and
    /// its bits (Box–Muller draws pairs: a stream restored without its spare would draw another
    /// sequence).
    public var stateWords: [UInt64] { [s0, s1, s2, s3, spareNormal == nil ? 0 : 1, spareNormal?.bitPattern ?? 0] }

    /// The stream whose state `stateWords` returned; nil for words that are not one.
    public init?(stateWords w: [UInt64]) {
        guard w.count == 6, w[4] <= 1, w[0] | w[1] | w[2] | w[3] != 0 else { return nil }
        (s0, s1, s2, s3) = (w[0], w[1], w[2], w[3])
        spareNormal = w[4] == 1 ? Double(bitPattern: w[5]) : nil
    }

    /// A stream seeded directly by a 64-bit key (see `StreamKey` for named streams).
    public init(key: UInt64) {
        var sm = SplitMix64(state: key)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// The named stream `(experiment, variant, seed, name)`; see `StreamKey.derive`.
    public init(experiment: String, variant: String, seed: Int, name: String) {
        self.init(key: StreamKey.derive(experiment: experiment, variant: variant, seed: seed, name: name))
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform on [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }

    /// Uniform integer in 0..<n, unbiased (Lemire's multiply-and-reject method).
    public mutating func integer(below n: Int) -> Int {
        precondition(n > 0, "integer(below:) needs a positive bound")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// Standard normal by the Box–Muller transform (pairs; the second value is kept for the next call).
    /// Uses libm's `log`, `sqrt`, `cos`, `sin`: bit-identical wherever libm is (glibc on every Linux).
    public mutating func normal() -> Double {
        if let z = spareNormal { spareNormal = nil; return z }
        let u1 = 1.0 - uniform()  // (0, 1]: log is finite
        let u2 = uniform()
        let r = (-2.0 * libmLog(u1)).squareRoot()
        let angle = 2.0 * Double.pi * u2
        spareNormal = r * libmSin(angle)
        return r * libmCos(angle)
    }

    /// A uniformly random permutation of 0..<n (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }

    /// Shuffles in place (Fisher–Yates, from the last element down).
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, integer(below: i + 1))
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014), used only to expand a key into xoshiro's state.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Keys of named random streams.
public enum StreamKey {
    /// The variant name problem streams use, so that every variant of an experiment sees the same
    /// initial weights, data order and gradient noise for a given seed (paired comparisons).
    public static let shared = "*"

    /// 64-bit key of the stream `(experiment, variant, seed, name)`: FNV-1a over the UTF-8 bytes of
    /// the four fields, each followed by a 0x1F separator, then one SplitMix64 finalisation.
    /// Each stream depends only on its own four fields, so adding a variant, a seed or a random call
    /// elsewhere never changes it.
    public static func derive(experiment: String, variant: String, seed: Int, name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for field in [experiment, variant, String(seed), name] {
            for byte in field.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        var sm = SplitMix64(state: h)
        return sm.next()
    }
}
