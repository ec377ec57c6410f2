/**
 * Every place where the web server turns a problem into words, in one module, so it can be
 * rewired to the message catalogues (src/messages/) in one go. The form shows a message under
 * its field, so it never names a command-line flag: where the library's wording does (today's
 * catalogue says "--proxy-name", "--bic"), the web's own wording replaces it.
 *
 * The server's own problems (busy, too large, unknown file kind, ...) have stable codes and
 * their four-language wording in WEB_MESSAGES, to be folded into the catalogues.
 */
import { formatError, type FieldError, type FieldName } from "../details/index.js";
import { FIELD_NAMES } from "../details/fields.js";
import { FIELD_TEXTS, type Translations, type WebLang } from "./texts.js";

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
  "web.batchUnavailable": {
    "zh-Hans": "这台电脑上的网页无法读取批量文件，请使用命令行",
    "zh-Hant": "這台電腦上的網頁無法讀取批次檔案，請使用命令列",
    en: "the page cannot read batch files on this computer; use the command line",
    fr: "la page ne peut pas lire de fichier de lot sur cet ordinateur ; utilisez la ligne de commande",
  },
  "web.batchGone": {
    "zh-Hans": "这个 ZIP 已经不存在了（只保留几分钟），请重新生成",
    "zh-Hant": "這個 ZIP 已經不存在了（只保留幾分鐘），請重新產生",
    en: "this ZIP is gone (it is kept a few minutes only); make it again",
    fr: "ce ZIP n'existe plus (il n'est gardé que quelques minutes) ; refaites-le",
  },
  "web.detailsFile": {
    "zh-Hans": "这个资料文件有问题：{problem}",
    "zh-Hant": "這個資料檔有問題：{problem}",
    en: "this details file has a problem: {problem}",
    fr: "ce fichier d'informations a un problème : {problem}",
  },
  // Today's catalogue words these two with flags; the form names the choice and the field instead.
  "proxyName.required": {
    "zh-Hans": "委托他人代办时必须填写代办人的全名",
    "zh-Hant": "委託他人代辦時必須填寫代辦人的全名",
    en: "is required when someone goes for you: give your representative's full name",
    fr: "est obligatoire quand quelqu'un y va pour vous : indiquez le nom complet de votre mandataire",
  },
  "proxyName.neededForId": {
    "zh-Hans": "填写了代办人的证件号码时必须填写：该号码属于代办人",
    "zh-Hant": "填寫了代辦人的證件號碼時必須填寫：該號碼屬於代辦人",
    en: "is needed when the representative's ID number is given: the number belongs to them",
    fr: "est nécessaire quand le numéro de pièce d'identité du mandataire est indiqué : ce numéro est le sien",
  },
  "glyph.missing": {
    "zh-Hans": "字符 {char}（{codePoint}）无法打印：字体中没有它；请换一种写法（例如用拉丁字母）",
    "zh-Hant": "字元 {char}（{codePoint}）無法列印：字型中沒有它；請換一種寫法（例如用拉丁字母）",
    en: "the character {char} ({codePoint}) cannot be printed: no font has it; write it another way (for example in Latin letters)",
    fr: "le caractère {char} ({codePoint}) ne peut pas être imprimé : aucune police ne l'a ; écrivez-le autrement (par exemple en lettres latines)",
  },
} satisfies Record<string, Translations>;

export type WebMessageCode = keyof typeof WEB_MESSAGES;

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/**
 * Text from outside (a file's column name, a character) made safe to show: control, escape and
 * direction characters become visible codes such as \u{1B}, so they cannot reorder or hide
 * what the page shows. (The page puts text in with textContent: no markup is ever read.)
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

export function webMessage(code: WebMessageCode, lang: WebLang, params: Readonly<Record<string, string | number>> = {}): string {
  return visible(fill(WEB_MESSAGES[code][lang], params));
}

export function fieldLabel(field: FieldName, lang: WebLang): string {
  return FIELD_TEXTS[field].label[lang];
}

/** "--bic" -> "BIC": a flag named in a parameter becomes the field's label. */
function flagsToLabels(text: string, lang: WebLang): string {
  return text.replace(/--([a-z]+(?:-[a-z]+)*)/g, (whole, kebab: string) => {
    const field = FIELD_NAMES.find((f) => f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) === kebab);
    return field ? fieldLabel(field, lang) : whole;
  });
}

/**
 * The catalogue's sentence for a field error, without the field's label and its flag hint:
 * formatError adds both only for a known field name, so an empty name gives ": <message>".
 * (Rewire: formatProblem(problem, lang, labels) once the catalogues exist.)
 */
function catalogueMessage(error: FieldError, lang: WebLang): string {
  const params = error.params ? Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === "string" ? flagsToLabels(v, lang) : v])) : undefined;
  return formatError({ field: "", code: error.code, message: "", ...(params ? { params } : {}) }, lang).replace(/^: /, "");
}

function isField(field: string): field is FieldName {
  return (FIELD_NAMES as readonly string[]).includes(field);
}

/** A validation error as the page shows it under its field (without the field's name). */
export function wordFieldError(error: FieldError, lang: WebLang): ShownProblem {
  const own = (WEB_MESSAGES as Record<string, Translations>)[error.code];
  const message = own ? fill(own[lang], error.params ?? {}) : catalogueMessage(error, lang);
  return { code: error.code, ...(isField(error.field) ? { field: error.field } : {}), message: visible(message) };
}

/** "Mobile number to cancel: 61 23 45 is a fixed line …": a problem with its field's name, for lists. */
export function withLabel(problem: ShownProblem, lang: WebLang): string {
  return problem.field ? `${fieldLabel(problem.field, lang)}${lang.startsWith("zh") ? "：" : ": "}${problem.message}` : problem.message;
}

const GLYPH = /^(\w+): the character "(.+)" \((U\+[0-9A-F]+)\) is in none of the fonts/su;

/**
 * The problems generate() reports as sentences (today an InputError's strings). The one a user
 * can cause once the details are valid is a character no font has: it goes under its field. Any
 * other is shown as a general failure rather than a sentence that may name a flag.
 */
export function wordRenderProblems(problems: readonly string[], lang: WebLang): ShownProblem[] {
  return problems.map((text) => {
    const glyph = GLYPH.exec(text);
    if (glyph && isField(glyph[1]!)) {
      const params = { char: glyph[2]!, codePoint: glyph[3]! };
      return { code: "glyph.missing", field: glyph[1]!, message: webMessage("glyph.missing", lang, params) };
    }
    const field = /^(\w+):/.exec(text)?.[1];
    return { code: "web.failed", ...(field && isField(field) ? { field } : {}), message: webMessage("web.failed", lang) };
  });
}

/**
 * A batch file's own problems (the batch reader's sentences: a column that is not a field, a
 * JSON slip), with the private path the server read it from replaced by the file's name.
 */
export function wordBatchText(text: string, privatePath: string, shownName: string): string {
  return visible(text.split(privatePath).join(shownName));
}
