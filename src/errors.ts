/**
 * The pipeline's error classes, in a module of their own with no imports, so code that only needs
 * to recognise an error (the CLI's report, the batch's main thread) does not load the renderer,
 * the fonts and the template engine with them. Each stage re-exports its own.
 */

/** Bad input: every problem found, each naming its field or option and how to fix it. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** A carrier pack that cannot be used: every problem, each naming the file, line and field. */
export class PackError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** A template that cannot be rendered (unknown helper, missing variable), named with file and line. */
export class TemplateError extends Error {}

/** A template's Markdown that the document model cannot hold. */
export class TemplateMarkupError extends Error {}

/** A font file that cannot be read or used. */
export class FontError extends Error {}
