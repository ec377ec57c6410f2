import { describe, expect, it } from "vitest";
import { parsePhone } from "../../src/details/phone.js";

describe("parsePhone", () => {
  it.each([
    "76 12 34",
    "76.12.34",
    "76-12-34",
    "761234",
    "+687761234",
    "+687 76 12 34",
    "00687 76 12 34",
    "(+687) 76 12 34",
    "  76 12 34  ",
    "７６ １２ ３４",
  ])("accepts %j", (raw) => {
    expect(parsePhone(raw)).toEqual({
      ok: true,
      phone: { e164: "+687761234", national: "76 12 34", international: "+687 76 12 34" },
    });
  });

  it.each(["50 00 00", "59 99 99", "70 00 00", "80 12 34", "87 12 34", "89 12 34", "99 12 34"])(
    "accepts the mobile range of %j",
    (raw) => expect(parsePhone(raw).ok).toBe(true),
  );

  it.each([
    ["26 12 34", "phone.fixedLine"],
    ["35 12 34", "phone.fixedLine"],
    ["44 12 34", "phone.fixedLine"],
    ["88 12 34", "phone.payphone"],
    ["16 12 34", "phone.notMobile"],
    ["66 12 34", "phone.notMobile"],
    ["06 12 34", "phone.notMobile"],
    ["76 12 3", "phone.length"],
    ["76 12 34 5", "phone.length"],
    ["076 12 34", "phone.length"],
    ["+687 76 12 3", "phone.length"],
    ["+33 6 12 34 56 78", "phone.country"],
    ["0033 612345678", "phone.country"],
    ["(+61) 412 345 678", "phone.country"],
    ["76 I2 34", "phone.characters"],
    ["tel 761234", "phone.characters"],
    ["76+1234", "phone.characters"],
    ["", "phone.characters"],
  ])("rejects %j with %s", (raw, code) => {
    expect(parsePhone(raw)).toMatchObject({ ok: false, code });
  });

  it("names the fixed line it found, in the local format", () => {
    expect(parsePhone("+687261234")).toEqual({ ok: false, code: "phone.fixedLine", params: { number: "26 12 34" } });
  });

  it("counts the digits of a wrong-length number", () => {
    expect(parsePhone("7612345")).toEqual({ ok: false, code: "phone.length", params: { count: 7 } });
  });
});
