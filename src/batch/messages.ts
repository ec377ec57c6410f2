/**
 * The batch's own messages (row labels, CSV shape problems), in the languages of the details
 * errors. Field errors themselves come from details/messages.ts via formatError.
 */
import { resolveMessageLang, type MessageLang } from "../details/index.js";

type Translations = Record<MessageLang, string>;

const MESSAGES = {
  row: { en: "row {row}", fr: "ligne de données {row}", "zh-Hans": "第 {row} 行数据", "zh-Hant": "第 {row} 列資料" },
  rowAtLine: {
    en: "row {row} (line {line})",
    fr: "ligne de données {row} (ligne {line} du fichier)",
    "zh-Hans": "第 {row} 行数据（文件第 {line} 行）",
    "zh-Hant": "第 {row} 列資料（檔案第 {line} 行）",
  },
  tooManyCells: {
    en: "has {count} cells but the header has {columns} columns; a value with a comma must be in double quotes",
    fr: "a {count} cellules alors que l'en-tête a {columns} colonnes ; une valeur contenant une virgule doit être entre guillemets droits",
    "zh-Hans": "有 {count} 个单元格，但表头只有 {columns} 列；含逗号的值必须用英文双引号括起来",
    "zh-Hant": "有 {count} 個儲存格，但表頭只有 {columns} 欄；含逗號的值必須用英文雙引號括起來",
  },
  notObject: {
    en: 'must be an object of fields and values, such as {"name": "Xiaoming WANG", "phone": "76 12 34"}',
    fr: 'doit être un objet de champs et de valeurs, comme {"name": "Xiaoming WANG", "phone": "76 12 34"}',
    "zh-Hans": '必须是由字段和值组成的对象，例如 {"name": "Xiaoming WANG", "phone": "76 12 34"}',
    "zh-Hant": '必須是由欄位和值組成的物件，例如 {"name": "Xiaoming WANG", "phone": "76 12 34"}',
  },
} satisfies Record<string, Translations>;

export type BatchMessage = keyof typeof MESSAGES;

export function batchMessage(code: BatchMessage, lang: string, params: Record<string, string | number> = {}): string {
  return MESSAGES[code][resolveMessageLang(lang)].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** "row 3 (line 5)" in the user's language. */
export function rowLabel(row: number, line: number | undefined, lang: string): string {
  return line === undefined ? batchMessage("row", lang, { row }) : batchMessage("rowAtLine", lang, { row, line });
}
