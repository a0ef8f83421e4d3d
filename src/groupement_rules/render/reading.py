"""Text output of the ``read`` command: the séance facts a délibération's text states.

Facts are named by their labels (« date d'envoi de la convocation », not
``convocation.sent_on``), dates in long form, and what the text does not state is
listed with its reason in the language asked. The reader writes its reasons in
English (they are also part of the ``extract/1`` JSON); their French wording is
this module's table, and a test reads the real texts to check that every reason
the reader gives has one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .. import labels
from .core import colon, day, rewritten, words

#: The reader's reasons for leaving a fact unknown, in French. A pattern's groups are
#: values of the text (a name, a number, a date), carried over as they are.
REASONS_FR: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$"), fr)
    for pattern, fr in (
        ("not stated in the text", "non indiqué dans le texte"),
        ("not stated", "non indiqué"),
        (
            r'no séance date found \("L\'an \.\.\.", "séance du \.\.\."\)',
            "aucune date de séance trouvée (« L'an … », « séance du … »)",
        ),
        ("no date of convocation found", "aucune date de convocation trouvée"),
        (
            'no "sous la présidence de ..." with a name',
            "aucun « sous la présidence de … » suivi d'un nom",
        ),
        (
            r"holder '(.*)' is not among the members named \(read as written\)",
            "le mandataire « \\1 » n'est pas parmi les membres nommés (lu tel qu'écrit)",
        ),
        ("(.*) is listed twice; kept once", "\\1 est cité deux fois ; gardé une fois"),
        ("no secrétaire de séance named", "aucun secrétaire de séance nommé"),
        ("no member named", "aucun membre nommé"),
        (
            r"(.*) holds two procurations as read \(the law allows one\): not counted",
            "\\1 détient deux procurations telles que lues (la loi en permet une) : non compté",
        ),
        (
            "the list of présents was read only in part: not counted",
            "la liste des présents n'a été lue qu'en partie : non comptée",
        ),
        (
            r"two surnames without a separator \(one member or two\?\): not counted",
            "deux noms sans séparateur (un membre ou deux ?) : liste non comptée",
        ),
        (
            r"(.*) holds two procurations as read \(the law allows one\): not counted",
            "\\1 détiendrait deux procurations telles que lues (la loi n'en permet "
            "qu'une) : non compté",
        ),
        ("no publication line", "aucune ligne de publication"),
        ("the publication line has no date", "la ligne de publication n'a pas de date"),
        ("only one of blancs / nuls is stated", "un seul des blancs et nuls est indiqué"),
        (
            "no count of pour / contre / abstentions",
            "aucun décompte des voix pour, contre et abstentions",
        ),
        ("no stated outcome", "aucune issue du vote indiquée"),
        ("no délibération number found", "aucun numéro de délibération trouvé"),
        ("no title found", "aucun objet trouvé"),
        (
            "(.*): item (.*) not found among the délibérations read",
            "\\1 : point \\2 introuvable parmi les délibérations lues",
        ),
        (
            "printed twice with different dates: (.*), (.*)",
            "imprimé deux fois avec des dates différentes : \\1, \\2",
        ),
        (
            "the text prints (.*) and its list of (.*) names (.*): "
            "the printed count is kept, the list as read",
            "le texte imprime \\1 et sa liste des \\2 nomme \\3 : le nombre imprimé est "
            "gardé, la liste telle que lue",
        ),
    )
)


def reason(text: str, lang: str) -> str:
    """The reader's ``text`` in ``lang`` (the English as it is, when no French is known)."""
    if lang == "en":
        return text
    return rewritten(text, REASONS_FR) or text


def has_french(text: str) -> bool:
    return any(p.match(text) for p, _ in REASONS_FR)


def _v(x: Any, lang: str) -> str:
    if x is None:
        return words("inconnu", "unknown", lang)
    if isinstance(x, bool):
        return words("oui", "yes", lang) if x else words("non", "no", lang)
    if isinstance(x, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", x):
        try:
            return day(dt.date.fromisoformat(x), lang)
        except ValueError:
            return x
    return str(x)


#: The outcome of a vote as the reader states it (``adopted``, ``rejected``).
_OUTCOMES = {
    "adopted": ("adoptée", "adopted"),
    "rejected": ("rejetée", "rejected"),
}


def _counts(section: str, values: Mapping[str, Any], lang: str) -> str:
    shown = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = labels.field_label(f"{section}.{key}", lang)
        shown.append(name if value is True else f"{name} {_v(value, lang)}")
    return ", ".join(shown) or "—"


def render_extract(r: Any, lang: str = "fr") -> str:
    """The facts of an ``ExtractResult`` for people, in ``lang``."""
    c = colon(lang)
    f = r.facts

    def line(path: str, value: str) -> str:
        return f"{labels.field_label(path, lang).capitalize()}{c} {value}"

    lines = [
        line("commune.name", _v(f["commune"]["name"], lang)),
        line("date", _v(f["date"], lang)),
        line("convocation.sent_on", _v(f["convocation"]["sent_on"], lang)),
        line("president", _v(f["president"], lang)),
        line("secretaries", ", ".join(f["secretaries"]) or _v(None, lang)),
        line("members", str(len(f["members"]))),
        line("absent", ", ".join(f["absent"]) or "—"),
        line("proxies", ", ".join(f"{p['from']} → {p['to']}" for p in f["proxies"]) or "—"),
    ]
    for d in f["deliberations"]:
        lines.append(f"Délibération {_v(d['number'], lang)}{c} {_v(d['title'], lang)}")
        declared = _counts("declared", d["declared"], lang)
        lines.append(f"  {labels.field_label('declared', lang)}{c} {declared}")
        outcome = d["outcome"]
        said_outcome = (
            _v(None, lang) if outcome is None else labels.say(_OUTCOMES.get(outcome), lang, outcome)
        )
        lines.append(
            f"  {labels.field_label('vote', lang)}{c} {_counts('vote', d['vote'], lang)}"
            + ("; " if lang == "en" else " ; ")
            + f"{labels.field_label('outcome', lang)}{c} {said_outcome}"
        )
        for key in ("stood_aside", "arrived", "left"):
            if d[key]:
                lines.append(f"  {labels.field_label(key, lang)}{c} {', '.join(d[key])}")
    pub = r.publication
    pub_label = labels.field_label("publication", lang).capitalize()
    if pub["stated"]:
        text = (
            _v(pub["date"], lang)
            if pub["date"]
            else words("ligne présente, sans date", "line present, no date", lang)
        )
    else:
        text = words("aucune ligne de publication", "no publication line", lang)
    lines.append(f"{pub_label}{c} {text}")
    if r.unread:
        lines.append(words("Non lu (laissé inconnu)", "Not read (left unknown)", lang) + c)
        lines.extend(
            f"  - {labels.field_label(u['fact'], lang)}{c} {reason(u['reason'], lang)}"
            for u in r.unread
        )
    return "\n".join(lines)
