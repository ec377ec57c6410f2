#!/usr/bin/env node
/**
 * The command line's entry point: runs it on this process's arguments. The package's bin
 * (dist/cli/launch.cjs) runs the one-file bundle of this module (dist/cli.bundle.cjs, see
 * scripts/bundle.mjs), or this unbundled module when there is no bundle; both run the same code.
 */
import { isMainThread, workerData } from "node:worker_threads";
import { hideBin } from "yargs/helpers";
import { main } from "./main.js";

// A batch's render worker started from the bundle runs the worker's module instead (see
// src/batch/pool.ts). The role's name is written out: importing pool.ts here would load it in
// every command.
if (!isMainThread && (workerData as { role?: unknown } | null)?.role === "batch-render") {
  void import("../batch/worker.js");
} else {
  // Not a top-level await: the bundle is CommonJS, for V8's code cache (see scripts/bundle.mjs).
  void main(hideBin(process.argv));
}
