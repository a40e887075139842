import Foundation
import RepriseConfig

/// A number the paper reports, as data: its value, the metric (or stored per-start tensor) it
/// measures, reduced over epochs as `overEpochs`, the variant label it belongs to (empty: the
/// experiment as a whole), the paper's setting, where the paper reports it, and whether Reprise's
/// setting is comparable (with the reason either way). Figures of that metric draw comparable numbers
/// beside Reprise's; REPORT.md lists every number.
public struct PublishedNumber: Sendable, Hashable {
    public var value: Double
    public var metric: String
    public var overEpochs: EpochReduction
    public var label: String
    public var group: String
    public var setting: String
    public var source: String
    public var comparable: Bool
    public var why: String
    /// The power of ten of the paper's last printed digit, read from `value` as the spec writes it
    /// (`18.7` → −1, `0.0120` → −4, `4.65` → −2, `120` → 1, `1.5e-3` → −4): a number rounded to the
    /// paper's printed significant digits is compared at this place. Write the value as the paper
    /// prints it, trailing zeros included.
    public var lastPrintedPlace: Int
    /// What REPORT.md says when the number is not reproduced (empty: it says none was written).
    public var discussion: String

    public init(value: Double, metric: String, overEpochs: EpochReduction = .final, label: String = "", group: String = "",
                setting: String = "", source: String = "", comparable: Bool = true, why: String = "", written: String? = nil,
                discussion: String = "") {
        self.discussion = discussion
        self.value = value
        self.metric = metric
        self.overEpochs = overEpochs
        self.label = label
        self.group = group
        self.setting = setting
        self.source = source
        self.comparable = comparable
        self.why = why
        lastPrintedPlace = written.flatMap(Self.lastPrintedPlace(of:)) ?? Self.lastPrintedPlace(of: Self.shortest(value)) ?? 0
    }

    /// The paper's significant digits, counted from the first nonzero digit to `lastPrintedPlace`.
    public var printedDigits: Int {
        guard value != 0, value.isFinite else { return 1 }
        return max(1, Int(floor(log10(abs(value)))) - lastPrintedPlace + 1)
    }

    /// The paper's number with its printed digits (`0.0120`, `18.7`); `%.4g` past 12 decimals.
    public var printed: String {
        lastPrintedPlace <= 0 && lastPrintedPlace >= -12 ? String(format: "%.\(-lastPrintedPlace)f", value) : String(format: "%.4g", value)
    }

    /// Whether `x` rounded to the paper's printed digits is the paper's number: `18.67` is the
    /// paper's `18.7`, `18.6` is not. Rounded at the paper's last printed place, so `9.96` is a
    /// printed `10.0`.
    public func roundsToPaper(_ x: Double) -> Bool {
        guard x.isFinite, value.isFinite else { return false }
        let quantum = pow(10, Double(lastPrintedPlace))
        return (x / quantum).rounded(.toNearestOrAwayFromZero) == (value / quantum).rounded(.toNearestOrAwayFromZero)
    }

    /// The place of the last digit of a decimal number as written (`-0.0120`, `1_000`, `2.5E+3`);
    /// nil for text that is no such number (`inf`, `nan`, hex). An integer's trailing zeros count as
    /// not printed (`120`: the tens).
    public static func lastPrintedPlace(of written: String) -> Int? {
        var text = written.replacingOccurrences(of: "_", with: "")
        if text.hasPrefix("+") || text.hasPrefix("-") { text.removeFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(text[text.index(after: e)...]) else { return nil }
            exponent = x
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !text.isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.contains(where: { !$0.isEmpty }) else { return nil }
        if parts.count == 2, !parts[1].isEmpty { return exponent - parts[1].count }
        let digits = parts[0]
        let zeros = digits.count - (digits.lastIndex { $0 != "0" }.map { digits.distance(from: digits.startIndex, to: $0) + 1 } ?? digits.count)
        return exponent + (parts.count == 2 ? 0 : zeros)
    }

    /// The shortest text that reads back as `x` (what a spec without its literal falls back to).
    static func shortest(_ x: Double) -> String { x.isFinite ? "\(x)" : "nan" }
}
