/**
 * The web form in a real browser (Debian's Chromium, driven by playwright-core), used as a person
 * would: typing into the fields, seeing a problem appear under a field and go away when fixed,
 * making the documents, downloading them and reading the PDFs with pdf.js; switching language;
 * a proxy cancellation in Traditional Chinese; a helper's batch with one bad row; axe-core's
 * accessibility check; the page at phone width; the print style. Screenshots go to
 * output/web-screenshots/ (or $SIM_CANCEL_SCREENSHOTS: `npm run screenshots` writes the README's).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDetailsText } from "../../src/details/index.js";
import { FIELD_TEXTS, UI } from "../../src/web/texts.js";
import { ROOT } from "../support/cli.js";
import { flat, readPdf } from "../support/pdf.js";
import type { RunningServer } from "../../src/web/serve.js";
import { launchChromium, startBuiltServer } from "./support.js";

const SHOTS = process.env["SIM_CANCEL_SCREENSHOTS"]
  ? join(ROOT, process.env["SIM_CANCEL_SCREENSHOTS"])
  : join(ROOT, "output", "web-screenshots");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startBuiltServer({ pool: { workers: 2 } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(
  locale: string,
  viewport = { width: 1000, height: 1400 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    // A 422 or 503 answer is the page's business (it shows the problems), not an error of its script.
    if (
      message.type() === "error" &&
      !/^Failed to load resource: the server responded with a status of (422|503)/.test(message.text())
    )
      errors.push(message.text());
  });
  await page.goto(server.url);
  return { context, page, errors };
}

/** A text field found by its label as a person reads it ("Full name (required)" starts with "Full name"). */
function field(page: Page, label: string) {
  return page.getByRole("textbox", { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent("download"), click()])) as [Download, undefined];
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** axe-core in the page (evaluated, as the CSP rightly refuses an injected script tag). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.targets.join(", ")}`);
}

describe("the form, as a person uses it", () => {
  it("shows a field's problem as it is typed, takes it back when fixed, and makes both PDFs to download", async () => {
    const { context, page, errors } = await openPage("en-US");
    try {
      expect(await page.locator("h1").textContent()).toBe(UI.title.en);
      await field(page, FIELD_TEXTS.name.label.en).fill("Xiaoming WANG");
      const phone = field(page, FIELD_TEXTS.phone.label.en);
      await phone.pressSequentially("26 12 34");
      const phoneError = page.locator("#f-phone-error");
      // The schema's own message, in English, with no command-line flag in it.
      await expect.poll(() => phoneError.textContent()).toContain("is a fixed line");
      expect(await phoneError.textContent()).not.toMatch(/--/);
      expect(await phone.getAttribute("aria-invalid")).toBe("true");
      // The name was fine: nothing under it.
      expect(await page.locator("#f-name-error").textContent()).toBe("");
      await page.screenshot({ path: join(SHOTS, "serve-field-error.png"), fullPage: false });

      await phone.fill("");
      await phone.pressSequentially("76 12 34");
      await expect.poll(() => phoneError.textContent()).toBe("");
      expect(await phone.getAttribute("aria-invalid")).toBeNull();

      await page.getByLabel(UI["plan.postpaid"].en).check();
      await field(page, FIELD_TEXTS.address.label.en).fill("12 rue des Fictifs\n98800 NOUMÉA");
      await field(page, FIELD_TEXTS.customerNumber.label.en).fill("C-0042137");
      await page.getByRole("button", { name: UI.make.en }).click();
      const cards = page.locator("#doc-list .doc");
      await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(2);
      expect(await page.locator("#doc-list iframe").count()).toBe(2);

      const checklist = await downloaded(page, () => cards.nth(0).getByRole("link", { name: UI.download.en }).click());
      const letter = await downloaded(page, () => cards.nth(1).getByRole("link", { name: UI.download.en }).click());
      expect(checklist.name).toBe("sim-cancel-checklist-en.pdf");
      expect(letter.name).toBe("sim-cancel-letter-fr.pdf");
      const checklistText = flat((await readPdf(checklist.bytes)).text);
      const letterText = flat((await readPdf(letter.bytes)).text);
      expect(checklistText).toContain("Xiaoming WANG");
      expect(checklistText).toContain("76 12 34");
      expect(letterText).toContain("Xiaoming WANG");
      expect(letterText).toContain("C-0042137");
      expect(letterText).toContain("NOUMÉA");

      // The ZIP holds the same two files, byte for byte (the same details give the same PDFs).
      const zip = await downloaded(page, () => page.getByRole("button", { name: UI.zip.en }).click());
      const files = unzipSync(new Uint8Array(zip.bytes));
      expect(Object.keys(files).sort()).toEqual(["sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"]);
      expect(Buffer.from(files["sim-cancel-checklist-en.pdf"]!).equals(checklist.bytes)).toBe(true);

      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("switches language without losing what was typed, and words the problems in the new language", async () => {
    const { context, page } = await openPage("fr-FR");
    try {
      expect(await page.locator("html").getAttribute("lang")).toBe("fr");
      await page.locator("#f-name").fill("Léa MARTIN");
      await page.locator("#f-phone").fill("26 12 34");
      await page.locator("#f-phone").blur();
      await expect.poll(() => page.locator("#f-phone-error").textContent()).toContain("est une ligne fixe");
      await page.getByLabel("Langue").selectOption("zh-Hans");
      await expect.poll(() => page.locator("h1").textContent()).toBe(UI.title["zh-Hans"]);
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
      expect(await page.locator('label[for="f-phone"]').textContent()).toContain(FIELD_TEXTS.phone.label["zh-Hans"]);
      expect(await page.locator("#f-name").inputValue()).toBe("Léa MARTIN");
      await expect.poll(() => page.locator("#f-phone-error").textContent()).toContain("是固定电话号码");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh-Hans");
    } finally {
      await context.close();
    }
  });

  it("makes a proxy cancellation in Traditional Chinese: the representative's fields appear for a proxy only", async () => {
    // Tall enough that the three previews are all in view (the PDF viewer draws only what is shown).
    const { context, page, errors } = await openPage("zh-TW", { width: 1000, height: 2600 });
    try {
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hant");
      const proxyName = field(page, FIELD_TEXTS.proxyName.label["zh-Hant"]);
      expect(await proxyName.isVisible()).toBe(false);
      await field(page, FIELD_TEXTS.name.label["zh-Hant"]).fill("王小明");
      await field(page, FIELD_TEXTS.phone.label["zh-Hant"]).fill("+687 76 12 34");
      await page.getByLabel(UI["channel.proxy"]["zh-Hant"]).check();
      await expect.poll(() => proxyName.isVisible()).toBe(true);

      // Made without the representative: the problem is shown under their field, in zh-Hant.
      await page.getByRole("button", { name: UI.make["zh-Hant"] }).click();
      await expect
        .poll(() => page.locator("#f-proxyName-error").textContent())
        .toContain("選擇「委託他人代辦」時必須填寫：請填寫代辦人的全名");
      expect(await page.locator("#doc-list .doc").count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-proxyName");

      await proxyName.fill("陳麗");
      await field(page, FIELD_TEXTS.proxyId.label["zh-Hant"]).fill("12AB34567");
      await page.getByRole("button", { name: UI.make["zh-Hant"] }).click();
      const cards = page.locator("#doc-list .doc");
      await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(3);
      expect(await page.locator("#f-proxyName-error").textContent()).toBe("");
      // For the README's picture (npm run screenshots): the viewer draws the PDFs a moment after the frames load.
      if (process.env["SIM_CANCEL_SCREENSHOTS"]) await page.waitForTimeout(5000);
      await page.locator("#results").screenshot({ path: join(SHOTS, "serve-proxy-zh-Hant.png") });

      const names: string[] = [];
      for (let i = 0; i < 3; i++) {
        const file = await downloaded(page, () =>
          cards.nth(i).getByRole("link", { name: UI.download["zh-Hant"] }).click(),
        );
        names.push(file.name);
        const text = flat((await readPdf(file.bytes)).text);
        expect(text).toContain("王小明");
        if (file.name.includes("proxy")) {
          expect(text).toContain("陳麗");
          expect(text).toContain("12AB34567");
        }
      }
      expect(names).toEqual([
        "sim-cancel-checklist-zh-Hant.pdf",
        "sim-cancel-letter-fr.pdf",
        "sim-cancel-proxy-fr.pdf",
      ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("saves the details as a details file and loads it back", async () => {
    const { context, page } = await openPage("en-GB");
    try {
      await page.locator("#f-name").fill("Hugo DUPONT");
      await page.locator("#f-phone").fill("76 12 34");
      await page.locator("#f-address").fill("3 allée des Essais\n98800 NOUMÉA");
      await page.getByLabel(UI["channel.post"].en).check();
      const saved = await downloaded(page, () => page.getByRole("button", { name: UI.save.en }).click());
      expect(saved.name).toBe("details.yaml");
      const text = saved.bytes.toString("utf8");
      // The same file a terminal user gets from `sim-cancel init`, filled in: --details reads it.
      const parsed = parseDetailsText(text, "details.yaml");
      expect(parsed.ok && parsed.input).toMatchObject({
        name: "Hugo DUPONT",
        phone: "76 12 34",
        address: "3 allée des Essais\n98800 NOUMÉA",
        channel: "post",
      });

      await page.reload();
      expect(await page.locator("#f-name").inputValue()).toBe("");
      await page
        .locator("#load-file")
        .setInputFiles({ name: "details.yaml", mimeType: "application/yaml", buffer: saved.bytes });
      await expect.poll(() => page.locator("#f-name").inputValue()).toBe("Hugo DUPONT");
      expect(await page.locator("#f-address").inputValue()).toContain("3 allée des Essais\n98800 NOUMÉA");
      expect(await page.getByLabel(UI["channel.post"].en).isChecked()).toBe(true);

      // A broken file: the reader's problem is shown, nothing is filled in.
      await page.locator("#load-file").setInputFiles({
        name: "details.yaml",
        mimeType: "application/yaml",
        buffer: Buffer.from("phnoe: 76 12 34\n"),
      });
      await expect.poll(() => page.locator("#form-problems").textContent()).toContain('did you mean "phone"');
    } finally {
      await context.close();
    }
  });
});

describe("the helpers' batch tab", () => {
  it("shows the bad row before rendering, renders the others with progress, and gives back a ZIP of row folders and the summary", async () => {
    const { context, page, errors } = await openPage("en-US");
    try {
      await page.getByRole("tab", { name: UI.tabBatch.en }).click();
      const csv = [
        "name,phone,plan,channel",
        "Mei LI,76 11 22,prepaid,in-person",
        "Bad ROW,26 12 34,postpaid,post",
        '"Zoé NGUYEN",+687 77 88 99,,post',
      ].join("\n");
      await page
        .locator("#batch-file")
        .setInputFiles({ name: "students.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await expect
        .poll(() => page.locator("#batch-summary").textContent())
        .toBe("3 rows: 2 can be made, 1 have problems.");
      const rows = page.locator("#batch-invalid tbody tr");
      expect(await rows.count()).toBe(1);
      expect(await rows.nth(0).textContent()).toContain("Bad ROW");
      // Named by its column, as `sim-cancel batch` names it: the helper fixes the file.
      expect(await rows.nth(0).textContent()).toContain("phone: 26 12 34 is a fixed line");

      await page.getByRole("button", { name: "Make the documents of 2 rows" }).click();
      const link = page.locator("#batch-zip");
      await expect.poll(() => link.isVisible(), { timeout: 60_000 }).toBe(true);
      expect(await page.locator("#batch-progress").evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([
        2, 2,
      ]);
      expect(await page.locator("#batch-done").textContent()).toBe("Done: 2 rows made, 0 failed.");
      await page.screenshot({ path: join(SHOTS, "serve-batch.png"), fullPage: true });

      const zip = await downloaded(page, () => link.click());
      const files = unzipSync(new Uint8Array(zip.bytes));
      expect(Object.keys(files).sort()).toEqual([
        "0001-mei-li/sim-cancel-checklist-en.pdf",
        "0001-mei-li/sim-cancel-letter-fr.pdf",
        "0003-zoe-nguyen/sim-cancel-checklist-en.pdf",
        "0003-zoe-nguyen/sim-cancel-letter-fr.pdf",
        "summary.csv",
      ]);
      expect(flat((await readPdf(files["0003-zoe-nguyen/sim-cancel-letter-fr.pdf"]!)).text)).toContain("Zoé NGUYEN");
      const summary = new TextDecoder().decode(files["summary.csv"]).trim().split("\n");
      expect(summary[0]).toBe("row,line,name,status,action,files,pages,bytes,errors,removed");
      expect(summary[1]).toMatch(
        /^1,2,Mei LI,ok,written,0001-mei-li\/sim-cancel-checklist-en.pdf 0001-mei-li\/sim-cancel-letter-fr.pdf,\d+,\d+,,$/,
      );
      expect(summary[2]).toMatch(/^2,3,Bad ROW,invalid,,,0,0,.*26 12 34 is a fixed line/);
      expect(summary[3]).toMatch(/^3,4,Zoé NGUYEN,ok,/);

      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the page's shape", () => {
  it("reads on a phone: one column, no sideways scrolling, tap targets of at least 44 px", async () => {
    const { context, page } = await openPage("zh-CN", { width: 375, height: 812 });
    try {
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
      const widths = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      const small = await page.evaluate(() =>
        // Radio buttons and check boxes are tapped through their labels, which are the targets measured.
        [
          ...document.querySelectorAll<HTMLElement>(
            "button, input:not([type=radio]):not([type=checkbox]):not([type=file]), select, textarea, a.button, label.choice, .checkbox > label",
          ),
        ]
          .filter((e) => e.offsetParent !== null)
          .filter((e) => e.getBoundingClientRect().height < 44)
          .map((e) => e.id || e.textContent),
      );
      expect(small).toEqual([]);
      // Every field, its label and its input, in one column: the inputs share their left edge.
      const lefts = await page
        .locator("fieldset#group-you input, fieldset#group-you textarea")
        .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
      expect(new Set(lefts).size).toBe(1);
      await page.screenshot({ path: join(SHOTS, "serve-phone.png"), fullPage: false });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("prints nothing but the documents", async () => {
    const { context, page } = await openPage("en-US");
    try {
      await page.locator("#f-name").fill("Wei ZHANG");
      await page.locator("#f-phone").fill("76 12 34");
      await page.getByRole("button", { name: UI.make.en }).click();
      await expect.poll(() => page.locator("#doc-list .doc").count(), { timeout: 60_000 }).toBe(2);
      await page.emulateMedia({ media: "print" });
      // What is rendered at all when printing: elements with a box, and not inside a previewed document.
      const printed = await page.evaluate(() =>
        [...document.body.querySelectorAll<HTMLElement>("*")]
          .filter((e) => e.getClientRects().length > 0 && e.offsetHeight > 0)
          .filter((e) => !e.closest(".doc iframe") && e.tagName !== "IFRAME" && !e.querySelector("iframe"))
          .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
      );
      expect(printed).toEqual([]);
      expect(
        await page
          .locator(".doc iframe")
          .evaluateAll((frames) => frames.map((f) => f.getBoundingClientRect().height > 300)),
      ).toEqual([true, true]);
    } finally {
      await context.close();
    }
  });
});
