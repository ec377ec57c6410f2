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
 * And string-width, which yargs uses to lay out the help text it renders on every run (in case a
 * command fails later), is replaced by fast-string-width (already installed, for @inquirer/core):
 * string-width creates an Intl.Segmenter when loaded, and loading ICU's segmentation data for it
 * took 12-15 ms of a cold start. Both count terminal columns the same way for our help text.
 *
 * The bundled packs' data is prepared here too (see src/pack/prebuilt.ts and
 * src/compose/precompiled.ts): every templates/<pack>/pack.yaml parsed and validated, and its
 * templates and snippets compiled by Handlebars, by the code tsc has just built, so a cold start
 * runs neither the YAML parser, the schema nor the Handlebars compiler (90-100 ms together).
 * The library (dist/index.js) and the batch's worker threads use the unbundled dist/ files.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import Handlebars from "handlebars";

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
    const filter = new RegExp(
      `^(${Object.keys(STUBS)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
        .join("|")})$`,
    );
    builder.onResolve({ filter }, (args) => ({ path: args.path, namespace: "stub" }));
    builder.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({ contents: STUBS[args.path], loader: "js" }));
  },
};

/**
 * esbuild plugin: ES-module imports of string-width (yargs, cliui, wrap-ansi) get fast-string-width,
 * whose default export takes the same one argument. cli-progress require()s an old CommonJS
 * string-width without Intl.Segmenter, which stays.
 */
const fastStringWidth = {
  name: "sim-cancel-fast-string-width",
  setup(builder) {
    builder.onResolve({ filter: /^string-width$/ }, (args) =>
      args.kind === "import-statement" ? { path: require.resolve("fast-string-width") } : undefined,
    );
  },
};

/**
 * esbuild plugin: yargs finds its translations three folders above its own file; in the bundle
 * that file is dist/cli.bundle.cjs, so they are looked for in dist/locales, where the build copies
 * the ones the command line uses (see YARGS_LOCALES in src/cli/main.ts).
 */
const yargsLocales = {
  name: "sim-cancel-yargs-locales",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const patched = source.replace("resolve(__dirname, '../../../locales')", "resolve(__dirname, '../locales')");
      if (patched === source)
        throw new Error("yargs' locale directory moved: update the yargs-locales plugin in scripts/bundle.mjs");
      return { contents: patched, loader: "js" };
    });
  },
};
const YARGS_LOCALE_FILES = ["en.json", "fr.json", "zh_CN.json", "zh_TW.json"];

/** Every string in a value (a pack's data), depth first. */
function* strings(value) {
  if (typeof value === "string") yield value;
  else if (value && typeof value === "object") for (const item of Object.values(value)) yield* strings(item);
}

/**
 * The contents of dist/pack/prebuilt.js and dist/compose/precompiled.js in the bundle: the
 * bundled packs by pack.yaml text, and their templates and snippets with "{{" by source text.
 */
async function prebuiltModules() {
  const { parsePackText, PACK_FILE } = await import(join(root, "dist", "pack", "load.js"));
  const { TEMPLATE_OPTIONS } = await import(join(root, "dist", "compose", "precompiled.js"));
  const packs = [];
  const sources = new Set();
  for (const name of readdirSync(join(root, "templates")).sort()) {
    const dir = join(root, "templates", name);
    if (!existsSync(join(dir, PACK_FILE))) continue; // templates/cli: the command line's own texts
    const text = readFileSync(join(dir, PACK_FILE), "utf8");
    const { data, problems } = parsePackText(join(dir, PACK_FILE), text);
    if (problems.length > 0) throw new Error(`the bundled pack ${name} has problems:\n${problems.join("\n")}`);
    packs.push(`[${JSON.stringify(text)}, JSON.parse(${JSON.stringify(JSON.stringify(data))})]`);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".hbs")))
      sources.add(readFileSync(join(dir, file), "utf8"));
    for (const snippet of strings(data)) sources.add(snippet);
  }
  // A copy each time: precompile adds its own entries (even an array shared by later compiles) to the options it gets.
  const templates = [...sources]
    .filter((source) => source.includes("{{"))
    .map((source) => `[${JSON.stringify(source)}, ${Handlebars.precompile(source, { ...TEMPLATE_OPTIONS })}]`);
  return {
    [join(root, "dist", "pack", "prebuilt.js")]: `export const PREBUILT_PACKS = new Map([${packs.join(",\n")}]);`,
    [join(root, "dist", "compose", "precompiled.js")]:
      `export const PRECOMPILED_TEMPLATES = new Map([${templates.join(",\n")}]);
export const TEMPLATE_OPTIONS = Object.freeze(${JSON.stringify(TEMPLATE_OPTIONS)});`,
  };
}

