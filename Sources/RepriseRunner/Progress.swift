import Foundation

/// Progress on standard error: a live line (cell, epoch, loss, ETA) redrawn in place on a terminal;
/// one line per finished cell otherwise (logs, CI).
final class Progress {
    private let live = isatty(STDERR_FILENO) != 0
    private let totalSteps: Int
    private var doneSteps = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastWidth = 0

    init(totalSteps: Int) { self.totalSteps = max(totalSteps, 1) }

    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func advance(cell: String, epoch: Int, epochs: Int, loss: Double) {
        doneSteps += 1
        guard live, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        let fraction = Double(doneSteps) / Double(totalSteps)
        let elapsed = Date().timeIntervalSince(start)
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let barWidth = 20, filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        let text = "[\(bar)] \(cell)  epoch \(epoch)/\(epochs)  loss \(format(loss))  ETA \(Self.duration(eta))"
        let padding = String(repeating: " ", count: max(0, lastWidth - text.count))
        lastWidth = text.count
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
    }

    /// Skips the steps of a cell that did not run them all (divergence), keeping the ETA honest.
    func skip(_ steps: Int) { doneSteps += steps }

    func finish(_ line: String) {
        if live && lastWidth > 0 {
            FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: lastWidth) + "\r").utf8))
            lastWidth = 0
        }
        Self.say(line)
    }

    private func format(_ x: Double) -> String { String(format: "%.4g", x) }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
