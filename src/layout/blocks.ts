/**
 * Lays out one block of the document model at a given width: rows of drawables positioned
 * relative to the block's top left, plus the rules the paginator must respect.
 */
import type { Block, Inline } from "../model/doc-model.js";
import type { FontChain } from "../fonts/chain.js";
import type { Drawable, StructNode, StructRef } from "./page-layout.js";
import { breakLines, type Line } from "./lines.js";
import {
  BLOCK_GAP, BODY, FIELDS, FILL_LINE, HEADINGS, ITEM_GAP, LIST_INDENT, NOTICE, RIGHT_BLOCK_START,
  SIGNATURE_SPACE, SMALL, TICK_BOX, TITLE,
} from "./style.js";

/** A slice of a block that is never split across pages. */
export interface Row {
  height: number;
  items: Drawable[];
}

export interface BlockBox {
  rows: Row[];
  spaceBefore: number;
  spaceAfter: number;
  /** All rows on one page (addresses, signatures, list items, notices). */
  keepTogether: boolean;
  /** Never the last thing on a page (titles, headings). */
  keepWithNext: boolean;
  /** At a page break, at least this many rows stay on each side. */
  minRowsAtBreak: number;
}

interface TextStyle {
  size: number;
  leading: number;
  bold?: boolean;
  gray?: number;
}

export interface BlockContext {
  width: number;
  fonts: FontChain;
  struct: StructRef;
}

/** Baseline of a line inside its line box: the ideographic em box centred in the leading. */
function baseline(style: TextStyle): number {
  return (style.size * style.leading - style.size) / 2 + 0.88 * style.size;
}

/** Turns laid-out lines into drawables on one row per line, offset by `x`. */
function linesToRows(lines: Line[], style: TextStyle, x: number, struct: StructRef, align: "left" | "right" = "left", width = 0): Row[] {
  const height = style.size * style.leading;
  const base = baseline(style);
  return lines.map((line) => {
    const shift = x + (align === "right" ? width - line.width : 0);
    const items: Drawable[] = line.runs.map((run) => ({
      kind: "text", x: shift + run.x, y: base, text: run.text, face: run.face.name, size: style.size,
      gray: style.gray ?? 0, struct,
    }));
    for (const fill of line.fills) {
      const y = base + FILL_LINE.below;
      items.push({ kind: "line", x1: shift + fill.x, y1: y, x2: shift + fill.x + fill.width, y2: y, lineWidth: FILL_LINE.lineWidth });
    }
    return { height, items };
  });
}

/** Lines of text at `x`, tagged with the block's structure path plus `leaf` nodes. */
function textRows(runs: Inline[], style: TextStyle, ctx: BlockContext, x = 0, width = ctx.width, align: "left" | "right" = "left", leaf: StructNode[] = []): Row[] {
  const lines = breakLines(runs, { size: style.size, width, fonts: ctx.fonts, bold: !!style.bold });
  const struct = leaf.length > 0 ? { ...ctx.struct, path: [...ctx.struct.path, ...leaf] } : ctx.struct;
  return linesToRows(lines, style, x, struct, align, width);
}

/** Stacks rows into one row (for blocks kept whole, or a table row's cells side by side). */
function mergeRows(rows: Row[], offsetY = 0): Row {
  const merged: Row = { height: 0, items: [] };
  for (const row of rows) {
    merged.items.push(...row.items.map((item) => shiftY(item, merged.height + offsetY)));
    merged.height += row.height;
  }
  merged.height += offsetY;
  return merged;
}

export function shiftY(item: Drawable, dy: number): Drawable {
  if (item.kind === "line") return { ...item, y1: item.y1 + dy, y2: item.y2 + dy };
  return { ...item, y: item.y + dy };
}

export function shiftX(item: Drawable, dx: number): Drawable {
  if (item.kind === "line") return { ...item, x1: item.x1 + dx, x2: item.x2 + dx };
  return { ...item, x: item.x + dx };
}

const body: TextStyle = BODY;

function box(rows: Row[], overrides: Partial<BlockBox> = {}): BlockBox {
  return { rows, spaceBefore: 0, spaceAfter: BLOCK_GAP, keepTogether: false, keepWithNext: false, minRowsAtBreak: 1, ...overrides };
}

/** A list item: marker (tick box or bullet text) in the hanging indent, text beside it. */
function listItem(runs: Inline[], depth: number, marker: "tick" | string, ctx: BlockContext): BlockBox {
  const indent = depth * LIST_INDENT;
  const textX = indent + LIST_INDENT;
  const key = ctx.struct.path.at(-1)!.key;
  const rows = textRows(runs, body, ctx, textX, ctx.width - textX, "left", [{ role: "LBody", key: `${key}-body` }]);
  const first = rows[0] ?? { height: body.size * body.leading, items: [] };
  if (marker === "tick") {
    // The square sits on the first line's baseline, its top near the cap height.
    const size = TICK_BOX.size;
    const y = baseline(body) - size + 0.06 * body.size;
    first.items.unshift({ kind: "rect", x: indent + 1, y, width: size, height: size, lineWidth: TICK_BOX.lineWidth });
  } else {
    const label = textRows([{ kind: "text", text: marker }], body, ctx, indent, LIST_INDENT, "left", [{ role: "Lbl", key: `${key}-label` }])[0];
    if (label) first.items.unshift(...label.items);
  }
  if (rows.length === 0) rows.push(first);
  return box([mergeRows(rows)], { keepTogether: true, spaceAfter: ITEM_GAP });
}

