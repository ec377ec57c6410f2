import { describe, expect, it } from "vitest";
import { rowFolderName, rowNumberWidth, slugify } from "../../src/batch/slug.js";

describe("slugify", () => {
  it("keeps ASCII letters and digits, lower-cased, with single hyphens", () => {
    expect(slugify("Xiaoming WANG")).toBe("xiaoming-wang");
    expect(slugify("  Zoé   N'Guyen-Dupont ")).toBe("zoe-n-guyen-dupont");
    expect(slugify("Maëlle Çelik Øster")).toBe("maelle-celik-ster");
  });

  it("never lets a path through", () => {
    for (const name of ["../../etc", "a/b", "a\\b", "..", ".", "/", "C:\\Windows\\x", "..\u2215..", "foo/../../bar"]) {
      const slug = slugify(name);
      expect(slug).toMatch(/^[a-z0-9]*(-[a-z0-9]+)*$/);
      expect(slug).not.toContain("..");
      expect(slug).not.toMatch(/[/\\]/);
    }
    expect(slugify("../../etc")).toBe("etc");
    expect(slugify("a/b")).toBe("a-b");
  });

  it("gives an empty slug for a name without ASCII letters or digits", () => {
    expect(slugify("王小明")).toBe("");
    expect(slugify("陳 大文")).toBe("");
    expect(slugify("王小明 WANG")).toBe("wang");
    expect(slugify("")).toBe("");
  });

  it("is at most 40 characters and never ends with a hyphen", () => {
    const slug = slugify("Anne-Marie Josephine Louise de la Tour d'Auvergne-Lauraguais");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).not.toMatch(/-$/);
    expect(slugify("a".repeat(39) + " b")).toBe("a".repeat(39));
  });

  it("folds full-width letters and ligatures (NFKD)", () => {
    expect(slugify("ＷＡＮＧ")).toBe("wang");
    expect(slugify("ﬁnn")).toBe("finn");
  });
});

describe("rowFolderName", () => {
  it("zero-pads the row number and adds the slug when there is one", () => {
    expect(rowFolderName(7, "Xiaoming WANG", 4)).toBe("0007-xiaoming-wang");
    expect(rowFolderName(7, "王小明", 4)).toBe("0007");
    expect(rowFolderName(12, "../../etc", 4)).toBe("0012-etc");
    expect(rowFolderName(3, undefined, 4)).toBe("0003");
    expect(rowFolderName(3, 42, 4)).toBe("0003");
  });

  it("widens the number past 9,999 rows", () => {
    expect(rowNumberWidth(300)).toBe(4);
    expect(rowNumberWidth(12_000)).toBe(5);
    expect(rowFolderName(5, "a", rowNumberWidth(12_000))).toBe("00005-a");
  });
});
