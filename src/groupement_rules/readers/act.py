"""Read the facts of an act (executory force, SPEC Part C) from JSON or TOML.

Keys: ``adopted_on`` (required), ``number``, ``title``, ``commune``, ``insee``,
``population``, ``kind`` (regulatory, individual, other), ``published_on``,
``publication_mode`` (electronic, affichage, paper), ``notified_on``,
``transmitted_on``, ``listed_in_l2131_2`` (default true), ``good_friday``
(Alsace-Moselle commune with a Protestant temple or mixed church) and
``source`` (free text saying where the facts come from).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..deadlines import Act, ActKind, PublicationMode
from ..errors import InputError
from .structured import Fields, load_document

KEYS = (
    "$schema",
    "adopted_on",
    "number",
    "title",
    "commune",
    "insee",
    "population",
    "kind",
    "published_on",
    "publication_mode",
    "notified_on",
    "transmitted_on",
    "listed_in_l2131_2",
    "good_friday",
    "source",
)


def _choice(f: Fields, key: str, values: tuple[str, ...], default: str) -> str:
    v = f.string(key) or default
    if v not in values:
        raise InputError(f.path(key), f"expected one of {', '.join(values)}, got {v!r}")
    return v


def act_from_dict(data: Any, where: str) -> tuple[Act, bool]:
    """The act and its ``good_friday`` flag."""
    f = Fields(data, where, KEYS)
    kind = _choice(f, "kind", tuple(k.value for k in ActKind), ActKind.OTHER.value)
    mode = _choice(
        f,
        "publication_mode",
        tuple(m.value for m in PublicationMode),
        PublicationMode.ELECTRONIC.value,
    )
    f.string("source")
    act = Act(
        adopted_on=f.req_date("adopted_on"),
        number=f.string("number"),
        title=f.string("title"),
        commune=f.string("commune"),
        insee=f.string("insee"),
        population=f.integer("population"),
        kind=ActKind(kind),
        published_on=f.date("published_on"),
        publication_mode=PublicationMode(mode),
        notified_on=f.date("notified_on"),
        transmitted_on=f.date("transmitted_on"),
        listed_in_l2131_2=bool(f.boolean("listed_in_l2131_2", True)),
    )
    return act, bool(f.boolean("good_friday", False))


def load_act(
    path: str | Path, *, progress: Callable[[float], None] | None = None
) -> tuple[Act, bool]:
    """The act of a JSON/TOML file, or of a délibération's text or PDF (its stamps);
    ``-`` (standard input) is told by its content. ``progress``: as for
    :func:`~groupement_rules.readers.text.read_extract_file` (the OCR of a scan)."""
    from ..inputs import source_name
    from .structured import DOCUMENT_SUFFIXES

    name = source_name(path)
    if Path(path).suffix.lower() in DOCUMENT_SUFFIXES:
        return act_from_dict(load_document(path), name)
    from .text.files import read_input  # the text reader: only for a text, a PDF or stdin
    from .text.record import ExtractResult

    doc = read_input(str(path), progress=progress)
    if isinstance(doc, ExtractResult):
        if doc.act is None:
            raise InputError(name, "no date of adoption read (no séance date, no ACTES ID)")
        return act_from_dict(dict(doc.act), name)
    return act_from_dict(doc, name)
