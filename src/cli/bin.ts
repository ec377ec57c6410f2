#!/usr/bin/env node
/**
 * The command line's entry point: runs it on this process's arguments. The package's bin
 * (dist/cli/launch.cjs) runs the one-file bundle of this module (dist/cli.bundle.cjs, see
 * scripts/bundle.mjs), or this unbundled module when there is no bundle; both run the same code.
 */
import { isMainThread, workerData } from "node:worker_threads";
import { hideBin } from "yargs/helpers";
import { BUILD_ID, WORKER_ROLES } from "../paths.js";
import { main } from "./main.js";

if (isMainThread) {
  // Not a top-level await: the bundle is CommonJS, for V8's code cache (see scripts/bundle.mjs).
  void main(hideBin(process.argv));
} else {
  // A batch's workers started from the bundle run their own module (see src/batch/pool.ts and
  // check.ts), never the command line: a worker shares the process's arguments. Their modules are
  // imported only here: importing them at the top would load them in every command.
  const { role, build } = (workerData ?? {}) as { role?: unknown; build?: unknown };
  if (role !== WORKER_ROLES.render && role !== WORKER_ROLES.check)
    throw new Error(`a worker thread without a known role (${String(role)}) started the command line`);
  if (build !== BUILD_ID) {
    // The bundle on disk is not the one the batch started with (the tool was reinstalled meanwhile).
    throw new Error(`this worker runs build ${BUILD_ID || "(none)"} of sim-cancel, the batch build ${String(build)}`);
  }
  if (role === WORKER_ROLES.render) void import("../batch/worker.js");
  else void import("../batch/check-worker.js");
}
