#!/usr/bin/env node
/**
 * The command line's entry point: runs it on this process's arguments. The package's bin
 * (dist/cli/launch.cjs) runs the one-file bundle of this module (dist/cli.bundle.cjs, see
 * scripts/bundle.mjs), or this unbundled module when there is no bundle; both run the same code.
 */
import { hideBin } from "yargs/helpers";
import { main } from "./main.js";

// Not a top-level await: the bundle is CommonJS, for V8's code cache (see scripts/bundle.mjs).
void main(hideBin(process.argv));
