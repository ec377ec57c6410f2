/**
 * The message catalogues, one per language, and how a language tag picks one.
 */
import { en } from "./en.js";
import { fr } from "./fr.js";
import { zhHans } from "./zh-Hans.js";
import { zhHant } from "./zh-Hant.js";

export type { MessageCode } from "./en.js";

/** The shape every catalogue has: exactly the English one's keys, any wording. */
export interface Catalogue {
  messages: Record<keyof typeof en.messages, string>;
  hints: Record<keyof typeof en.hints, string>;
  words: Record<keyof typeof en.words, string>;
}

export const MESSAGE_LANGS = ["en", "fr", "zh-Hans", "zh-Hant"] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];

export const CATALOGUES: Readonly<Record<MessageLang, Catalogue>> = { en, fr, "zh-Hans": zhHans, "zh-Hant": zhHant };

/** "zh-CN" -> "zh-Hans", "zh-TW" -> "zh-Hant", "fr-FR" -> "fr"; anything else -> English. */
export function resolveMessageLang(lang: string): MessageLang {
  const tag = lang.toLowerCase();
  if (/^zh(-|$)/.test(tag)) return /^zh-(hant|tw|hk|mo)(-|$)/.test(tag) ? "zh-Hant" : "zh-Hans";
  if (/^fr(-|$)/.test(tag)) return "fr";
  return "en";
}
