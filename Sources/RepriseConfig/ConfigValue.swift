/// A configuration value as read from a spec: the TOML data model without dates.
public indirect enum ConfigValue: Hashable, Sendable, CustomStringConvertible {
    case string(String), int(Int), double(Double), bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])

    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var int: Int? { if case .int(let i) = self { return i }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var array: [ConfigValue]? { if case .array(let a) = self { return a }; return nil }
    public var table: [String: ConfigValue]? { if case .table(let t) = self { return t }; return nil }
    /// A number: a TOML float, or an integer read as a float.
    public var number: Double? {
        switch self {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }

    /// What kind of value this is, in the words of an error message.
    public var kindName: String {
        switch self {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a float"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    public subscript(key: String) -> ConfigValue? { table?[key] }

    /// The value as canonical JSON: keys sorted, no white space, floats in Swift's shortest
    /// round-trip form. Equal configurations give equal bytes; this is what cell hashes are taken of.
    public var canonicalJSON: String {
        switch self {
        case .string(let s): return Self.quoted(s)
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? String(d) : Self.quoted(String(d))
        case .bool(let b): return b ? "true" : "false"
        case .array(let a): return "[" + a.map(\.canonicalJSON).joined(separator: ",") + "]"
        case .table(let t):
            return "{" + t.keys.sorted().map { Self.quoted($0) + ":" + t[$0]!.canonicalJSON }.joined(separator: ",") + "}"
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        default: return canonicalJSON
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `self` with `override`'s entries merged in, tables recursively.
    public func merging(_ override: ConfigValue) -> ConfigValue {
        guard case .table(var base) = self, case .table(let over) = override else { return override }
        for (k, v) in over { base[k] = base[k].map { $0.merging(v) } ?? v }
        return .table(base)
    }
}

extension ConfigValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension ConfigValue: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(arrayLiteral elements: ConfigValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, ConfigValue)...) {
        self = .table(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
