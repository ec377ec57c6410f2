/**
 * A DocModel (src/model/doc-model.ts) as Typst markup in our page style, so Typst typesets the
 * same content as we do, for the benchmark. Pure: model and style in, source text out.
 *
 *   import * as style from "../dist/layout/style.js";
 *   const source = typstSource(model, style);
 *
 * How each block maps (sizes, spacing and positions from src/layout/style.ts):
 *   title / heading  heading(level 1 / 2 / 3), bold, own size and line height (sticky: kept with next)
 *   paragraph        a paragraph; `align: right` in align(right); `small` at the small size and gray
 *   tick / item      list (tick: an outlined square on the baseline; item: "•") or enum (numbered),
 *                    one list per run of consecutive items of one marker, nested by depth, text at
 *                    LIST_INDENT per level; each item kept whole
 *   fields           table: labels (gray) in a column as wide as the widest label (at most 36 % of
 *                    the text width), values beside them, a thin gray rule under each row
 *   address          unbreakable block, lines separated by line breaks; `right` starts at 52 %
 *   signature        unbreakable block: blank room for the signature, then the lines at 52 %
 *   notice           unbreakable framed block, bold text
 *   pageBreak        pagebreak(weak: true)
 *   runs             text as string literals (bold: text(weight: "bold")), break: linebreak(),
 *                    fill: an underline box (width 0: to the end of the line)
 * Every line box is exactly `size x leading` tall with the baseline where ours puts it (top and
 * bottom edges set per style, paragraph leading 0), and every gap between blocks is our spaceAfter
 * of one plus spaceBefore of the next, as one weak spacing (gone at a page top, as ours).
 * Each section starting a new page starts a part: its own page run, furniture (title and name in
 * the header, "page n / N" counted within the part in the footer, thin rules) and page numbers.
 *
 * Text settings as our line breaker: one family and no fallback, no CJK-Latin spacing, no
 * hyphenation, no hanging punctuation, ragged right. Left as Typst does it: where exactly lines
 * break (its UAX #14 and CJK rules, not our break-rules.ts), orphan and widow control, the
 * structure tags (Typst tags labels as TD where ours has TH, addresses as a block Span where ours
 * has P), a fill-in blank of set width squeezed into the rest of a line (Typst wraps it), and the
 * family for zh-Hant (ours switches to Noto Sans TC; this bench only renders zh-Hans and fr).
 *
 * User text is never markup: every piece of text is a Typst string literal, so `*`, `#`, `$`, `[`,
 * `"`, `\`, `//` and the rest are just characters; control and format characters (bidi controls,
 * zero-width characters) are written as `\u{...}` escapes so they stay visible in the source.
 */

const FONT_FAMILY = "Noto Sans SC";

/** A Typst string literal holding exactly `text`. */
export function typstString(text) {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    // A lone surrogate cannot be encoded (the compiler receives UTF-8): the replacement character.
    else if (code >= 0xd800 && code <= 0xdfff) out += "\\u{FFFD}";
    else if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char)) out += `\\u{${code.toString(16).toUpperCase()}}`;
    else out += char;
  }
  return `${out}"`;
}

/** A length in points, short. */
const pt = (n) => `${Number(n.toFixed(3))}pt`;
const em = (n) => `${Number(n.toFixed(4))}em`;

/**
 * Text edges that make every line box `leading` em tall with the baseline at ours: the em box
 * centred in the line, the baseline 0.88 em below the em box's top (src/layout/blocks.ts).
 */
function edges(style) {
  const half = (style.leading - 1) / 2;
  return { top: half + 0.88, bottom: half + 0.12 };
}

function lineBox(style) {
  const { top, bottom } = edges(style);
  return `size: ${pt(style.size)}, top-edge: ${em(top)}, bottom-edge: ${em(-bottom)}`;
}

/** An invisible, zero-width box exactly as tall as a line of text in `style`, on its baseline. */
function strut(style) {
  const { top, bottom } = edges(style);
  return `#box(height: ${pt((top + bottom) * style.size)}, baseline: ${pt(bottom * style.size)})`;
}

/** `gray` (0 black .. 1 white) as a Typst colour. */
const luma = (gray) => `luma(${Number((gray * 100).toFixed(2))}%)`;

