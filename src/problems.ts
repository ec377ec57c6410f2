/**
 * Problems as data: what the library reports instead of sentences. A problem is a code plus what
 * it is about (a details field, a library option, a place in a file) and the parameters its
 * message needs. The library never words a problem; each front end does, from the message
 * catalogues (src/messages/), in the user's language and with its own names for fields and
 * options (the command line names the phone number by its flag, a batch summary by its column, the web form puts the
 * message under the field). Codes are the English catalogue's keys, so the compiler refuses a
 * problem that no catalogue can word. Only a type is imported: anything may use this module.
 */
import type { MessageCode } from "./messages/en.js";

export type { MessageCode };

/** Values a message may show. Strings that came from the user are shown escaped (see show.ts). */
export type ProblemParams = Readonly<Record<string, string | number>>;

/** Where in a file a problem was found; every part optional. */
export interface ProblemPlace {
  /** A path, or a name such as "standard input". */
  file?: string;
  /** 1-based line and column in that file. */
  line?: number;
  column?: number;
  /** A batch file's data row, from 1. */
  row?: number;
}

export interface Problem {
  /** Stable identifier, e.g. "phone.fixedLine", "option.choice", "glyph.missing". */
  code: MessageCode;
  /** The details field it is about (camelCase, as in DetailsInput). */
  field?: string;
  /** The library option it is about (a key of GenerateOptions or BatchOptions). */
  option?: string;
  at?: ProblemPlace;
  params?: ProblemParams;
}
