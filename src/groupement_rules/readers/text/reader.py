"""The pipeline: normalise, then the stages in order, then reconciliation."""

from __future__ import annotations

import re
from typing import Any

from ...errors import InputError
from ..names import resolve, take_name
from ..textnorm import clean, fold, fold_key
from .attendance import (
    find_sections,
    in_change_block,
    name_before,
    read_list,
    secretary_sentence,
    unique_member,
)
from .commune import commune_name
from .counts import read_counts
from .dates import convocation_date, seance_date
from .deliberations import moves_at_points, read_deliberations
from .document import Document, strip_source
from .headings import find_headings
from .lexicon import (
    COMMUNE,
    COMMUNE_STARTS,
    HOLDS_PROXY,
    INSEE,
    POPULATION,
    PROXY_ANCHOR,
    PROXY_CONNECTOR,
    PROXY_OF,
    PROXY_WORDS,
    RENEWAL,
    SECOND_CONVOCATION,
    THE_MAYOR,
    URGENCE,
)
from .publication import read_publication
from .reconcile import PRINTED, Candidates, reconcile
from .record import COUNT_KEYS, MAX_CHARS, ExtractResult
from .search import first_of
from .stamps import act_facts, read_stamps

# ----------------------------------------------------------------------------- main


def read_extract(text: str | bytes) -> ExtractResult:
    """Read the text of a délibération (or an extract, or a PV) into séance facts.

    ``bytes`` are a PDF (read with :func:`read_pdf`) or UTF-8 text. Raises
    :class:`InputError` only for input that is not text at all (binary data, too large);
    any text yields facts, with what it could not read listed.
    """
    if isinstance(text, bytes | bytearray):
        from .pdf import is_pdf

        if is_pdf(bytes(text)):
            from .files import read_pdf

            return read_pdf(bytes(text))
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError("<text>", f"not UTF-8 text (byte {e.start}: {e.reason})") from None
    if not isinstance(text, str):
        raise InputError("<text>", f"expected text, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError("<text>", f"text too large ({len(text)} characters; at most {MAX_CHARS})")
    if "\x00" in text:
        raise InputError("<text>", "binary data (contains NUL bytes), not text")
    try:
        return read_pipeline(text)
    except RecursionError:  # pragma: no cover - no recursion in the reader
        raise InputError("<text>", "text too deeply nested to read") from None


def read_pipeline(raw_text: str) -> ExtractResult:
    doc = Document(clean(strip_source(raw_text)))
    f, text = doc.folded, doc.text
    facts: dict[str, Any] = {}

    # commune
    commune: dict[str, Any] = {"name": None, "insee": None, "population": None}
    candidates: list[tuple[str, int]] = []
    for m in doc.scan(COMMUNE, COMMUNE_STARTS, 0, len(f)):
        name, _ = commune_name(text, m.end())
        if name:
            prefix = f[m.end() - 3 : m.end()]
            if prefix.endswith("du "):
                name = ("Le " if not name.isupper() else "LE ") + name
            candidates.append((name, m.start()))
        if len(candidates) >= 20:
            break
    if candidates:
        mixed = [c for c in candidates if not c[0].isupper()]
        name, cpos0 = (mixed or candidates)[0]
        commune["name"] = name
        doc.note("commune.name", cpos0)
    im = INSEE.search(f)
    if im:
        commune["insee"] = im.group("code").upper()
        doc.note("commune.insee", im.start())
    pm = POPULATION.search(f)
    if pm:
        commune["population"] = int(re.sub(r"\D", "", pm.group("n")))
        doc.note("commune.population", pm.start())
    for key in ("name", "insee", "population"):
        if commune[key] is None:
            doc.missing(f"commune.{key}", "not stated in the text")
    facts["commune"] = commune

    # dates
    date, dpos = seance_date(doc)
    facts["date"] = date.isoformat() if date else None
    if date:
        doc.note("date", dpos)
    else:
        doc.missing("date", 'no séance date found ("L\'an ...", "séance du ...")')
    sent_on, cpos = convocation_date(doc, date)
    urgent = URGENCE.search(f)
    second = first_of(f, SECOND_CONVOCATION)
    renewal = first_of(f, RENEWAL)
    facts["convocation"] = {
        "sent_on": sent_on.isoformat() if sent_on else None,
        "urgent": urgent is not None,
        "second_convocation": second is not None,
        "first_after_renewal": renewal is not None,
    }
    if sent_on:
        doc.note("convocation.sent_on", cpos)
    else:
        doc.missing("convocation.sent_on", "no date of convocation found")
    for key, m2 in (
        ("urgent", urgent),
        ("second_convocation", second),
        ("first_after_renewal", renewal),
    ):
        if m2:
            doc.note(f"convocation.{key}", m2.start())
        else:
            doc.provenance[f"convocation.{key}"] = {
                "line": None,
                "text": None,
                "note": "not stated: read as false (an ordinary séance)",
            }

    # president
    president = None
    pm2 = re.search(
        r"sous\s+la\s+presidence\s+(?:de\s+|d'|du\s+)(?:(?:(?:monsieur|madame)\s+(?:le|la)\s+)?"
        r"(?:maire|president|presidente)\s?,?\s?)?",
        f,
    )
    if pm2:
        president, _ = take_name(text, pm2.end())
        lower_civ = re.compile(r"(?:monsieur|madame)\s+").match(text, pm2.end())
        if president is None and lower_civ:  # "sous la présidence de monsieur AUDONNET Serge"
            president, _ = take_name(text, lower_civ.end())
        if president and fold(president).startswith(("maire", "president")):
            president = None
        if president:
            doc.note("president", pm2.start())
    facts["president"] = president
    if president is None:
        doc.missing("president", 'no "sous la présidence de ..." with a name')

    headings = find_headings(doc)
    head_end = headings[0].pos if len(headings) > 1 else len(f)

    # attendance sections
    members: list[tuple[str, int]] = []
    present: list[tuple[str, int]] = []
    absent: list[tuple[str, int]] = []
    list_proxies: list[tuple[str, str, int]] = []
    secretaries: list[tuple[str, int]] = []
    for kind, ls, cs, ce in find_sections(doc, 0, head_end):
        if kind in ("other",):
            continue
        names, prox = read_list(doc, cs, ce, proxy_section=(kind == "proxy"))
        if kind == "secretary":
            secretaries.extend(names[:3])
            continue
        if in_change_block(doc, ls):
            continue
        list_proxies.extend(prox)
        if kind == "members":
            members.extend(names)
        elif kind == "present":
            present.extend(names)
        elif kind in ("absent", "proxy"):
            absent.extend(names)
    # sentence forms of a procuration outside sections
    giver_keys = {fold_key(g) for g, _h, _p in list_proxies}
    last = 0
    for anchor in PROXY_ANCHOR.finditer(f, 0, head_end):
        if anchor.start() < last:
            continue
        of = PROXY_OF.match(f, anchor.end(), min(head_end, anchor.end() + 12))
        holds = HOLDS_PROXY.search(f, max(0, anchor.start() - 16), anchor.start())
        if of is not None and holds is not None and not in_change_block(doc, anchor.start()):
            # "Mme X a le pouvoir de Mme Y pour la représenter": X holds Y's procuration
            holder = name_before(doc, holds.start())
            giver, g_end = take_name(text, of.end())
            if giver and holder and fold_key(giver) not in giver_keys:
                giver_keys.add(fold_key(giver))
                list_proxies.append((giver, holder, holds.start()))
                last = g_end
                continue
        if of is not None and not in_change_block(doc, anchor.start()):
            # "procuration de M. X à M. Y"
            giver, g_end = take_name(text, of.end())
            a = re.compile(r"\s?,?\s?a\s+").match(f, g_end, min(head_end, g_end + 6))
            if giver and a:
                holder, h_end = take_name(text, a.end())
                if holder and fold_key(giver) not in giver_keys:
                    giver_keys.add(fold_key(giver))
                    list_proxies.append((giver, holder, anchor.start()))
                    last = h_end
                    continue
        cm = PROXY_CONNECTOR.search(
            f, max(last, anchor.start() - 40), min(head_end, anchor.end() + 40)
        )
        if cm is None or not cm.start() <= anchor.start() < cm.end():
            continue
        last = cm.end()
        if in_change_block(doc, cm.start()):
            continue
        giver = name_before(doc, cm.start())
        holder, _ = take_name(text, cm.end())
        if giver and holder and fold_key(giver) not in giver_keys:
            giver_keys.add(fold_key(giver))
            list_proxies.append((giver, holder, cm.start()))

    if not secretaries:
        sec = secretary_sentence(doc, head_end)
        if sec:
            secretaries.append(sec)

    # dedupe and resolve
    known = [n for n, _ in members] + [n for n, _ in present]
    # "sous la présidence de M. BRARD, Maire": "M. le Maire" is then that member
    mayor = None
    if president and pm2 and re.search(r"maire", f[pm2.end() : pm2.end() + len(president) + 30]):
        mayor = (resolve(president, known) if known else None) or unique_member(president, known)
    proxies: list[dict[str, str]] = []
    seen_givers: set[str] = set()
    for giver, holder, pos in list_proxies:
        key = fold_key(giver)
        if not key or key in seen_givers:
            continue
        seen_givers.add(key)
        raw = doc.raw_holders.get((giver, holder), holder)
        if mayor is not None and THE_MAYOR.fullmatch(fold(holder).strip(" .")):
            raw = holder = mayor  # "donne pouvoir à M. le Maire", the Maire presiding
        better = resolve(raw, known) if known else None
        holder_name = better or holder
        if known and better is None:
            doc.missing(
                f"proxies[{len(proxies)}].to",
                f"holder {holder!r} is not among the members named (read as written)",
            )
        g = resolve(giver, known) or giver if known else giver
        doc.note(f"proxies[{len(proxies)}]", pos)
        proxies.append({"from": g, "to": holder_name})

    def dedupe(items: list[tuple[str, int]], path: str) -> list[str]:
        out: list[str] = []
        keys: set[str] = set()
        for n, p in items:
            k = fold_key(n)
            if not k:
                continue
            if k in keys:
                doc.missing(path, f"{n} is listed twice; kept once")
                continue
            keys.add(k)
            out.append(n)
            if path + "@first" not in doc.provenance:
                doc.provenance[path + "@first"] = p
        return out

    members_l = dedupe(members, "members")
    present_l = dedupe(present, "present")
    absent_l = dedupe(absent, "absent")
    absent_keys = {fold_key(n) for n in absent_l}
    for p in proxies:
        if fold_key(p["from"]) not in absent_keys:
            absent_keys.add(fold_key(p["from"]))
            absent_l.append(p["from"])
    for path in ("members", "present", "absent"):
        pos0 = doc.provenance.pop(path + "@first", None)
        if isinstance(pos0, int) and pos0 > 0:
            doc.note(path, pos0)
    if not members_l:
        members_l = list(present_l)
        keys = {fold_key(n) for n in members_l}
        for n in absent_l:
            if fold_key(n) not in keys:
                members_l.append(n)
                keys.add(fold_key(n))
        if members_l:
            doc.provenance["members"] = {
                "line": None,
                "text": None,
                "note": "no list of members en exercice: the présents and absents named",
            }
    facts["secretaries"] = [n for n, _ in secretaries]
    for i, (_n, spos) in enumerate(secretaries):
        doc.note(f"secretaries[{i}]", spos)
    if not secretaries:
        doc.missing("secretaries", "no secrétaire de séance named")
    facts["members"] = members_l
    if not members_l:
        doc.missing("members", "no member named")
    facts["absent"] = absent_l
    facts["proxies"] = proxies
    doc.provenance.pop("present", None)

    # opening counts (head) and délibérations
    head_counts = read_counts(doc, 0, head_end)
    opening_choice = reconcile(
        Candidates(
            printed={k: v for k, (v, _pos) in head_counts.items()},
            present_named=len(present_l) if present_l else None,
            absent_named=len(absent_l) if present_l and absent_l else None,
            proxies_paired=len(proxies),
            mentions_proxies=PROXY_WORDS.search(f) is not None,
        )
    )
    opening: dict[str, Any] = {
        k: opening_choice.value(k) for k in (*COUNT_KEYS, "absents", "proxies")
    }
    opening["present_named"] = len(present_l) if present_l else None
    for key, choice in opening_choice.choices.items():
        if choice.how is None:
            continue
        hit = head_counts.get("represented" if key == "proxies" else key)
        where = doc.lines.where(hit[1]) if hit and choice.how == PRINTED else {"line": None}
        doc.provenance[f"opening.{key}"] = {
            **where,
            "how": choice.how,
            **({"identity": choice.identity} if choice.identity else {}),
        }
    for dis in opening_choice.disagreements:
        doc.missing(
            f"opening.{dis.count}",
            f"the text prints {dis.printed} and its list of {dis.list_name} names "
            f"{dis.listed}: the printed count is kept, the list as read",
        )
    deliberations = read_deliberations(doc, headings, head_counts, members_l + present_l)
    moves_at_points(doc, deliberations, members_l)
    facts["deliberations"] = deliberations

    publication, ppos = read_publication(doc)
    if publication["stated"]:
        doc.note("publication", ppos)
    else:
        doc.missing("publication", "no publication line")
    elif_missing = publication["stated"] and publication["date"] is None
    if elif_missing:
        doc.missing("publication.date", "the publication line has no date")
    stamps = read_stamps(doc)
    return ExtractResult(
        stamps=stamps,
        act=act_facts(facts, stamps, publication),
        facts=facts,
        provenance=doc.provenance,
        unread=tuple(doc.unread),
        publication=publication,
        opening=opening,
        disagreements=tuple(d.to_dict() for d in opening_choice.disagreements),
    )
