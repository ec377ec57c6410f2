/**
 * The English message catalogue: every problem code the tool reports, worded for people.
 *
 * Placeholders: `{name}` is a parameter of the problem (strings are shown escaped, see show.ts);
 * `{field:phone}` names a details field, `{fields:given}` names the fields listed in a parameter,
 * `{setting:channel=proxy}` a field set to a value, `{option:lang}` a library option, and
 * `{example}` (hints only) the field's example values: each front end words those its own way
 * (the command line says `--phone "76 12 34"`, a batch summary `phone`, the web form its label).
 * The other catalogues must have exactly these keys (checked by the compiler and by a test).
 */
export const en = {
  messages: {
    // Details: every value, whatever its source.
    required: "this is required",
    notText: "must be text (one value), not a list, a mapping or true/false",
    tooLong: "is too long: {length} characters, at most {max} allowed",
    "text.lineBreak": "must be on one line",
    "text.control":
      "contains an invisible control character ({char}) at character {position}; retype the value without it",
    "text.bidi":
      "contains an invisible text-direction character ({char}) at character {position}, which can make the text display in a misleading order; retype the value without it",
    "text.privateUse":
      "contains a private-use character ({char}) at character {position}, which has no agreed meaning and cannot be printed; retype the value without it",
    "text.surrogate": "contains a broken character ({char}) at character {position}; retype the value",
    "text.nonCharacter":
      "contains a character that is not for use in text ({char}) at character {position}; retype the value without it",
    "text.replacement":
      "contains the replacement character {char} at character {position}, the sign of text that was not read as UTF-8; save the file as UTF-8 or retype the value",
    "lines.tooMany": "has {count} lines, at most {max} allowed",
    "lines.tooLong": "line {line} is too long: {length} characters, at most {max} allowed",
    "phone.characters": "may contain only digits, spaces, dots, dashes, and +687 in front",
    "phone.country": "is not a New Caledonian number (+687); give the New Caledonian mobile line you are cancelling",
    "phone.length": "has {count} digits; a New Caledonian number has 6 (after +687, without a leading 0)",
    "phone.fixedLine": "{number} is a fixed line (numbers starting with 2, 3 or 4); a mobile number is needed",
    "phone.payphone": "{number} is a payphone number (88); a mobile number is needed",
    "phone.notMobile": "{number} is not a mobile number (mobiles start with 5, 7, 8 or 9); a mobile number is needed",
    "customerNumber.format": "may contain only letters, digits, spaces and the characters . - /",
    "email.format": "is not a valid e-mail address",
    choice: "is not an accepted value; accepted values: {accepted}",
    "date.format": "must be a date written YYYY-MM-DD",
    "date.invalid": "is not a real calendar date (check the day and the month; February has 28 days, 29 in leap years)",
    "date.range": "is outside the years a letter can be dated ({min} to {max})",
    "effectiveDate.beforeDate": "is before the letter's date ({date}); the line cannot end before the request is made",
    "proxyName.required": "is required with {setting:channel=proxy}: give your representative's full name",
    "proxyName.neededForId": "is needed when {field:proxyId} is given: the ID number belongs to your representative",
    "proxyName.neededForIdType":
      "is needed when {field:proxyIdType} is given: the ID document belongs to your representative",
    "birthDate.afterDate": "is not before the letter's date ({date}); give your date of birth",
    "birthDate.tooEarly": "is before {min}; give your date of birth",
    "boolean.format": "must be yes or no (also true/false, 1/0)",
    "iban.format":
      "is not an IBAN: an IBAN starts with a 2-letter country code and 2 check digits, then letters and digits",
    "iban.country": "starts with {country}, which is not an IBAN country code",
    "iban.length": "has {length} characters; a {country} IBAN has {expected}",
    "iban.checksum":
      "has wrong check digits: a character is mistyped or missing; copy it again from your bank details (RIB)",
    "bic.format": "is not a BIC: 8 or 11 letters and digits (bank, country, location, optional branch)",
    "iban.neededForRefund": "is needed when {fields:given} is given: a refund needs the account's IBAN",

    // A details file (or standard input) as a whole.
    "file.yamlSyntax": 'not valid YAML ({detail}); write one "field: value" per line, e.g. phone: 76 12 34',
    "file.jsonSyntax": 'not valid JSON ({detail}); write an object such as {"phone": "76 12 34"}',
    "file.empty": 'has no details; write one "field: value" per line, e.g. name: Xiaoming WANG',
    "file.notMapping": 'must hold fields and their values, one "field: value" per line, e.g. phone: 76 12 34',
    "file.unknownKey": 'unknown field "{key}"; the fields are: {fields}',
    "file.unknownKeySuggestion": 'unknown field "{key}"; did you mean "{suggestion}"?',
    "file.unknownKeysMore": "and {count} more unknown fields",
    "file.duplicateKey": '"{key}" repeats "{other}" (the same field); keep only one',
    "file.unreadable": "cannot be read ({reason}); give the path of a file",
    "file.missing": "does not exist; give the path of a file",
    "file.notAFile": "is a {kind}, not a file; give the path of a file",
    "file.tooLarge": "is too large ({size}); at most {max} is read",
    "file.notUtf8": "is not UTF-8 text (byte {offset}); save it as UTF-8",
    "file.tooDeep": "is nested too deeply (more than {max} levels); a details file is one level of fields and values",
    "file.aliases": "uses YAML aliases (*name) that expand too far ({detail}); write the values out",

    // Options of the library (the command line's flags, the web form's settings).
    "option.choice": '"{value}" is not available; accepted values: {accepted}',
    "option.invalidValue": '"{value}" is not a valid value',
    "option.notAFolder": "{path} is not a folder ({reason}); give a folder of templates",
    "option.sourceDateEpoch": '"{value}" is not a whole number of seconds since 1970-01-01',

    // Fonts.
    "font.unreadable": "cannot read the font file {file} ({reason})",
    "font.missing": "there is no font file {file}",
    "font.notAFile": "{file} is a {kind}, not a font file",
    "font.notAFont": "{file} is not a font that can be read (TTF, OTF or TTC): {detail}",
    "font.tooLarge": "{file} is too large for a font ({size}; at most {max})",
    "font.noSuchFace": "{file} has no face named {face}; its faces are: {faces}",
    "font.collectionNeedsFace": "{file} is a font collection: name the face as {file}#FACE (faces: {faces})",
    "font.bundledMissing": "the bundled font {file} is missing: run npm install again (the fonts come from npm)",
    "glyph.missing":
      "the character {char} ({codePoint}) is in none of the fonts, bundled or on this computer; add a font that has it ({option:fonts})",
    "glyph.missingInTemplate":
      "the template text has the character {char} ({codePoint}), which is in none of the fonts; add a font that has it ({option:fonts})",
    "font.systemFallback": "{chars} ({codePoints}) printed with the font {font} of this computer ({file})",
    "layout.overflow":
      "internal error: the {document} could not be laid out without losing text (section {section}, block {block}: {detail}); nothing was written. This is a bug in sim-cancel: please report it",
    "layout.furnitureOverflow":
      "internal error: the header or footer of page {page} of the {document} does not fit its page ({detail}); nothing was written. This is a bug in sim-cancel: please report it",

    // Carrier packs and templates (for their authors).
    "pack.unreadable": "cannot read the pack file ({reason}); is {dir} a carrier pack folder?",
    "pack.yamlSyntax": "not valid YAML: {detail}",
    "pack.schema": "{path}: {detail}",
    "pack.missingLanguage": "{path}: missing {lang}",
    "pack.unknownSource": '{path}: unknown source "{key}"',
    "pack.unknownFact": '{path}: unknown fact "{fact}"',
    "pack.badLanguage": '{path}: "{lang}" is not a language tag (BCP 47, e.g. fr, zh-Hant, en-NC)',
    "pack.templateMissing": "missing (every {kind} language needs its template)",
    "pack.outsideFolder": "{path} is outside the pack folder {dir}; a pack reads only its own files",
    "template.noText": "{what} has no text in {lang}",
    "template.nothingToTranslate": '"tr" was given nothing to translate',
    "template.unknownString": 'unknown pack string "{key}" (see strings in pack.yaml)',
    "template.unknownFact": 'unknown fact "{fact}" (see facts in pack.yaml)',
    "template.entryNeedsText": '"entry" needs a pack entry with a text (a step item, document or precaution)',
    "template.unknownName": '"{name}" is neither a variable of the context nor a helper (see docs/templates.md)',
    "template.syntax": "template syntax error: {detail}",
    "template.failed": "{detail}",
    "template.nestedContainer": '"::: {inner}" cannot be nested inside "::: {outer}"',
    "template.tooManyRepetitions": "the template repeats its loops too often (more than {max} times)",
    "template.outputTooLarge": "the template makes too much text ({size}; at most {max})",

    // Rendering limits.
    "render.tooManyPages": "the {kind} would have {pages} pages; at most {max} are made",
    "render.tooSlow": "making the {kind} took longer than {seconds} s, the limit for one document",

    // A batch file.
    "batch.unknownFormat":
      'unknown kind of file "{ext}"; give a .csv, .json (an array of objects) or .jsonl/.ndjson (one object per line) file',
    "batch.csvUnknownColumn":
      'column {column} "{name}" is not a field; the header must use these names (camelCase or kebab-case): {fields}',
    "batch.csvDuplicateColumn": 'columns {first} and {second} are both "{field}"; keep only one',
    "batch.csvNoName": 'the header has no "name" column; the first line must name the columns, e.g. name,phone,plan',
    "batch.csvSyntax":
      'not valid CSV ({detail}); a cell with a comma, a quote or a line break must be in double quotes, with any quote inside doubled ("")',
    "batch.csvEmpty": "the file is empty; its first line must name the columns, e.g. name,phone,plan",
    "batch.csvTooManyCells":
      "has {count} cells but the header has {columns} columns; a value with a comma must be in double quotes",
    "batch.cellTooLarge": "a cell is too large ({size}; at most {max})",
    "batch.jsonShape":
      '{detail}; a .json batch file is one array of objects: [{"name": "…", "phone": "…"}, …] (or use .jsonl, one object per line)',
    "batch.jsonEmpty": 'the file is empty; write an array of objects: [{"name": "…", "phone": "…"}]',
    "batch.elementTooLarge": "a row is too large ({size}; at most {max})",
    "batch.notObject": 'must be an object of fields and values, such as {"name": "Xiaoming WANG", "phone": "76 12 34"}',
    "batch.rowChanged": "this row was not in the file when it was checked",
    "batch.tooManyRows": "has more than {max} rows; split it into several files",
    "batch.summaryExists":
      "{path} already exists and is not an earlier batch's summary as that batch wrote it (it was changed since, or is another file); nothing was written. Use {option:force} to replace it, or {option:out} for another folder",
    "batch.workerStopped": "the render worker stopped ({detail})",
    "batch.workerExited": "the render worker exited (code {code})",

    // Writing files.
    "write.badName": 'refusing the file name "{name}"',
    "write.exists":
      "{paths} already exists; nothing was written. Use {option:force} to replace (the earlier files are put back if anything fails), or {option:out} for another folder",
    "write.earlierSet":
      "an earlier set of documents is in the folder, and this run does not make these: {paths}; nothing was written. Use {option:force} to replace the earlier set (these files are then removed, or put back if anything fails), or {option:out} for another folder",
    "write.isFolder":
      "{path} is a folder, which is never replaced; nothing was written. Move it away, or use {option:out} for another folder",
    "write.notAFolder":
      "cannot create the output folder {path}: something that is not a folder is in the way; nothing was written",
    "write.notWritable": "cannot write {path} ({reason}); nothing was written. Choose another folder with {option:out}",
    "write.noSpace": "no space left on the disk for {path}; nothing was written",
    "write.locked":
      "another run (process {pid} on {host}) is writing into {path}; nothing was written. Try again when it has finished",
    "write.restoreIncomplete": "could not put {path} back in place; the earlier file is kept as {kept}",
    "write.rollbackPending":
      "putting the earlier files back in {path} did not finish; the next run into that folder finishes it (nothing is lost)",
    "write.failed": "cannot write {path} ({reason}); nothing was written",
    "write.initExists":
      "{path} already exists; nothing was written. Use {option:force} to replace it, or give another file name",
    "write.packFolderExists":
      "{dir} already exists; nothing was written. Use {option:force} to write into it, or choose another folder",

    // Anything else: the tool itself failed (exit 1).
    internal: "{detail}",
  },

  /** What each field expects, after its problem: "Expected: …". */
  hints: {
    name: "your full name as on your contract, on one line, at most 80 characters, e.g. {example}",
    phone: "the mobile number to cancel: 6 digits, with or without +687, e.g. {example}",
    customerNumber:
      'the customer number on a bill or in the Helia app: letters, digits, spaces, ".", "-" or "/", at most 30 characters, e.g. {example}',
    address: "your postal address, at most 6 lines of at most 80 characters, e.g. {example}",
    email: "an e-mail address, e.g. {example}",
    plan: "prepaid (a prepaid card) or postpaid (a plan with monthly bills), e.g. {example}; leave it out if unsure",
    reason: "a short reason, at most 300 characters, e.g. {example}; it is optional",
    effectiveDate:
      'the requested end date as YYYY-MM-DD, not before the letter\'s date, e.g. {example}; leave it out for "as soon as possible"',
    date: "the letter's date as YYYY-MM-DD, e.g. {example}; leave it out for today in Nouméa",
    channel: "in-person, post or proxy, e.g. {example}",
    proxyName: "your representative's full name, on one line, at most 80 characters, e.g. {example}",
    proxyId: "the number of your representative's ID document, at most 40 characters, e.g. {example}",
    iban: "the IBAN of the account for a refund, e.g. {example}",
    bic: "the BIC (SWIFT code) of that bank, 8 or 11 letters and digits, e.g. {example}",
    accountHolder: "the account holder's name, on one line, at most 80 characters, e.g. {example}",
    forwardingAddress:
      "where to send the final invoice: a postal address (at most 6 lines of at most 80 characters) or an e-mail address, e.g. {example}",
    place: "where you sign the letters, on one line, at most 80 characters, e.g. {example}; leave it out for Nouméa",
    birthDate: "your date of birth as YYYY-MM-DD, for the proxy letter, e.g. {example}",
    idType: "your identity document: passport, id-card or residence-permit, e.g. {example}",
    idNumber: "the number of your identity document, at most 40 characters, e.g. {example}",
    proxyIdType: "your representative's identity document: passport, id-card or residence-permit, e.g. {example}",
    offer:
      "the name of your offer as on a bill or the contract, on one line, at most 60 characters, e.g. {example}; leave it out if unsure",
    leaving: "yes if you are leaving New Caledonia (the checklist then adds what to do before you go), e.g. {example}",
  },

  /** The pieces messages are assembled from. */
  words: {
    withHint: "{message}. Expected: {hint}",
    or: " or ",
    listSeparator: ", ",
    fileLineColumn: "{file}, line {line}, column {column}",
    fileLine: "{file}, line {line}",
    row: "row {row}",
    rowLine: "row {row} (line {line})",
    "fileKind.folder": "folder",
    "fileKind.device": "device",
    "fileKind.pipe": "pipe",
    "fileKind.socket": "socket",
    "fileKind.special": "special file",
    "cli.cannotMake": "cannot make the documents",
    "cli.failed": "failed",
    "cli.cancelled": "cancelled; nothing was written",
    "cli.seeHelp": 'Run "sim-cancel --help" for the options.',
    "write.written": "written",
    "write.replaced": "replaced",
    "write.restored": "{path}: put back from an interrupted run",
    "write.retired": "removed",
    "write.retiredWhy": "of an earlier set; this run does not make it",
    "serve.ready": "sim-cancel is ready at {url}",
    "serve.lanNone": "No local network address was found: other devices cannot reach this computer.",
    "serve.lanList": "On the local network (phones on the same Wi-Fi):",
    "serve.scan": "Scan to open it:",
    "serve.tokenOnly": "Only someone with this address (it holds a secret token) can use the page.",
    "serve.localOnly": "Only this computer can use it (start with --lan to share it on the local network).",
    "serve.private": "Nothing typed in the page is written to disk or logged. Press Ctrl+C to stop.",
    "serve.noBrowser": "could not open a browser; open {url} yourself",
  },
} as const;

export type MessageCode = keyof typeof en.messages;
