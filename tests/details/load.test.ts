import { describe, expect, it } from "vitest";
import { FIELD_NAMES, parseDetailsText, validateDetails } from "../../src/details/index.js";
import { english } from "../support/words.js";

const parse = (text: string, source = "details.yaml") => parseDetailsText(text, source);

describe("parseDetailsText: YAML", () => {
  it("reads the fields as written", () => {
    const result = parse(
      "name: Xiaoming WANG\nphone: 76 12 34\naddress: |\n  12 rue des Fictifs\n  98800 NOUMÉA\nemail:\n",
    );
    expect(result).toEqual({
      ok: true,
      input: { name: "Xiaoming WANG", phone: "76 12 34", address: "12 rue des Fictifs\n98800 NOUMÉA\n", email: null },
    });
  });

  it("accepts kebab-case keys as well as camelCase", () => {
    const result = parse("customer-number: C-1\neffectiveDate: 2026-12-31\nforwarding-address: w@example.com\n");
    expect(result).toEqual({
      ok: true,
      input: { customerNumber: "C-1", effectiveDate: "2026-12-31", forwardingAddress: "w@example.com" },
    });
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
    expect(result).toEqual({ ok: true, input: { address: ["12 rue des Fictifs", "98800"], phone: { n: "1" } } });
    if (result.ok) {
      const validated = validateDetails({ name: "X", ...result.input }, { today: "2026-11-24" });
      expect(validated).toMatchObject({ ok: false, problems: [{ field: "phone", code: "notText" }] });
    }
  });

  it("reports YAML syntax errors with line and column", () => {
    const result = parse("name: Xiaoming\nphone: [76 12 34\nplan: postpaid\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      code: "file.yamlSyntax",
      at: { file: "details.yaml", line: expect.any(Number), column: expect.any(Number) },
    });
    expect(english(result.problems[0]!)).toMatch(/^details\.yaml, line \d+, column \d+: not valid YAML/);
  });

  it("points at the line and column of the problem", () => {
    expect(parse("name: Xiaoming\n\tphone: 76 12 34\n")).toMatchObject({
      ok: false,
      problems: [
        { code: "file.yamlSyntax", at: { line: 2, column: 1 }, params: { detail: expect.stringMatching(/tab/i) } },
      ],
    });
  });

  it("reports one error per place, not the parser's follow-on errors", () => {
    const result = parse("name: Xiaoming\nphone: 76 12 34\n  plan: postpaid\n");
    expect(result).toMatchObject({ ok: false, problems: [{ code: "file.yamlSyntax", at: { line: 2, column: 8 } }] });
    if (!result.ok) expect(result.problems).toHaveLength(1);
  });

  it("reports a repeated key as a syntax error", () => {
    expect(parse("name: A\nname: B\n")).toMatchObject({
      ok: false,
      problems: [{ code: "file.yamlSyntax", at: { line: 2 } }],
    });
  });

  it("refuses the same field written both ways", () => {
    expect(parse("customerNumber: A\ncustomer-number: B\n")).toMatchObject({
      ok: false,
      problems: [
        { code: "file.duplicateKey", at: { line: 2 }, params: { key: "customer-number", other: "customerNumber" } },
      ],
    });
  });

  it("needs a mapping at the top level", () => {
    expect(parse("")).toMatchObject({ ok: false, problems: [{ code: "file.empty" }] });
    expect(parse("# only a comment\n")).toMatchObject({ ok: false, problems: [{ code: "file.empty" }] });
    expect(parse("- name: A\n")).toMatchObject({ ok: false, problems: [{ code: "file.notMapping" }] });
    expect(parse("just text\n")).toMatchObject({ ok: false, problems: [{ code: "file.notMapping" }] });
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
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: "file.unknownKeySuggestion", at: { line: 2 }, params: { key, suggestion } }],
    });
    if (!result.ok)
      expect(english(result.problems[0]!)).toBe(
        `details.yaml, line 2: unknown field "${key}"; did you mean "${suggestion}"?`,
      );
  });

  it("lists the fields when nothing is close", () => {
    const result = parse("favouriteColour: blue\n");
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: "file.unknownKey", params: { key: "favouriteColour", fields: FIELD_NAMES.join(", ") } }],
    });
  });

  it("reports every unknown key", () => {
    const result = parse("phnoe: 1\nnmae: 2\nzzz: 3\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((e) => e.at?.line)).toEqual([1, 2, 3]);
  });

  it("shows invisible characters of a key as visible codes", () => {
    const result = parse('"ph\u202eone\u001b[2J": 1\n');
    expect(result).toMatchObject({ ok: false, problems: [{ params: { key: "ph\u202eone\u001b[2J" } }] });
    if (!result.ok) expect(english(result.problems[0]!)).toContain('unknown field "ph\\u{202E}one\\u{1B}[2J"');
  });

  it("names the first five unknown keys and counts the rest, however many", () => {
    const keys = Array.from({ length: 4_000 }, (_, i) => `unknown${i}: x`).join("\n");
    const result = parse(keys);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual([...Array(5).fill("file.unknownKey"), "file.unknownKeysMore"]);
    expect(result.problems.at(-1)!.params).toEqual({ count: 3_995 });
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
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: "file.jsonSyntax", at: { file: "me.json", line: 4, column: 1 } }],
    });
    if (!result.ok) expect(english(result.problems[0]!)).toMatch(/^me\.json, line 4, column 1: not valid JSON/);
  });

  it("recognises JSON by its opening brace whatever the file name", () => {
    expect(parse("{'name': 'A'}", "standard input")).toMatchObject({
      ok: false,
      problems: [{ code: "file.jsonSyntax", at: { line: 1, column: 2 } }],
    });
  });

  it("still reports JSON errors that V8 does not place", () => {
    expect(parse('{"name": }', "me.json")).toMatchObject({ ok: false, problems: [{ code: "file.jsonSyntax" }] });
  });

  it("needs an object at the top level", () => {
    expect(parse('["a"]', "me.json")).toMatchObject({ ok: false, problems: [{ code: "file.notMapping" }] });
  });
});