/** Typst's `lang` and `region` for a BCP 47 tag (Typst takes ISO 639 and ISO 3166 codes). */
export function typstLanguage(tag) {
  const [language = "en", ...rest] = tag.toLowerCase().split("-");
  const region = rest.find((part) => /^[a-z]{2}$/.test(part));
  const script = rest.find((part) => /^[a-z]{4}$/.test(part));
  const zhRegion = script === "hant" ? "tw" : script === "hans" ? "cn" : undefined;
  const chosen = region ?? (language === "zh" ? zhRegion : undefined);
  return `lang: ${typstString(language)}${chosen ? `, region: ${typstString(chosen)}` : ""}`;
}

/** Inline runs as markup: string literals, bold runs, line breaks, fill-in lines. */
function inlines(runs, style, s) {
  return runs
    .map((run) => {
      if (run.kind === "text")
        return run.bold ? `#text(weight: "bold", ${typstString(run.text)})` : `#${typstString(run.text)}`;
      if (run.kind === "break") return "#linebreak()";
      const width = run.widthEm > 0 ? em(Math.max(run.widthEm, s.MIN_FILL_EM)) : "1fr";
      // A strut first: a line holding only the blank is as tall as a line of text (a box of
      // height 0 alone would make a line of height 0).
      return `${strut(style)}#box(width: ${width}, height: 0pt, baseline: ${pt(s.FILL_LINE.below)}, stroke: (bottom: ${pt(s.FILL_LINE.lineWidth)}))`;
    })
    .join("");
}

/** Lines (address, signature) joined by line breaks. */
const lines = (list, style, s) => list.map((line) => inlines(line, style, s)).join("#linebreak()");

/** Our spacing around each kind of block (src/layout/blocks.ts), in points. */
function spacing(block, s) {
  switch (block.kind) {
    case "title":
      return { before: 0, after: s.TITLE.spaceAfter };
    case "heading":
      return { before: s.HEADINGS[block.level].spaceBefore, after: s.HEADINGS[block.level].spaceAfter };
    case "tick":
    case "item":
      return { before: 0, after: s.ITEM_GAP };
    case "address":
    case "notice":
      return { before: 0, after: 2 * s.BLOCK_GAP };
    case "signature":
      return { before: s.BLOCK_GAP, after: s.BLOCK_GAP };
    case "pageBreak":
      return { before: 0, after: 0 };
    default:
      return { before: 0, after: s.BLOCK_GAP };
  }
}

function markerOf(block) {
  if (block.kind === "tick") return "tick";
  return block.ordinal === undefined ? "bullet" : "number";
}

/**
 * One list from consecutive list blocks of one marker, nested by depth: an item deeper than the
 * one before it goes into that item's body (as our layout indents it by LIST_INDENT per level).
 */
function listMarkup(items, s) {
  const root = { children: [] };
  const stack = [{ depth: -1, node: root }];
  for (const block of items) {
    while (stack.length > 1 && stack.at(-1).depth >= block.depth) stack.pop();
    const node = { block, children: [] };
    stack.at(-1).node.children.push(node);
    stack.push({ depth: block.depth, node });
  }
  const render = (nodes) => {
    const marker = markerOf(nodes[0].block);
    const body = (node) => {
      const text = `#block(breakable: false)[${inlines(node.block.runs, s.BODY, s)}]`;
      const nested = node.children.length > 0 ? `#v(${pt(s.ITEM_GAP)})${render(node.children)}` : "";
      return `[${text}${nested}]`;
    };
    const common = `indent: 0pt, body-indent: 0pt, spacing: ${pt(s.ITEM_GAP)}, tight: true`;
    if (marker === "number") {
      const children = nodes.map((node) => `enum.item(${node.block.ordinal}, ${body(node)})`).join(", ");
      return `#enum(${common}, numbering: n => box(width: ${pt(s.LIST_INDENT)})[#n#"."], number-align: start, ${children})`;
    }
    const mark = marker === "tick" ? "tick-box" : `box(width: ${pt(s.LIST_INDENT)})[#"•"]`;
    return `#list(${common}, marker: ${mark}, ${nodes.map(body).join(", ")})`;
  };
  return render(root.children);
}

