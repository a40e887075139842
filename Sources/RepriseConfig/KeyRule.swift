/// The rule one configuration key obeys: its type, whether it has a default, the allowed range and
/// a one-line description. Components declare their keys as rules; spec validation, `reprise
/// describe` and the components' construction all read the same rules, so a default is written once.
public struct KeyRule: Sendable {
    public enum Kind: Sendable {
        case int, number, bool
        case string([String])       // allowed values; empty = any
        case ints, numbers
        case strings([String])
        /// An array of points, each an array of finite numbers (start points, boxes).
        case points

        public var expected: String {
            switch self {
            case .int: return "an integer"
            case .number: return "a finite number"
            case .bool: return "true or false"
            case .string(let allowed): return allowed.isEmpty ? "a string" : "one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
            case .ints: return "an array of integers"
            case .numbers: return "an array of finite numbers"
            case .strings(let allowed): return allowed.isEmpty ? "an array of strings" : "an array of strings from \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
            case .points: return "an array of points, each an array of finite numbers"
            }
        }

        public var isScalar: Bool {
            switch self {
            case .int, .number, .bool, .string: return true
            default: return false
            }
        }

        /// The short type name shown in key tables.
        public var typeName: String {
            switch self {
            case .int: return "integer"
            case .number: return "number"
            case .bool: return "bool"
            case .string(let allowed): return allowed.isEmpty ? "string" : allowed.joined(separator: " / ")
            case .ints: return "[integer]"
            case .numbers: return "[number]"
            case .strings: return "[string]"
            case .points: return "[[number]]"
            }
        }
    }

    public enum Presence: Sendable { case required, optional, defaulted(ConfigValue) }

    public let name: String
    public let kind: Kind
    public let presence: Presence
    /// One line: what the key means (the paper's symbol where there is one).
    public let summary: String
    /// The allowed range, as checked and as shown to users (`> 0`, `[0, 1)`); nil = any value of the kind.
    public var range: Check?

    public init(name: String, kind: Kind, presence: Presence, summary: String, range: Check? = nil) {
        self.name = name
        self.kind = kind
        self.presence = presence
        self.summary = summary
        self.range = range
    }

    public static func required(_ name: String, _ kind: Kind, _ range: Check? = nil, _ summary: String) -> KeyRule {
        KeyRule(name: name, kind: kind, presence: .required, summary: summary, range: range)
    }
    public static func optional(_ name: String, _ kind: Kind, _ range: Check? = nil, _ summary: String) -> KeyRule {
        KeyRule(name: name, kind: kind, presence: .optional, summary: summary, range: range)
    }
    public static func value(_ name: String, _ kind: Kind, _ value: ConfigValue, _ range: Check? = nil, _ summary: String) -> KeyRule {
        KeyRule(name: name, kind: kind, presence: .defaulted(value), summary: summary, range: range)
    }

    /// The value normalised to the rule's kind (integers accepted where numbers are expected), or
    /// nil. Non-finite numbers (TOML's `nan`, `inf`) never pass: nothing downstream expects them.
    /// A number or a list of numbers has its zero normalised: `-0.0` is `0.0`, so `momentum = -0.0`
    /// trains, hashes and is stored as `momentum = 0` (this is the one place values are normalised
    /// before the configuration hash). A point's coordinates keep their sign: a start at −0.0 is
    /// recorded so in its trajectory, and committed cells (ogr-saddles) start there.
    public func coerce(_ v: ConfigValue) -> ConfigValue? {
        func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
        func number(_ x: Double?) -> Double? { finite(x).map { $0 == 0 ? 0 : $0 } }
        switch kind {
        case .int: return v.int.map { .int($0) }
        case .number: return number(v.number).map { .double($0) }
        case .bool: return v.bool.map { .bool($0) }
        case .string(let allowed):
            guard let s = v.string, allowed.isEmpty || allowed.contains(s) else { return nil }
            return .string(s)
        case .ints:
            guard let a = v.array else { return nil }
            let xs = a.compactMap(\.int)
            return xs.count == a.count ? .array(xs.map { .int($0) }) : nil
        case .numbers:
            guard let a = v.array else { return nil }
            let xs = a.compactMap { number($0.number) }
            return xs.count == a.count ? .array(xs.map { .double($0) }) : nil
        case .strings(let allowed):
            guard let a = v.array else { return nil }
            let xs = a.compactMap(\.string)
            guard xs.count == a.count, allowed.isEmpty || xs.allSatisfy(allowed.contains) else { return nil }
            return .array(xs.map { .string($0) })
        case .points:
            guard let a = v.array else { return nil }
            let rows = a.compactMap { row -> ConfigValue? in
                guard let r = row.array else { return nil }
                let xs = r.compactMap { finite($0.number) }
                return xs.count == r.count ? .array(xs.map { .double($0) }) : nil
            }
            return rows.count == a.count ? .array(rows) : nil
        }
    }

