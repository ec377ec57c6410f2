/**
 * Every error the details can produce, in every language the documents come in. An error is a
 * code plus parameters, so tests and tools can match on the code while people read a sentence
 * that names the flag to fix and shows the expected format with an example.
 */
import { isFieldName, toFlag, type FieldName } from "./fields.js";

export const MESSAGE_LANGS = ["en", "fr", "zh-Hans", "zh-Hant"] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];
type Translations = Record<MessageLang, string>;
export type Params = Record<string, string | number>;

// "{name}" is a parameter; a brace followed by anything but a word and "}" is literal text.
const MESSAGES = {
  required: {
    en: "this is required",
    fr: "est obligatoire",
    "zh-Hans": "必须填写",
    "zh-Hant": "必須填寫",
  },
  notText: {
    en: "must be text (one value), not a list, a mapping or true/false",
    fr: "doit être un texte (une seule valeur), pas une liste, un dictionnaire ni true/false",
    "zh-Hans": "必须是一段文字（单个值），不能是列表、映射或 true/false",
    "zh-Hant": "必須是一段文字（單一值），不能是清單、對應表或 true/false",
  },
  tooLong: {
    en: "is too long: {length} characters, at most {max} allowed",
    fr: "est trop long : {length} caractères, {max} au maximum",
    "zh-Hans": "太长：{length} 个字符，最多 {max} 个",
    "zh-Hant": "太長：{length} 個字元，最多 {max} 個",
  },
  "text.lineBreak": {
    en: "must be on one line",
    fr: "doit tenir sur une seule ligne",
    "zh-Hans": "必须写在一行内",
    "zh-Hant": "必須寫在一行內",
  },
  "text.control": {
    en: "contains an invisible control character ({char}) at character {position}; retype the value without it",
    fr: "contient un caractère de contrôle invisible ({char}) au caractère {position} ; ressaisissez la valeur sans lui",
    "zh-Hans": "第 {position} 个字符是不可见的控制字符（{char}），请删掉它后重新输入",
    "zh-Hant": "第 {position} 個字元是看不見的控制字元（{char}），請刪除後重新輸入",
  },
  "text.bidi": {
    en: "contains an invisible text-direction character ({char}) at character {position}, which can make the text display in a misleading order; retype the value without it",
    fr: "contient un caractère invisible de sens d'écriture ({char}) au caractère {position}, qui peut faire afficher le texte dans un ordre trompeur ; ressaisissez la valeur sans lui",
    "zh-Hans": "第 {position} 个字符是不可见的文字方向控制符（{char}），会让文字以误导性的顺序显示，请删掉它后重新输入",
    "zh-Hant": "第 {position} 個字元是看不見的文字方向控制字元（{char}），會讓文字以誤導的順序顯示，請刪除後重新輸入",
  },
  "text.privateUse": {
    en: "contains a private-use character ({char}) at character {position}, which has no agreed meaning and cannot be printed; retype the value without it",
    fr: "contient un caractère à usage privé ({char}) au caractère {position}, sans signification convenue et impossible à imprimer ; ressaisissez la valeur sans lui",
    "zh-Hans": "第 {position} 个字符是私用区字符（{char}），没有公认的含义，无法打印，请删掉它后重新输入",
    "zh-Hant": "第 {position} 個字元是私人使用區字元（{char}），沒有公認的意義，無法列印，請刪除後重新輸入",
  },
  "text.surrogate": {
    en: "contains a broken character ({char}) at character {position}; retype the value",
    fr: "contient un caractère cassé ({char}) au caractère {position} ; ressaisissez la valeur",
    "zh-Hans": "第 {position} 个字符已损坏（{char}），请重新输入",
    "zh-Hant": "第 {position} 個字元已損壞（{char}），請重新輸入",
  },
  "text.nonCharacter": {
    en: "contains a character that is not for use in text ({char}) at character {position}; retype the value without it",
    fr: "contient un caractère interdit dans un texte ({char}) au caractère {position} ; ressaisissez la valeur sans lui",
    "zh-Hans": "第 {position} 个字符（{char}）不允许出现在文本中，请删掉它后重新输入",
    "zh-Hant": "第 {position} 個字元（{char}）不允許出現在文字中，請刪除後重新輸入",
  },
  "text.replacement": {
    en: "contains the replacement character {char} at character {position}, the sign of text that was not read as UTF-8; save the file as UTF-8 or retype the value",
    fr: "contient le caractère de remplacement {char} au caractère {position}, signe d'un texte qui n'a pas été lu en UTF-8 ; enregistrez le fichier en UTF-8 ou ressaisissez la valeur",
    "zh-Hans": "第 {position} 个字符是替换字符 {char}，说明文字没有按 UTF-8 读取；请把文件另存为 UTF-8，或重新输入",
    "zh-Hant": "第 {position} 個字元是替代字元 {char}，表示文字沒有以 UTF-8 讀取；請將檔案另存為 UTF-8，或重新輸入",
  },
  "lines.tooMany": {
    en: "has {count} lines, at most {max} allowed",
    fr: "compte {count} lignes, {max} au maximum",
    "zh-Hans": "有 {count} 行，最多 {max} 行",
    "zh-Hant": "有 {count} 行，最多 {max} 行",
  },
  "lines.tooLong": {
    en: "line {line} is too long: {length} characters, at most {max} allowed",
    fr: "la ligne {line} est trop longue : {length} caractères, {max} au maximum",
    "zh-Hans": "第 {line} 行太长：{length} 个字符，最多 {max} 个",
    "zh-Hant": "第 {line} 行太長：{length} 個字元，最多 {max} 個",
  },
  "phone.characters": {
    en: "may contain only digits, spaces, dots, dashes, and +687 in front",
    fr: "ne peut contenir que des chiffres, des espaces, des points, des tirets et +687 au début",
    "zh-Hans": "只能包含数字、空格、点、短横线，以及开头的 +687",
    "zh-Hant": "只能包含數字、空格、點、連字號，以及開頭的 +687",
  },
  "phone.country": {
    en: "is not a New Caledonian number (+687); give the New Caledonian mobile line you are cancelling",
    fr: "n'est pas un numéro de Nouvelle-Calédonie (+687) ; indiquez la ligne mobile calédonienne à résilier",
    "zh-Hans": "不是新喀里多尼亚的号码（+687）；请填写要注销的新喀里多尼亚手机号码",
    "zh-Hant": "不是新喀里多尼亞的號碼（+687）；請填寫要註銷的新喀里多尼亞手機號碼",
  },
  "phone.length": {
    en: "has {count} digits; a New Caledonian number has 6 (after +687, without a leading 0)",
    fr: "compte {count} chiffres ; un numéro calédonien en a 6 (après +687, sans 0 initial)",
    "zh-Hans": "有 {count} 位数字；新喀里多尼亚的号码是 6 位（+687 之后，开头不加 0）",
    "zh-Hant": "有 {count} 位數字；新喀里多尼亞的號碼是 6 位（+687 之後，開頭不加 0）",
  },
  "phone.fixedLine": {
    en: "{number} is a fixed line (numbers starting with 2, 3 or 4); a mobile number is needed",
    fr: "{number} est une ligne fixe (numéros commençant par 2, 3 ou 4) ; il faut un numéro de mobile",
    "zh-Hans": "{number} 是固定电话号码（以 2、3 或 4 开头）；需要填写手机号码",
    "zh-Hant": "{number} 是市內電話號碼（以 2、3 或 4 開頭）；需要填寫手機號碼",
  },
  "phone.payphone": {
    en: "{number} is a payphone number (88); a mobile number is needed",
    fr: "{number} est un numéro de cabine publique (88) ; il faut un numéro de mobile",
    "zh-Hans": "{number} 是公用电话号码（88 开头）；需要填写手机号码",
    "zh-Hant": "{number} 是公用電話號碼（88 開頭）；需要填寫手機號碼",
  },
  "phone.notMobile": {
    en: "{number} is not a mobile number (mobiles start with 5, 7, 8 or 9); a mobile number is needed",
    fr: "{number} n'est pas un numéro de mobile (les mobiles commencent par 5, 7, 8 ou 9) ; il faut un numéro de mobile",
    "zh-Hans": "{number} 不是手机号码（手机号码以 5、7、8 或 9 开头）；需要填写手机号码",
    "zh-Hant": "{number} 不是手機號碼（手機號碼以 5、7、8 或 9 開頭）；需要填寫手機號碼",
  },
  "customerNumber.format": {
    en: "may contain only letters, digits, spaces and the characters . - /",
    fr: "ne peut contenir que des lettres, des chiffres, des espaces et les caractères . - /",
    "zh-Hans": "只能包含字母、数字、空格以及 . - / 这几个符号",
    "zh-Hant": "只能包含字母、數字、空格以及 . - / 這幾個符號",
  },
  "email.format": {
    en: "is not a valid e-mail address",
    fr: "n'est pas une adresse e-mail valide",
    "zh-Hans": "不是有效的电子邮件地址",
    "zh-Hant": "不是有效的電子郵件地址",
  },
  choice: {
    en: "is not an accepted value; accepted values: {accepted}",
    fr: "n'est pas une valeur acceptée ; valeurs acceptées : {accepted}",
    "zh-Hans": "不是可接受的值；可接受的值：{accepted}",
    "zh-Hant": "不是可接受的值；可接受的值：{accepted}",
  },
  "date.format": {
    en: "must be a date written YYYY-MM-DD",
    fr: "doit être une date écrite AAAA-MM-JJ",
    "zh-Hans": "必须是 YYYY-MM-DD 格式的日期",
    "zh-Hant": "必須是 YYYY-MM-DD 格式的日期",
  },
  "date.invalid": {
    en: "is not a real calendar date (check the day and the month; February has 28 days, 29 in leap years)",
    fr: "n'est pas une date qui existe (vérifiez le jour et le mois ; février a 28 jours, 29 les années bissextiles)",
    "zh-Hans": "不是真实存在的日期（请检查日和月；2 月有 28 天，闰年 29 天）",
    "zh-Hant": "不是實際存在的日期（請檢查日和月；2 月有 28 天，閏年 29 天）",
  },
  "effectiveDate.beforeDate": {
    en: "is before the letter's date ({date}); the line cannot end before the request is made",
    fr: "est antérieure à la date de la lettre ({date}) ; la ligne ne peut pas être résiliée avant la demande",
    "zh-Hans": "早于信件日期（{date}）；线路不能在提出申请之前终止",
    "zh-Hant": "早於信件日期（{date}）；門號不能在提出申請之前終止",
  },
  "proxyName.required": {
    en: "is required with --channel proxy: give your representative's full name with --proxy-name",
    fr: "est obligatoire avec --channel proxy : indiquez le nom complet de votre mandataire avec --proxy-name",
    "zh-Hans": "使用 --channel proxy 时必须填写：请用 --proxy-name 填写代办人的全名",
    "zh-Hant": "使用 --channel proxy 時必須填寫：請用 --proxy-name 填寫代辦人的全名",
  },
  "proxyName.neededForId": {
    en: "is needed when --proxy-id is given: the ID number belongs to your representative",
    fr: "est nécessaire quand --proxy-id est indiqué : ce numéro est celui de la pièce d'identité de votre mandataire",
    "zh-Hans": "填写了 --proxy-id 时必须填写：该证件号码属于代办人",
    "zh-Hant": "填寫了 --proxy-id 時必須填寫：該證件號碼屬於代辦人",
  },
  "iban.format": {
    en: "is not an IBAN: an IBAN starts with a 2-letter country code and 2 check digits, then letters and digits",
    fr: "n'est pas un IBAN : un IBAN commence par un code pays de 2 lettres et 2 chiffres de contrôle, suivis de lettres et de chiffres",
    "zh-Hans": "不是 IBAN：IBAN 以 2 个字母的国家代码和 2 位校验数字开头，后面是字母和数字",
    "zh-Hant": "不是 IBAN：IBAN 以 2 個字母的國家代碼和 2 位檢查碼開頭，後面是字母和數字",
  },
  "iban.country": {
    en: "starts with {country}, which is not an IBAN country code",
    fr: "commence par {country}, qui n'est pas un code pays IBAN",
    "zh-Hans": "以 {country} 开头，这不是 IBAN 国家代码",
    "zh-Hant": "以 {country} 開頭，這不是 IBAN 國家代碼",
  },
  "iban.length": {
    en: "has {length} characters; a {country} IBAN has {expected}",
    fr: "compte {length} caractères ; un IBAN {country} en compte {expected}",
    "zh-Hans": "有 {length} 个字符；{country} 的 IBAN 应有 {expected} 个",
    "zh-Hant": "有 {length} 個字元；{country} 的 IBAN 應有 {expected} 個",
  },
  "iban.checksum": {
    en: "has wrong check digits: a character is mistyped or missing; copy it again from your bank details (RIB)",
    fr: "a des chiffres de contrôle faux : un caractère est mal saisi ou manquant ; recopiez-le depuis votre RIB",
    "zh-Hans": "校验位不正确：有字符输错或漏掉了；请从银行账户信息（RIB）重新抄写",
    "zh-Hant": "檢查碼不正確：有字元輸入錯誤或遺漏；請從銀行帳戶資料（RIB）重新抄寫",
  },
  "bic.format": {
    en: "is not a BIC: 8 or 11 letters and digits (bank, country, location, optional branch)",
    fr: "n'est pas un BIC : 8 ou 11 lettres et chiffres (banque, pays, localité, agence facultative)",
    "zh-Hans": "不是 BIC：应为 8 或 11 个字母和数字（银行、国家、地区，可选分行）",
    "zh-Hant": "不是 BIC：應為 8 或 11 個字母和數字（銀行、國家、地區，可選分行）",
  },
  "iban.neededForRefund": {
    en: "is needed when {given} is given: a refund needs the account's IBAN",
    fr: "est nécessaire quand {given} est indiqué : un remboursement demande l'IBAN du compte",
    "zh-Hans": "填写了 {given} 时必须填写：退款需要该账户的 IBAN",
    "zh-Hant": "填寫了 {given} 時必須填寫：退款需要該帳戶的 IBAN",
  },
  "file.yamlSyntax": {
    en: 'line {line}, column {column}: not valid YAML ({detail}); write one "field: value" per line, e.g. phone: 76 12 34',
    fr: "ligne {line}, colonne {column} : YAML non valide ({detail}) ; écrivez un « champ: valeur » par ligne, par exemple phone: 76 12 34",
    "zh-Hans": "第 {line} 行第 {column} 列：YAML 格式错误（{detail}）；每行写一个“字段: 值”，例如 phone: 76 12 34",
    "zh-Hant": "第 {line} 行第 {column} 欄：YAML 格式錯誤（{detail}）；每行寫一個「欄位: 值」，例如 phone: 76 12 34",
  },
  "file.jsonSyntax": {
    en: 'line {line}, column {column}: not valid JSON ({detail}); write an object such as {"phone": "76 12 34"}',
    fr: 'ligne {line}, colonne {column} : JSON non valide ({detail}) ; écrivez un objet comme {"phone": "76 12 34"}',
    "zh-Hans": '第 {line} 行第 {column} 列：JSON 格式错误（{detail}）；请写成对象，例如 {"phone": "76 12 34"}',
    "zh-Hant": '第 {line} 行第 {column} 欄：JSON 格式錯誤（{detail}）；請寫成物件，例如 {"phone": "76 12 34"}',
  },
  "file.jsonSyntaxUnplaced": {
    en: 'not valid JSON ({detail}); write an object such as {"phone": "76 12 34"}',
    fr: 'JSON non valide ({detail}) ; écrivez un objet comme {"phone": "76 12 34"}',
    "zh-Hans": 'JSON 格式错误（{detail}）；请写成对象，例如 {"phone": "76 12 34"}',
    "zh-Hant": 'JSON 格式錯誤（{detail}）；請寫成物件，例如 {"phone": "76 12 34"}',
  },
  "file.empty": {
    en: 'has no details; write one "field: value" per line, e.g. name: Xiaoming WANG',
    fr: "ne contient aucune information ; écrivez un « champ: valeur » par ligne, par exemple name: Xiaoming WANG",
    "zh-Hans": "没有任何资料；每行写一个“字段: 值”，例如 name: Xiaoming WANG",
    "zh-Hant": "沒有任何資料；每行寫一個「欄位: 值」，例如 name: Xiaoming WANG",
  },
  "file.notMapping": {
    en: 'must hold fields and their values, one "field: value" per line, e.g. phone: 76 12 34',
    fr: "doit contenir des champs et leurs valeurs, un « champ: valeur » par ligne, par exemple phone: 76 12 34",
    "zh-Hans": "必须由字段和值组成，每行写一个“字段: 值”，例如 phone: 76 12 34",
    "zh-Hant": "必須由欄位和值組成，每行寫一個「欄位: 值」，例如 phone: 76 12 34",
  },
  "file.unknownKey": {
    en: 'line {line}: unknown field "{key}"; the fields are: {fields}',
    fr: "ligne {line} : champ inconnu « {key} » ; les champs sont : {fields}",
    "zh-Hans": "第 {line} 行：未知字段“{key}”；可用的字段：{fields}",
    "zh-Hant": "第 {line} 行：未知的欄位「{key}」；可用的欄位：{fields}",
  },
  "file.unknownKeySuggestion": {
    en: 'line {line}: unknown field "{key}"; did you mean "{suggestion}"?',
    fr: "ligne {line} : champ inconnu « {key} » ; vouliez-vous dire « {suggestion} » ?",
    "zh-Hans": "第 {line} 行：未知字段“{key}”；您是不是想写“{suggestion}”？",
    "zh-Hant": "第 {line} 行：未知的欄位「{key}」；您是不是要寫「{suggestion}」？",
  },
  "file.duplicateKey": {
    en: 'line {line}: "{key}" repeats "{other}" (the same field); keep only one',
    fr: "ligne {line} : « {key} » répète « {other} » (le même champ) ; n'en gardez qu'un",
    "zh-Hans": "第 {line} 行：“{key}”与“{other}”是同一个字段，重复了；只保留一个",
    "zh-Hant": "第 {line} 行：「{key}」與「{other}」是同一個欄位，重複了；只保留一個",
  },
} satisfies Record<string, Translations>;