function fieldsMarkup(block, s, textWidth) {
  const labels = block.rows.map((row) => `[${inlines(row.label, s.BODY, s)}]`);
  const cells = block.rows.flatMap((row, i) => [
    `text(fill: ${luma(0.25)}, ${labels[i]})`,
    // A block as wide as the cell, so a fill-in line of width 0 (1fr) reaches the margin.
    `block(width: 100%)[${inlines(row.value, s.BODY, s)}]`,
    `table.hline(stroke: ${pt(s.FIELDS.rule)} + ${luma(s.FIELDS.ruleGray)})`,
  ]);
  return [
    "#context {",
    `  let widest = calc.max(..(${labels.join(", ")},).map(l => measure(l).width))`,
    `  let label-width = calc.min(widest, ${pt(s.FIELDS.maxLabelFraction * textWidth)})`,
    `  table(columns: (label-width, 1fr), column-gutter: ${pt(s.FIELDS.gap)}, inset: (x: 0pt, y: ${pt(s.FIELDS.padding)}), stroke: none,`,
    ...cells.map((cell) => `    ${cell},`),
    "  )",
    "}",
  ].join("\n");
}

function blockMarkup(block, s, textWidth) {
  switch (block.kind) {
    case "title":
      return `#heading(level: 1)[${inlines(block.runs, s.TITLE, s)}]`;
    case "heading":
      return `#heading(level: ${block.level})[${inlines(block.runs, s.HEADINGS[block.level], s)}]`;
    case "paragraph": {
      const text = inlines(block.runs, block.small ? s.SMALL : s.BODY, s);
      const styled = block.small ? `#[#set text(${lineBox(s.SMALL)}, fill: ${luma(s.SMALL.gray)})\n${text}]` : text;
      return block.align === "right" ? `#align(right)[${styled}]` : styled;
    }
    case "fields":
      return fieldsMarkup(block, s, textWidth);
    case "address": {
      const x = block.align === "right" ? s.RIGHT_BLOCK_START * textWidth : 0;
      return `#block(breakable: false, inset: (left: ${pt(x)}))[${lines(block.lines, s.BODY, s)}]`;
    }
    case "signature":
      return `#block(breakable: false, inset: (top: ${pt(s.SIGNATURE_SPACE)}, left: ${pt(s.RIGHT_BLOCK_START * textWidth)}))[${lines(block.lines, s.BODY, s)}]`;
    case "notice":
      return `#block(breakable: false, width: 100%, inset: ${pt(s.NOTICE.padding)}, stroke: ${pt(s.NOTICE.lineWidth)})[#set text(weight: "bold")\n${inlines(block.runs, s.BODY, s)}]`;
    case "pageBreak":
      return "#pagebreak(weak: true)";
    default:
      throw new Error(`typst-markup: no mapping for block kind ${JSON.stringify(block.kind)}`);
  }
}

/** A section's blocks, list runs grouped, each gap our spaceAfter + spaceBefore as weak spacing. */
function sectionBody(blocks, s, textWidth) {
  const out = [];
  let previous;
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i];
    let markup;
    let last = block;
    if (block.kind === "tick" || block.kind === "item") {
      let j = i;
      while (
        j < blocks.length &&
        (blocks[j].kind === "tick" || blocks[j].kind === "item") &&
        (blocks[j].depth > 0 || markerOf(blocks[j]) === markerOf(block))
      )
        j++;
      markup = listMarkup(blocks.slice(i, j), s);
      last = blocks[j - 1];
      i = j;
    } else {
      markup = blockMarkup(block, s, textWidth);
      i++;
    }
    if (previous && block.kind !== "pageBreak" && previous.kind !== "pageBreak") {
      out.push(`#v(${pt(spacing(previous, s).after + spacing(block, s).before)}, weak: true)`);
    }
    out.push(markup);
    previous = last;
  }
  return out.join("\n\n");
}

/** Header (title, name, rule) and footer (rule, page n / N within the part) of a part's pages. */
function furnitureMarkup(furniture, part, s, page) {
  const { width, height } = page;
  const right = width - s.MARGIN.right;
  const textWidth = right - s.MARGIN.left;
  const F = s.FURNITURE;
  const rule = (y) =>
    `place(top + left, dx: ${pt(s.MARGIN.left)}, dy: ${pt(y)}, line(length: ${pt(textWidth)}, stroke: 0.4pt + ${luma(F.gray)}))`;
  // Text placed by its baseline: with both edges at the baseline, a box's top is its baseline.
  const at = (y, body, align) =>
    `place(top + left, dx: ${pt(s.MARGIN.left)}, dy: ${pt(y)}, box(width: ${pt(textWidth)}, align(${align}, ${body})))`;
  const footerY = height - F.footerBaseline;
  const number = `${typstString(furniture.pageNumber)}.replace("{page}", str(here-page)).replace("{pages}", str(total))`;
  return [
    "context {",
    `  set text(size: ${pt(F.size)}, fill: ${luma(F.gray)}, top-edge: "baseline", bottom-edge: "baseline")`,
    // Pages counted within the part from where the part ends and the one before it ends (a
    // counter update at a part's start would land on the page before the new page run).
    `  let first = ${part === 0 ? "1" : `locate(<bench-part-end-${part - 1}>).page() + 1`}`,
    `  let here-page = here().page() - first + 1`,
    `  let total = locate(<bench-part-end-${part}>).page() - first + 1`,
    `  ${at(F.headerBaseline, typstString(furniture.title), "left")}`,
    `  ${at(F.headerBaseline, typstString(furniture.author), "right")}`,
    `  ${rule(F.headerBaseline + F.ruleGap / 2)}`,
    `  ${rule(footerY - F.size - F.ruleGap)}`,
    `  ${at(footerY, number, "right")}`,
    "}",
  ].join("\n");
}

