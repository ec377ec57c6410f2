/**
 * Lays out one block of the document model at a given width: rows of drawables positioned
 * relative to the block's top left, one row per line, plus the paginator's preferences (keep
 * together, keep with next, no single line left behind). Preferences only: a block taller than
 * a page is split at line boundaries, never cut.
 */
import type { Block, Inline } from "../model/doc-model.js";
import type { FontChain } from "../fonts/chain.js";
import type { Drawable, StructNode, StructRef } from "./page-layout.js";
import { breakLines, type Line } from "./lines.js";
import { checkLineWidth, type LayoutSource } from "./guard.js";
import {
  BLOCK_GAP,
  BODY,
  FIELDS,
  FILL_LINE,
  HEADINGS,
  ITEM_GAP,
  LIST_INDENT,
  MARKER_GAP,
  MIN_LINES_AT_BREAK,
  NOTICE,
  RIGHT_BLOCK_START,
  SIGNATURE_SPACE,
  SMALL,
  TICK_BOX,
  TITLE,
} from "./style.js";

/**
 * One line's worth of a block (a line of text, a table row's line, a list item's line): the unit
 * the paginator places. A page break may fall between any two rows; the box's rules say where it
 * had better not.
 */
export interface Row {
  height: number;
  items: Drawable[];
  /**
   * The order the items are drawn in among all items of the block, when it is not row by row
   * (a table row draws its label's lines, then its value's): the content stream, and so the
   * structure and the file's bytes, stay as they were when such a block was a single row.
   */
  order?: number[];
}

/** A frame drawn around a block's rows on each page it spans, `padding` inside it. */
export interface BoxFrame {
  padding: number;
  lineWidth: number;
  width: number;
}

export interface BlockBox {
  rows: Row[];
  spaceBefore: number;
  spaceAfter: number;
  /** Rather on one page (addresses, signatures, list items, notices): moved whole when it fits a page. */
  keepTogether: boolean;
  /** Rather not the last thing on a page (titles, headings). */
  keepWithNext: boolean;
  /** At a page break, rather this many rows (or row groups) on each side. */
  minRowsAtBreak: number;
  /** Rows that belong together, by group number (the lines of one table row); absent: each row alone. */
  groups?: number[];
  frame?: BoxFrame;
  /** Where the box came from, for the guard's errors. */
  source?: LayoutSource;
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
  source?: LayoutSource;
}

/** Baseline of a line inside its line box: the ideographic em box centred in the leading. */
function baseline(style: TextStyle): number {
  return (style.size * style.leading - style.size) / 2 + 0.88 * style.size;
}

/** Turns laid-out lines into drawables on one row per line, offset by `x`. */
function linesToRows(
  lines: readonly Line[],
  style: TextStyle,
  x: number,
  struct: StructRef,
  align: "left" | "right" = "left",
  width = 0,
): Row[] {
  const height = style.size * style.leading;
  const base = baseline(style);
  return lines.map((line) => {
    const shift = x + (align === "right" ? width - line.width : 0);
    const items: Drawable[] = line.runs.map((run) => ({
      kind: "text",
      x: shift + run.x,
      y: base,
      width: run.width,
      text: run.text,
      face: run.face.name,
      size: style.size,
      gray: style.gray ?? 0,
      struct,
      ...(run.user ? { user: true } : {}),
      ...(run.rtl ? { rtl: true } : {}),
      ...(run.copyAs === undefined ? {} : { copyAs: run.copyAs }),
    }));
    for (const fill of line.fills) {
      const y = base + FILL_LINE.below;
      items.push({
        kind: "line",
        x1: shift + fill.x,
        y1: y,
        x2: shift + fill.x + fill.width,
        y2: y,
        lineWidth: FILL_LINE.lineWidth,
      });
    }
    return { height, items };
  });
}

/** Lines of text at `x`, tagged with the block's structure path plus `leaf` nodes. */
function textRows(
  runs: Inline[],
  style: TextStyle,
  ctx: BlockContext,
  x = 0,
  width = ctx.width,
  align: "left" | "right" = "left",
  leaf: StructNode[] = [],
): Row[] {
  const lines = breakLines(runs, { size: style.size, width, fonts: ctx.fonts, bold: !!style.bold });
  for (const line of lines) checkLineWidth(line.width, width, ctx.source ?? {});
  const struct = leaf.length > 0 ? { ...ctx.struct, path: [...ctx.struct.path, ...leaf] } : ctx.struct;
  return linesToRows(lines, style, x, struct, align, width);
}