export type ErrorCode = keyof typeof MESSAGES;
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];

/** What each field expects, with an example flag: appended to every error about that field. */
export const FIELD_HINTS: Record<FieldName, Translations> = {
  name: {
    en: 'your full name as on your contract, on one line, at most 80 characters, e.g. --name "Xiaoming WANG"',
    fr: 'votre nom complet tel qu\'il figure sur le contrat, sur une ligne, 80 caractères au maximum, par exemple --name "Xiaoming WANG"',
    "zh-Hans": '合同上的全名，写在一行内，最多 80 个字符，例如 --name "Xiaoming WANG"',
    "zh-Hant": '合約上的全名，寫在一行內，最多 80 個字元，例如 --name "Xiaoming WANG"',
  },
  phone: {
    en: 'the mobile number to cancel: 6 digits, with or without +687, e.g. --phone "76 12 34" or --phone "+687 76 12 34"',
    fr: 'le numéro de mobile à résilier : 6 chiffres, avec ou sans +687, par exemple --phone "76 12 34" ou --phone "+687 76 12 34"',
    "zh-Hans": '要注销的手机号码：6 位数字，可带或不带 +687，例如 --phone "76 12 34" 或 --phone "+687 76 12 34"',
    "zh-Hant": '要註銷的手機號碼：6 位數字，可加或不加 +687，例如 --phone "76 12 34" 或 --phone "+687 76 12 34"',
  },
  customerNumber: {
    en: 'the customer number on a bill or in the Helia app: letters, digits, spaces, ".", "-" or "/", at most 30 characters, e.g. --customer-number C-0042137',
    fr: "le numéro client figurant sur une facture ou dans l'application Helia : lettres, chiffres, espaces, « . », « - » ou « / », 30 caractères au maximum, par exemple --customer-number C-0042137",
    "zh-Hans": '账单或 Helia 应用上的客户编号：字母、数字、空格、"."、"-" 或 "/"，最多 30 个字符，例如 --customer-number C-0042137',
    "zh-Hant": '帳單或 Helia 應用程式上的客戶編號：字母、數字、空格、"."、"-" 或 "/"，最多 30 個字元，例如 --customer-number C-0042137',
  },
  address: {
    en: 'your postal address, at most 6 lines of at most 80 characters, lines separated by "\\n", e.g. --address "12 rue des Fictifs\\n98800 NOUMÉA"',
    fr: 'votre adresse postale, 6 lignes de 80 caractères au maximum, séparées par « \\n », par exemple --address "12 rue des Fictifs\\n98800 NOUMÉA"',
    "zh-Hans": '邮寄地址，最多 6 行，每行最多 80 个字符，用 "\\n" 分行，例如 --address "12 rue des Fictifs\\n98800 NOUMÉA"',
    "zh-Hant": '郵寄地址，最多 6 行，每行最多 80 個字元，用 "\\n" 分行，例如 --address "12 rue des Fictifs\\n98800 NOUMÉA"',
  },
  email: {
    en: "an e-mail address, e.g. --email xiaoming.wang@example.com",
    fr: "une adresse e-mail, par exemple --email xiaoming.wang@example.com",
    "zh-Hans": "电子邮件地址，例如 --email xiaoming.wang@example.com",
    "zh-Hant": "電子郵件地址，例如 --email xiaoming.wang@example.com",
  },
  plan: {
    en: "prepaid (Liberté) or postpaid (Forfait M), e.g. --plan postpaid; leave it out if unsure",
    fr: "prepaid (Liberté) ou postpaid (Forfait M), par exemple --plan postpaid ; à omettre en cas de doute",
    "zh-Hans": "prepaid（Liberté 预付费）或 postpaid（Forfait M 后付费），例如 --plan postpaid；不确定可以不填",
    "zh-Hant": "prepaid（Liberté 預付卡）或 postpaid（Forfait M 月租），例如 --plan postpaid；不確定可以不填",
  },
  reason: {
    en: 'a short reason, at most 300 characters, e.g. --reason "Départ de Nouvelle-Calédonie"; it is optional',
    fr: 'un motif court, 300 caractères au maximum, par exemple --reason "Départ de Nouvelle-Calédonie" ; facultatif',
    "zh-Hans": '简短的原因，最多 300 个字符，例如 --reason "Départ de Nouvelle-Calédonie"；可以不填',
    "zh-Hant": '簡短的原因，最多 300 個字元，例如 --reason "Départ de Nouvelle-Calédonie"；可以不填',
  },
  effectiveDate: {
    en: 'the requested end date as YYYY-MM-DD, not before the letter\'s date, e.g. --effective-date 2026-12-31; leave it out for "as soon as possible"',
    fr: "la date de fin souhaitée au format AAAA-MM-JJ, pas avant la date de la lettre, par exemple --effective-date 2026-12-31 ; à omettre pour « dès que possible »",
    "zh-Hans": "希望终止的日期，格式 YYYY-MM-DD，不早于信件日期，例如 --effective-date 2026-12-31；不填表示尽快",
    "zh-Hant": "希望終止的日期，格式 YYYY-MM-DD，不早於信件日期，例如 --effective-date 2026-12-31；不填表示盡快",
  },
  date: {
    en: "the letter's date as YYYY-MM-DD, e.g. --date 2026-11-24; leave it out for today in Nouméa",
    fr: "la date de la lettre au format AAAA-MM-JJ, par exemple --date 2026-11-24 ; à omettre pour la date du jour à Nouméa",
    "zh-Hans": "信件日期，格式 YYYY-MM-DD，例如 --date 2026-11-24；不填则为努美阿的今天",
    "zh-Hant": "信件日期，格式 YYYY-MM-DD，例如 --date 2026-11-24；不填則為努美阿的今天",
  },
  channel: {
    en: "in-person, post or proxy, e.g. --channel post",
    fr: "in-person (en agence), post (par courrier) ou proxy (par un mandataire), par exemple --channel post",
    "zh-Hans": "in-person（亲自办理）、post（邮寄）或 proxy（委托他人），例如 --channel post",
    "zh-Hant": "in-person（親自辦理）、post（郵寄）或 proxy（委託他人），例如 --channel post",
  },
  proxyName: {
    en: 'your representative\'s full name, on one line, at most 80 characters, e.g. --proxy-name "Li CHEN"',
    fr: 'le nom complet de votre mandataire, sur une ligne, 80 caractères au maximum, par exemple --proxy-name "Li CHEN"',
    "zh-Hans": '代办人的全名，写在一行内，最多 80 个字符，例如 --proxy-name "Li CHEN"',
    "zh-Hant": '代辦人的全名，寫在一行內，最多 80 個字元，例如 --proxy-name "Li CHEN"',
  },
  proxyId: {
    en: "the number of your representative's ID document, at most 40 characters, e.g. --proxy-id 12AB34567",
    fr: "le numéro de la pièce d'identité de votre mandataire, 40 caractères au maximum, par exemple --proxy-id 12AB34567",
    "zh-Hans": "代办人身份证件的号码，最多 40 个字符，例如 --proxy-id 12AB34567",
    "zh-Hant": "代辦人身分證件的號碼，最多 40 個字元，例如 --proxy-id 12AB34567",
  },
  iban: {
    en: 'the IBAN of the account for a refund, e.g. --iban "FR14 2004 1010 0505 0001 3M02 606"',
    fr: 'l\'IBAN du compte pour un remboursement, par exemple --iban "FR14 2004 1010 0505 0001 3M02 606"',
    "zh-Hans": '用于退款的账户 IBAN，例如 --iban "FR14 2004 1010 0505 0001 3M02 606"',
    "zh-Hant": '用於退款的帳戶 IBAN，例如 --iban "FR14 2004 1010 0505 0001 3M02 606"',
  },
  bic: {
    en: "the BIC (SWIFT code) of that bank, 8 or 11 letters and digits, e.g. --bic BNPAFRPP",
    fr: "le BIC (code SWIFT) de la banque, 8 ou 11 lettres et chiffres, par exemple --bic BNPAFRPP",
    "zh-Hans": "该银行的 BIC（SWIFT 代码），8 或 11 个字母和数字，例如 --bic BNPAFRPP",
    "zh-Hant": "該銀行的 BIC（SWIFT 代碼），8 或 11 個字母和數字，例如 --bic BNPAFRPP",
  },
  accountHolder: {
    en: 'the account holder\'s name, on one line, at most 80 characters, e.g. --account-holder "Xiaoming WANG"',
    fr: 'le nom du titulaire du compte, sur une ligne, 80 caractères au maximum, par exemple --account-holder "Xiaoming WANG"',
    "zh-Hans": '账户持有人的姓名，写在一行内，最多 80 个字符，例如 --account-holder "Xiaoming WANG"',
    "zh-Hant": '帳戶持有人的姓名，寫在一行內，最多 80 個字元，例如 --account-holder "Xiaoming WANG"',
  },
  forwardingAddress: {
    en: 'where to send the final invoice: a postal address (at most 6 lines of at most 80 characters, separated by "\\n") or an e-mail address, e.g. --forwarding-address "wang@example.com"',
    fr: 'où envoyer la dernière facture : une adresse postale (6 lignes de 80 caractères au maximum, séparées par « \\n ») ou une adresse e-mail, par exemple --forwarding-address "wang@example.com"',
    "zh-Hans": '寄送最后一张账单的地址：邮寄地址（最多 6 行，每行最多 80 个字符，用 "\\n" 分行）或电子邮件地址，例如 --forwarding-address "wang@example.com"',
    "zh-Hant": '寄送最後一張帳單的地址：郵寄地址（最多 6 行，每行最多 80 個字元，用 "\\n" 分行）或電子郵件地址，例如 --forwarding-address "wang@example.com"',
  },
};

