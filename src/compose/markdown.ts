/**
 * Parses the Markdown subset that templates produce (docs/templates.md) into document-model
 * blocks, with markdown-it and two of its maintained plugins (containers, definition lists).
 * User text arrives as placeholders and is swapped back here, after parsing, so it cannot
 * change the structure.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import container from "markdown-it-container";
import deflist from "markdown-it-deflist";
import type { Align, Block, Inline } from "../model/doc-model.js";
import type { UserTextTable } from "./user-text.js";
import { FILL_PATTERN } from "./markers.js";

const CONTAINERS = ["address", "right", "signature", "notice", "small"] as const;
type ContainerName = (typeof CONTAINERS)[number];

import { TemplateError } from "../errors.js";

// html: false, so HTML in a template or a pack text prints as text; no typographer or linkify
// (they would rewrite quotes and turn text into links behind the author's back).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(deflist);
for (const name of CONTAINERS) markdown.use(container, name);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Mutable state of the conversion: where in the container and list nesting we are. */
interface State {
  container?: { name: ContainerName; arg: string; lines: Inline[][]; runs: Inline[]; paragraphs: Inline[][][] };
  lists: { ordered: boolean; next: number }[];
  item?: { block: Extract<Block, { kind: "tick" | "item" }> };
  fields?: Extract<Block, { kind: "fields" }>;
  term?: Inline[];
}

function pushText(runs: Inline[], text: string, bold: boolean, user = false): void {
  if (text === "") return;
  const last = runs.at(-1);
  if (last?.kind === "text" && !!last.bold === bold && !!last.user === user) last.text += text;
  else runs.push({ kind: "text", text, ...(bold ? { bold } : {}), ...(user ? { user } : {}) });
}

/** Template text: fill markers become fill-in lines. */
function pushTemplateText(runs: Inline[], text: string, bold: boolean): void {
  let last = 0;
  for (const match of text.matchAll(FILL_PATTERN)) {
    pushText(runs, text.slice(last, match.index), bold);
    runs.push({ kind: "fill", widthEm: Number(match[1]) });
    last = match.index + match[0].length;
  }
  pushText(runs, text.slice(last), bold);
}

/** Converts an inline token's children to runs; user line breaks become forced breaks. */
function inlineRuns(token: Token, users: UserTextTable, softBreak: "space" | "line"): Inline[] {
  const runs: Inline[] = [];
  let bold = 0;
  const children = token.children ?? [];
  children.forEach((child, index) => {
    switch (child.type) {
      case "text":
      case "code_inline":
        for (const piece of users.split(child.content)) {
          if (!piece.fromUser) {
            pushTemplateText(runs, piece.text, bold > 0);
            continue;
          }
          piece.text.split("\n").forEach((line, n) => {
            if (n > 0) runs.push({ kind: "break" });
            pushText(runs, line, bold > 0, true);
          });
        }
        return;
      case "strong_open":
        bold++;
        return;
      case "strong_close":
        bold--;
        return;
      case "hardbreak":
        runs.push({ kind: "break" });
        return;
      case "softbreak": {
        if (softBreak === "line") {
          runs.push({ kind: "break" });
          return;
        }
        // Chinese lines joined in the source must not gain a space when re-flowed.
        const before = users.resolve(children[index - 1]?.content ?? "").slice(-1);
        const after = users.resolve(children[index + 1]?.content ?? "").slice(0, 1);
        if (!(CJK.test(before) || CJK.test(after))) pushText(runs, " ", bold > 0);
        return;
      }
      case "image":
        pushText(runs, child.content, bold > 0);
        return;
      default:
        // em, links and strike-through keep their text and drop their styling.
        return;
    }
  });
  return runs;
}

/**
 * A signature container: one paragraph is the lines under the room to sign (the typed name);
 * with two or more, the first is printed above the room (a mention such as « Bon pour pouvoir »)
 * and the others under it.
 */
function signatureBlock(paragraphs: Inline[][][]): Extract<Block, { kind: "signature" }> {
  if (paragraphs.length < 2) return { kind: "signature", lines: paragraphs.flat() };
  return { kind: "signature", above: paragraphs[0]!, lines: paragraphs.slice(1).flat() };
}

/** Splits runs at forced breaks into lines (addresses, signatures). */
function splitLines(runs: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const run of runs) {
    if (run.kind === "break") lines.push([]);
    else lines.at(-1)!.push(run);
  }
  return lines.filter((line) => line.length > 0);
}