/**
 * The whole document as Typst source. `style` is src/layout/style.ts as built (dist/layout/style.js);
 * `paper` one of its PAPER_SIZES.
 */
export function typstSource(model, style, { paper = "a4", fontFamily = FONT_FAMILY } = {}) {
  // MIN_FILL_EM: src/layout/lines.ts keeps it to itself (a narrower blank is widened to 4 em).
  const s = { MIN_FILL_EM: 4, ...style };
  const page = s.PAPER_SIZES[paper];
  const textWidth = page.width - s.MARGIN.left - s.MARGIN.right;
  const { meta } = model;
  const [year, month, day] = meta.date.split("-").map(Number);
  const heading = (level, st) => `#show heading.where(level: ${level}): set text(${lineBox(st)})`;
  const out = [
    "// Generated by bench/typst-markup.mjs from a sim-cancel DocModel.",
    `#set document(title: ${typstString(meta.title)}, author: (${typstString(meta.author)},), description: ${typstString(meta.subject)}, keywords: (${meta.keywords.map(typstString).join(", ")}${meta.keywords.length === 1 ? "," : ""}), date: datetime(year: ${year}, month: ${month}, day: ${day}))`,
    // Only the given family, no fallback to any other font; our line breaking (no CJK-Latin
    // spacing, no hyphenation, no hanging punctuation, no justification).
    `#set text(font: (${typstString(fontFamily)},), fallback: false, ${lineBox(s.BODY)}, cjk-latin-spacing: none, hyphenate: false, overhang: false, ${typstLanguage(meta.lang)})`,
    "#set par(leading: 0pt, spacing: 0pt, justify: false)",
    "#set block(spacing: 0pt)",
    "#set heading(numbering: none)",
    "#show heading: set block(above: 0pt, below: 0pt)",
    '#show heading: set text(weight: "bold")',
    heading(1, s.TITLE),
    heading(2, s.HEADINGS[2]),
    heading(3, s.HEADINGS[3]),
    // The square 1 pt in from the item's start, its bottom 0.06 em under the baseline (as ours);
    // a strut first, so the marker's line is as tall as the item's first line and their baselines meet.
    `#let tick-box = [${strut(s.BODY)}#h(1pt)#box(width: ${pt(s.TICK_BOX.size)}, height: ${pt(s.TICK_BOX.size)}, stroke: ${pt(s.TICK_BOX.lineWidth)}, baseline: ${pt(0.06 * s.BODY.size)})#h(${pt(s.LIST_INDENT - 1 - s.TICK_BOX.size)})]`,
  ];
  let part = -1;
  model.sections.forEach((section, index) => {
    if (section.newPage || index === 0) {
      if (part >= 0) out.push(`#metadata(none) <bench-part-end-${part}>`);
      part++;
      const margin = `(top: ${pt(s.MARGIN.top)}, bottom: ${pt(s.MARGIN.bottom)}, left: ${pt(s.MARGIN.left)}, right: ${pt(s.MARGIN.right)})`;
      out.push(
        `#set page(width: ${pt(page.width)}, height: ${pt(page.height)}, margin: ${margin}, header: none, footer: none, background: ${furnitureMarkup(section.furniture, part, s, page)})`,
      );
    }
    out.push(`#set text(${typstLanguage(section.lang)})`);
    out.push(sectionBody(section.blocks, s, textWidth));
  });
  out.push(`#metadata(none) <bench-part-end-${part}>`);
  return `${out.join("\n\n")}\n`;
}
