#!/usr/bin/env node
/**
 * Bundles the command line into one file, dist/cli.bundle.cjs, after tsc has built dist/, then
 * makes V8's code cache of it (dist/cli.bundle.cjs.v8cache) by running the sample once; the
 * package's bin (dist/cli/launch.cjs, from src/cli/launch.cts) runs the bundle with the cache.
 * Why: a cold `sim-cancel generate` spent about half its time finding, reading and compiling
 * some 300 modules from node_modules; one minified, precompiled file loads in a fraction of that.
 *
 * Two dependencies are replaced by stubs in the bundle, because loading them was a sixth of the
 * start-up and the tool never uses them:
 *   - brotli (fontkit's WOFF2 decoder, which builds a 750 KB dictionary when loaded): sim-cancel
 *     reads TTF, OTF and TTC fonts only; a WOFF2 font gets a clear error instead;
 *   - @noble/ciphers (pdfkit's encryption, which computes AES tables when loaded): PDF/A files
 *     must not be encrypted, and sim-cancel never asks pdfkit to.
 * One is replaced by a faster equivalent: tiny-inflate, a pure-JavaScript DEFLATE decoder, with
 * Node's own zlib. fontkit's Unicode tables (unicode-trie) are inflated with it when loaded, twice
 * over, and in code that has not been optimised yet that took 20-35 ms of a cold start.
 * The library (dist/index.js) and the batch's worker threads use the unbundled dist/ files.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

const STUBS = {
  "brotli/decompress.js": `export default function decompress() {
    throw new Error("WOFF2 fonts are not supported: use the font as TTF, OTF or TTC");
  }`,
  "@noble/ciphers/aes": `const refuse = () => { throw new Error("sim-cancel writes unencrypted PDF/A files"); };
    export const cbc = refuse, ecb = refuse;`,
  // tiny-inflate's contract: raw DEFLATE data in, written into \`dest\`, which is returned (cut to
  // the inflated length when shorter). CommonJS, because unicode-trie require()s it.
  "tiny-inflate": `const { inflateRawSync } = require("node:zlib");
    module.exports = function inflate(source, dest) {
      // Longer than stated is corrupt data: zlib stops there (RangeError) instead of overflowing.
      const out = inflateRawSync(source, { maxOutputLength: Math.max(1, dest.length) });
      dest.set(out);
      return out.length < dest.length ? dest.slice(0, out.length) : dest;
    };`,
};

/** esbuild plugin: resolve the stubbed imports to the modules above. */
const stubs = {
  name: "sim-cancel-stubs",
  setup(builder) {
    const filter = new RegExp(`^(${Object.keys(STUBS).map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})$`);
    builder.onResolve({ filter }, (args) => ({ path: args.path, namespace: "stub" }));
    builder.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({ contents: STUBS[args.path], loader: "js" }));
  },
};

await build({
  entryPoints: [join(root, "dist", "cli", "bin.js")],
  outfile: join(root, "dist", "cli.bundle.cjs"),
  bundle: true,
  platform: "node",
  // CommonJS, because V8's code cache (made below) works on scripts, not on ES modules.
  format: "cjs",
  target: "node20",
  minify: true,
  legalComments: "linked",
  plugins: [stubs],
  // The modules find their files (templates, fonts, pdfkit's colour profile) from import.meta.url.
  define: { "import.meta.url": "__simCancelUrl" },
  banner: { js: `var __simCancelUrl = require("node:url").pathToFileURL(__filename).href;` },
  logLevel: "warning",
});

// pdfkit finds its sRGB colour profile (the PDF/A output intent) next to its own code.
const icc = join(dirname(require.resolve("pdfkit")), "data", "sRGB_IEC61966_2_1.icc");
mkdirSync(join(root, "dist", "data"), { recursive: true });
copyFileSync(icc, join(root, "dist", "data", "sRGB_IEC61966_2_1.icc"));

// The code cache: run the sample once through the bin with the cache writer on.
const out = mkdtempSync(join(tmpdir(), "sim-cancel-build-"));
try {
  execFileSync(process.execPath, [join(root, "dist", "cli", "launch.cjs"), "generate", "--sample", "--out", out], {
    env: { ...process.env, SIM_CANCEL_WRITE_CODE_CACHE: "1" },
    stdio: "ignore",
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}
