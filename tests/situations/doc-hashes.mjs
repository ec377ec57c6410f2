#!/usr/bin/env node
/**
 * The sha256 of every document the bundled pack makes, over every checklist language x plan
 * (prepaid, postpaid, unset) x channel x letter language x a few detail sets, with a fixed
 * timestamp (what SOURCE_DATE_EPOCH sets). A refactor of the templates that must not change a
 * single byte is checked by running this before and after it and comparing the two files:
 *
 *   npm run build && node tests/situations/doc-hashes.mjs > /tmp/before.json
 *   (refactor)
 *   npm run build && node tests/situations/doc-hashes.mjs --compare /tmp/before.json
 *
 * It runs the built library (dist/), like the command line does, in one process.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { generate } from "../../dist/index.js";

const LANGS = ["zh-Hans", "zh-Hant", "en", "fr"];
const PLANS = ["prepaid", "postpaid", undefined];
const CHANNELS = ["in-person", "post", "proxy"];
/** SOURCE_DATE_EPOCH=1790000000, as in the README. */
const TIMESTAMP = new Date(1_790_000_000 * 1000);

/** Detail sets that switch on every optional part of the templates, one way or another. */
const DETAILS = {
  minimal: { name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" },
  full: {
    name: "Xiaoming WANG",
    phone: "76 12 34",
    date: "2026-11-24",
    customerNumber: "C-0042137",
    address: "12 rue des Fictifs, appartement 3\n98800 NOUMÉA",
    email: "xiaoming.wang@example.com",
    reason: "Départ définitif de Nouvelle-Calédonie",
    effectiveDate: "2026-12-31",
    iban: "FR14 2004 1010 0505 0001 3M02 606",
    bic: "PSSTFRPPMON",
    accountHolder: "Xiaoming WANG",
    forwardingAddress: "Résidence Les Pins\nBP 12345\n98800 NOUMÉA",
  },
  emailOnly: {
    name: "Xiaoming WANG",
    phone: "+687 76 12 34",
    date: "2026-03-01",
    email: "wang@example.com",
    iban: "FR14 2004 1010 0505 0001 3M02 606",
    reason: "回国",
  },
};

async function hashes() {
  const out = {};
  for (const lang of LANGS)
    for (const plan of PLANS)
      for (const channel of CHANNELS)
        for (const [set, base] of Object.entries(DETAILS)) {
          // Every letter language for the full set; the default (fr) for the others.
          const letterLangs = set === "full" ? LANGS : ["fr"];
          for (const letterLang of letterLangs) {
            const input = {
              ...base,
              channel,
              ...(plan ? { plan } : {}),
              ...(channel === "proxy"
                ? { proxyName: "Li CHEN", ...(set === "full" ? { proxyId: "AB123456" } : {}) }
                : {}),
            };
            const docs = await generate(input, { lang, letterLang, timestamp: TIMESTAMP });
            for (const doc of docs) {
              const key = [lang, plan ?? "unset", channel, set, `letter-${letterLang}`, doc.kind].join(" ");
              out[key] = createHash("sha256").update(doc.bytes).digest("hex");
            }
          }
        }
  return out;
}

const now = await hashes();
const compareWith = process.argv.indexOf("--compare");
if (compareWith < 0) {
  process.stdout.write(`${JSON.stringify(now, null, 1)}\n`);
} else {
  const before = JSON.parse(readFileSync(process.argv[compareWith + 1], "utf8"));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])];
  const differ = keys.filter((key) => before[key] !== now[key]);
  const combos = new Set(keys.map((key) => key.split(" ").slice(0, -1).join(" "))).size;
  process.stdout.write(
    `${keys.length} documents (${combos} input/option combinations) compared, ${differ.length} differ\n`,
  );
  for (const key of differ) process.stdout.write(`  differs: ${key}\n`);
  process.exitCode = differ.length === 0 ? 0 : 1;
}
