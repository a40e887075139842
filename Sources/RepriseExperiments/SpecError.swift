/// One mistake in a spec, located by file, line and key path.
public struct SpecIssue: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var keyPath: String
    public var message: String

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}

/// Every mistake found in a spec. Nothing runs and nothing is written while a spec has any.
public struct SpecError: Error, CustomStringConvertible {
    public var issues: [SpecIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Finds the line a key path was written on, by reading the TOML text: table headers (`[a.b]`,
/// `[[a]]`, counted), `key = …` lines and the keys of inline tables. A path not found falls back to
/// its nearest written ancestor.
struct SourceLocator {
    private var lines: [String: Int] = [:]
    /// The text's lines, comments stripped, for `literal(of:)`.
    private var texts: [String] = []

    init(text: String) {
        var header = ""
        var arrayCounts: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            texts.append(Self.stripComment(String(raw)))
            let line = Self.stripComment(String(raw)).trimmingSpaces
            let number = index + 1
            if line.hasPrefix("[[") {
                let name = line.dropFirst(2).prefix { $0 != "]" }.trimmingSpaces
                let k = arrayCounts[name, default: 0]
                arrayCounts[name] = k + 1
                header = "\(name)[\(k)]"
                lines[header] = lines[header] ?? number
                lines[name] = lines[name] ?? number
            } else if line.hasPrefix("[") {
                header = line.dropFirst().prefix { $0 != "]" }.trimmingSpaces
                lines[header] = lines[header] ?? number
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("\"") {
                let key = line[..<eq].trimmingSpaces
                let path = header.isEmpty ? key : "\(header).\(key)"
                lines[path] = lines[path] ?? number
                // Keys of an inline table on the same line: `budget = { epochs = 1, … }`.
                let rest = line[line.index(after: eq)...]
                if rest.trimmingSpaces.hasPrefix("{") {
                    for part in rest.split(whereSeparator: { "{},".contains($0) }) {
                        if let e = part.firstIndex(of: "=") {
                            lines["\(path).\(part[..<e].trimmingSpaces)"] = number
                        }
                    }
                }
            }
        }
    }

    /// The value of `keyPath` exactly as written, when it stands alone on its own `key = value` line
    /// (`value = 0.0120` gives `0.0120`, trailing zeros kept); nil otherwise (an inline table, a
    /// value over several lines).
    func literal(of keyPath: String) -> String? {
        guard let n = lines[keyPath], n >= 1, n <= texts.count else { return nil }
        let line = texts[n - 1]
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let key = String(keyPath.split(separator: ".").last ?? "")
        guard line[..<eq].trimmingSpaces == key else { return nil }
        let value = line[line.index(after: eq)...].trimmingSpaces
        return value.isEmpty || value.hasPrefix("{") || value.hasPrefix("[") ? nil : value
    }

    func line(of keyPath: String) -> Int? {
        var path = keyPath
        while !path.isEmpty {
            if let n = lines[path] { return n }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = String(path[..<cut])
        }
        return nil
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (i, c) in zip(line.indices, line) {
            if c == "\"" { inString.toggle() }
            if c == "#" && !inString { return String(line[..<i]) }
        }
        return line
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
