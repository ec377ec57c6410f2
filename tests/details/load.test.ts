import { describe, expect, it } from "vitest";
import { FIELD_NAMES, parseDetailsText, toFlag, validateDetails } from "../../src/details/index.js";

const parse = (text: string, source = "details.yaml") => parseDetailsText(text, source);

describe("parseDetailsText: YAML", () => {
  it("reads the fields as written", () => {
    const result = parse("name: Xiaoming WANG\nphone: 76 12 34\naddress: |\n  12 rue des Fictifs\n  98800 NOUMÉA\nemail:\n");
    expect(result).toEqual({
      ok: true,
      input: { name: "Xiaoming WANG", phone: "76 12 34", address: "12 rue des Fictifs\n98800 NOUMÉA\n", email: null },
    });
  });

  it("accepts kebab-case keys as well as camelCase", () => {
    const result = parse("customer-number: C-1\neffectiveDate: 2026-12-31\nforwarding-address: w@example.com\n");
    expect(result).toEqual({ ok: true, input: { customerNumber: "C-1", effectiveDate: "2026-12-31", forwardingAddress: "w@example.com" } });
  });

  it("keeps numbers as written, so leading zeros and + survive", () => {
    const result = parse("phone: +687761234\ncustomerNumber: 0042137\nproxyId: 761234\n");
    expect(result).toEqual({ ok: true, input: { phone: "+687761234", customerNumber: "0042137", proxyId: "761234" } });
  });

  it("keeps dates as text", () => {
    expect(parse("date: 2026-11-24\n")).toEqual({ ok: true, input: { date: "2026-11-24" } });
  });

  it("passes lists and mappings on, for validation to name the field", () => {
    const result = parse("address:\n  - 12 rue des Fictifs\n  - 98800\nphone:\n  n: 1\n");
    expect(result).toEqual({ ok: true, input: { address: ["12 rue des Fictifs", "98800"], phone: { n: 1 } } });
    if (result.ok) {
      const validated = validateDetails({ name: "X", ...result.input }, { today: "2026-11-24" });
      expect(validated).toMatchObject({ ok: false, errors: [{ field: "phone", code: "notText" }] });
    }
  });

  it("reports YAML syntax errors with line and column", () => {
    const result = parse("name: Xiaoming\nphone: [76 12 34\nplan: postpaid\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ field: "details.yaml", code: "file.yamlSyntax" });
    expect(result.errors[0]!.params).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(result.errors[0]!.message).toMatch(/^line \d+, column \d+: not valid YAML/);
  });

  it("points at the line and column of the problem", () => {
    expect(parse("name: Xiaoming\n\tphone: 76 12 34\n")).toMatchObject({
      ok: false,
      errors: [{ code: "file.yamlSyntax", params: { line: 2, column: 1, detail: expect.stringMatching(/tab/i) } }],
    });
  });

  it("reports one error per place, not the parser's follow-on errors", () => {
    const result = parse("name: Xiaoming\nphone: 76 12 34\n  plan: postpaid\n");
    expect(result).toMatchObject({ ok: false, errors: [{ code: "file.yamlSyntax", params: { line: 2, column: 8 } }] });
    if (!result.ok) expect(result.errors).toHaveLength(1);
  });

  it("reports a repeated key as a syntax error", () => {
    expect(parse("name: A\nname: B\n")).toMatchObject({ ok: false, errors: [{ code: "file.yamlSyntax", params: { line: 2 } }] });
  });

  it("refuses the same field written both ways", () => {
    expect(parse("customerNumber: A\ncustomer-number: B\n")).toMatchObject({
      ok: false,
      errors: [{ code: "file.duplicateKey", params: { line: 2, key: "customer-number", other: "customerNumber" } }],
    });
  });

  it("needs a mapping at the top level", () => {
    expect(parse("")).toMatchObject({ ok: false, errors: [{ code: "file.empty" }] });
    expect(parse("# only a comment\n")).toMatchObject({ ok: false, errors: [{ code: "file.empty" }] });
    expect(parse("- name: A\n")).toMatchObject({ ok: false, errors: [{ code: "file.notMapping" }] });
    expect(parse("just text\n")).toMatchObject({ ok: false, errors: [{ code: "file.notMapping" }] });
  });
});

describe("parseDetailsText: unknown keys", () => {
  it.each([
    ["phnoe", "phone"],
    ["emial", "email"],
    ["adress", "address"],
    ["customer_number", "customerNumber"],
    ["CustomerNumber", "customerNumber"],
    ["custmer-number", "customer-number"],
    ["efective-date", "effective-date"],
  ])("suggests a close field for %j: %j", (key, suggestion) => {
    const result = parse(`name: A\n${key}: x\n`);
    expect(result).toMatchObject({ ok: false, errors: [{ code: "file.unknownKeySuggestion", params: { line: 2, key, suggestion } }] });
    if (!result.ok) expect(result.errors[0]!.message).toBe(`line 2: unknown field "${key}"; did you mean "${suggestion}"?`);
  });

  it("lists the fields when nothing is close", () => {
    const result = parse("favouriteColour: blue\n");
    expect(result).toMatchObject({ ok: false, errors: [{ code: "file.unknownKey", params: { key: "favouriteColour", fields: FIELD_NAMES.join(", ") } }] });
  });

  it("reports every unknown key", () => {
    const result = parse("phnoe: 1\nnmae: 2\nzzz: 3\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.params?.line)).toEqual([1, 2, 3]);
  });

  it("shows invisible characters of a key as code points", () => {
    const result = parse('"ph\u202eone": 1\n');
    expect(result).toMatchObject({ ok: false, errors: [{ params: { key: "ph<U+202E>one" } }] });
  });
});

describe("parseDetailsText: JSON", () => {
  it("reads JSON, numbers kept as written", () => {
    expect(parse('{"name": "A", "phone": 761234, "customer-number": "C-1"}', "me.json")).toEqual({
      ok: true,
      input: { name: "A", phone: "761234", customerNumber: "C-1" },
    });
  });

  it("reports a JSON syntax error as JSON, with line and column", () => {
    const result = parse('{\n  "name": "A",\n  "phone": "76 12 34",\n}\n', "me.json");
    expect(result).toMatchObject({ ok: false, errors: [{ field: "me.json", code: "file.jsonSyntax", params: { line: 4, column: 1 } }] });
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^line 4, column 1: not valid JSON/);
  });

  it("recognises JSON by its opening brace whatever the file name", () => {
    expect(parse("{'name': 'A'}", "standard input")).toMatchObject({ ok: false, errors: [{ code: "file.jsonSyntax", params: { line: 1, column: 2 } }] });
  });

  it("still reports JSON errors that V8 does not place", () => {
    expect(parse('{"name": }', "me.json")).toMatchObject({ ok: false, errors: [{ code: expect.stringMatching(/^file\.jsonSyntax/) }] });
  });

  it("needs an object at the top level", () => {
    expect(parse('["a"]', "me.json")).toMatchObject({ ok: false, errors: [{ code: "file.notMapping" }] });
  });
});

describe("toFlag", () => {
  it("turns field names into flags", () => {
    expect(toFlag("customerNumber")).toBe("--customer-number");
    expect(toFlag("name")).toBe("--name");
    expect(FIELD_NAMES.map(toFlag)).toContain("--forwarding-address");
  });
});
