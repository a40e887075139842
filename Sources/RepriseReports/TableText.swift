import Foundation
import RepriseConfig

/// Tables as other programs read them: CSV (RFC 4180) and JSON (an array of records). One place for
/// quoting and number spelling, shared by `reprise export` and `reprise show --csv/--json`.
public enum TableText {
    /// The two machine-readable formats; `csv` is what pandas reads with `pd.read_csv`.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// A table cell: text, a whole number, or a number stored as float64.
    public enum Value: Sendable, Equatable {
        case text(String)
        case int(Int)
        case number(Double)
    }

    /// A whole table in `format`: a header line and one line per row (CSV), or an array of objects
    /// keyed by the header, one object per line (JSON).
    public static func render(header: [String], rows: [[Value]], as format: Format) -> String {
        var out = format == .csv ? csvLine(header.map(Value.text)) + "\n" : "[\n"
        for (k, row) in rows.enumerated() {
            out += format == .csv ? csvLine(row) : jsonRecord(header: header, row) + (k + 1 < rows.count ? "," : "")
            out += "\n"
        }
        if format == .json { out += "]\n" }
        return out
    }

    /// One CSV record: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled (RFC 4180).
    public static func csvLine(_ row: [Value]) -> String {
        row.map { value in
            guard case .text(let s) = value else { return number(value) }
            return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }.joined(separator: ",")
    }

    /// One JSON object, keys in header order; NaN and ±∞, which JSON cannot spell, are null.
    public static func jsonRecord(header: [String], _ row: [Value]) -> String {
        "{" + zip(header, row).map { key, value in
            let text: String
            switch value {
            case .text(let s): text = jsonString(s)
            case .number(let x) where !x.isFinite: text = "null"
            default: text = number(value)
            }
            return jsonString(key) + ":" + text
        }.joined(separator: ",") + "}"
    }

    /// A number's shortest text that reads back to the same float64 (Swift's `description`: `0.1`,
    /// `1e-05`, `nan`, `inf`, which pandas reads as NaN and inf); a whole number without `.0`.
    static func number(_ value: Value) -> String {
        switch value {
        case .int(let i): return String(i)
        case .number(let x): return x.isFinite && x == x.rounded() && abs(x) < 1e15 && !(x == 0 && x.sign == .minus) ? String(Int(x)) : "\(x)"
        case .text(let s): return s
        }
    }

    /// A JSON string literal (the configuration's canonical JSON escaping: one escaper in Reprise).
    static func jsonString(_ s: String) -> String { ConfigValue.string(s).canonicalJSON }
}
