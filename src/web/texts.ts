/**
 * The page's own words in the four languages: labels, hints and examples of each field (the
 * hints of the command line's prompts and details file, without its flags), group titles,
 * buttons and notices. Problems are worded in words.ts; facts about the carrier come from the
 * pack, never from here.
 */
import type { FieldName } from "../details/index.js";

export const WEB_LANGS = ["zh-Hans", "zh-Hant", "en", "fr"] as const;
export type WebLang = (typeof WEB_LANGS)[number];
export type Translations = Record<WebLang, string>;

export function isWebLang(value: unknown): value is WebLang {
  return typeof value === "string" && (WEB_LANGS as readonly string[]).includes(value);
}

/** Each language's name written in itself, for the switch. */
export const LANG_NAMES: Translations = { "zh-Hans": "简体中文", "zh-Hant": "繁體中文", en: "English", fr: "Français" };

export interface FieldText {
  label: Translations;
  hint: Translations;
  /** A value the schema accepts, shown as "e.g. …" (tests check that each one is valid). */
  example?: string;
}

/** Every details field, with what the command line's hints say about it. */
export const FIELD_TEXTS: Record<FieldName, FieldText> = {
  name: {
    label: { "zh-Hans": "姓名", "zh-Hant": "姓名", en: "Full name", fr: "Nom complet" },
    hint: {
      "zh-Hans": "合同上的全名，写在一行内（姓用大写字母）",
      "zh-Hant": "合約上的全名，寫在一行內（姓用大寫字母）",
      en: "Your full name as on your contract, on one line (surname in capitals)",
      fr: "Votre nom complet tel qu'il figure sur le contrat, sur une ligne (nom de famille en capitales)",
    },
    example: "Xiaoming WANG",
  },
  phone: {
    label: {
      "zh-Hans": "要注销的手机号码",
      "zh-Hant": "要註銷的手機號碼",
      en: "Mobile number to cancel",
      fr: "Numéro de mobile à résilier",
    },
    hint: {
      "zh-Hans": "6 位数字，可带或不带 +687",
      "zh-Hant": "6 位數字，可加或不加 +687",
      en: "6 digits, with or without +687",
      fr: "6 chiffres, avec ou sans +687",
    },
    example: "76 12 34",
  },
  customerNumber: {
    label: { "zh-Hans": "客户编号", "zh-Hant": "客戶編號", en: "Customer number", fr: "Numéro client" },
    hint: {
      "zh-Hans": "在账单或 Helia 应用上；不填则在纸上留出手写位置",
      "zh-Hant": "在帳單或 Helia 應用程式上；不填則在紙上留出手寫位置",
      en: "On a bill or in the Helia app; if empty, a line is left to write it by hand",
      fr: "Sur une facture ou dans l'application Helia ; vide, une ligne est laissée pour l'écrire à la main",
    },
    example: "C-0042137",
  },
  address: {
    label: { "zh-Hans": "邮寄地址", "zh-Hant": "郵寄地址", en: "Postal address", fr: "Adresse postale" },
    hint: {
      "zh-Hans": "最多 6 行，每行最多 80 个字符",
      "zh-Hant": "最多 6 行，每行最多 80 個字元",
      en: "At most 6 lines of at most 80 characters",
      fr: "6 lignes de 80 caractères au maximum",
    },
    example: "12 rue des Fictifs\n98800 NOUMÉA",
  },
  email: {
    label: { "zh-Hans": "电子邮件", "zh-Hant": "電子郵件", en: "E-mail", fr: "E-mail" },
    hint: { "zh-Hans": "电子邮件地址", "zh-Hant": "電子郵件地址", en: "An e-mail address", fr: "Une adresse e-mail" },
    example: "xiaoming.wang@example.com",
  },
  plan: {
    label: { "zh-Hans": "方案类型", "zh-Hant": "方案類型", en: "Plan", fr: "Offre" },
    hint: {
      "zh-Hans": "不确定可以不选：文件会同时涵盖两种方案",
      "zh-Hant": "不確定可以不選：文件會同時涵蓋兩種方案",
      en: 'Leave it on "not sure" if you do not know: the documents then cover both',
      fr: "Laissez « je ne sais pas » en cas de doute : les documents couvrent alors les deux",
    },
  },
  channel: {
    label: { "zh-Hans": "办理方式", "zh-Hant": "辦理方式", en: "How you cancel", fr: "Comment vous résiliez" },
    hint: {
      "zh-Hans": "亲自去营业处、邮寄信件，或委托他人代办",
      "zh-Hant": "親自到營業處、郵寄信件，或委託他人代辦",
      en: "At an agency yourself, by post, or through someone acting for you",
      fr: "En agence vous-même, par courrier, ou par une personne qui agit pour vous",
    },
  },
  reason: {
    label: { "zh-Hans": "注销原因", "zh-Hant": "註銷原因", en: "Reason", fr: "Motif" },
    hint: {
      "zh-Hans": "可以不填：不需要说明理由；最多 300 个字符",
      "zh-Hant": "可以不填：不需要說明理由；最多 300 個字元",
      en: "Optional: none is required; at most 300 characters",
      fr: "Facultatif : aucun motif n'est exigé ; 300 caractères au maximum",
    },
    example: "Départ de Nouvelle-Calédonie",
  },
  effectiveDate: {
    label: {
      "zh-Hans": "希望终止的日期",
      "zh-Hant": "希望終止的日期",
      en: "End date wanted",
      fr: "Date de fin souhaitée",
    },
    hint: {
      "zh-Hans": "不早于信件日期；不填表示尽快",
      "zh-Hant": "不早於信件日期；不填表示盡快",
      en: "Not before the letter's date; empty means as soon as possible",
      fr: "Pas avant la date de la lettre ; vide signifie dès que possible",
    },
    example: "2026-12-31",
  },
  date: {
    label: { "zh-Hans": "信件日期", "zh-Hant": "信件日期", en: "Letter's date", fr: "Date de la lettre" },
    hint: {
      "zh-Hans": "不填则为努美阿的今天",
      "zh-Hant": "不填則為努美阿的今天",
      en: "Empty means today in Nouméa",
      fr: "Vide signifie la date du jour à Nouméa",
    },
    example: "2026-11-24",
  },
  proxyName: {
    label: {
      "zh-Hans": "代办人的全名",
      "zh-Hant": "代辦人的全名",
      en: "Representative's full name",
      fr: "Nom complet du mandataire",
    },
    hint: {
      "zh-Hans": "代您办理的人，写在一行内",
      "zh-Hant": "代您辦理的人，寫在一行內",
      en: "The person who goes for you, on one line",
      fr: "La personne qui se présente pour vous, sur une ligne",
    },
    example: "Li CHEN",
  },
  proxyId: {
    label: {
      "zh-Hans": "代办人的证件号码",
      "zh-Hant": "代辦人的證件號碼",
      en: "Representative's ID number",
      fr: "N° de pièce d'identité du mandataire",
    },
    hint: {
      "zh-Hans": "代办人身份证件的号码，最多 40 个字符",
      "zh-Hant": "代辦人身分證件的號碼，最多 40 個字元",
      en: "The number of your representative's ID document, at most 40 characters",
      fr: "Le numéro de la pièce d'identité de votre mandataire, 40 caractères au maximum",
    },
    example: "12AB34567",
  },
  iban: {
    label: { "zh-Hans": "IBAN", "zh-Hant": "IBAN", en: "IBAN", fr: "IBAN" },
    hint: {
      "zh-Hans": "用于退款的账户（见银行账户信息 RIB）",
      "zh-Hant": "用於退款的帳戶（見銀行帳戶資料 RIB）",
      en: "The account for a refund (see your bank details, RIB)",
      fr: "Le compte pour un remboursement (voir votre RIB)",
    },
    example: "FR14 2004 1010 0505 0001 3M02 606",
  },
  bic: {
    label: { "zh-Hans": "BIC", "zh-Hant": "BIC", en: "BIC", fr: "BIC" },
    hint: {
      "zh-Hans": "该银行的 BIC（SWIFT 代码），8 或 11 个字母和数字",
      "zh-Hant": "該銀行的 BIC（SWIFT 代碼），8 或 11 個字母和數字",
      en: "The bank's BIC (SWIFT code), 8 or 11 letters and digits",
      fr: "Le BIC (code SWIFT) de la banque, 8 ou 11 lettres et chiffres",
    },
    example: "BNPAFRPP",
  },
  accountHolder: {
    label: { "zh-Hans": "账户持有人", "zh-Hant": "帳戶持有人", en: "Account holder", fr: "Titulaire du compte" },
    hint: {
      "zh-Hans": "账户持有人的姓名，写在一行内",
      "zh-Hant": "帳戶持有人的姓名，寫在一行內",
      en: "The account holder's name, on one line",
      fr: "Le nom du titulaire du compte, sur une ligne",
    },
    example: "Xiaoming WANG",
  },
  forwardingAddress: {
    label: {
      "zh-Hans": "最后账单寄送地址",
      "zh-Hant": "最後帳單寄送地址",
      en: "Where to send the final invoice",
      fr: "Adresse pour la dernière facture",
    },
    hint: {
      "zh-Hans": "离开后寄送最后一张账单的邮寄地址（最多 6 行）或电子邮件地址",
      "zh-Hant": "離開後寄送最後一張帳單的郵寄地址（最多 6 行）或電子郵件地址",
      en: "After you leave: a postal address (at most 6 lines) or an e-mail address",
      fr: "Après votre départ : une adresse postale (6 lignes au maximum) ou une adresse e-mail",
    },
    example: "wang@example.com",
  },
  place: {
    label: { "zh-Hans": "签名地点", "zh-Hant": "簽名地點", en: "Place of signing", fr: "Lieu de signature" },
    hint: {
      "zh-Hans": "信上写的签名城市（「Paris, le …」）；不填则为 Nouméa",
      "zh-Hant": "信上寫的簽名城市（「Paris, le …」）；不填則為 Nouméa",
      en: 'The town where you sign the letters ("Paris, le …"); empty means Nouméa',
      fr: "La ville où vous signez les lettres (« Paris, le … ») ; vide : Nouméa",
    },
    example: "Paris",
  },
  birthDate: {
    label: {
      "zh-Hans": "您的出生日期",
      "zh-Hant": "您的出生日期",
      en: "Your date of birth",
      fr: "Votre date de naissance",
    },
    hint: {
      "zh-Hans": "用于委托书，写明您的身份",
      "zh-Hant": "用於委託書，寫明您的身分",
      en: "For the proxy letter, which states who you are",
      fr: "Pour la procuration, qui indique qui vous êtes",
    },
    example: "1990-05-17",
  },
  idType: {
    label: {
      "zh-Hans": "您的身份证件",
      "zh-Hant": "您的身分證件",
      en: "Your identity document",
      fr: "Votre pièce d'identité",
    },
    hint: {
      "zh-Hans": "委托书上写明的证件种类",
      "zh-Hant": "委託書上寫明的證件種類",
      en: "The kind of document the proxy letter names",
      fr: "Le type de pièce que cite la procuration",
    },
  },
  idNumber: {
    label: {
      "zh-Hans": "您的证件号码",
      "zh-Hant": "您的證件號碼",
      en: "Your document's number",
      fr: "Numéro de votre pièce",
    },
    hint: {
      "zh-Hans": "最多 40 个字符",
      "zh-Hant": "最多 40 個字元",
      en: "At most 40 characters",
      fr: "40 caractères au maximum",
    },
    example: "09AB12345",
  },
  proxyIdType: {
    label: {
      "zh-Hans": "代办人的证件",
      "zh-Hant": "代辦人的證件",
      en: "Your representative's document",
      fr: "Pièce de votre mandataire",
    },
    hint: {
      "zh-Hans": "代办人到营业处时出示的证件种类",
      "zh-Hant": "代辦人到營業處時出示的證件種類",
      en: "The kind of document your representative shows at the agency",
      fr: "Le type de pièce que votre mandataire présentera en agence",
    },
  },
  offer: {
    label: { "zh-Hans": "套餐名称", "zh-Hant": "資費方案名稱", en: "Name of your offer", fr: "Nom de votre offre" },
    hint: {
      "zh-Hans": "账单或合同上的名称；不确定可以不填",
      "zh-Hant": "帳單或合約上的名稱；不確定可以不填",
      en: "As on a bill or the contract; leave it empty if unsure",
      fr: "Tel qu'il figure sur une facture ou le contrat ; vide en cas de doute",
    },
    example: "Forfait M",
  },
  leaving: {
    label: {
      "zh-Hans": "我要离开新喀里多尼亚",
      "zh-Hant": "我要離開新喀里多尼亞",
      en: "I am leaving New Caledonia",
      fr: "Je quitte la Nouvelle-Calédonie",
    },
    hint: {
      "zh-Hans": "清单会加上离开前要做的事",
      "zh-Hant": "清單會加上離開前要做的事",
      en: "The checklist then adds what to do before you go",
      fr: "La liste ajoute alors ce qu'il faut faire avant de partir",
    },
  },
};