/** A list item whose text starts with "[ ]" or "[x]" is a box to tick. */
function listItemBlock(
  runs: Inline[],
  depth: number,
  list: State["lists"][number],
): Extract<Block, { kind: "tick" | "item" }> {
  const first = runs[0];
  if (first?.kind === "text" && /^\[[ xX]\]\s/.test(first.text)) {
    const rest = first.text.replace(/^\[[ xX]\]\s+/, "");
    return { kind: "tick", depth, runs: rest ? [{ ...first, text: rest }, ...runs.slice(1)] : runs.slice(1) };
  }
  return list.ordered ? { kind: "item", depth, runs, ordinal: list.next++ } : { kind: "item", depth, runs };
}

export function markdownToBlocks(source: string, users: UserTextTable, templateName: string): Block[] {
  const blocks: Block[] = [];
  const state: State = { lists: [] };
  const tokens = markdown.parse(source, {});

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const inContainer = state.container;
    switch (token.type) {
      case "heading_open": {
        const runs = inlineRuns(tokens[i + 1]!, users, "space");
        const level = Number(token.tag.slice(1));
        blocks.push(level === 1 ? { kind: "title", runs } : { kind: "heading", level: level === 2 ? 2 : 3, runs });
        i += 2;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open":
        state.lists.push({ ordered: token.type === "ordered_list_open", next: Number(token.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        state.lists.pop();
        break;
      case "list_item_open":
        state.item = undefined;
        break;
      case "dl_open":
        state.fields = { kind: "fields", rows: [] };
        blocks.push(state.fields);
        break;
      case "dl_close":
        state.fields = undefined;
        break;
      case "dt_open":
        state.term = inlineRuns(tokens[i + 1]!, users, "line");
        i += 2;
        break;
      case "dd_open":
        state.fields?.rows.push({ label: state.term ?? [], value: [] });
        break;
      case "inline": {
        const row = state.fields?.rows.at(-1);
        if (state.fields && row) {
          if (row.value.length > 0) row.value.push({ kind: "break" });
          row.value.push(...inlineRuns(token, users, "line"));
          break;
        }
        const listDepth = state.lists.length;
        if (listDepth > 0) {
          const runs = inlineRuns(token, users, "space");
          if (state.item) {
            state.item.block.runs.push({ kind: "break" }, ...runs);
          } else {
            const block = listItemBlock(runs, listDepth - 1, state.lists.at(-1)!);
            state.item = { block };
            blocks.push(block);
          }
          break;
        }
        if (inContainer && ["address", "signature"].includes(inContainer.name)) {
          const lines = splitLines(inlineRuns(token, users, "line"));
          inContainer.lines.push(...lines);
          inContainer.paragraphs.push(lines);
          break;
        }
        if (inContainer?.name === "notice") {
          if (inContainer.runs.length > 0) inContainer.runs.push({ kind: "break" });
          inContainer.runs.push(...inlineRuns(token, users, "space"));
          break;
        }
        const align: Align = inContainer?.name === "right" ? "right" : "left";
        const runs = inlineRuns(token, users, "space");
        blocks.push(
          inContainer?.name === "small"
            ? { kind: "paragraph", runs, align, small: true }
            : { kind: "paragraph", runs, align },
        );
        break;
      }
      case "hr":
        blocks.push({ kind: "pageBreak" });
        break;
      case "fence":
      case "code_block": {
        const content = token.content.trimEnd();
        // Kept whole: a block that holds a user's value is the user's text throughout.
        const user = users.resolve(content) !== content;
        blocks.push({
          kind: "paragraph",
          runs: [{ kind: "text", text: users.resolve(content), ...(user ? { user } : {}) }],
          align: "left",
        });
        break;
      }
      default: {
        const open = /^container_(\w+)_open$/.exec(token.type);
        if (open) {
          if (inContainer) {
            throw new TemplateError([
              {
                code: "template.nestedContainer",
                at: { file: templateName },
                params: { inner: open[1]!, outer: inContainer.name },
              },
            ]);
          }
          const arg = token.info.trim().split(/\s+/)[1] ?? "";
          state.container = { name: open[1] as ContainerName, arg, lines: [], runs: [], paragraphs: [] };
          break;
        }
        if (/^container_\w+_close$/.test(token.type) && inContainer) {
          if (inContainer.name === "address")
            blocks.push({
              kind: "address",
              align: inContainer.arg === "right" ? "right" : "left",
              lines: inContainer.lines,
            });
          if (inContainer.name === "signature") blocks.push(signatureBlock(inContainer.paragraphs));
          if (inContainer.name === "notice") blocks.push({ kind: "notice", runs: inContainer.runs });
          state.container = undefined;
        }
      }
    }
  }
  return blocks;
}
