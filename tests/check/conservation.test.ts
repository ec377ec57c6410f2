/**
 * The text conservation check on its own (tests/support/conservation.ts), on text as pdf.js
 * reads it back: it is not blind to a lost or moved letter, a right-to-left word's mark lost or
 * read in another block, or a bracket copied mirrored; it lets a right-to-left mark be read
 * elsewhere in its own block, which is pdf.js's doing (a mark drawn first in its run is read in
 * front of the word).
 */
import { describe, expect, it } from "vitest";
import type { DocModel } from "../../src/model/doc-model.js";
import { conservationProblems } from "../support/conservation.js";

function model(...paragraphs: string[]): DocModel {
  return {
    sections: [{ blocks: paragraphs.map((text) => ({ kind: "paragraph", runs: [{ kind: "text", text }] })) }],
  } as unknown as DocModel;
}

const codes = (body: string, ...paragraphs: string[]) =>
  conservationProblems(body, model(...paragraphs)).map((problem) => problem.code);

describe("the text conservation check", () => {
  it("passes the text read back as typed, spaces and line breaks aside", () => {
    expect(codes("Motif : بِسْمِ\nالله (2026)", "Motif : بِسْمِ الله (2026)")).toEqual([]);
  });

  it("finds a letter lost or moved, in any script", () => {
    expect(codes("Motif : سالم", "Motif : سلام")).toEqual(["text.lost"]);
    expect(codes("Motif : ישלום", "Motif : שלוםי")).toEqual(["text.lost"]);
    expect(codes("Madame", "Madame Zoé")).toEqual(["text.lost"]);
  });

  it("finds a right-to-left mark lost, or read in another block, and lets one be read elsewhere in its own", () => {
    expect(codes("Motif : بِسْم", "Motif : بِسْمِ")).toEqual(["text.marksLost"]);
    // pdf.js reads a vowel under the last letter, drawn first, in front of the word.
    expect(codes("Motif : ِبِسْم", "Motif : بِسْمِ")).toEqual([]);
    // A mark read in the next paragraph, or one that was not typed, is caught.
    expect(codes("Motif : بِسْم Merci ِ", "Motif : بِسْمِ", "Merci")).toEqual(["text.marksLost", "text.marksLost"]);
    expect(codes("Motif : بِسْمِ َ", "Motif : بِسْمِ")).toEqual(["text.marksLost"]);
  });

  it("finds a bracket copied mirrored", () => {
    expect(codes("محمد )أبو علي(", "محمد (أبو علي)")).toEqual(["text.lost"]);
  });
});
