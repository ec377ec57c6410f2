/**
 * Every place where the web server turns a problem into words, in one module. The sentences come
 * from the message catalogues (src/messages/), with the page's own names for things (WEB_LABELS:
 * a field is its label on the form, a choice is the option as the form shows it), so no message
 * on the page names a command-line flag. A message under its field leaves out the field's hint:
 * the page shows the hint there already.
 *
 * The server's own problems (busy, too large, unknown file kind, ...) have stable codes and their
 * four-language wording in WEB_MESSAGES, to be folded into the catalogues; so does the page's
 * wording of the two library problems that the command line words with an option the page does
 * not have (a font to add).
 */
import { isFieldName, type FieldName } from "../details/index.js";
import { COLUMN_LABELS } from "../batch/labels.js";
import { wordProblem, type Labels } from "../messages/format.js";
import type { Problem } from "../problems.js";
import { show } from "../show.js";
import { FIELD_TEXTS, UI, type Translations, type WebLang } from "./texts.js";

/** A problem as the page shows it: next to `field` when it has one, above the form otherwise. */
export interface ShownProblem {
  code: string;
  field?: FieldName;
  message: string;
}

export const WEB_MESSAGES = {
  "web.busy": {
    "zh-Hans": "现在排队的人太多，请稍等片刻再试",
    "zh-Hant": "現在排隊的人太多，請稍候片刻再試",
    en: "too many people are waiting right now; please try again in a moment",
    fr: "trop de personnes attendent en ce moment ; réessayez dans un instant",
  },
  "web.timeout": {
    "zh-Hans": "等待时间太长，请再试一次",
    "zh-Hant": "等待時間太長，請再試一次",
    en: "this took too long; please try again",
    fr: "cela a pris trop de temps ; réessayez",
  },
  "web.tooLarge": {
    "zh-Hans": "内容太大（最多 {max}）",
    "zh-Hant": "內容太大（最多 {max}）",
    en: "too large (at most {max})",
    fr: "trop volumineux ({max} au maximum)",
  },
  "web.badRequest": {
    "zh-Hans": "无法读取这个请求，请重新载入页面",
    "zh-Hant": "無法讀取這個請求，請重新載入頁面",
    en: "this request could not be read; please reload the page",
    fr: "cette requête n'a pas pu être lue ; rechargez la page",
  },
  "web.failed": {
    "zh-Hans": "无法生成文件，请再试一次",
    "zh-Hant": "無法產生文件，請再試一次",
    en: "the documents could not be made; please try again",
    fr: "les documents n'ont pas pu être faits ; réessayez",
  },
  "web.batchKind": {
    "zh-Hans": "无法识别这种文件：请选择 .csv、.json（对象数组）或 .jsonl 文件",
    "zh-Hant": "無法識別這種檔案：請選擇 .csv、.json（物件陣列）或 .jsonl 檔",
    en: "unknown kind of file: choose a .csv, a .json (an array of objects) or a .jsonl file",
    fr: "type de fichier inconnu : choisissez un fichier .csv, .json (un tableau d'objets) ou .jsonl",
  },
  "web.batchRows": {
    "zh-Hans": "这个文件有 {rows} 行；网页一次最多处理 {max} 行，更多的请使用命令行",
    "zh-Hant": "這個檔案有 {rows} 列；網頁一次最多處理 {max} 列，更多的請使用命令列",
    en: "this file has {rows} rows; the page takes at most {max} at a time (use the command line for more)",
    fr: "ce fichier a {rows} lignes ; la page en traite {max} au plus à la fois (utilisez la ligne de commande au-delà)",
  },
  "web.batchGone": {
    "zh-Hans": "这个 ZIP 已经不存在了（只保留几分钟），请重新生成",
    "zh-Hant": "這個 ZIP 已經不存在了（只保留幾分鐘），請重新產生",
    en: "this ZIP is gone (it is kept a few minutes only); make it again",
    fr: "ce ZIP n'existe plus (il n'est gardé que quelques minutes) ; refaites-le",
  },
  // The catalogue's wording asks for a font option; the page has none: it asks for other writing.
  "glyph.missing": {
    "zh-Hans": "字符 {char}（{codePoint}）无法打印：字体中没有它；请换一种写法（例如用拉丁字母）",
    "zh-Hant": "字元 {char}（{codePoint}）無法列印：字型中沒有它；請換一種寫法（例如用拉丁字母）",
    en: "the character {char} ({codePoint}) cannot be printed: no font has it; write it another way (for example in Latin letters)",
    fr: "le caractère {char} ({codePoint}) ne peut pas être imprimé : aucune police ne l'a ; écrivez-le autrement (par exemple en lettres latines)",
  },
} satisfies Record<string, Translations>;

