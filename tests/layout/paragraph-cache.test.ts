/**
 * Paragraphs are broken into lines once per process and shared between documents (lines.ts): a
 * document must come out the same whatever was made before it in the process.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";

const A = {
  name: "Léa MARTIN",
  phone: "76 12 34",
  plan: "postpaid",
  address: "12 rue des Fictifs\n98800 NOUMÉA",
  date: "2026-11-24",
};
const B = {
  name: "王丽华",
  phone: "77 23 45",
  plan: "prepaid",
  channel: "proxy",
  proxyName: "Li CHEN",
  date: "2026-11-25",
};

const bytes = async (input: object, lang: string) =>
  (await generate(input, { lang, timestamp: new Date(Date.UTC(2026, 10, 24)) })).map((doc) =>
    Buffer.from(doc.bytes).toString("base64"),
  );

describe("the shared paragraph cache", () => {
  it("gives a document the same bytes before and after other documents were made", async () => {
    const first = await bytes(A, "fr");
    await bytes(B, "fr");
    await bytes(B, "zh-Hans");
    await bytes({ ...A, name: "Hugo DUPONT" }, "fr");
    expect(await bytes(A, "fr")).toEqual(first);
  });
});
