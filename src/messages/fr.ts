/** The French message catalogue (see en.ts for the placeholders). */
import type { Catalogue } from "./catalogue.js";

export const fr = {
  messages: {
    required: "est obligatoire",
    notText: "doit être un texte (une seule valeur), pas une liste, un dictionnaire ni true/false",
    tooLong: "est trop long : {length} caractères, {max} au maximum",
    "text.lineBreak": "doit tenir sur une seule ligne",
    "text.control":
      "contient un caractère de contrôle invisible ({char}) au caractère {position} ; ressaisissez la valeur sans lui",
    "text.bidi":
      "contient un caractère invisible de sens d’écriture ({char}) au caractère {position}, qui peut faire afficher le texte dans un ordre trompeur ; ressaisissez la valeur sans lui",
    "text.privateUse":
      "contient un caractère à usage privé ({char}) au caractère {position}, sans signification convenue et impossible à imprimer ; ressaisissez la valeur sans lui",
    "text.surrogate": "contient un caractère cassé ({char}) au caractère {position} ; ressaisissez la valeur",
    "text.nonCharacter":
      "contient un caractère interdit dans un texte ({char}) au caractère {position} ; ressaisissez la valeur sans lui",
    "text.replacement":
      "contient le caractère de remplacement {char} au caractère {position}, signe d’un texte qui n’a pas été lu en UTF-8 ; enregistrez le fichier en UTF-8 ou ressaisissez la valeur",
    "lines.tooMany": "compte {count} lignes, {max} au maximum",
    "lines.tooLong": "la ligne {line} est trop longue : {length} caractères, {max} au maximum",
    "phone.characters": "ne peut contenir que des chiffres, des espaces, des points, des tirets et +687 au début",
    "phone.country":
      "n’est pas un numéro de Nouvelle-Calédonie (+687) ; indiquez la ligne mobile calédonienne à résilier",
    "phone.length": "compte {count} chiffres ; un numéro calédonien en a 6 (après +687, sans 0 initial)",
    "phone.fixedLine": "{number} est une ligne fixe (numéros commençant par 2, 3 ou 4) ; il faut un numéro de mobile",
    "phone.payphone": "{number} est un numéro de cabine publique (88) ; il faut un numéro de mobile",
    "phone.notMobile":
      "{number} n’est pas un numéro de mobile (les mobiles commencent par 5, 7, 8 ou 9) ; il faut un numéro de mobile",
    "customerNumber.format": "ne peut contenir que des lettres, des chiffres, des espaces et les caractères . - /",
    "email.format": "n’est pas une adresse e-mail valide",
    choice: "n’est pas une valeur acceptée ; valeurs acceptées : {accepted}",
    "date.format": "doit être une date écrite AAAA-MM-JJ",
    "date.invalid":
      "n’est pas une date qui existe (vérifiez le jour et le mois ; février a 28 jours, 29 les années bissextiles)",
    "date.range": "est hors des années où une lettre peut être datée ({min} à {max})",
    "effectiveDate.beforeDate":
      "est antérieure à la date de la lettre ({date}) ; la ligne ne peut pas être résiliée avant la demande",
    "proxyName.required": "est obligatoire avec {setting:channel=proxy} : indiquez le nom complet de votre mandataire",
    "proxyName.neededForId":
      "est nécessaire quand {field:proxyId} est indiqué : ce numéro est celui de la pièce d’identité de votre mandataire",
    "proxyName.neededForIdType":
      "est nécessaire quand {field:proxyIdType} est indiqué : cette pièce d’identité est celle de votre mandataire",
    "birthDate.afterDate": "n’est pas antérieure à la date de la lettre ({date}) ; indiquez votre date de naissance",
    "birthDate.tooEarly": "est antérieure au {min} ; indiquez votre date de naissance",
    "boolean.format": "doit être oui ou non : yes ou no (aussi true/false, 1/0)",
    "iban.format":
      "n’est pas un IBAN : un IBAN commence par un code pays de 2 lettres et 2 chiffres de contrôle, suivis de lettres et de chiffres",
    "iban.country": "commence par {country}, qui n’est pas un code pays IBAN",
    "iban.length": "compte {length} caractères ; un IBAN {country} en compte {expected}",
    "iban.checksum":
      "a des chiffres de contrôle faux : un caractère est mal saisi ou manquant ; recopiez-le depuis votre RIB",
    "bic.format": "n’est pas un BIC : 8 ou 11 lettres et chiffres (banque, pays, localité, agence facultative)",
    "iban.neededForRefund":
      "est nécessaire quand {fields:given} est indiqué : un remboursement demande l’IBAN du compte",

    "file.yamlSyntax":
      "YAML non valide ({detail}) ; écrivez un « champ: valeur » par ligne, par exemple phone: 76 12 34",
    "file.jsonSyntax": 'JSON non valide ({detail}) ; écrivez un objet comme {"phone": "76 12 34"}',
    "file.empty":
      "ne contient aucune information ; écrivez un « champ: valeur » par ligne, par exemple name: Xiaoming WANG",
    "file.notMapping":
      "doit contenir des champs et leurs valeurs, un « champ: valeur » par ligne, par exemple phone: 76 12 34",
    "file.unknownKey": "champ inconnu « {key} » ; les champs sont : {fields}",
    "file.unknownKeySuggestion": "champ inconnu « {key} » ; vouliez-vous dire « {suggestion} » ?",
    "file.unknownKeysMore": "et {count} autres champs inconnus",
    "file.duplicateKey": "« {key} » répète « {other} » (le même champ) ; n’en gardez qu’un",
    "file.unreadable": "ne peut pas être lu ({reason}) ; indiquez le chemin d’un fichier",
    "file.missing": "n’existe pas ; indiquez le chemin d’un fichier",
    "file.notAFile": "n’est pas un fichier ({kind}) ; indiquez le chemin d’un fichier",
    "file.tooLarge": "est trop gros ({size}) ; au plus {max} est lu",
    "file.notUtf8": "n’est pas un texte UTF-8 (octet {offset}) ; enregistrez-le en UTF-8",
    "file.tooDeep":
      "est trop imbriqué (plus de {max} niveaux) ; un fichier de détails est un seul niveau de champs et de valeurs",
    "file.aliases": "utilise des alias YAML (*nom) qui se déploient trop ({detail}) ; écrivez les valeurs en entier",

    "option.choice": "« {value} » n’est pas disponible ; valeurs acceptées : {accepted}",
    "option.invalidValue": "« {value} » n’est pas une valeur valide",
    "option.notAFolder": "{path} n’est pas un dossier ({reason}) ; indiquez un dossier de modèles",
    "option.sourceDateEpoch": "« {value} » n’est pas un nombre entier de secondes depuis le 1970-01-01",

    "font.unreadable": "impossible de lire le fichier de police {file} ({reason})",
    "font.missing": "le fichier de police {file} n’existe pas",
    "font.notAFile": "{file} est un {kind}, pas un fichier de police",
    "font.notAFont": "{file} n’est pas une police lisible (TTF, OTF ou TTC) : {detail}",
    "font.tooLarge": "{file} est trop gros pour une police ({size} ; au plus {max})",
    "font.noSuchFace": "{file} n’a pas de style nommé {face} ; ses styles sont : {faces}",
    "font.collectionNeedsFace":
      "{file} est une collection de polices : nommez le style sous la forme {file}#STYLE (styles : {faces})",
    "font.bundledMissing": "la police fournie {file} est absente : relancez npm install (les polices viennent de npm)",
    "glyph.missing":
      "le caractère {char} ({codePoint}) n’est dans aucune police, ni fournie ni sur cet ordinateur ; ajoutez une police qui l’a ({option:fonts})",
    "glyph.missingInTemplate":
      "le texte du modèle contient le caractère {char} ({codePoint}), qui n’est dans aucune police ; ajoutez une police qui l’a ({option:fonts})",
    "font.systemFallback": "{chars} ({codePoints}) imprimé avec la police {font} de cet ordinateur ({file})",
    "layout.overflow":
      "erreur interne : le document {document} n’a pas pu être mis en page sans perdre de texte (section {section}, bloc {block} : {detail}) ; rien n’a été écrit. C’est un bogue de sim-cancel : merci de le signaler",
    "layout.furnitureOverflow":
      "erreur interne : l’en-tête ou le pied de la page {page} du document {document} ne tient pas dans la page ({detail}) ; rien n’a été écrit. C’est un bogue de sim-cancel : merci de le signaler",

    "pack.unreadable":
      "impossible de lire le fichier du pack ({reason}) ; {dir} est-il un dossier de pack d’opérateur ?",
    "pack.yamlSyntax": "YAML non valide : {detail}",
    "pack.schema": "{path} : {detail}",
    "pack.missingLanguage": "{path} : {lang} manque",
    "pack.unknownSource": "{path} : source inconnue « {key} »",
    "pack.unknownFact": "{path} : fait inconnu « {fact} »",
    "pack.badLanguage":
      "{path} : « {lang} » n’est pas une étiquette de langue (BCP 47, par exemple fr, zh-Hant, en-NC)",
    "pack.templateMissing": "absent (chaque langue de {kind} a besoin de son modèle)",
    "pack.outsideFolder": "{path} est hors du dossier du pack {dir} ; un pack ne lit que ses propres fichiers",
    "template.noText": "{what} n’a pas de texte en {lang}",
    "template.nothingToTranslate": "« tr » n’a rien reçu à traduire",
    "template.unknownString": "texte de pack inconnu « {key} » (voir strings dans pack.yaml)",
    "template.unknownFact": "fait inconnu « {fact} » (voir facts dans pack.yaml)",
    "template.entryNeedsText":
      "« entry » attend une entrée du pack avec un texte (élément d’étape, document ou précaution)",
    "template.unknownName":
      "« {name} » n’est ni une variable du contexte ni une fonction d’aide (voir docs/templates.md)",
    "template.syntax": "erreur de syntaxe du modèle : {detail}",
    "template.failed": "{detail}",
    "template.nestedContainer": "« ::: {inner} » ne peut pas être imbriqué dans « ::: {outer} »",
    "template.tooManyRepetitions": "le modèle répète ses boucles trop souvent (plus de {max} fois)",
    "template.outputTooLarge": "le modèle produit trop de texte ({size} ; au plus {max})",

    "render.tooManyPages": "le document {kind} aurait {pages} pages ; au plus {max} sont produites",
    "render.tooSlow": "la production du document {kind} a dépassé {seconds} s, la limite pour un document",

    "batch.unknownFormat":
      "type de fichier inconnu « {ext} » ; donnez un fichier .csv, .json (un tableau d’objets) ou .jsonl/.ndjson (un objet par ligne)",
    "batch.csvUnknownColumn":
      "la colonne {column} « {name} » n’est pas un champ ; l’en-tête doit utiliser ces noms (camelCase ou kebab-case) : {fields}",
    "batch.csvDuplicateColumn": "les colonnes {first} et {second} sont toutes deux « {field} » ; n’en gardez qu’une",
    "batch.csvNoName":
      "l’en-tête n’a pas de colonne « name » ; la première ligne doit nommer les colonnes, par exemple name,phone,plan",
    "batch.csvSyntax":
      'CSV non valide ({detail}) ; une cellule contenant une virgule, un guillemet ou un saut de ligne doit être entre guillemets droits, chaque guillemet intérieur doublé ("")',
    "batch.csvEmpty": "le fichier est vide ; sa première ligne doit nommer les colonnes, par exemple name,phone,plan",
    "batch.csvTooManyCells":
      "a {count} cellules alors que l’en-tête a {columns} colonnes ; une valeur contenant une virgule doit être entre guillemets droits",
    "batch.cellTooLarge": "une cellule est trop grosse ({size} ; au plus {max})",
    "batch.jsonShape":
      '{detail} ; un fichier de lot .json est un seul tableau d’objets : [{"name": "…", "phone": "…"}, …] (ou utilisez .jsonl, un objet par ligne)',
    "batch.jsonEmpty": 'le fichier est vide ; écrivez un tableau d’objets : [{"name": "…", "phone": "…"}]',
    "batch.elementTooLarge": "une ligne de données est trop grosse ({size} ; au plus {max})",
    "batch.notObject":
      'doit être un objet de champs et de valeurs, comme {"name": "Xiaoming WANG", "phone": "76 12 34"}',
    "batch.rowChanged": "cette ligne n’était pas dans le fichier lors de la vérification",
    "batch.tooManyRows": "a plus de {max} lignes de données ; découpez-le en plusieurs fichiers",
    "batch.summaryExists":
      "{path} existe déjà et n’est pas le résumé d’un lot précédent tel qu’il l’a écrit (il a été modifié depuis, ou c’est un autre fichier) ; rien n’a été écrit. Utilisez {option:force} pour le remplacer, ou {option:out} pour un autre dossier",
    "batch.workerStopped": "le processus de rendu s’est arrêté ({detail})",
    "batch.workerExited": "le processus de rendu a quitté (code {code})",

    // Writing files.
    "write.badName": "nom de fichier refusé « {name} »",
    "write.exists":
      "{paths} existe déjà ; rien n’a été écrit. Utilisez {option:force} pour remplacer (les anciens fichiers sont remis en place en cas d’échec), ou {option:out} pour un autre dossier",
    "write.earlierSet":
      "un ensemble de documents précédent est dans le dossier, et cette exécution ne produit pas ceux-ci : {paths} ; rien n’a été écrit. Utilisez {option:force} pour remplacer l’ancien ensemble (ces fichiers sont alors supprimés, ou remis en place en cas d’échec), ou {option:out} pour un autre dossier",
    "write.isFolder":
      "{path} est un dossier, qui n’est jamais remplacé ; rien n’a été écrit. Déplacez-le, ou utilisez {option:out} pour un autre dossier",
    "write.notAFolder":
      "impossible de créer le dossier de sortie {path} : un élément qui n’est pas un dossier est sur le chemin ; rien n’a été écrit",
    "write.notWritable":
      "impossible d’écrire {path} ({reason}) ; rien n’a été écrit. Choisissez un autre dossier avec {option:out}",
    "write.noSpace": "plus de place sur le disque pour {path} ; rien n’a été écrit",
    "write.locked":
      "une autre exécution (processus {pid} sur {host}) écrit dans {path} ; rien n’a été écrit. Réessayez quand elle aura fini",
    "write.restoreIncomplete":
      "impossible de remettre {path} en place ; l’ancien fichier est conservé sous le nom {kept}",
    "write.rollbackPending":
      "la remise en place des anciens fichiers dans {path} n’a pas abouti ; la prochaine exécution dans ce dossier la terminera (rien n’est perdu)",
    "write.failed": "impossible d’écrire {path} ({reason}) ; rien n’a été écrit",
    "write.initExists":
      "{path} existe déjà ; rien n’a été écrit. Utilisez {option:force} pour le remplacer, ou donnez un autre nom de fichier",
    "write.packFolderExists":
      "{dir} existe déjà ; rien n’a été écrit. Utilisez {option:force} pour écrire dedans, ou choisissez un autre dossier",

    internal: "{detail}",
  },
  hints: {
    name: "votre nom complet tel qu’il figure sur le contrat, sur une ligne, 80 caractères au maximum, par exemple {example}",
    phone: "le numéro de mobile à résilier : 6 chiffres, avec ou sans +687, par exemple {example}",
    customerNumber:
      "le numéro client figurant sur une facture ou dans l’application Helia : lettres, chiffres, espaces, « . », « - » ou « / », 30 caractères au maximum, par exemple {example}",
    address: "votre adresse postale, 6 lignes de 80 caractères au maximum, par exemple {example}",
    email: "une adresse e-mail, par exemple {example}",
    plan: "prepaid (carte prépayée) ou postpaid (forfait avec factures mensuelles), par exemple {example} ; à omettre en cas de doute",
    reason: "un motif court, 300 caractères au maximum, par exemple {example} ; facultatif",
    effectiveDate:
      "la date de fin souhaitée au format AAAA-MM-JJ, pas avant la date de la lettre, par exemple {example} ; à omettre pour « dès que possible »",
    date: "la date de la lettre au format AAAA-MM-JJ, par exemple {example} ; à omettre pour la date du jour à Nouméa",
    channel: "in-person (en agence), post (par courrier) ou proxy (par un mandataire), par exemple {example}",
    proxyName: "le nom complet de votre mandataire, sur une ligne, 80 caractères au maximum, par exemple {example}",
    proxyId: "le numéro de la pièce d’identité de votre mandataire, 40 caractères au maximum, par exemple {example}",
    iban: "l’IBAN du compte pour un remboursement, par exemple {example}",
    bic: "le BIC (code SWIFT) de la banque, 8 ou 11 lettres et chiffres, par exemple {example}",
    accountHolder: "le nom du titulaire du compte, sur une ligne, 80 caractères au maximum, par exemple {example}",
    forwardingAddress:
      "où envoyer la dernière facture : une adresse postale (6 lignes de 80 caractères au maximum) ou une adresse e-mail, par exemple {example}",
    place:
      "le lieu où vous signez les lettres, sur une ligne, 80 caractères au maximum, par exemple {example} ; à omettre pour Nouméa",
    birthDate: "votre date de naissance au format AAAA-MM-JJ, pour la procuration, par exemple {example}",
    idType:
      "votre pièce d’identité : passport (passeport), id-card (carte d’identité) ou residence-permit (titre de séjour), par exemple {example}",
    idNumber: "le numéro de votre pièce d’identité, 40 caractères au maximum, par exemple {example}",
    proxyIdType:
      "la pièce d’identité de votre mandataire : passport (passeport), id-card (carte d’identité) ou residence-permit (titre de séjour), par exemple {example}",
    offer:
      "le nom de votre offre tel qu’il figure sur une facture ou le contrat, sur une ligne, 60 caractères au maximum, par exemple {example} ; à omettre en cas de doute",
    leaving:
      "yes si vous quittez la Nouvelle-Calédonie (la liste ajoute alors ce qu’il faut faire avant le départ), par exemple {example}",
  },
  words: {
    withHint: "{message}. Attendu : {hint}",
    or: " ou ",
    listSeparator: ", ",
    fileLineColumn: "{file}, ligne {line}, colonne {column}",
    fileLine: "{file}, ligne {line}",
    row: "ligne de données {row}",
    rowLine: "ligne de données {row} (ligne {line} du fichier)",
    "fileKind.folder": "dossier",
    "fileKind.device": "périphérique",
    "fileKind.pipe": "tube",
    "fileKind.socket": "socket",
    "fileKind.special": "fichier spécial",
    "cli.cannotMake": "impossible de produire les documents",
    "cli.failed": "échec",
    "cli.cancelled": "annulé ; rien n’a été écrit",
    "cli.seeHelp": "Lancez « sim-cancel --help » pour voir les options.",
    "write.written": "écrit",
    "write.replaced": "remplacé",
    "write.restored": "{path} : remis en place après une exécution interrompue",
    "write.retired": "supprimé",
    "write.retiredWhy": "d’un ensemble précédent ; cette exécution ne le produit pas",
    "serve.ready": "sim-cancel est prêt à l’adresse {url}",
    "serve.lanNone": "Aucune adresse sur le réseau local : les autres appareils ne peuvent pas joindre cet ordinateur.",
    "serve.lanList": "Sur le réseau local (téléphones sur le même Wi-Fi) :",
    "serve.scan": "Scannez pour l’ouvrir :",
    "serve.tokenOnly": "Seul qui a cette adresse (elle contient un jeton secret) peut utiliser la page.",
    "serve.localOnly": "Seul cet ordinateur peut l’utiliser (lancez avec --lan pour la partager sur le réseau local).",
    "serve.private":
      "Rien de ce qui est tapé dans la page n’est écrit sur le disque ni journalisé. Ctrl+C pour arrêter.",
    "serve.noBrowser": "impossible d’ouvrir un navigateur ; ouvrez {url} vous-même",
  },
} satisfies Catalogue;
