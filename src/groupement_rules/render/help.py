"""``--help`` in French and in English.

The commands declare their help in English (``commands/*.py``); this module holds
the French of every help string and puts it in place when the help is to be read
in French. Which language: ``--lang fr|en`` when it is on the command line,
else the locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``): English for an
English locale (``en_GB.UTF-8``), French otherwise, as the text output is French
unless asked. A test walks every parser and fails on a help string without its
French (``tests/render/test_help.py``).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence

#: The French of each help string the commands declare (English → French).
HELP_FR: dict[str, str] = {
    "Explained decisions on the e-primo groupement de commandes convention and on "
    "municipal council séances (CGCT).": (
        "Décisions expliquées sur la convention de groupement de commandes e-primo et sur "
        "les séances du conseil municipal (CGCT)."
    ),
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version et quitte",
    # convention
    "if the withdrawal letter is sent on DATE, is it valid and when does it take effect?": (
        "si la demande de retrait est adressée le DATE, est-elle valable et quand prend-elle "
        "effet ?"
    ),
    "date of the letter (YYYY-MM-DD)": "date du courrier (AAAA-MM-JJ)",
    "DATE is the day the rectorat receives the letter (the cautious reading)": (
        "DATE est le jour où le rectorat reçoit le courrier (la lecture prudente)"
    ),
    "when could an adherent withdraw? the notice window(s)": (
        "quand un adhérent peut-il se retirer ? les fenêtres de préavis"
    ),
    "status of an adhesion on DATE": "situation d'une adhésion le DATE",
    "every key date of the convention with its article": (
        "chaque date clé de la convention, avec son article"
    ),
    "also write the key dates as an iCalendar file": (
        "écrit aussi les dates clés dans un fichier iCalendar"
    ),
    "check one adherent's file (JSON or TOML)": "vérifie le dossier d'un adhérent (JSON ou TOML)",
    "check as of DATE (default: today)": "vérifie à la date DATE (par défaut : aujourd'hui)",
    "as of DATE (default: today)": "à la date DATE (par défaut : aujourd'hui)",
    "the main job: timeline, withdrawal window and the seed adherent (and séance)": (
        "le travail principal : calendrier, fenêtre de retrait et l'adhérent d'exemple "
        "(et sa séance)"
    ),
    "a convention policy file (TOML); default: the embedded e-primo convention": (
        "un fichier de politique de convention (TOML) ; par défaut : la convention e-primo intégrée"
    ),
    "a convention policy file (TOML) to load; repeatable; the first is the default": (
        "un fichier de politique de convention (TOML) à charger ; répétable ; le premier est "
        "celui par défaut"
    ),
    "check every adherent of a convention from a CSV file (one row each)": (
        "vérifie chaque adhérent d'une convention à partir d'un fichier CSV (une ligne chacun)"
    ),
    "one row per adherent: CSV or .xlsx (docs/convention.md)": (
        "une ligne par adhérent : CSV ou .xlsx (docs/convention.md)"
    ),
    "print a shell completion script (bash, zsh, fish)": (
        "imprime un script de complétion pour le shell (bash, zsh, fish)"
    ),
    "the shell": "le shell",
    "your act (JSON or TOML) instead of the seed": (
        "votre acte (JSON ou TOML) au lieu de celui d'exemple"
    ),
    "your adherent file instead of the seed": (
        "votre dossier d'adhérent au lieu de celui d'exemple"
    ),
    "your séance (JSON, TOML or text) instead of the seed": (
        "votre séance (JSON, TOML ou texte) au lieu de celle d'exemple"
    ),
    # séance
    "check a municipal council séance and its vote counts (JSON or TOML)": (
        "vérifie une séance du conseil municipal et ses décomptes de votes (JSON ou TOML)"
    ),
    "a CGCT policy file (TOML); default: the embedded policies/cgct.toml": (
        "un fichier de politique CGCT (TOML) ; par défaut : policies/cgct.toml intégré"
    ),
    "a CGCT policy file (default: embedded)": (
        "un fichier de politique CGCT (par défaut : celui intégré)"
    ),
    "the last day a convocation may be sent for a séance on DATE": (
        "le dernier jour où la convocation d'une séance du DATE peut être envoyée"
    ),
    "day of the séance (YYYY-MM-DD)": "jour de la séance (AAAA-MM-JJ)",
    "population authenticated at the last general renewal (R2151-4)": (
        "population authentifiée au dernier renouvellement général (R2151-4)"
    ),
    "urgency (L2121-11, L2121-12)": "urgence (L2121-11, L2121-12)",
    "first séance after a general renewal (L2121-7)": (
        "première séance après un renouvellement général (L2121-7)"
    ),
    # reading and SCDL
    "read a délibération text (extract, PV) into séance facts, with provenance": (
        "lit le texte d'une délibération (extrait, PV) en faits de séance, avec leur provenance"
    ),
    "UTF-8 text of the délibération (-: stdin)": (
        "texte UTF-8 de la délibération (- : entrée standard)"
    ),
    "check an SCDL « Délibérations » CSV file, row by row": (
        "vérifie un fichier CSV SCDL « Délibérations », ligne par ligne"
    ),
    "the CSV file (UTF-8, comma or semicolon); - for stdin": (
        "le fichier CSV (UTF-8, virgule ou point-virgule) ; - pour l'entrée standard"
    ),
    "print one JSON object a line (header, rows with findings, summary)": (
        "imprime un objet JSON par ligne (en-tête, lignes avec constats, résumé)"
    ),
    "leave out findings below this level (default: info in JSON, warning in text)": (
        "omet les constats sous ce niveau (par défaut : info en JSON, warning en texte)"
    ),
    "write SCDL « Délibérations » rows from séance facts (JSON/TOML or text)": (
        "écrit des lignes SCDL « Délibérations » à partir des faits d'une séance "
        "(JSON/TOML ou texte)"
    ),
    "séance facts (.json, .toml) or a text (.txt)": (
        "faits de séance (.json, .toml) ou un texte (.txt)"
    ),
    "COLL_SIRET (14 digits, a valid SIRET)": "COLL_SIRET (14 chiffres, un SIRET valide)",
    "COLL_NOM (default: the commune's name)": "COLL_NOM (par défaut : le nom de la commune)",
    "DELIB_MATIERE_CODE, an ACTES code such as 1.4": (
        "DELIB_MATIERE_CODE, un code ACTES tel que 1.4"
    ),
    "DELIB_MATIERE_NOM, e.g. 'Commande publique/Autres'": (
        "DELIB_MATIERE_NOM, par exemple 'Commande publique/Autres'"
    ),
    "DELIB_URL": "DELIB_URL",
    # deadlines
    "last admissible day of a recours contentieux against an act published on DATE": (
        "dernier jour admissible d'un recours contentieux contre un acte publié le DATE"
    ),
    "date of publication (YYYY-MM-DD)": "date de publication (AAAA-MM-JJ)",
    "DATE is a notification, not a publication": ("DATE est une notification, non une publication"),
    "INSEE code of the commune: its public holidays (Alsace-Moselle, overseas)": (
        "code INSEE de la commune : ses jours fériés (Alsace-Moselle, outre-mer)"
    ),
    "Alsace-Moselle commune with a Protestant temple or mixed church (L3134-13)": (
        "commune d'Alsace-Moselle ayant un temple protestant ou une église mixte (L3134-13)"
    ),
    "date of a recours gracieux": "date d'un recours gracieux",
    "date of the express rejection of the recours gracieux": (
        "date du rejet exprès du recours gracieux"
    ),
    "also write the last day as an iCalendar file": (
        "écrit aussi le dernier jour dans un fichier iCalendar"
    ),
    "is this act executory, and since when? (facts in a JSON or TOML file)": (
        "cet acte est-il exécutoire, et depuis quand ? (faits dans un fichier JSON ou TOML)"
    ),
    "a deadlines policy file (TOML); default: the embedded one": (
        "un fichier de politique des délais (TOML) ; par défaut : celui intégré"
    ),
    "a deadlines policy file (default: embedded)": (
        "un fichier de politique des délais (par défaut : celui intégré)"
    ),
    # options every command shares
    "print the decision as JSON": "imprime la décision en JSON",
    "no progress display on the terminal's standard error": (
        "pas d'affichage de la progression sur la sortie d'erreur du terminal"
    ),
    "language of the text (default: fr)": "langue du texte (par défaut : fr)",
    "exit with status 1 when a finding of this severity or worse is given": (
        "sort avec le statut 1 quand un constat de cette gravité ou plus grave est donné"
    ),
    "write the output to FILE (replaced only once complete) instead of stdout": (
        "écrit la sortie dans FILE (remplacé seulement une fois complet) au lieu de la sortie "
        "standard"
    ),
    # the HTTP server
    "serve the HTTP API and the secretary's page (needs the [web] extra)": (
        "sert l'API HTTP et la page du secrétariat (demande l'extra [web])"
    ),
    "address to bind (default: 127.0.0.1)": "adresse d'écoute (par défaut : 127.0.0.1)",
    "port (default: 8000)": "port (par défaut : 8000)",
    "worker processes (default: 1)": "processus de travail (par défaut : 1)",
    "require this key (first line of FILE) on every request but /health": (
        "exige cette clé (première ligne de FILE) à chaque requête sauf /health"
    ),
    "largest document body (default: 2 MiB)": "plus grand corps de document (par défaut : 2 Mio)",
    "largest SCDL CSV body (default: 64 MiB)": ("plus grand corps CSV SCDL (par défaut : 64 Mio)"),
    "most items in one batch (default: 20000)": (
        "nombre maximal d'éléments d'un lot (par défaut : 20000)"
    ),
}

#: argparse's own headings.
_HEADINGS_FR = {
    "positional arguments": "arguments ",
    "options": "options ",
    "optional arguments": "options ",
}


def _french(text: str) -> str:
    """``text`` in French, its high punctuation held to the word before it (a no-break
    space: the help's wrapping never puts « : » at the start of a line)."""
    fr = HELP_FR.get(text, text)
    for mark in (":", ";", "?", "!"):
        fr = fr.replace(f" {mark}", f"\u00a0{mark}")
    return fr


def help_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language ``--help`` is written in (see the module's docstring)."""
    args = list(argv)
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "fr"
        if a.startswith("--lang="):
            return "en" if a.partition("=")[2] == "en" else "fr"
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


class _FrenchFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "usage : " if prefix is None else prefix)  # type: ignore[arg-type]

    def start_section(self, heading: str | None) -> None:
        super().start_section(_HEADINGS_FR.get(heading or "", heading))


def untranslated(parser: argparse.ArgumentParser) -> list[str]:
    """The help strings of ``parser`` and its subcommands that have no French."""
    return sorted({h for h in _helps(parser) if h not in HELP_FR})


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    out = [parser.description] if parser.description else []
    for action in parser._actions:
        if isinstance(action.help, str) and action.help != argparse.SUPPRESS:
            out.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            out += [c.help for c in action._choices_actions if isinstance(c.help, str)]
            for sub in action.choices.values():
                out += _helps(sub)
    return out


def to_french(parser: argparse.ArgumentParser) -> None:
    """Write ``parser``'s help (and its subcommands') in French, in place."""
    parser.formatter_class = _FrenchFormatter
    if parser.description:
        parser.description = _french(parser.description)
    for action in parser._actions:
        if isinstance(action.help, str):
            action.help = _french(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if isinstance(choice.help, str):
                    choice.help = _french(choice.help)
            for sub in action.choices.values():
                to_french(sub)