/** Joins an error's sentence and its field's hint, with each language's punctuation. */
const WITH_HINT: Translations = {
  en: "{message}. Expected: {hint}",
  fr: "{message}. Attendu : {hint}",
  "zh-Hans": "{message}。应填写：{hint}",
  "zh-Hant": "{message}。應填寫：{hint}",
};

/**
 * A problem with one field (`field` is a key of DetailsInput) or, for problems with a details
 * file as a whole, the file's name.
 */
export interface FieldError {
  field: FieldName | (string & {});
  code: ErrorCode;
  /** The English text, without the field label: see formatError for other languages. */
  message: string;
  params?: Params;
}

/** "zh-CN" -> "zh-Hans", "zh-TW" -> "zh-Hant", "fr-FR" -> "fr"; anything else -> English. */
export function resolveMessageLang(lang: string): MessageLang {
  const tag = lang.toLowerCase();
  if (/^zh(-|$)/.test(tag)) return /^zh-(hant|tw|hk|mo)(-|$)/.test(tag) ? "zh-Hant" : "zh-Hans";
  if (/^fr(-|$)/.test(tag)) return "fr";
  return "en";
}

function fill(template: string, values: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

function describe(field: string, code: ErrorCode, params: Params, lang: MessageLang): string {
  const message = fill(MESSAGES[code][lang], params);
  return isFieldName(field) ? fill(WITH_HINT[lang], { message, hint: FIELD_HINTS[field][lang] }) : message;
}

/** Builds an error with its English message; formatError translates it later. */
export function fieldError(field: FieldName | (string & {}), code: ErrorCode, params?: Params): FieldError {
  return { field, code, message: describe(field, code, params ?? {}, "en"), ...(params ? { params } : {}) };
}

/** "--phone: 61 23 45 is a fixed line ...; a mobile number is needed. Expected: ..." in `lang`. */
export function formatError(error: FieldError, lang: string): string {
  const label = isFieldName(error.field) ? toFlag(error.field) : error.field;
  return `${label}: ${describe(error.field, error.code, error.params ?? {}, resolveMessageLang(lang))}`;
}