/**
 * The pieces of text the bundled pack's documents draw, shaped by fontkit in the bundled fonts (see
 * src/fonts/shaping.ts): the documents of a fictional person (not the sample's: its own name and
 * address stay to be shaped at run time, as anyone's) in every checklist language, with the letters
 * in the carrier's language, every plan, channel and situation, with and without the optional details. Only fontkit's own results
 * are kept; a piece fontkit moves vertically is left out (the table holds horizontal advances only).
 */
async function prebuiltShaping() {
  const { generate } = await import(join(root, "dist", "generate.js"));
  const { recordShaping, fontKey, shapeLive } = await import(join(root, "dist", "fonts", "shaping.js"));
  const { loadPack } = await import(join(root, "dist", "pack", "load.js"));
  const pack = await loadPack(join(root, "templates", "nc-opt"));
  const pieces = new Map();
  recordShaping((font, text) => {
    const key = fontKey(font);
    if (!pieces.has(key)) pieces.set(key, { font, texts: new Set() });
    pieces.get(key).texts.add(text);
  });
  const person = { name: "Aroha TEST", phone: "91 23 45", date: "2026-03-15", proxyName: "Tama TEST" };
  const optional = {
    customerNumber: "C-1",
    address: "1 chemin Exemple\n98890 PAÏTA",
    email: "test@example.org",
    reason: "Raison de test",
    effectiveDate: "2026-04-30",
    iban: "FR7630006000011234567890189",
    forwardingAddress: "test@example.org",
    birthDate: "1990-01-02",
    idType: "passport",
    idNumber: "X1",
    proxyIdType: "id-card",
    proxyId: "Y2",
    offer: "Offre",
    place: "Paris",
  };
  try {
    // The letters in the carrier's language (the pack's first letter language), with their
    // translation into each checklist language; other letter languages are shaped at run time.
    for (const lang of pack.languages) {
      for (const letterLang of pack.letterLanguages.slice(0, 1)) {
        for (const plan of [undefined, "prepaid", "postpaid"]) {
          for (const channel of ["in-person", "post", "proxy"]) {
            for (const leaving of [false, true]) {
              for (const extra of [{}, optional]) {
                const details = {
                  ...person,
                  ...extra,
                  ...(plan ? { plan } : {}),
                  channel,
                  ...(leaving ? { leaving: true } : {}),
                };
                await generate(details, { lang, letterLang, today: "2026-03-15" });
              }
            }
          }
        }
      }
    }
  } finally {
    recordShaping(undefined);
  }
  const tables = [];
  let count = 0;
  const dir = join(root, "dist", "fonts", "prebuilt-shaping");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [key, { font, texts }] of [...pieces].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entries = [];
    for (const text of [...texts].sort()) {
      // fontkit's shaping as the layout asks for it (left to right: every piece it records).
      const run = shapeLive(font, text);
      if (run.positions.some((p) => p.yAdvance !== 0)) continue;
      // What the run holds beyond the font's plain mapping (see src/fonts/prebuilt-shaping.ts).
      const chars = [...text].map((c) => c.codePointAt(0));
      const plain =
        run.glyphs.length === chars.length &&
        run.glyphs.every(
          (g, i) =>
            g.id === font.glyphForCodePoint(chars[i]).id && g.codePoints.length === 1 && g.codePoints[0] === chars[i],
        );
      const dx = run.positions.map((p, i) => p.xAdvance - run.glyphs[i].advanceWidth);
      const offsets = run.positions.map((p) => (p.xOffset || p.yOffset ? [p.xOffset, p.yOffset] : null));
      entries.push([
        text,
        {
          ...(dx.some((d) => d !== 0) ? { dx } : {}),
          ...(plain ? {} : { ids: run.glyphs.map((g) => g.id), codePoints: run.glyphs.map((g) => g.codePoints) }),
          ...(offsets.some(Boolean) ? { offsets } : {}),
        },
      ]);
    }
    count += entries.length;
    const file = `${font.postscriptName}.json`;
    writeFileSync(join(dir, file), JSON.stringify({ key, runs: entries }));
    tables.push(`[${JSON.stringify(key)}, ${JSON.stringify(file)}]`);
  }
  console.log(`prebuilt shaping: ${count} pieces in ${tables.length} fonts`);
  return `export const PREBUILT_SHAPING = new Map([${tables.join(",\n")}]);`;
}

