import Foundation
import RepriseExperiments

/// The sbatch scripts of one experiment: the selection runs as one job array, the finals as a second
/// (afterok the first), then the figures. Every value pasted into a script — paths, names, the
/// profile — is shell-quoted as data, so no spec name or folder can run a command; the `#SBATCH`
/// lines, which Slurm parses itself, take only names and paths of plain characters (checked).
/// What a cluster asks of every job (partition, time limit, account, memory, any other sbatch
/// option, a cap on an array's running tasks) comes in `resources`.
public struct SlurmJobs {
    /// The cluster's terms, written as `#SBATCH` lines into every script (each checked as plain).
    public struct Resources: Equatable, Sendable {
        public var partition: String?
        /// A time limit per task, in any form sbatch accepts ("30", "2:00:00", "1-12:00:00").
        public var time: String?
        public var account: String?
        /// Memory per task, in any form sbatch accepts ("4G", "2000M").
        public var memory: String?
        /// Further sbatch options, each "--name=value" or "--flag" ("--qos=long", "--exclusive").
        public var extra: [String] = []
        /// The most tasks of an array that run at once (`--array=0-N%M`); nil: no cap.
        public var maxParallel: Int?

        public init(partition: String? = nil, time: String? = nil, account: String? = nil, memory: String? = nil,
                    extra: [String] = [], maxParallel: Int? = nil) {
            self.partition = partition
            self.time = time
            self.account = account
            self.memory = memory
            self.extra = extra
            self.maxParallel = maxParallel
        }

        /// The `#SBATCH` options, after checking each value; throws naming the option to fix.
        func lines() throws -> [String] {
            var out: [String] = []
            for (option, value) in [("partition", partition), ("time", time), ("account", account), ("mem", memory)] {
                guard let value else { continue }
                guard SlurmJobs.plain(value) else {
                    throw UnsafeValue(description: "--\(option) '\(value)': a value of an #SBATCH line takes letters, digits and /._-+,=@~: only")
                }
                out.append("--\(option)=\(value)")
            }
            for arg in extra {
                let body = arg.hasPrefix("--") ? String(arg.dropFirst(2)) : ""
                guard !body.isEmpty, SlurmJobs.plain(body), body.first?.isLetter == true else {
                    throw UnsafeValue(description: "--sbatch-arg '\(arg)': give one sbatch option as --name=value or --flag, of letters, digits and /._-+,=@~: only")
                }
                // sbatch reads a unique prefix of an option as the option (`--arr` is `--array`).
                let name = String(body.prefix { $0 != "=" })
                if let owned = SlurmJobs.written.first(where: { $0.hasPrefix(name) }) {
                    throw UnsafeValue(description: "--sbatch-arg '\(arg)': Reprise writes --\(owned) itself (the arrays, their logs, names and chaining follow from the spec and must not be replaced); leave it out (--max-parallel caps an array's running tasks, --output sets the log folder)")
                }
                out.append(arg)
            }
            if let maxParallel, maxParallel < 1 {
                throw UnsafeValue(description: "--max-parallel \(maxParallel): give at least 1 task")
            }
            return out
        }
    }

    public struct Job: Equatable, Sendable {
        public var name: String
        public var script: String
    }

    public var binary: String
    /// The working directory of every task.
    public var workingDirectory: String
    /// Where the scripts and the job logs go.
    public var folder: String
    public var experiments: String
    public var results: String
    public var figures: String
    public var dataDirectory: String?
    public var resources: Resources

    public init(binary: String, workingDirectory: String, folder: String, experiments: String, results: String,
                figures: String, dataDirectory: String?, resources: Resources = Resources()) {
        self.binary = binary
        self.workingDirectory = workingDirectory
        self.folder = folder
        self.experiments = experiments
        self.results = results
        self.figures = figures
        self.dataDirectory = dataDirectory
        self.resources = resources
    }

    /// `value` as one shell word: single-quoted, with each `'` closed, escaped and reopened.
    public static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The sbatch options Reprise's scripts set themselves, which an `--sbatch-arg` may not replace:
    /// the array and its cell numbering, the log (one per task, appended on requeue), the job's name
    /// and its one task on one core, and the afterok chain `submitCommands` writes. (`--wrap` would
    /// replace the script.)
    static let written = ["array", "output", "error", "open-mode", "wrap", "job-name", "ntasks", "cpus-per-task", "dependency"]