/** Moves a row's content down by `dy`, the row growing by as much (room above a signature, a frame's padding). */
function padTop(row: Row, dy: number): Row {
  return { ...row, height: row.height + dy, items: row.items.map((item) => shiftY(item, dy)) };
}

function padBottom(row: Row, dy: number): Row {
  return { ...row, height: row.height + dy };
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
  return {
    rows,
    spaceBefore: 0,
    spaceAfter: BLOCK_GAP,
    keepTogether: false,
    keepWithNext: false,
    minRowsAtBreak: 1,
    ...overrides,
  };
}

/** Width of a list marker ("•", "12."), or of the widest line of any text, at the body size. */
function naturalWidth(runs: Inline[], ctx: BlockContext): number {
  return Math.max(0, ...breakLines(runs, { size: BODY.size, width: 1e6, fonts: ctx.fonts }).map((l) => l.width));
}

/**
 * A list item: marker (tick box or bullet text) in the hanging indent, text beside it, one row
 * per line. Deep nesting stops indenting at half the width; a marker wider than the hanging
 * indent ("1000000.") widens it rather than being cut.
 */
function listItem(runs: Inline[], depth: number, marker: "tick" | string, ctx: BlockContext): BlockBox {
  const indent = Math.min(depth * LIST_INDENT, Math.max(0, ctx.width / 2 - LIST_INDENT));
  const markerRuns: Inline[] = marker === "tick" ? [] : [{ kind: "text", text: marker }];
  const markerWidth =
    marker === "tick" ? LIST_INDENT : Math.max(LIST_INDENT, naturalWidth(markerRuns, ctx) + MARKER_GAP);
  const textX = indent + markerWidth;
  const key = ctx.struct.path.at(-1)!.key;
  const rows = textRows(runs, body, ctx, textX, ctx.width - textX, "left", [{ role: "LBody", key: `${key}-body` }]);
  if (rows.length === 0) rows.push({ height: body.size * body.leading, items: [] });
  const first = rows[0]!;
  if (marker === "tick") {
    // The square sits on the first line's baseline, its top near the cap height.
    const size = TICK_BOX.size;
    const y = baseline(body) - size + 0.06 * body.size;
    first.items.unshift({ kind: "rect", x: indent + 1, y, width: size, height: size, lineWidth: TICK_BOX.lineWidth });
  } else {
    const label = textRows(markerRuns, body, ctx, indent, markerWidth, "left", [{ role: "Lbl", key: `${key}-label` }]);
    first.items.unshift(...label.flatMap((row) => row.items));
  }
  return box(rows, { keepTogether: true, spaceAfter: ITEM_GAP, minRowsAtBreak: MIN_LINES_AT_BREAK });
}

/**
 * Label / value rows. Each table row is a group of rows, one per line (label line i beside value
 * line i), kept together on a page unless it is taller than one; a rule under its last line.
 */