export type WebMessageCode = keyof typeof WEB_MESSAGES;

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? (typeof values[name] === "string" ? show(values[name]) : String(values[name])) : whole,
  );
}

/**
 * Text from outside made safe to show: control, escape, direction and other invisible characters
 * become visible codes such as \u{1B} (the library's show()). The page puts text in with
 * textContent: no markup is ever read.
 */
export const visible = show;

export function webMessage(
  code: WebMessageCode,
  lang: WebLang,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill(WEB_MESSAGES[code][lang], params);
}

export function fieldLabel(field: FieldName, lang: WebLang): string {
  return FIELD_TEXTS[field].label[lang];
}

/** A choice as the form shows it, in the language's quotation marks. */
function quoted(text: string, lang: WebLang): string {
  return lang === "zh-Hans"
    ? `“${text}”`
    : lang === "zh-Hant"
      ? `「${text}」`
      : lang === "fr"
        ? `« ${text} »`
        : `"${text}"`;
}

/** How the page names things in the catalogue's sentences. */
export function webLabels(lang: WebLang): Labels {
  const field = (name: string) => (isFieldName(name) ? fieldLabel(name, lang) : name);
  return {
    field,
    // The page sets no library option itself: one named in a message is shown by its name.
    option: (name) => name,
    setting: (name, value) => {
      const choice = (UI as Record<string, Translations | undefined>)[`${name}.${value}`];
      return choice ? quoted(choice[lang], lang) : `${field(name)} ${quoted(value, lang)}`;
    },
    example: (_name, value) => quoted(value.replace(/\n/g, " / "), lang),
  };
}

/** One problem, worded for the page: under its field (without its name and hint), or with its place. */
export function wordForPage(problem: Problem, lang: WebLang, labels: Labels = webLabels(lang)): ShownProblem {
  const own = (WEB_MESSAGES as Record<string, Translations | undefined>)[problem.code];
  // An internal failure's detail is for developers (and may quote a library's text): not shown.
  let message =
    problem.code === "internal"
      ? webMessage("web.failed", lang)
      : own
        ? fill(own[lang], problem.params ?? {})
        : wordProblem(problem, lang, labels).message;
  // The catalogues leave spaces around a label (made for flags); Chinese quotation marks need none.
  if (lang.startsWith("zh")) message = message.replace(/ ?([「“][^」”]*[」”]) ?/g, "$1");
  if (problem.field !== undefined && isFieldName(problem.field))
    return { code: problem.code, field: problem.field, message };
  const place = wordProblem({ ...problem, params: {} }, lang, labels).place;
  return {
    code: problem.code,
    message: place === undefined ? message : `${place}${lang.startsWith("zh") ? "：" : ": "}${message}`,
  };
}

export function wordAll(problems: readonly Problem[], lang: WebLang): ShownProblem[] {
  const labels = webLabels(lang);
  return problems.map((problem) => wordForPage(problem, lang, labels));
}

/** "Mobile number to cancel: 61 23 45 is a fixed line …": a problem with its field's name, for lists. */
export function withLabel(
  problem: ShownProblem,
  lang: WebLang,
  label: (field: FieldName) => string = (f) => fieldLabel(f, lang),
): string {
  return problem.field
    ? `${label(problem.field)}${lang.startsWith("zh") ? "：" : ": "}${problem.message}`
    : problem.message;
}

/**
 * A batch row's problems as the helpers' tab lists them: a field by its column in the file (what
 * the helper fixes is the file, as `sim-cancel batch` says it), in the page's language.
 */
export function wordRowProblems(problems: readonly Problem[], lang: WebLang): string[] {
  const labels: Labels = { ...webLabels(lang), field: COLUMN_LABELS.field, setting: COLUMN_LABELS.setting };
  return problems.map((problem) => {
    // The row is the table's own column: a message says where in the file only below the row.
    const unplaced = problem.at ? { ...problem, at: { ...problem.at, row: undefined } } : problem;
    return withLabel(wordForPage(unplaced, lang, labels), lang, (field) => field);
  });
}