    /// Characters allowed in a value of an `#SBATCH` line (Slurm splits those lines itself; `%` is
    /// its file-name pattern character).
    static func plain(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "/._-+,=@~:".unicodeScalars.contains($0) }
    }

    public struct UnsafeValue: Error, CustomStringConvertible {
        public var description: String
    }

    /// The jobs of `spec` at its profile, in submission order.
    public func jobs(for spec: ExperimentSpec) throws -> [Job] {
        guard Self.plain(spec.name), Self.plain(spec.profile) else {
            throw UnsafeValue(description: "experiment '\(spec.name)' [\(spec.profile)]: Slurm job names take letters, digits and ._-+,=@~ only")
        }
        guard Self.plain(folder) else {
            throw UnsafeValue(description: "the Slurm output folder '\(folder)' holds a space or a character Slurm reads in #SBATCH lines; pass --output with a path of letters, digits and /._-+,=@~")
        }
        let q = Self.quoted
        let options = try resources.lines()
        var common = ["--profile", spec.profile, "--experiments", experiments, "--results", results]
        if let dataDirectory { common += ["--data-dir", dataDirectory] }
        // Every selection run (each grid point with each selection seed), and every final cell with
        // room for the finals of winners found beyond a grid's edge (tasks past the list do nothing).
        let selections = spec.selectedVariants.reduce(0) { $0 + spec.selectionCells(of: $1).count }
        let finals = spec.variants.count * spec.allSeeds.count + Runner.extensionRoom(spec)

        func script(_ job: String, array: Int?, arguments: [String]) -> Job {
            var s = "#!/bin/bash\n#SBATCH --job-name=reprise-\(spec.name)-\(job)\n#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n"
            // An array task's log is named by job and task (%A_%a), a single job's by its id (%j).
            s += "#SBATCH --output=\(folder)/\(spec.name)-\(job)-\(array == nil ? "%j" : "%A_%a").log\n"
            // Requeue-friendly: a preempted or requeued task runs again (SIGTERM first, on which
            // `reprise run` checkpoints its cell, so the rerun resumes), its log appended, not truncated.
            s += "#SBATCH --requeue\n#SBATCH --open-mode=append\n"
            for option in options { s += "#SBATCH \(option)\n" }
            if let array { s += "#SBATCH --array=0-\(array - 1)\(resources.maxParallel.map { "%\($0)" } ?? "")\n" }
            // The task index is the one word left unquoted: Slurm sets it to a number.
            s += "cd \(q(workingDirectory)) || exit 1\nexec \(q(binary)) " + arguments.map { $0 == "$SLURM_ARRAY_TASK_ID" ? "\"$SLURM_ARRAY_TASK_ID\"" : q($0) }.joined(separator: " ") + "\n"
            return Job(name: job, script: s)
        }
        var jobs: [Job] = []
        if selections > 0 {
            jobs.append(script("selection", array: selections, arguments: ["run", spec.name] + common + ["--stage", "selection", "--cell", "$SLURM_ARRAY_TASK_ID"]))
        }
        jobs.append(script("final", array: finals, arguments: ["run", spec.name] + common + ["--stage", "final", "--cell", "$SLURM_ARRAY_TASK_ID"]))
        jobs.append(script("figures", array: nil, arguments: ["figures", spec.name, "--profile", spec.profile, "--experiments", experiments,
                                                              "--results", results, "--figures", figures]))
        return jobs
    }

    /// Writes `spec`'s jobs into the folder as `NAME-PROFILE-JOB.sbatch`; returns their paths in
    /// submission order. A folder or file that cannot be written is named with the fix.
    public func write(for spec: ExperimentSpec) throws -> [(job: String, path: String)] {
        let jobs = try jobs(for: spec)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw UnsafeValue(description: "cannot create the Slurm folder \(folder) (\(error.localizedDescription)); pass --output DIR")
        }
        return try jobs.map { job in
            let path = "\(folder)/\(spec.name)-\(spec.profile)-\(job.name).sbatch"
            do {
                try job.script.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw UnsafeValue(description: "cannot write \(path) (\(error.localizedDescription)); check the folder's permissions or pass --output DIR")
            }
            return (job.name, path)
        }
    }

    /// Submits the scripts at `paths` in order with `sbatch --parsable`, each after the previous
    /// one succeeds (`--dependency=afterok:ID`); returns the job ids. `sbatch` is looked up on the
    /// PATH of `environment` (this process's by default).
    public static func submit(_ paths: [String], environment: [String: String]? = nil) throws -> [String] {
        var ids: [String] = []
        for path in paths {
            let sbatch = Process()
            sbatch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            sbatch.arguments = ["sbatch", "--parsable"] + (ids.last.map { ["--dependency=afterok:\($0)"] } ?? []) + [path]
            if let environment { sbatch.environment = environment }
            let pipe = Pipe()
            sbatch.standardOutput = pipe
            try sbatch.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            sbatch.waitUntilExit()
            guard sbatch.terminationStatus == 0 else {
                throw UnsafeValue(description: "sbatch failed on \(path) (exit status \(sbatch.terminationStatus))\(ids.isEmpty ? "" : "; jobs \(ids.joined(separator: ", ")) were submitted before it")")
            }
            guard let id = out.split(separator: "\n").first?.split(separator: ";").first.map(String.init), !id.isEmpty else {
                throw UnsafeValue(description: "sbatch printed no job id for \(path)")
            }
            ids.append(id)
        }
        return ids
    }

    /// The commands that submit the scripts at `paths` (in submission order) chained by `afterok`,
    /// for a user who submits by hand.
    public static func submitCommands(_ paths: [String]) -> [String] {
        paths.enumerated().map { i, path in
            "j\(i + 1)=$(sbatch --parsable" + (i > 0 ? " --dependency=afterok:$j\(i)" : "") + " \(quoted(path)))"
        }
    }
}
