import { describe, expect, it } from "vitest";
import { validateDetails, type DetailsInput } from "../../src/details/index.js";
import { english } from "../support/words.js";

const TODAY = "2026-11-24";
const BASE = { name: "Xiaoming WANG", phone: "76 12 34" };

function valid(input: DetailsInput) {
  const result = validateDetails(input, { today: TODAY });
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.problems)}`);
  return result.details;
}

function errors(input: DetailsInput): { field?: string; code: string }[] {
  const result = validateDetails(input, { today: TODAY });
  if (result.ok) throw new Error("expected errors");
  return result.problems.map(({ field, code }) => ({ field, code }));
}

describe("validateDetails: the minimum", () => {
  it("needs only a name and a phone, and fills the defaults", () => {
    expect(valid(BASE)).toEqual({
      name: "Xiaoming WANG",
      phone: { e164: "+687761234", national: "76 12 34", international: "+687 76 12 34" },
      date: TODAY,
      channel: "in-person",
    });
  });

  it("requires name and phone, reporting both", () => {
    expect(errors({})).toEqual([
      { field: "name", code: "required" },
      { field: "phone", code: "required" },
    ]);
  });

  it("treats empty and whitespace-only values as absent", () => {
    expect(errors({ name: "   ", phone: "" })).toEqual([
      { field: "name", code: "required" },
      { field: "phone", code: "required" },
    ]);
    expect(valid({ ...BASE, email: " ", plan: "", customerNumber: "\n", address: null })).toEqual(valid(BASE));
  });

  it("throws on a malformed today: that is a programming error, not user input", () => {
    expect(() => validateDetails(BASE, { today: "24/11/2026" })).toThrow(/today/);
  });
});

describe("validateDetails: name", () => {
  it("trims and normalises", () => {
    expect(valid({ ...BASE, name: "  王小明 " }).name).toBe("王小明");
  });

  it("allows 80 characters, refuses 81 (counted in characters)", () => {
    expect(valid({ ...BASE, name: "𠮷".repeat(80) }).name).toHaveLength(160);
    expect(errors({ ...BASE, name: "a".repeat(81) })).toEqual([{ field: "name", code: "tooLong" }]);
  });

  it("must be on one line", () => {
    expect(errors({ ...BASE, name: "Xiaoming\nWANG" })).toEqual([{ field: "name", code: "text.lineBreak" }]);
    expect(valid({ ...BASE, name: "Xiaoming WANG\n" }).name).toBe("Xiaoming WANG");
  });

  it("refuses control, bidi and private-use characters", () => {
    expect(errors({ ...BASE, name: "Xiao\u0007ming" })).toEqual([{ field: "name", code: "text.control" }]);
    expect(errors({ ...BASE, name: "Xiao\u202eming" })).toEqual([{ field: "name", code: "text.bidi" }]);
    expect(errors({ ...BASE, name: "Xiao\ue001ming" })).toEqual([{ field: "name", code: "text.privateUse" }]);
    expect(errors({ ...BASE, name: "Xiao\ud83dming" })).toEqual([{ field: "name", code: "text.surrogate" }]);
    expect(errors({ ...BASE, name: "Xiao\ufffdming" })).toEqual([{ field: "name", code: "text.replacement" }]);
  });
});

describe("validateDetails: phone", () => {
  it("normalises every accepted writing", () => {
    expect(valid({ ...BASE, phone: "(+687) 76.12.34" }).phone.e164).toBe("+687761234");
  });

  it("takes a number, as YAML reads `phone: 761234`", () => {
    expect(valid({ ...BASE, phone: 761234 }).phone.national).toBe("76 12 34");
  });

  it("refuses a fixed line with a message asking for a mobile number", () => {
    const result = validateDetails({ ...BASE, phone: "26 12 34" }, { today: TODAY });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: "phone", code: "phone.fixedLine", params: { number: "26 12 34" } }],
    });
    if (!result.ok) expect(english(result.problems[0]!)).toMatch(/fixed line.*mobile number is needed/);
  });

  it("refuses lists and mappings, naming the field", () => {
    expect(errors({ ...BASE, phone: ["76 12 34"] })).toEqual([{ field: "phone", code: "notText" }]);
    expect(errors({ ...BASE, phone: { n: 1 } })).toEqual([{ field: "phone", code: "notText" }]);
    expect(errors({ ...BASE, phone: true })).toEqual([{ field: "phone", code: "notText" }]);
  });
});

describe("validateDetails: optional fields", () => {
  it("customerNumber: letters, digits, spaces and . - /, at most 30", () => {
    expect(valid({ ...BASE, customerNumber: "C-0042137/A.1 b" }).customerNumber).toBe("C-0042137/A.1 b");
    expect(valid({ ...BASE, customerNumber: "Ｃ－００４２" }).customerNumber).toBe("C-0042");
    expect(errors({ ...BASE, customerNumber: "C#0042" })).toEqual([
      { field: "customerNumber", code: "customerNumber.format" },
    ]);
    expect(errors({ ...BASE, customerNumber: "1".repeat(31) })).toEqual([{ field: "customerNumber", code: "tooLong" }]);
  });

  it("address: lines as a string[], at most 6 lines of at most 80 characters", () => {
    expect(valid({ ...BASE, address: "12 rue des Fictifs\r\n\r\n 98800 NOUMÉA " }).address).toEqual([
      "12 rue des Fictifs",
      "98800 NOUMÉA",
    ]);
    expect(valid({ ...BASE, address: ["12 rue des Fictifs", 98800] }).address).toEqual(["12 rue des Fictifs", "98800"]);
    expect(valid({ ...BASE, address: "1\n2\n3\n4\n5\n6" }).address).toHaveLength(6);
    expect(errors({ ...BASE, address: "1\n2\n3\n4\n5\n6\n7" })).toEqual([{ field: "address", code: "lines.tooMany" }]);
    const long = validateDetails({ ...BASE, address: `ok\n${"x".repeat(81)}` }, { today: TODAY });
    expect(long).toMatchObject({
      ok: false,
      problems: [{ field: "address", code: "lines.tooLong", params: { line: 2, max: 80, length: 81 } }],
    });
    expect(errors({ ...BASE, address: [["nested"]] })).toEqual([{ field: "address", code: "notText" }]);
  });

  it("forwardingAddress: like address, or an e-mail", () => {
    expect(valid({ ...BASE, forwardingAddress: "wang@example.com" }).forwardingAddress).toEqual(["wang@example.com"]);
    expect(errors({ ...BASE, forwardingAddress: "a\u202eb" })).toEqual([
      { field: "forwardingAddress", code: "text.bidi" },
    ]);
  });

  it.each(["xiaoming.wang@example.com", "a+tag@sub.example.nc", "王@例子.中国"])("email accepts %j", (email) => {
    expect(valid({ ...BASE, email }).email).toBe(email);
  });

  it.each([
    "wang",
    "wang@",
    "@example.com",
    "wang@example",
    "wang @example.com",
    "wang@@example.com",
    "a..b@example.com",
    "wang@-x.com",
  ])("email refuses %j", (email) =>
    expect(errors({ ...BASE, email })).toEqual([{ field: "email", code: "email.format" }]),
  );

  it("email is at most 254 characters", () => {
    expect(errors({ ...BASE, email: `${"a".repeat(60)}@${"b".repeat(200)}.com` })).toEqual([
      { field: "email", code: "tooLong" },
    ]);
  });

  it("plan: prepaid or postpaid, listing them when wrong", () => {
    expect(valid({ ...BASE, plan: "Postpaid" }).plan).toBe("postpaid");
    const result = validateDetails({ ...BASE, plan: "forfait" }, { today: TODAY });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: "plan", code: "choice", params: { accepted: "prepaid, postpaid" } }],
    });
  });

  it("channel: in-person by default, else in-person, post or proxy", () => {
    expect(valid({ ...BASE, channel: "post" }).channel).toBe("post");
    const result = validateDetails({ ...BASE, channel: "email" }, { today: TODAY });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: "channel", code: "choice", params: { accepted: "in-person, post, proxy" } }],
    });
  });

  it("reason: multi-line, at most 300 characters", () => {
    expect(valid({ ...BASE, reason: "Départ\r\ndéfinitif" }).reason).toBe("Départ\ndéfinitif");
    expect(errors({ ...BASE, reason: "x".repeat(301) })).toEqual([{ field: "reason", code: "tooLong" }]);
  });
});

describe("validateDetails: dates", () => {
  it("takes the letter date as given or defaults it to today", () => {
    expect(valid({ ...BASE, date: "2026-12-01" }).date).toBe("2026-12-01");
    expect(valid({ ...BASE, date: "  " }).date).toBe(TODAY);
  });

  it("refuses malformed and unreal dates", () => {
    expect(errors({ ...BASE, date: "24/11/2026" })).toEqual([{ field: "date", code: "date.format" }]);
    expect(errors({ ...BASE, date: "2026-02-30" })).toEqual([{ field: "date", code: "date.invalid" }]);
    expect(errors({ ...BASE, effectiveDate: "2026-02-29" })).toEqual([
      { field: "effectiveDate", code: "date.invalid" },
    ]);
    expect(valid({ ...BASE, date: "2028-02-29", effectiveDate: "2028-02-29" }).effectiveDate).toBe("2028-02-29");
  });

  it("effectiveDate may equal the letter date but not precede it", () => {
    expect(valid({ ...BASE, effectiveDate: TODAY }).effectiveDate).toBe(TODAY);
    const result = validateDetails({ ...BASE, effectiveDate: "2026-11-23" }, { today: TODAY });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: "effectiveDate", code: "effectiveDate.beforeDate", params: { date: TODAY } }],
    });
    expect(errors({ ...BASE, date: "2026-12-10", effectiveDate: "2026-12-01" })).toEqual([
      { field: "effectiveDate", code: "effectiveDate.beforeDate" },
    ]);
  });
});

describe("validateDetails: proxy", () => {
  it("needs the representative's name for a proxy", () => {
    const result = validateDetails({ ...BASE, channel: "proxy" }, { today: TODAY });
    expect(result).toMatchObject({ ok: false, problems: [{ field: "proxyName", code: "proxyName.required" }] });
    if (!result.ok)
      expect(english(result.problems[0]!)).toBe(
        "--proxy-name: is required with --channel proxy: give your representative's full name. Expected: your representative's full name, on one line, at most 80 characters, e.g. --proxy-name \"Li CHEN\"",
      );
  });

  it("builds proxy from name and ID", () => {
    expect(valid({ ...BASE, channel: "proxy", proxyName: "Li CHEN", proxyId: "12AB34567" }).proxy).toEqual({
      name: "Li CHEN",
      idNumber: "12AB34567",
    });
    expect(errors({ ...BASE, channel: "proxy", proxyName: "Li CHEN", proxyId: "9".repeat(41) })).toEqual([
      { field: "proxyId", code: "tooLong" },
    ]);
  });

  it("refuses an ID number without a representative's name", () => {
    expect(errors({ ...BASE, proxyId: "12AB34567" })).toEqual([{ field: "proxyName", code: "proxyName.neededForId" }]);
  });
});

describe("validateDetails: refund", () => {
  it("builds refund only from an IBAN, normalised", () => {
    expect(valid(BASE).refund).toBeUndefined();
    expect(
      valid({ ...BASE, iban: "fr14 2004 1010 0505 0001 3m02 606", bic: "bnpafrpp", accountHolder: "Xiaoming WANG" })
        .refund,
    ).toEqual({
      iban: "FR1420041010050500013M02606",
      bic: "BNPAFRPP",
      holder: "Xiaoming WANG",
    });
  });

  it("checks the IBAN's check digits and the BIC's shape", () => {
    expect(errors({ ...BASE, iban: "FR14 2004 1010 0505 0001 3M02 607" })).toEqual([
      { field: "iban", code: "iban.checksum" },
    ]);
    expect(errors({ ...BASE, iban: "FR14 2004 1010 0505 0001 3M02 606", bic: "BNPA" })).toEqual([
      { field: "bic", code: "bic.format" },
    ]);
  });

  it("asks for the IBAN when only a BIC or a holder is given", () => {
    const result = validateDetails({ ...BASE, bic: "BNPAFRPP", accountHolder: "X" }, { today: TODAY });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: "iban", code: "iban.neededForRefund", params: { given: "bic,accountHolder" } }],
    });
    expect(errors({ ...BASE, accountHolder: "a".repeat(81) })).toEqual([
      { field: "accountHolder", code: "tooLong" },
      { field: "iban", code: "iban.neededForRefund" },
    ]);
  });
});

describe("validateDetails: every problem at once", () => {
  it("reports field and cross-field problems together, in field order, worded with examples", () => {
    const result = validateDetails(
      {
        name: "",
        phone: "26 12 34",
        email: "nope",
        plan: "monthly",
        date: "2026-02-30",
        effectiveDate: "31/12/2026",
        channel: "proxy",
        bic: "BNPAFRPP",
      },
      { today: TODAY },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((e) => `${e.field}:${e.code}`)).toEqual([
      "name:required",
      "phone:phone.fixedLine",
      "email:email.format",
      "plan:choice",
      "effectiveDate:date.format",
      "date:date.invalid",
      "proxyName:proxyName.required",
      "iban:iban.neededForRefund",
    ]);
    for (const problem of result.problems) expect(english(problem)).toMatch(/Expected: .*e\.g\. --/);
  });
});
