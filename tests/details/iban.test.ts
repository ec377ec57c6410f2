import { describe, expect, it } from "vitest";
import { checkIban, formatIban, isValidBic, normaliseBankCode } from "../../src/details/iban.js";

const VALID_FR = "FR14 2004 1010 0505 0001 3M02 606";

describe("IBAN", () => {
  it("normalises spaces and case", () => {
    expect(normaliseBankCode(" fr14 2004 1010 0505 0001 3m02 606 ")).toBe("FR1420041010050500013M02606");
  });

  it("accepts a valid French IBAN", () => {
    expect(checkIban(normaliseBankCode(VALID_FR))).toEqual({ ok: true, iban: "FR1420041010050500013M02606" });
  });

  it.each(["GB82WEST12345698765432", "DE89370400440532013000", "NL91ABNA0417164300", "BE68539007547034"])(
    "accepts the valid %s",
    (iban) => expect(checkIban(iban).ok).toBe(true),
  );

  it("accepts New Caledonian IBANs, with the NC or the FR country code (27 characters)", () => {
    // One fictional account written both ways; check digits computed independently (Python big ints).
    expect(checkIban("NC0514889000010000000000094").ok).toBe(true);
    expect(checkIban("FR3214889000010000000000094").ok).toBe(true);
  });

  it("rejects a mistyped character and swapped characters (check digits)", () => {
    expect(checkIban("FR1420041010050500013M02607")).toEqual({ ok: false, code: "iban.checksum" });
    expect(checkIban("FR1420041010050500013M02660")).toEqual({ ok: false, code: "iban.checksum" });
    expect(checkIban("FR1520041010050500013M02606")).toEqual({ ok: false, code: "iban.checksum" });
  });

  it("rejects the wrong length for the country", () => {
    expect(checkIban("FR1420041010050500013M0260")).toEqual({
      ok: false,
      code: "iban.length",
      params: { country: "FR", expected: 27, length: 26 },
    });
  });

  it("rejects an unknown country and a malformed start", () => {
    expect(checkIban("ZZ1420041010050500013M02606")).toEqual({
      ok: false,
      code: "iban.country",
      params: { country: "ZZ" },
    });
    expect(checkIban("F71420041010050500013M02606")).toMatchObject({ code: "iban.format" });
    expect(checkIban("FR1A20041010050500013M02606")).toMatchObject({ code: "iban.format" });
    expect(checkIban("FR14-2004-1010-0505-0001-3M02-606")).toMatchObject({ code: "iban.format" });
  });

  it("prints in groups of four", () => {
    expect(formatIban("FR1420041010050500013M02606")).toBe(VALID_FR);
    expect(formatIban("BE68539007547034")).toBe("BE68 5390 0754 7034");
  });
});

describe("BIC", () => {
  it.each(["BNPAFRPP", "BNPAFRPPXXX", "DEUTDEFF500", "bnpa fr pp"])("accepts %j", (bic) => {
    expect(isValidBic(normaliseBankCode(bic))).toBe(true);
  });

  it.each(["BNPAFRP", "BNPAFRPPXX", "BNP1FRPP", "BNPA1RPP", "BNPAFRPPXXXX"])("rejects %j", (bic) => {
    expect(isValidBic(normaliseBankCode(bic))).toBe(false);
  });
});