/** esbuild plugin: the three modules above, generated. */
const prebuilt = await prebuiltModules();
prebuilt[join(root, "dist", "fonts", "prebuilt-shaping.js")] = await prebuiltShaping();
const prebuiltData = {
  name: "sim-cancel-prebuilt",
  setup(builder) {
    builder.onLoad(
      { filter: /[\\/]dist[\\/](pack[\\/]prebuilt|compose[\\/]precompiled|fonts[\\/]prebuilt-shaping)\.js$/ },
      (args) => {
        if (!(args.path in prebuilt)) throw new Error(`unexpected module ${args.path}`);
        return { contents: prebuilt[args.path], loader: "js" };
      },
    );
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
  // SIM_CANCEL_BUNDLE_MINIFY=0 keeps names, for reading a CPU profile of a cold start (--cpu-prof).
  minify: process.env.SIM_CANCEL_BUNDLE_MINIFY !== "0",
  legalComments: "linked",
  plugins: [stubs, fastStringWidth, prebuiltData, yargsLocales],
  // The modules find their files (templates, fonts, pdfkit's colour profile) from import.meta.url.
  // __SIM_CANCEL_BUILD__: the code knows it runs from the bundle, and which build (src/paths.ts).
  define: { "import.meta.url": "__simCancelUrl", __SIM_CANCEL_BUILD__: JSON.stringify(randomUUID()) },
  banner: { js: `var __simCancelUrl = require("node:url").pathToFileURL(__filename).href;` },
  logLevel: "warning",
});

// esbuild escapes non-ASCII characters in strings but keeps them in regular expressions (the
// kinsoku tables, French punctuation). Escaped too, the file is pure ASCII: the bin reads it as
// Latin-1, a third of the time of decoding UTF-8, into a one-byte string V8 scans faster.
// \uXXXX means the same character in a string, a template, a regular expression or a name; a
// character already escaped with a backslash ("\\é", the same as "é") loses that backslash first.
const bundleFile = join(root, "dist", "cli.bundle.cjs");
const ascii = readFileSync(bundleFile, "utf8").replace(
  /(\\*)([^\x00-\x7f])/g,
  (_, slashes, c) =>
    `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
);
writeFileSync(bundleFile, ascii);

// pdfkit finds its sRGB colour profile (the PDF/A output intent) next to its own code.
const icc = join(dirname(require.resolve("pdfkit")), "data", "sRGB_IEC61966_2_1.icc");
mkdirSync(join(root, "dist", "data"), { recursive: true });
copyFileSync(icc, join(root, "dist", "data", "sRGB_IEC61966_2_1.icc"));

// yargs' translations, where the bundle's yargs looks for them (see yargsLocales).
const yargsLocaleDir = join(dirname(require.resolve("yargs")), "locales");
mkdirSync(join(root, "dist", "locales"), { recursive: true });
for (const file of YARGS_LOCALE_FILES) copyFileSync(join(yargsLocaleDir, file), join(root, "dist", "locales", file));

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
