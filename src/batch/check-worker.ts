/**
 * Pass 1 in a worker thread of its own: validating thousands of rows leaves a lot of short-lived
 * garbage, and a worker with a small heap collects it promptly and gives its memory back when it
 * ends, so the main thread stays small for pass 2.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError, problemsOf } from "../errors.js";
import { checkRows, type CheckOptions } from "./check.js";

const { file, options } = workerData as { file: string; options: CheckOptions };
// Not a top-level await: this module is also part of the command line's bundle, which is CommonJS.
void checkRows(file, options).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort!.postMessage({ ok: false, input: error instanceof InputError, problems: problemsOf(error) }),
);
