/**
 * `sim-cancel batch` runs itself again, once, with V8's --single-threaded-gc.
 * Why: a batch keeps both cores busy with its render workers, and V8's garbage-collection helper
 * threads (parallel scavenges, concurrent marking) took a third of the CPU time and competed with
 * them for the same cores. With the flag a batch of 1,000 rows took 12% less time. V8 flags must
 * be given when Node starts, hence the second process: it costs about 0.1 s of a batch that takes
 * many seconds. The child shares the terminal; its exit code or signal becomes ours.
 */
import { spawn } from "node:child_process";

const FLAG = "--single-threaded-gc";

/** True when a child now runs the batch and this process must do nothing else. */
export function rerunBatchWithSingleThreadedGc(script: string): boolean {
  if (process.argv[2] !== "batch" || process.execArgv.includes(FLAG)) return false;
  const child = spawn(process.execPath, [...process.execArgv, FLAG, script, ...process.argv.slice(2)], { stdio: "inherit" });
  // Ctrl-C reaches both processes (the child shares our terminal): the child decides; a signal
  // sent to this process alone (a supervisor's SIGTERM) is passed on.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of signals) process.on(signal, forward);
  child.on("error", (error) => {
    process.stderr.write(`sim-cancel: could not start the batch process: ${error.message}\n`);
    process.exitCode = 1;
  });
  child.on("exit", (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
  return true;
}