    /// What is wrong with a raw value, or nil when it is acceptable.
    public func problem(with raw: ConfigValue) -> String? {
        guard let value = coerce(raw) else { return "expected \(kind.expected), found \(raw.kindName) \(raw)" }
        if let range, let message = range.problem(value) { return "\(message) (found \(raw))" }
        return nil
    }

    /// The default as text for key tables: the value, `required` or `—` (optional, no default).
    public var defaultText: String {
        switch presence {
        case .required: return "required"
        case .optional: return "—"
        case .defaulted(let v): return v.description
        }
    }
}

/// A range check on a well-typed value, with the text users see in key tables and errors.
public struct Check: Sendable {
    /// How the range reads in a table: `> 0`, `[0, 1)`, `1 … 10⁷`.
    public let text: String
    private let accepts: @Sendable (ConfigValue) -> Bool

    public init(_ text: String, _ accepts: @escaping @Sendable (ConfigValue) -> Bool) {
        self.text = text
        self.accepts = accepts
    }

    public func problem(_ v: ConfigValue) -> String? { accepts(v) ? nil : "must be \(text)" }

    /// Each number (a scalar, or every entry of an array) satisfies `p`.
    private static func numbers(_ v: ConfigValue, _ p: (Double) -> Bool) -> Bool {
        if let a = v.array { return a.allSatisfy { $0.number.map(p) ?? true } }
        return v.number.map(p) ?? true
    }

    public static let positive = Check("> 0") { numbers($0) { $0 > 0 } }
    public static let nonNegative = Check("≥ 0") { numbers($0) { $0 >= 0 } }
    public static let unitInterval = Check("in [0, 1)") { numbers($0) { $0 >= 0 && $0 < 1 } }
    public static let openUnitInterval = Check("in (0, 1)") { numbers($0) { $0 > 0 && $0 < 1 } }
    public static let nonEmpty = Check("non-empty") { ($0.array?.isEmpty ?? false) == false }
    /// Text printed inline in REPORT.md and summaries (a claim, its reasons and sources, a title):
    /// something besides blanks, and no line break or control character, which would start Markdown
    /// of its own (a heading, a list, a table row) in the report.
    public static let oneLine = Check("one line, not blank") { v in
        guard let s = v.string else { return true }
        return !s.allSatisfy(\.isWhitespace)
            && !s.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }
    /// The largest magnitude a claim's margin or band, or a paper's number, may have: past it the
    /// number is no measurement (`margin = 1e308` makes every comparison hold). Fractions are bounded
    /// by 1 at validation, where the metric is known.
    public static let sane = Check("in [-10¹², 10¹²]") { numbers($0) { abs($0) <= 1e12 } }
    public static let positiveSane = Check("in (0, 10¹²]") { numbers($0) { $0 > 0 && $0 <= 1e12 } }

    /// An array of at least `n` entries.
    public static func count(atLeast n: Int) -> Check {
        Check("at least \(n) entries") { ($0.array?.count ?? 0) >= n }
    }

    /// `low … high` inclusive, for every number (scalar or entries).
    public static func between(_ low: Double, _ high: Double) -> Check {
        Check("in [\(Self.format(low)), \(Self.format(high))]") { numbers($0) { $0 >= low && $0 <= high } }
    }

    /// A non-empty array of values each in `low … high`.
    public static func entries(between low: Double, _ high: Double, maxCount: Int = 64) -> Check {
        Check("1 to \(maxCount) values in [\(Self.format(low)), \(Self.format(high))]") { v in
            guard let a = v.array, !a.isEmpty, a.count <= maxCount else { return false }
            return numbers(v) { $0 >= low && $0 <= high }
        }
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
