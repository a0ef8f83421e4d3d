"""Stage: the stamps of transmission and publication (SPEC C), and the act they make.

A délibération sent through a tiers de télétransmission carries « Envoyé en préfecture
le … / Reçu en préfecture le … / Publié le … » and its ACTES identifier « ID :
0DD-SIREN-YYYYMMDD-NUMBER-NATURE ». « Reçu en préfecture le » is the transmission
L2131-1 requires; « Publié le » the publication; the ID names the act (its date is the
date of the decision, its nature DE a délibération, AR a regulatory act, AI an
individual one). When a stamp is printed more than once (on every page), the first
reading is kept and a different date is reported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..french_dates import find_dates
from .document import Document
from .lexicon import ACTES_ID, STAMP_LABELS

#: ACTES natures and the kind of act they are (SPEC C, L2131-1 II and III).
NATURE_KIND = {"AR": "regulatory", "AI": "individual"}


def read_stamps(doc: Document) -> dict[str, Any]:
    """The dates of the stamps printed, and the ACTES identifier (None where absent)."""
    f = doc.folded
    out: dict[str, Any] = {key: None for key, _ in STAMP_LABELS}
    out["actes_id"] = None
    for key, pat in STAMP_LABELS:
        for m in pat.finditer(f):
            if "compter" in f[max(0, m.start() - 25) : m.start()]:
                continue  # « à compter de sa publication »: not a stamp
            dates = find_dates(f, m.end(), min(len(f), m.end() + 25))
            if not dates or dates[0][0] - m.end() > 4:
                continue
            date = dates[0][2].isoformat()
            if out[key] is None:
                out[key] = date
                doc.note(f"stamps.{key}", m.start())
            elif out[key] != date:
                doc.missing(
                    f"stamps.{key}", f"printed twice with different dates: {out[key]}, {date}"
                )
    ident = ACTES_ID.search(doc.text) if "ID" in doc.text else None
    if ident is not None:
        try:
            decided = dt.datetime.strptime(ident.group("date"), "%Y%m%d").date().isoformat()
        except ValueError:
            decided = None
        out["actes_id"] = {
            "id": ident.group(0).split(":", 1)[1].strip(),
            "departement": ident.group("dep"),
            "siren": ident.group("siren"),
            "decided_on": decided,
            "number": ident.group("number"),
            "nature": ident.group("nature"),
        }
        doc.note("stamps.actes_id", ident.start())
    return out


def act_facts(
    facts: dict[str, Any], stamps: dict[str, Any], publication: dict[str, Any]
) -> dict[str, Any] | None:
    """The facts of the act (the input of ``executory``, SPEC C) that a reading gives, or
    None when it gives no date of adoption."""
    ident = stamps.get("actes_id") or {}
    adopted = ident.get("decided_on") or facts.get("date")
    if adopted is None:
        return None
    published = stamps.get("published_on") or publication.get("date")
    posted = stamps.get("posted_on")
    delibs = facts.get("deliberations") or []
    first = delibs[0] if len(delibs) == 1 else {}
    commune = (facts.get("commune") or {}).get("name")
    act: dict[str, Any] = {
        "adopted_on": adopted,
        "number": ident.get("number") or first.get("number"),
        "title": first.get("title"),
        "commune": commune,
        "kind": NATURE_KIND.get(ident.get("nature", ""), "other"),
        "published_on": published or posted,
        "publication_mode": "electronic" if published or not posted else "affichage",
        "transmitted_on": stamps.get("received_on"),
        "source": "read from the text (stamps and publication line)",
    }
    insee = (facts.get("commune") or {}).get("insee")
    if insee:
        act["insee"] = insee
    return act


__all__ = ["NATURE_KIND", "act_facts", "read_stamps"]