function fieldsBox(block: Extract<Block, { kind: "fields" }>, ctx: BlockContext): BlockBox {
  const labelStyle: TextStyle = { ...BODY, gray: 0.25 };
  const widest = Math.max(...block.rows.map((row) => naturalWidth(row.label, ctx)));
  const labelWidth = Math.min(widest, ctx.width * FIELDS.maxLabelFraction);
  const valueX = labelWidth + FIELDS.gap;
  const table = ctx.struct.path.at(-1)!.key;
  const rows: Row[] = [];
  const groups: number[] = [];
  let base = 0;
  block.rows.forEach((row, index) => {
    const tr = { role: "TR", key: `${table}-${index}` };
    const label = textRows(row.label, labelStyle, ctx, 0, labelWidth, "left", [tr, { role: "TH", key: `${tr.key}-h` }]);
    const value = textRows(row.value, body, ctx, valueX, ctx.width - valueX, "left", [
      tr,
      { role: "TD", key: `${tr.key}-d` },
    ]);
    // Drawn label first, then value, then the rule, as when a table row was one row.
    const labelItems = label.reduce((n, r) => n + r.items.length, 0);
    const valueItems = value.reduce((n, r) => n + r.items.length, 0);
    let labelSeen = base;
    let valueSeen = base + labelItems;
    const count = Math.max(label.length, value.length, 1);
    for (let i = 0; i < count; i++) {
      const l = label[i];
      const v = value[i];
      let line: Row = {
        height: Math.max(l?.height ?? 0, v?.height ?? 0),
        items: [...(l?.items ?? []), ...(v?.items ?? [])],
        order: [...(l?.items ?? []).map(() => labelSeen++), ...(v?.items ?? []).map(() => valueSeen++)],
      };
      if (i === 0) line = padTop(line, FIELDS.padding);
      if (i === count - 1) {
        line = padBottom(line, FIELDS.padding);
        line.items.push({
          kind: "line",
          x1: 0,
          y1: line.height,
          x2: ctx.width,
          y2: line.height,
          lineWidth: FIELDS.rule,
          gray: FIELDS.ruleGray,
        });
        line.order!.push(base + labelItems + valueItems);
      }
      rows.push(line);
      groups.push(index);
    }
    base += labelItems + valueItems + 1;
  });
  return box(rows, { minRowsAtBreak: 2, groups });
}

function signatureBox(lines: Inline[][], above: Inline[][], ctx: BlockContext): BlockBox {
  const x = ctx.width * RIGHT_BLOCK_START;
  const width = ctx.width - x;
  const rowsOf = (some: Inline[][]) => some.flatMap((line) => textRows(line, body, ctx, x, width));
  // The mention above (if any), then the room to sign, then the typed lines; kept together.
  const typed = rowsOf(lines);
  typed[0] = padTop(typed[0] ?? { height: 0, items: [] }, SIGNATURE_SPACE);
  return box([...rowsOf(above), ...typed], {
    keepTogether: true,
    spaceBefore: BLOCK_GAP,
    minRowsAtBreak: MIN_LINES_AT_BREAK,
  });
}

/** A framed notice: its frame is drawn by the paginator, around the part on each page. */
function noticeBox(runs: Inline[], ctx: BlockContext): BlockBox {
  const pad = NOTICE.padding;
  const rows = textRows(runs, { ...BODY, bold: true }, ctx, pad, ctx.width - 2 * pad);
  rows[0] = padTop(rows[0] ?? { height: 0, items: [] }, pad);
  rows[rows.length - 1] = padBottom(rows.at(-1)!, pad);
  return box(rows, {
    keepTogether: true,
    spaceAfter: 2 * BLOCK_GAP,
    minRowsAtBreak: MIN_LINES_AT_BREAK,
    frame: { padding: pad, lineWidth: NOTICE.lineWidth, width: ctx.width },
  });
}

export function layoutBlock(block: Block, ctx: BlockContext): BlockBox {
  switch (block.kind) {
    case "title":
      return box(textRows(block.runs, { ...TITLE, bold: true }, ctx), {
        keepWithNext: true,
        keepTogether: true,
        spaceAfter: TITLE.spaceAfter,
      });
    case "heading": {
      const style = HEADINGS[block.level];
      return box(textRows(block.runs, { ...style, bold: true }, ctx), {
        keepWithNext: true,
        keepTogether: true,
        spaceBefore: style.spaceBefore,
        spaceAfter: style.spaceAfter,
      });
    }
    case "paragraph": {
      const style = block.small ? SMALL : body;
      return box(textRows(block.runs, style, ctx, 0, ctx.width, block.align), { minRowsAtBreak: MIN_LINES_AT_BREAK });
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
      return box(rows, { keepTogether: true, spaceAfter: 2 * BLOCK_GAP, minRowsAtBreak: MIN_LINES_AT_BREAK });
    }
    case "signature":
      return signatureBox(block.lines, block.above ?? [], ctx);
    case "notice":
      return noticeBox(block.runs, ctx);
    case "pageBreak":
      return box([], { spaceAfter: 0 });
  }
}
