import Foundation

/// `--jobs N`: N − 1 more processes of the same command, each training the cells no other process
/// has locked (one BLAS thread each, so every cell's datasets are those of a serial run; the
/// per-cell locks of `Runner` decide who trains what). Workers print progress to standard error
/// only; the first process prints the summary and draws figures.
public struct WorkerPool {
    public static let marker = "REPRISE_WORKER", startKey = "REPRISE_RUN_STARTED", parentKey = "REPRISE_PARENT_PID"
    /// Whether this process is a worker of another.
    public static var isWorker: Bool { ProcessInfo.processInfo.environment[marker] != nil }
    /// When the run began, shared with the workers (their cells record the same start).
    public static let startedAt: Date = ProcessInfo.processInfo.environment[startKey].flatMap(Double.init)
        .map { Date(timeIntervalSince1970: $0) } ?? Date()

    private var processes: [Process] = []

    /// Starts `jobs − 1` workers running `executable` (this program) with this command's arguments
    /// minus `--jobs`; none when `jobs` is 1 or this process is itself a worker.
    public static func start(_ jobs: Int, executable: String = "/proc/self/exe",
                             arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WorkerPool {
        var pool = WorkerPool()
        if environment[marker] != nil { watchParent(environment) }
        guard jobs > 1, environment[marker] == nil else { return pool }
        var environment = environment
        environment[marker] = "1"
        environment[parentKey] = String(getpid())
        environment[startKey] = String(startedAt.timeIntervalSince1970)
        for _ in 1..<jobs {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = workerArguments(arguments)
            p.environment = environment
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            pool.processes.append(p)
        }
        return pool
    }

    /// In a worker: stops this process (SIGTERM to itself: the cell in training checkpoints and
    /// the process exits) when the process that started it is gone — killed, say, by SIGKILL, which
    /// it cannot pass on. Checked at once and then every second, on a thread of its own, so a
    /// worker never goes on training an orphaned run.
    static func watchParent(_ environment: [String: String]) {
        guard let parent = environment[parentKey].flatMap(Int32.init) else { return }
        let orphaned = { getppid() != parent }
        if orphaned() {
            FileHandle.standardError.write(Data("worker \(getpid()): its parent \(parent) is gone before it began; stopping\n".utf8))
            _exit(orphanStatus)
        }
        let watcher = Thread {
            while true {
                sleep(1)
                if orphaned() { stopOrphan(parent) }
            }
        }
        watcher.name = "reprise-parent-watch"
        watcher.start()
    }

    private static func stopOrphan(_ parent: Int32) {
        FileHandle.standardError.write(Data("worker \(getpid()): its parent \(parent) is gone; stopping (run the same command again to finish)\n".utf8))
        // One termination request lets the cell checkpoint after its step; a worker already asked
        // (Ctrl-C or Slurm signal the whole group) is stopping, and a second request would kill
        // it before its checkpoint. After a grace period, _exit: the main thread may be inside
        // HDF5, whose exit handlers must not run under it (stored files are whole or absent).
        if !Termination.requested { kill(getpid(), SIGTERM) }
        sleep(30)
        _exit(orphanStatus)
    }

    /// A worker's exit status when its parent died (128 + SIGTERM, as a shell reports it).
    static let orphanStatus: Int32 = 143

    /// A command's arguments for its workers: `--jobs N` and `--jobs=N` removed.
    static func workerArguments(_ arguments: [String]) -> [String] {
        var out = arguments
        if let i = out.firstIndex(of: "--jobs"), i + 1 < out.count { out.removeSubrange(i...(i + 1)) }
        out.removeAll { $0.hasPrefix("--jobs=") }
        return out
    }

    /// Waits for every worker; throws naming each one that failed or was killed.
    public func wait() throws {
        var failures: [String] = []
        for p in processes {
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal {
                failures.append("worker \(p.processIdentifier) was killed by signal \(p.terminationStatus) (\(String(cString: strsignal(p.terminationStatus))))")
            } else if p.terminationStatus != 0 {
                failures.append("worker \(p.processIdentifier) stopped with status \(p.terminationStatus) (its error is above)")
            }
        }
        guard failures.isEmpty else { throw WorkerError(failures: failures) }
    }

    public struct WorkerError: Error, CustomStringConvertible {
        public var failures: [String]
        public var description: String {
            "--jobs: \(failures.joined(separator: "; ")). Cells it had stored are kept, a cell it was training is not: run the same command again to finish"
        }
    }
}
