#!/usr/bin/env node
/**
 * The command line's entry point: runs it on this process's arguments. The package's bin
 * (dist/cli/launch.cjs) runs the one-file bundle of this module (dist/cli.bundle.cjs, see
 * scripts/bundle.mjs), or this unbundled module when there is no bundle; both run the same code.
 */
import { isMainThread, workerData } from "node:worker_threads";
import { hideBin } from "yargs/helpers";
import { main } from "./main.js";

// A batch's workers started from the bundle run their own module instead (see src/batch/pool.ts
// and check.ts). The roles' names are written out: importing those modules here would load them
// in every command.
const role = isMainThread ? undefined : (workerData as { role?: unknown } | null)?.role;
if (role === "batch-render") {
  void import("../batch/worker.js");
} else if (role === "batch-check") {
  void import("../batch/check-worker.js");
} else {
  // Not a top-level await: the bundle is CommonJS, for V8's code cache (see scripts/bundle.mjs).
  void main(hideBin(process.argv));
}
