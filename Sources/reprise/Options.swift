import ArgumentParser
import Foundation
import RepriseCommands
import RepriseRunner

/// Options shared by every command: where things live.
struct Locations: ParsableArguments {
    @Option(help: "Folder of experiment specs.") var experiments = "experiments"
    @Option(help: "Folder of stored results.") var results = "results"
    @Option(help: "Folder for figures and tables.") var figures = "paper-figures"
    @Option(help: "Folder holding datasets (default: $REPRISE_DATA, else Debian's location).") var dataDir: String?
    var workspace: Workspace { Workspace(experiments: experiments, results: results, figures: figures, dataDirectory: dataDir ?? ProcessInfo.processInfo.environment["REPRISE_DATA"]) }
}

/// Options of the commands that compute (run, reproduce, verify): threads and the BLAS kernel
/// (`KernelPin` reads `--blas-kernel` from the raw arguments before parsing).
struct Compute: ParsableArguments {
    @Option(help: "OpenBLAS threads (default: $REPRISE_BLAS_THREADS, else 1). Recorded with results.") var threads: Int?
    @Option(help: "BLAS kernel: reproducible (the default and the committed results' kernel: Reprise's own sgemm, identical on every x86-64 CPU at the speed of its widest vectors, on any thread count), portable (OpenBLAS's Haswell: identical on any x86-64 CPU with AVX2 and FMA; the committed results' kernel before 2026-11-30) or native (the CPU's own OpenBLAS kernel, faster, not comparable across CPUs). Default: $REPRISE_BLAS_KERNEL, else reproducible.")
    var blasKernel: String?
}

/// How a run trains: cells at once, checkpoints.
struct Training: ParsableArguments {
    @Option(help: "Cells trained at once, each in its own process with one BLAS thread (datasets identical to a serial run).") var jobs = 1
    @Option(help: "Write a cell's checkpoint every N steps (default: the spec's [checkpoint], else every 10 minutes).") var checkpointSteps: Int?
    @Option(help: "Write a cell's checkpoint every M minutes of its training.") var checkpointMinutes: Double?
    @Flag(help: "Rerun stored cells made by other code than this build's (a dirty tree, a commit outside this checkout's history), keeping each aside as .superseded; without it they are reused with a warning.") var stale = false

    func validate() throws {
        if !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64 (found \(jobs))") }
        if let problem = options(Workspace()).problem { throw ValidationError(problem) }
    }

    func options(_ w: Workspace) -> RunOptions {
        var options = w.runOptions(checkpointSteps: checkpointSteps, checkpointMinutes: checkpointMinutes)
        options.rerunStale = stale
        return options
    }
}
