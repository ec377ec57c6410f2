/**
 * Asks, in a terminal, for the required details that are missing, in the user's language and with
 * the expected format; each answer is checked by the same schema as every other source.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { DetailsInput } from "../details/types.js";
import { validateDetails } from "../details/index.js";
import { resolveMessageLang } from "../messages/catalogue.js";
import { formatProblem } from "../messages/format.js";
import { CLI_LABELS } from "./labels.js";
import { CLI_TEXTS_DIR } from "../paths.js";

/** Shows a question and returns the answer once `validate` accepts it (true) instead of a message. */
export type Ask = (message: string, validate: (value: string) => true | string) => Promise<string>;

interface PromptTexts {
  intro: Record<string, string>;
  fields: Record<string, Record<string, string>>;
}

/** The fields a person may be asked for: those without which nothing can be written. */
const ASKABLE = new Set(["name", "phone", "proxyName"]);

function loadTexts(): PromptTexts {
  return parse(readFileSync(join(CLI_TEXTS_DIR, "prompts.yaml"), "utf8")) as PromptTexts;
}

function missingFields(input: DetailsInput, today: string): string[] {
  const result = validateDetails(input, { today });
  if (result.ok) return [];
  const missing = result.problems.filter(
    (p) => p.field !== undefined && ASKABLE.has(p.field) && (p.code === "required" || p.code === "proxyName.required"),
  );
  return [...new Set(missing.map((p) => p.field!))];
}

/** The details with every missing required field asked for; `say` prints the introduction. */
export async function askForMissing(
  input: DetailsInput,
  lang: string,
  today: string,
  ask: Ask,
  say: (line: string) => void,
): Promise<DetailsInput> {
  const fields = missingFields(input, today);
  if (fields.length === 0) return input;
  const texts = loadTexts();
  const messageLang = resolveMessageLang(lang);
  say(texts.intro[messageLang] ?? texts.intro["en"]!);
  let answered: DetailsInput = { ...input };
  for (const field of fields) {
    const validate = (value: string): true | string => {
      const result = validateDetails({ ...answered, [field]: value }, { today });
      const problem = result.ok ? undefined : result.problems.find((p) => p.field === field);
      return problem ? formatProblem(problem, lang, CLI_LABELS) : true;
    };
    const message = texts.fields[field]?.[messageLang] ?? field;
    answered = { ...answered, [field]: await ask(message, validate) };
  }
  return answered;
}

/** The real terminal question, with a maintained prompts library loaded only when needed. */
export const askInTerminal: Ask = async (message, validate) => {
  const { default: input } = await import("@inquirer/input");
  return input({ message, validate });
};