function fieldsBox(block: Extract<Block, { kind: "fields" }>, ctx: BlockContext): BlockBox {
  const labelStyle: TextStyle = { ...BODY, gray: 0.25 };
  const widest = Math.max(
    ...block.rows.map((row) => Math.max(0, ...breakLines(row.label, { size: BODY.size, width: 1e6, fonts: ctx.fonts }).map((l) => l.width))),
  );
  const labelWidth = Math.min(widest, ctx.width * FIELDS.maxLabelFraction);
  const valueX = labelWidth + FIELDS.gap;
  const table = ctx.struct.path.at(-1)!.key;
  const rows = block.rows.map((row, index): Row => {
    const tr = { role: "TR", key: `${table}-${index}` };
    const label = mergeRows(textRows(row.label, labelStyle, ctx, 0, labelWidth, "left", [tr, { role: "TH", key: `${tr.key}-h` }]));
    const value = mergeRows(textRows(row.value, body, ctx, valueX, ctx.width - valueX, "left", [tr, { role: "TD", key: `${tr.key}-d` }]));
    const height = Math.max(label.height, value.height) + 2 * FIELDS.padding;
    const items = [...label.items, ...value.items].map((item) => shiftY(item, FIELDS.padding));
    items.push({ kind: "line", x1: 0, y1: height, x2: ctx.width, y2: height, lineWidth: FIELDS.rule, gray: FIELDS.ruleGray });
    return { height, items };
  });
  return box(rows, { minRowsAtBreak: 2 });
}

function signatureBox(lines: Inline[][], above: Inline[][], ctx: BlockContext): BlockBox {
  const x = ctx.width * RIGHT_BLOCK_START;
  const width = ctx.width - x;
  const rowsOf = (some: Inline[][]) => some.flatMap((line) => textRows(line, body, ctx, x, width));
  // The mention above (if any), then the room to sign, then the typed lines: one row, kept whole.
  return box([mergeRows([mergeRows(rowsOf(above)), mergeRows(rowsOf(lines), SIGNATURE_SPACE)])], { keepTogether: true, spaceBefore: BLOCK_GAP });
}

function noticeBox(runs: Inline[], ctx: BlockContext): BlockBox {
  const pad = NOTICE.padding;
  const inner = mergeRows(textRows(runs, { ...BODY, bold: true }, ctx, pad, ctx.width - 2 * pad));
  const height = inner.height + 2 * pad;
  const items = inner.items.map((item) => shiftY(item, pad));
  items.unshift({ kind: "rect", x: 0, y: 0, width: ctx.width, height, lineWidth: NOTICE.lineWidth });
  return box([{ height, items }], { keepTogether: true, spaceAfter: 2 * BLOCK_GAP });
}

export function layoutBlock(block: Block, ctx: BlockContext): BlockBox {
  switch (block.kind) {
    case "title":
      return box(textRows(block.runs, { ...TITLE, bold: true }, ctx), {
        keepWithNext: true, keepTogether: true, spaceAfter: TITLE.spaceAfter,
      });
    case "heading": {
      const style = HEADINGS[block.level];
      return box(textRows(block.runs, { ...style, bold: true }, ctx), {
        keepWithNext: true, keepTogether: true, spaceBefore: style.spaceBefore, spaceAfter: style.spaceAfter,
      });
    }
    case "paragraph": {
      const style = block.small ? SMALL : body;
      return box(textRows(block.runs, style, ctx, 0, ctx.width, block.align), { minRowsAtBreak: 2 });
    }
    case "tick":
      return listItem(block.runs, block.depth, "tick", ctx);
    case "item":
      return listItem(block.runs, block.depth, block.ordinal === undefined ? "•" : `${block.ordinal}.`, ctx);
    case "fields":
      return fieldsBox(block, ctx);
    case "address": {
      const x = block.align === "right" ? ctx.width * RIGHT_BLOCK_START : 0;
      const rows = block.lines.flatMap((line) => textRows(line, body, ctx, x, ctx.width - x));
      return box([mergeRows(rows)], { keepTogether: true, spaceAfter: 2 * BLOCK_GAP });
    }
    case "signature":
      return signatureBox(block.lines, block.above ?? [], ctx);
    case "notice":
      return noticeBox(block.runs, ctx);
    case "pageBreak":
      return box([], { spaceAfter: 0 });
  }
}