/** The form's fields by situation; the proxy group shows only when the channel is "proxy". */
export const FIELD_GROUPS = [
  { id: "you", fields: ["name", "phone", "customerNumber", "address", "email"] },
  { id: "plan", fields: ["plan", "offer"] },
  { id: "channel", fields: ["channel"] },
  { id: "proxy", fields: ["proxyName", "proxyIdType", "proxyId", "birthDate", "idType", "idNumber"] },
  { id: "dates", fields: ["effectiveDate", "date", "place", "reason"] },
  { id: "leaving", fields: ["leaving", "forwardingAddress"] },
  { id: "refund", fields: ["iban", "bic", "accountHolder"] },
] as const satisfies readonly { id: string; fields: readonly FieldName[] }[];

export const MULTILINE_FIELDS: ReadonlySet<FieldName> = new Set(["address", "reason", "forwardingAddress"]);
export const DATE_FIELDS: ReadonlySet<FieldName> = new Set(["effectiveDate", "date", "birthDate"]);

/** Fields chosen from a closed list, shown as radio buttons; "" is "not sure" or "not given". */
export const CHOICES = {
  plan: ["", "prepaid", "postpaid"],
  channel: ["in-person", "post", "proxy"],
  idType: ["", "passport", "id-card", "residence-permit"],
  proxyIdType: ["", "passport", "id-card", "residence-permit"],
} as const;
export type ChoiceField = keyof typeof CHOICES;

