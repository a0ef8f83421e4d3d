"""Stage: the name of the commune (or body) that deliberates."""

from __future__ import annotations

import re

from ..textnorm import fold


def commune_name(text: str, pos: int) -> tuple[str | None, int]:
    m = re.match(
        r"((?:[A-ZÀ-Þ][\w'-]*|d'|l'|de|du|des|la|le|les|sur|sous|en|lès|lez|et)"
        r"(?:[ -](?:[A-ZÀ-Þ][\w'-]*|d'[A-ZÀ-Þ][\w'-]*|l'[A-ZÀ-Þ][\w'-]*|de|du|des|la|le|les|sur|"
        r"sous|en|lès|lez|et)){0,5})",
        text[pos : pos + 80],
    )
    if not m:
        return None, pos
    words = m.group(1).split(" ")
    stops = {
        "seance",
        "departement",
        "extrait",
        "conseil",
        "deliberation",
        "deliberations",
        "republique",
        "le",
        "la",
        "les",
        "du",
        "de",
        "des",
        "et",
        "en",
        "sous",
        "sur",
        "arrondissement",
        "canton",
        "proces",
        "affaire",
        "envoye",
        "s'est",
        "dument",
        "regulierement",
        "liste",
        "compte",
        "telephone",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "municipal",
        "session",
        "maire",
        "president",
    }
    out: list[str] = []
    for i, w in enumerate(words):
        fw = fold(w)
        if fw in stops and not (
            i > 0
            and fw in {"sur", "en", "le", "la", "les", "de", "du", "et", "sous"}
            and i + 1 < len(words)
            and words[i + 1][:1].isupper()
        ):
            break
        if i > 0 and w.isupper() and not words[0].isupper() and len(w) > 1:
            break
        out.append(w)
    while out and (fold(out[-1]) in stops or len(out[-1]) == 1):
        out.pop()
    name = " ".join(out).strip(" -'")
    if len(name) < 2 or not name[0].isupper():
        return None, pos
    return name, pos + len(name)
