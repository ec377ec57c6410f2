/**
 * Fault injection, for the tests in tests/faults/ only: the environment variable
 * SIM_CANCEL_WRITE_FAULT makes the writer fail or die at a chosen step, to prove that whatever
 * moment a run stops at, the folder holds complete sets only and nothing is lost.
 *
 *   SIM_CANCEL_WRITE_FAULT="kill@7"          SIGKILL this process at the 7th step reached
 *   SIM_CANCEL_WRITE_FAULT="kill@link"       ... at the first step named "link..."
 *   SIM_CANCEL_WRITE_FAULT="throw@aside,kill@rollback"   fail (as a disk error would) when setting
 *                                            a file aside, then die while putting things back
 *   SIM_CANCEL_WRITE_FAULT="stop@commit"     SIGSTOP: the process stays, frozen, at that step
 *   SIM_CANCEL_WRITE_FAULT="nolink"          every hard link fails (EPERM), as on a FAT USB stick
 *
 * Steps are counted per thread (each batch worker counts its own). SIM_CANCEL_WRITE_TRACE=1
 * prints each step's number and name on stderr, so a test can enumerate them. Unset, this costs
 * one comparison per step.
 */

type Action = "kill" | "throw" | "stop";

interface Fault {
  action: Action;
  at: number | string;
  done: boolean;
}

function parseFaults(spec: string | undefined): Fault[] {
  if (!spec) return [];
  return spec.split(",").flatMap((part) => {
    const match = /^(kill|throw|stop)@(.+)$/.exec(part.trim());
    if (!match) return [];
    const at = /^\d+$/.test(match[2]!) ? Number(match[2]) : match[2]!;
    return [{ action: match[1] as Action, at, done: false }];
  });
}

const noLinks = (spec: string | undefined) => (spec ?? "").split(",").some((part) => part.trim() === "nolink");

let FAULTS = parseFaults(process.env["SIM_CANCEL_WRITE_FAULT"]);
let NO_LINKS = noLinks(process.env["SIM_CANCEL_WRITE_FAULT"]);
const TRACE = process.env["SIM_CANCEL_WRITE_TRACE"] === "1";
let steps = 0;

/** For tests in this process: the same spec as SIM_CANCEL_WRITE_FAULT, counting steps from now; "" clears. */
export function injectFaults(spec: string): void {
  FAULTS = parseFaults(spec);
  NO_LINKS = noLinks(spec);
  steps = 0;
}

/** With "nolink" set: the error a file system without hard links gives (FAT gives EPERM). */
export function injectedLinkFault(): NodeJS.ErrnoException | undefined {
  if (!NO_LINKS) return undefined;
  return Object.assign(new Error("EPERM: operation not permitted, link (injected: no hard links)"), { code: "EPERM" });
}

/** An error as a failing disk would give (code EIO), so the writer's own handling runs. */
export class InjectedFault extends Error {
  readonly code = "EIO";
  constructor(step: string) {
    super(`injected fault at ${step}`);
  }
}

/** A step of writing is about to happen; with a matching fault set, fail or die here instead. */
export function faultPoint(step: string): void {
  if (FAULTS.length === 0 && !TRACE) return;
  steps++;
  if (TRACE) process.stderr.write(`sim-cancel-write-step ${steps} ${step}\n`);
  for (const fault of FAULTS) {
    if (fault.done) continue;
    if (typeof fault.at === "number" ? fault.at !== steps : !step.startsWith(fault.at)) continue;
    fault.done = true;
    if (fault.action === "kill") process.kill(process.pid, "SIGKILL");
    if (fault.action === "stop") process.kill(process.pid, "SIGSTOP");
    if (fault.action === "throw") throw new InjectedFault(step);
  }
}
