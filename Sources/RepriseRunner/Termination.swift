import Foundation

/// A termination request (SIGTERM from Slurm's time limit or preemption, SIGINT from Ctrl-C): the
/// training loop writes a checkpoint after the current step and the process stops; rerunning
/// the same command resumes. Installed by the command line; a second signal kills at once.
///
/// Slurm's first signal must stop the run whatever it is doing, and Slurm kills it `KillWait`
/// (30 s by default) later. So the handlers are installed without `SA_RESTART` (a blocking call,
/// such as waiting for another process's cell lock, returns with EINTR and sees the request), and
/// the first request arms an alarm: a process still running `grace` seconds later (a step, an
/// evaluation or a dataset load that would not end in time) exits, saying so. Nothing stored is
/// lost by that exit: results and checkpoints are written whole or not at all.
public enum Termination {
    nonisolated(unsafe) static var requestedSignal: Int32 = 0
    /// Seconds from the first request to the forced exit: under Slurm's default `KillWait`.
    static let grace: UInt32 = 20

    /// The signal that asked the process to stop, or nil.
    public static var signal: Int32? { requestedSignal == 0 ? nil : requestedSignal }
    static var requested: Bool { requestedSignal != 0 }

    public static func install() {
        // Initialised here, never first inside a handler (a lazy initialisation is not
        // async-signal-safe).
        requestedSignal = 0
        _ = grace
        for s in [SIGTERM, SIGINT] {
            handle(s) { received in
                // A second request: stop now, as the default action would.
                if Termination.requestedSignal != 0 { Foundation.signal(received, SIG_DFL); raise(received); return }
                Termination.requestedSignal = received
                alarm(Termination.grace)
            }
        }
        handle(SIGALRM) { _ in
            // Only async-signal-safe calls here: write(2) of a static message, then _exit.
            let message: StaticString = "reprise: stopped: a termination request was not honoured within its grace period (a step, an evaluation or a dataset load took too long); the cell in progress is not stored (its last checkpoint, if any, is kept): run the same command again to resume\n"
            message.withUTF8Buffer { _ = write(2, $0.baseAddress, $0.count) }
            _exit(1)
        }
    }

    /// Installs `handler` for `s`, without SA_RESTART.
    private static func handle(_ s: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(s, &action, nil)
    }
}