export function isChoiceField(field: string): field is ChoiceField {
  return Object.hasOwn(CHOICES, field);
}

/** Yes-or-no fields, shown as a check box. */
export const CHECKBOX_FIELDS: ReadonlySet<FieldName> = new Set(["leaving"]);

/** The kinds of identity document, named alike for the holder's (idType) and the representative's (proxyIdType). */
const ID_DOCUMENTS = {
  "": { "zh-Hans": "不填", "zh-Hant": "不填", en: "Not given", fr: "Non précisé" },
  passport: { "zh-Hans": "护照", "zh-Hant": "護照", en: "Passport", fr: "Passeport" },
  "id-card": { "zh-Hans": "身份证", "zh-Hant": "身分證", en: "Identity card", fr: "Carte d'identité" },
  "residence-permit": { "zh-Hans": "居留证", "zh-Hant": "居留證", en: "Residence permit", fr: "Titre de séjour" },
} satisfies Record<(typeof CHOICES)["idType"][number], Translations>;

export const UI = {
  title: {
    "zh-Hans": "注销手机号码所需的文件",
    "zh-Hant": "註銷手機門號所需的文件",
    en: "Papers to cancel your mobile line",
    fr: "Les papiers pour résilier votre ligne mobile",
  },
  intro: {
    "zh-Hans": "填写下面的资料，即可得到两份 PDF：您语言的清单，以及给 OPT-NC（Helia，原 Mobilis）的法文申请信和译文。",
    "zh-Hant": "填寫下面的資料，即可得到兩份 PDF：您語言的清單，以及給 OPT-NC（Helia，原 Mobilis）的法文申請信和譯文。",
    en: "Fill in your details below to get two PDFs: a checklist in your language, and a request letter in French to OPT-NC (Helia, formerly Mobilis) with its translation.",
    fr: "Remplissez vos informations ci-dessous pour obtenir deux PDF : une liste des démarches dans votre langue, et une lettre de demande en français à l'OPT-NC (Helia, ex-Mobilis) avec sa traduction.",
  },
  privacy: {
    "zh-Hans": "您填写的内容不会被保存：文件在这台电脑上生成，只保留在这个网页里。",
    "zh-Hant": "您填寫的內容不會被儲存：文件在這台電腦上產生，只保留在這個網頁裡。",
    en: "Nothing you type is stored: the documents are made on this computer and kept only in this page.",
    fr: "Rien de ce que vous saisissez n'est enregistré : les documents sont faits sur cet ordinateur et gardés seulement dans cette page.",
  },
  language: { "zh-Hans": "语言", "zh-Hant": "語言", en: "Language", fr: "Langue" },
  tabForm: { "zh-Hans": "我的文件", "zh-Hant": "我的文件", en: "My documents", fr: "Mes documents" },
  tabBatch: {
    "zh-Hans": "协助者：批量文件",
    "zh-Hant": "協助者：批次檔案",
    en: "For helpers: a batch file",
    fr: "Pour les bénévoles : un fichier de lot",
  },
  "group.you": {
    "zh-Hans": "您和您的号码",
    "zh-Hant": "您和您的門號",
    en: "You and your line",
    fr: "Vous et votre ligne",
  },
  "group.plan": { "zh-Hans": "您的方案", "zh-Hant": "您的方案", en: "Your plan", fr: "Votre offre" },
  "group.channel": { "zh-Hans": "如何办理", "zh-Hant": "如何辦理", en: "How you cancel", fr: "Comment résilier" },
  "group.proxy": {
    "zh-Hans": "代办人和委托书",
    "zh-Hant": "代辦人和委託書",
    en: "Your representative and the proxy letter",
    fr: "Votre mandataire et la procuration",
  },
  "group.dates": {
    "zh-Hans": "日期、地点和原因",
    "zh-Hant": "日期、地點和原因",
    en: "Dates, place and reason",
    fr: "Dates, lieu et motif",
  },
  "group.leaving": {
    "zh-Hans": "离开新喀里多尼亚",
    "zh-Hant": "離開新喀里多尼亞",
    en: "Leaving New Caledonia",
    fr: "Départ de Nouvelle-Calédonie",
  },
  "group.refund": {
    "zh-Hans": "退款账户（可不填）",
    "zh-Hant": "退款帳戶（可不填）",
    en: "Account for a refund (optional)",
    fr: "Compte pour un remboursement (facultatif)",
  },
  "plan.": { "zh-Hans": "不确定", "zh-Hant": "不確定", en: "Not sure", fr: "Je ne sais pas" },
  "plan.prepaid": { "zh-Hans": "预付费卡", "zh-Hant": "預付卡", en: "Prepaid card", fr: "Carte prépayée" },
  "plan.postpaid": {
    "zh-Hans": "按月出账单的套餐",
    "zh-Hant": "每月出帳單的資費方案",
    en: "Plan with monthly bills",
    fr: "Forfait avec factures mensuelles",
  },
  "idType.": ID_DOCUMENTS[""],
  "idType.passport": ID_DOCUMENTS.passport,
  "idType.id-card": ID_DOCUMENTS["id-card"],
  "idType.residence-permit": ID_DOCUMENTS["residence-permit"],
  "proxyIdType.": ID_DOCUMENTS[""],
  "proxyIdType.passport": ID_DOCUMENTS.passport,
  "proxyIdType.id-card": ID_DOCUMENTS["id-card"],
  "proxyIdType.residence-permit": ID_DOCUMENTS["residence-permit"],
  "channel.in-person": {
    "zh-Hans": "亲自到营业处",
    "zh-Hant": "親自到營業處",
    en: "At an agency, in person",
    fr: "En agence, en personne",
  },
  "channel.post": { "zh-Hans": "邮寄信件", "zh-Hant": "郵寄信件", en: "By post", fr: "Par courrier" },
  "channel.proxy": {
    "zh-Hans": "委托他人代办",
    "zh-Hant": "委託他人代辦",
    en: "Someone goes for me (proxy)",
    fr: "Quelqu'un y va pour moi (procuration)",
  },
  example: { "zh-Hans": "例如：", "zh-Hant": "例如：", en: "e.g. ", fr: "par ex. " },
  required: { "zh-Hans": "（必填）", "zh-Hant": "（必填）", en: " (required)", fr: " (obligatoire)" },
  make: { "zh-Hans": "生成我的文件", "zh-Hant": "產生我的文件", en: "Make my documents", fr: "Faire mes documents" },
  making: {
    "zh-Hans": "正在生成……",
    "zh-Hant": "正在產生……",
    en: "Making your documents…",
    fr: "Fabrication de vos documents…",
  },
  fixFields: {
    "zh-Hans": "请修改下面标出的栏位。",
    "zh-Hant": "請修改下面標出的欄位。",
    en: "Please correct the fields marked below.",
    fr: "Veuillez corriger les champs signalés ci-dessous.",
  },
  busy: {
    "zh-Hans": "现在排队的人太多，请稍等片刻再试。",
    "zh-Hant": "現在排隊的人太多，請稍候片刻再試。",
    en: "Too many people are waiting right now; please try again in a moment.",
    fr: "Trop de personnes attendent en ce moment ; réessayez dans un instant.",
  },
  failed: {
    "zh-Hans": "无法生成文件，请再试一次。",
    "zh-Hant": "無法產生文件，請再試一次。",
    en: "The documents could not be made; please try again.",
    fr: "Les documents n'ont pas pu être faits ; réessayez.",
  },
  offline: {
    "zh-Hans": "无法连接到 sim-cancel：它还在运行吗？",
    "zh-Hant": "無法連線到 sim-cancel：它還在執行嗎？",
    en: "Cannot reach sim-cancel: is it still running?",
    fr: "Impossible de joindre sim-cancel : est-il toujours lancé ?",
  },
  documents: { "zh-Hans": "您的文件", "zh-Hant": "您的文件", en: "Your documents", fr: "Vos documents" },
  "doc.checklist": { "zh-Hans": "清单", "zh-Hant": "清單", en: "Checklist", fr: "Liste des démarches" },
  "doc.letter": {
    "zh-Hans": "申请信（法文）和译文",
    "zh-Hant": "申請信（法文）和譯文",
    en: "Request letter (French) and translation",
    fr: "Lettre de demande et traduction",
  },
  "doc.proxy": { "zh-Hans": "委托书", "zh-Hant": "委託書", en: "Proxy letter", fr: "Procuration" },
  pages: { "zh-Hans": "{n} 页", "zh-Hant": "{n} 頁", en: "{n} page(s)", fr: "{n} page(s)" },
  download: { "zh-Hans": "下载", "zh-Hant": "下載", en: "Download", fr: "Télécharger" },
  print: { "zh-Hans": "打印", "zh-Hant": "列印", en: "Print", fr: "Imprimer" },
  zip: {
    "zh-Hans": "全部下载（ZIP）",
    "zh-Hant": "全部下載（ZIP）",
    en: "Download all (ZIP)",
    fr: "Tout télécharger (ZIP)",
  },
  preview: { "zh-Hans": "预览：", "zh-Hant": "預覽：", en: "Preview: ", fr: "Aperçu : " },
  save: {
    "zh-Hans": "保存我的资料（YAML 文件）",
    "zh-Hant": "儲存我的資料（YAML 檔）",
    en: "Save my details (YAML file)",
    fr: "Enregistrer mes informations (fichier YAML)",
  },
  load: {
    "zh-Hans": "载入已保存的资料",
    "zh-Hant": "載入已儲存的資料",
    en: "Load saved details",
    fr: "Charger des informations enregistrées",
  },
  loaded: { "zh-Hans": "资料已载入。", "zh-Hant": "資料已載入。", en: "Details loaded.", fr: "Informations chargées." },
  batchIntro: {
    "zh-Hans":
      "选择一个 CSV、JSON 或 JSON Lines 文件（每行一个人，栏位名称与资料文件相同）。先检查每一行，再生成文件。",
    "zh-Hant": "選擇一個 CSV、JSON 或 JSON Lines 檔（每列一個人，欄位名稱與資料檔相同）。先檢查每一列，再產生文件。",
    en: "Choose a CSV, JSON or JSON Lines file (one person per row, with the field names of the details file). Every row is checked first, then the documents are made.",
    fr: "Choisissez un fichier CSV, JSON ou JSON Lines (une personne par ligne, avec les noms de champs du fichier d'informations). Chaque ligne est vérifiée d'abord, puis les documents sont faits.",
  },
  batchFile: { "zh-Hans": "批量文件", "zh-Hant": "批次檔案", en: "Batch file", fr: "Fichier de lot" },
  batchChecked: {
    "zh-Hans": "共 {rows} 行：{valid} 行可以生成，{invalid} 行有问题。",
    "zh-Hant": "共 {rows} 列：{valid} 列可以產生，{invalid} 列有問題。",
    en: "{rows} rows: {valid} can be made, {invalid} have problems.",
    fr: "{rows} lignes : {valid} peuvent être faites, {invalid} ont des problèmes.",
  },
  batchRun: {
    "zh-Hans": "为 {valid} 行生成文件",
    "zh-Hant": "為 {valid} 列產生文件",
    en: "Make the documents of {valid} rows",
    fr: "Faire les documents de {valid} lignes",
  },
  batchProgress: { "zh-Hans": "进度", "zh-Hant": "進度", en: "Progress", fr: "Progression" },
  batchDone: {
    "zh-Hans": "完成：{ok} 行已生成，{failed} 行失败。",
    "zh-Hant": "完成：{ok} 列已產生，{failed} 列失敗。",
    en: "Done: {ok} rows made, {failed} failed.",
    fr: "Terminé : {ok} lignes faites, {failed} en échec.",
  },
  batchZip: {
    "zh-Hans": "下载 ZIP（每行一个文件夹，以及摘要）",
    "zh-Hant": "下載 ZIP（每列一個資料夾，以及摘要）",
    en: "Download the ZIP (a folder per row, and the summary)",
    fr: "Télécharger le ZIP (un dossier par ligne, et le résumé)",
  },
  rowColumn: { "zh-Hans": "行", "zh-Hant": "列", en: "Row", fr: "Ligne" },
  nameColumn: { "zh-Hans": "姓名", "zh-Hant": "姓名", en: "Name", fr: "Nom" },
  problemsColumn: { "zh-Hans": "问题", "zh-Hant": "問題", en: "Problems", fr: "Problèmes" },
} satisfies Record<string, Translations>;

export type UiKey = keyof typeof UI;

/** "{n} pages" with its values. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