describe("parseDetailsText: limits that hold by design", () => {
  it("refuses aliases that expand too far, inside a list too (a 0.4 KB file once ran for minutes)", () => {
    const levels = ["&a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`&${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    for (const text of [
      `name: A\naddress: [${levels.join(", ")}]\n`,
      `name: A\naddress: { ${levels.map((l, i) => `k${i}: ${l}`).join(", ")} }\n`,
    ]) {
      const started = Date.now();
      const result = parse(text);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result).toMatchObject({
        ok: false,
        problems: [{ code: expect.stringMatching(/^file\.(aliases|tooDeep)$/), at: { file: "details.yaml" } }],
      });
    }
  });

  it("refuses deep but valid JSON as too deep, never as a YAML error or a stack overflow", () => {
    const deep = `{"name": ${"[".repeat(30_000)}${"]".repeat(30_000)}}`;
    expect(parse(deep, "me.json")).toEqual({
      ok: false,
      problems: [{ code: "file.tooDeep", at: { file: "me.json" }, params: { max: 3 } }],
    });
    for (const deepYaml of [
      `name: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`,
      `name:\n  ${"- ".repeat(20_000)}a\n`,
    ]) {
      expect(parse(deepYaml)).toEqual({
        ok: false,
        problems: [{ code: "file.tooDeep", at: { file: "details.yaml" }, params: { max: 3 } }],
      });
    }
  });

  it("takes a list of lines (two levels) but nothing deeper", () => {
    expect(parse("address:\n  - a\n  - b\n")).toMatchObject({ ok: true });
    expect(parse("address:\n  - - - a\n")).toMatchObject({ ok: false, problems: [{ code: "file.tooDeep" }] });
  });
});
