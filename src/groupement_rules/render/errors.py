"""Error lines in French: the reasons an input is refused, worded for people.

Readers and the policy loader refuse bad input with an
:class:`~groupement_rules.errors.InputError` whose reason is English (``FILE: KEY:
reason``, docs/cli.md). The command line prints it as it is unless French is asked
for explicitly (``--lang fr`` on the command line): scripts match the English
reasons, and the default of an error line must not change under them. With
``--lang fr`` the reason is given in French when this table knows it; a reason it
does not know is shown in English, never dropped. The values a reason quotes (a
file name, a key, a number) are carried over as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .core import rewritten

#: English reason (a regular expression over the whole reason) → French.
REASONS_FR: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$", re.DOTALL), fr)
    for pattern, fr in (
        ("no such file", "fichier introuvable"),
        ("is a directory, not a file", "est un dossier, pas un fichier"),
        ("empty file", "fichier vide"),
        (
            "standard input can be read once: '-' given to (.*) and (.*)",
            "l'entrée standard ne se lit qu'une fois : « - » donné à \\1 et à \\2",
        ),
        (r"OCR took more than (\d+) s; stopped", "OCR de plus de \\1 s : arrêtée"),
        ("not UTF-8 text", "texte qui n'est pas en UTF-8"),
        (r"not UTF-8 text \(byte (\d+): (.*)\)", "texte qui n'est pas en UTF-8 (octet \\1 : \\2)"),
        (
            "UTF-16 text, not UTF-8; convert the file to UTF-8",
            "texte UTF-16, pas UTF-8 : convertissez le fichier en UTF-8",
        ),
        (
            r"binary data \(contains NUL bytes\), not text",
            "données binaires (octets NUL), pas du texte",
        ),
        (
            r"binary file \(contains NUL bytes\), not a CSV text file",
            "fichier binaire (octets NUL), pas un fichier texte CSV",
        ),
        (r"too large \((.*) bytes; at most (\d+)\)", "trop grand (\\1 octets ; au plus \\2)"),
        (
            r"too large \(more than (\d+) bytes; at most (\d+)\)",
            "trop grand (plus de \\1 octets ; au plus \\2)",
        ),
        (
            r"text too large \((\d+) characters; at most (\d+)\)",
            "texte trop grand (\\1 caractères ; au plus \\2)",
        ),
        ("invalid JSON: nested too deeply", "JSON invalide : imbrication trop profonde"),
        ("invalid TOML: nested too deeply", "TOML invalide : imbrication trop profonde"),
        (r"invalid JSON: key (.*) given twice", "JSON invalide : clé \\1 donnée deux fois"),
        ("invalid JSON: (.*)", "JSON invalide : \\1"),
        ("invalid TOML: (.*)", "TOML invalide : \\1"),
        ("expected an object", "un objet était attendu"),
        ("expected an object, got (.*)", "un objet était attendu, reçu \\1"),
        (
            "expected an object at the top level, got (.*)",
            "un objet était attendu au premier niveau, reçu \\1",
        ),
        ("expected a date YYYY-MM-DD, got (.*)", "une date AAAA-MM-JJ était attendue, reçu \\1"),
        ("expected a whole number, got (.*)", "un nombre entier était attendu, reçu \\1"),
        ("expected true or false, got (.*)", "true ou false était attendu, reçu \\1"),
        ("expected a list, got (.*)", "une liste était attendue, reçu \\1"),
        ("expected a name, got (.*)", "un nom était attendu, reçu \\1"),
        ("expected a non-empty string, got (.*)", "un texte non vide était attendu, reçu \\1"),
        ("expected one of (.*), got (.*)", "une de ces valeurs était attendue : \\1 ; reçu \\2"),
        (r"not a valid date: (.*) \(expected YYYY-MM-DD\)", "date invalide : \\1 (AAAA-MM-JJ)"),
        (
            r"(.*) is outside the dates handled \((.*) to (.*)\)",
            "\\1 est hors des dates traitées (du \\2 au \\3)",
        ),
        ("cannot be negative: (.*)", "ne peut pas être négatif : \\1"),
        ("must be (.*) or more, got (.*)", "doit valoir au moins \\1, reçu \\2"),
        ("not a whole number: (.*)", "pas un nombre entier : \\1"),
        ("missing", "manquant"),
        (r"missing \(required\)", "manquant (obligatoire)"),
        ("missing date", "date manquante"),
        ("missing number", "numéro manquant"),
        ("unknown key", "clé inconnue"),
        (r"unknown key \(known: (.*)\)", "clé inconnue (connues : \\1)"),
        (r"after the séance \((.*)\)", "après la séance (\\1)"),
        ("expected the text of a délibération", "le texte d'une délibération était attendu"),
        (
            "no délibération in these facts: nothing to write",
            "aucune délibération dans ces faits : rien à écrire",
        ),
        (
            "no recours deadline: the act was neither published nor notified",
            "pas de date limite de recours : l'acte n'a été ni publié ni notifié",
        ),
        (
            r"needs --gracieux \(the date of the recours gracieux\)",
            "demande --gracieux (la date du recours gracieux)",
        ),
        (r"not a readable PDF \((.*)\)", "PDF illisible (\\1)"),
        ("not an INSEE commune code: (.*)", "pas un code INSEE de commune : \\1"),
        (
            r"(.*) \(outside the dates the policy covers\)",
            "\\1 (hors des dates que couvre la politique)",
        ),
    )
)


#: argparse's own usage errors (their message ids in CPython 3.11–3.13) → French; the
#: reason a type converter gives (``argument DATE: not a valid date…``) goes through
#: :data:`REASONS_FR`.
USAGE_FR: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$", re.DOTALL), fr)
    for pattern, fr in (
        (
            "the following arguments are required: (.*)",
            "arguments obligatoires manquants : \\1",
        ),
        ("unrecognized arguments: (.*)", "arguments inconnus : \\1"),
        (
            r"argument (.*?): invalid choice: (.*) \(choose from (.*)\)",
            "argument \\1 : choix invalide : \\2 (choix possibles : \\3)",
        ),
        ("argument (.*?): expected one argument", "argument \\1 : une valeur attendue"),
        (
            "argument (.*?): expected at least one argument",
            "argument \\1 : au moins une valeur attendue",
        ),
        (
            "argument (.*?): not allowed with argument (.*)",
            "argument \\1 : incompatible avec l'argument \\2",
        ),
        ("argument (.*?): ignored explicit argument (.*)", "argument \\1 : valeur \\2 ignorée"),
        (r"ambiguous option: (.*?) could match (.*)", "option ambiguë : \\1 peut désigner \\2"),
        ("argument (.*?): invalid (.*?) value: (.*)", "argument \\1 : valeur invalide (\\2) : \\3"),
    )
)


def usage_error_in(message: str, lang: str) -> str:
    """An argparse usage error in ``lang``: its own message ids, then the reason of an
    argument's converter (``argument X: reason``); else the message as argparse wrote it."""
    if lang != "fr":
        return message
    known = rewritten(message, USAGE_FR)
    if known:
        return known
    head, sep, reason = message.partition(": ")
    if sep and head.startswith("argument "):
        fr = rewritten(reason, REASONS_FR)
        if fr:
            return f"{head} : {fr}"
    return message


def reason_in(reason: str, lang: str) -> str:
    """``reason`` in ``lang``: the French of the table, else the reason as it is."""
    if lang != "fr":
        return reason
    return rewritten(reason, REASONS_FR) or reason


def error_language(argv: Sequence[str]) -> str:
    """``fr`` only when ``--lang fr`` is on the command line (see the module's docstring)."""
    args = list(argv)
    for i, a in enumerate(args):
        if (a == "--lang" and i + 1 < len(args) and args[i + 1] == "fr") or a == "--lang=fr":
            return "fr"
    return "en"
