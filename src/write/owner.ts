/**
 * Who holds a lock, and whether that process still runs. A process id alone is not enough:
 * ids are reused, so on Linux the lock also records the process's start time (in clock ticks
 * since boot, from /proc/PID/stat) and the boot id; a different start time or boot means the
 * process that took the lock is gone, whatever now runs under its id. A lock taken on another
 * host (a shared folder) cannot be checked that way: it counts as held until it has not been
 * refreshed for a long while (see lock.ts).
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

export interface Owner {
  pid: number;
  host: string;
  /** /proc/sys/kernel/random/boot_id, when there is one. */
  boot?: string;
  /** The process's start time in clock ticks since boot (/proc/PID/stat, field 22). */
  start?: string;
  /** Unique to one lock taken: two locks of one process differ. */
  token: string;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/PID/stat; the command name (field 2) may hold spaces and ")", so count from its end. */
export function processStartTicks(pid: number): string | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19];
}

let self: Omit<Owner, "token"> | undefined;

function thisProcess(): Omit<Owner, "token"> {
  if (!self) {
    const boot = readOrUndefined("/proc/sys/kernel/random/boot_id");
    const start = processStartTicks(process.pid);
    self = { pid: process.pid, host: hostname(), ...(boot ? { boot } : {}), ...(start ? { start } : {}) };
  }
  return self;
}

/** A new owner record for a lock this process takes. */
export function newOwner(): Owner {
  return { ...thisProcess(), token: randomBytes(8).toString("hex") };
}

/** The same process as this one (any of its threads). */
export function isThisProcess(owner: Owner): boolean {
  const me = thisProcess();
  return owner.pid === me.pid && owner.host === me.host && owner.boot === me.boot && owner.start === me.start;
}

/**
 * "alive": the process runs (or may: it exists and we cannot see its start time);
 * "dead": it does not, or its id now belongs to another process;
 * "foreign": it ran on another host, or this host since rebooted cannot tell (see lock.ts).
 */
export function ownerState(owner: Owner): "alive" | "dead" | "foreign" {
  const me = thisProcess();
  if (owner.host !== me.host) return "foreign";
  // Same host name, another boot: every process of that boot is gone.
  if (owner.boot !== undefined && me.boot !== undefined && owner.boot !== me.boot) return "dead";
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return "dead";
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return "dead";
  }
  if (owner.start !== undefined) {
    const start = processStartTicks(owner.pid);
    // The id is in use by a process that started at another time: PID reuse.
    if (start !== undefined && start !== owner.start) return "dead";
  }
  return "alive";
}

export function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    if (typeof value.pid !== "number" || typeof value.host !== "string" || typeof value.token !== "string")
      return undefined;
    return value as Owner;
  } catch {
    return undefined;
  }
}
