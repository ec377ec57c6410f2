/**
 * `sim-cancel batch` runs itself again, once, with V8's --single-threaded-gc.
 * Why: a batch keeps both cores busy with its render workers, and V8's garbage-collection helper
 * threads (parallel scavenges, concurrent marking) took a third of the CPU time and competed with
 * them for the same cores. With the flag a batch of 1,000 rows took 10-12% less time. V8 flags
 * must be given when Node starts, hence the second process: it costs about 0.1 s of a batch that
 * takes many seconds. The child shares the terminal; its exit code or signal becomes ours.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";

const FLAG = "--single-threaded-gc";

/**
 * True when a child now runs the batch and this process must do nothing else. Not for other
 * commands, not in the child itself, and not under a debugger (the child would want its port).
 * `runHere` runs the batch in this process after all, if the child cannot be started.
 */
export function rerunBatchWithSingleThreadedGc(script: string, runHere: () => void): boolean {
  if (process.argv[2] !== "batch" || process.execArgv.some((arg) => arg === FLAG || arg.startsWith("--inspect")))
    return false;
  const child = spawn(process.execPath, [...process.execArgv, FLAG, script, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  // Every stop signal sent to this process is passed on: `kill -INT` or `kill -TERM` on this pid
  // (the one a user or supervisor sees) must stop the batch. Ctrl-C at a terminal reaches both
  // processes, so the child may get SIGINT twice: it stops cleanly either way (see batch-run.ts),
  // and this process waits for it, then ends the same way.
  const passOn = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.on(signal, passOn);
  const stopListening = () => {
    for (const signal of signals) process.off(signal, passOn);
  };
  let ranHere = false;
  child.on("error", () => {
    // Only when the child never started (no pid): a failed kill of a running child also lands
    // here, and then its exit is what counts.
    if (child.pid !== undefined) return;
    stopListening();
    ranHere = true;
    runHere();
  });
  child.on("exit", (code, signal) => {
    if (ranHere) return;
    stopListening();
    if (signal === "SIGINT" || signal === "SIGTERM" || signal === "SIGHUP") {
      // Stopped as asked: this process ends the same way, so a shell or supervisor sees it.
      process.kill(process.pid, signal);
    } else if (signal) {
      // A crash (SIGSEGV, SIGABRT...): reported as shells report it, without a second core dump.
      process.exitCode = 128 + (constants.signals[signal] ?? 0);
    } else {
      process.exitCode = code ?? 1;
    }
  });
  return true;
}
