import Foundation

/// Progress on standard error: on a terminal a live line (cell, epoch, loss, ETA) redrawn in place;
/// elsewhere (Slurm logs, `nohup`, `| tee`) the same line printed every `interval` seconds. Either
/// way one line per finished cell.
///
/// The ETA never starts from a guess: it uses the rate measured on this run's own steps (the first
/// step excluded: it pays for building the model and loading data) once a few seconds of steps are
/// measured, before that the step time of the experiment's stored cells when there are any, and
/// otherwise says it is still measuring.
final class Progress {
    private let live = isatty(STDERR_FILENO) != 0
    private let totalSteps: Int
    /// Steps done, stored cells' skipped steps included (what the ETA has left to do).
    private var doneSteps = 0
    /// Steps trained by this process since the rate began to be measured, and when it began.
    private var measuredSteps = 0
    private var measuringSince: Date?
    /// Seconds per step of the experiment's stored cells, until this run has measured its own.
    private let priorSecondsPerStep: Double?
    private var lastDraw = Date.distantPast
    private var lastWidth = 0
    private let interval: TimeInterval

    /// Seconds between progress lines when standard error is not a terminal:
    /// `REPRISE_PROGRESS_SECONDS`, else 60.
    static var logInterval: TimeInterval {
        ProcessInfo.processInfo.environment["REPRISE_PROGRESS_SECONDS"].flatMap(Double.init).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } ?? 60
    }

    init(totalSteps: Int, priorSecondsPerStep: Double? = nil) {
        self.totalSteps = max(totalSteps, 1)
        self.priorSecondsPerStep = priorSecondsPerStep.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        interval = live ? 0.2 : Self.logInterval
        if !live { lastDraw = Date() }
    }

    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func advance(cell: String, epoch: Int, epochs: Int, loss: Double) {
        doneSteps += 1
        let now = Date()
        if measuringSince == nil { measuringSince = now } else { measuredSteps += 1 }
        guard now.timeIntervalSince(lastDraw) >= interval else { return }
        lastDraw = now
        let fraction = min(1, Double(doneSteps) / Double(totalSteps))
        let text = "\(cell)  epoch \(epoch)/\(epochs)  loss \(format(loss))  \(Int(100 * fraction)) % of the steps  \(eta(now))"
        if live {
            let barWidth = 20, filled = Int(fraction * Double(barWidth))
            let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] "
            let padding = String(repeating: " ", count: max(0, lastWidth - text.count - bar.count))
            lastWidth = text.count + bar.count
            FileHandle.standardError.write(Data(("\r" + bar + text + padding).utf8))
        } else {
            Self.say("progress: " + text)
        }
    }

    /// "ETA 4m10s" from the measured rate (or the stored cells' until enough is measured), or
    /// "ETA: measuring" when neither is known yet.
    func eta(_ now: Date = Date()) -> String {
        let remaining = Double(totalSteps - min(doneSteps, totalSteps))
        if let since = measuringSince, measuredSteps >= 5, now.timeIntervalSince(since) >= 2 {
            return "ETA \(Self.duration(remaining * now.timeIntervalSince(since) / Double(measuredSteps)))"
        }
        if let prior = priorSecondsPerStep { return "ETA \(Self.duration(remaining * prior)) (from stored cells' step times)" }
        return "ETA: measuring"
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
        guard seconds.isFinite, seconds < 1e9 else { return "?" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
