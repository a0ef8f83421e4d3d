"""The pipeline: normalise, then the stages in order, then reconciliation."""

from __future__ import annotations

import re
from typing import Any

from ...errors import InputError
from ...seance.names import Roster, roster
from ..names import take_name
from ..textnorm import clean, fold, fold_key
from .attendance import (
    elided_pairs,
    find_sections,
    in_change_block,
    mandates_table,
    name_before,
    read_list,
    secretary_sentence,
)
from .commune import commune_name
from .counts import read_counts
from .dates import convocation_date, seance_date, sentence_end
from .deliberations import moves_at_points, read_deliberations
from .document import Document, strip_source
from .headings import find_headings
from .late import deliberation_kind, late_clause, place_late, span_proxies
from .lexicon import (
    ALL_PRESENT_EXCEPT,
    COMMUNE,
    COMMUNE_STARTS,
    GAVE_PROXY_LABEL,
    HOLDS_PROXY,
    INSEE,
    POPULATION,
    PROXY_ANCHOR,
    PROXY_CONNECTOR_FIRST,
    PROXY_OF,
    PROXY_WORDS,
    RENEWAL,
    SECOND_CONVOCATION,
    THE_MAYOR,
    URGENCE,
    audience_at,
)
from .publication import read_publication
from .reconcile import PRINTED, Candidates, Opening, reconcile
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
    """The stages in order over one :class:`Document`, then the reconciliation."""
    doc = Document(clean(strip_source(raw_text)))
    facts: dict[str, Any] = {"commune": stage_commune(doc)}
    facts["date"], facts["convocation"] = stage_dates(doc)
    president, pm2 = stage_president(doc)
    facts["president"] = president
    headings = find_headings(doc)
    head_end = headings[0].pos if len(headings) > 1 else len(doc.folded)
    members, present, absent, list_proxies, secretaries, all_but = stage_attendance(doc, head_end)
    if all_but is None and not present:
        all_but = stage_all_except_sentence(doc, head_end, absent, list_proxies)
    stage_president_present(doc, president, pm2, present, absent)
    stage_sentence_proxies(doc, head_end, list_proxies)
    for giver, holder, pos in mandates_table(doc, 0, head_end):
        if fold_key(giver) not in {fold_key(g) for g, _h, _p in list_proxies}:
            list_proxies.append((giver, holder, pos))
            absent.append((giver, pos))
    if not secretaries:
        sec = secretary_sentence(doc, head_end)
        if sec:
            secretaries.append(sec)
    known = [n for n, _ in members] + [n for n, _ in present]
    ros = roster(tuple(known)) if known else None  # built once: lookups stay linear
    proxies, late = stage_proxies(doc, list_proxies, known, ros, president, pm2)
    members_l, present_l, absent_l = stage_lists(
        doc, facts, members, present, absent, secretaries, proxies, late, all_but is not None
    )
    head_counts = read_counts(doc, 0, head_end)
    opening, choice = stage_opening(doc, head_counts, present_l, absent_l, proxies, all_but)
    deliberations = read_deliberations(doc, headings, head_counts, members_l + present_l)
    moves_at_points(doc, deliberations, members_l)
    for d in deliberations:
        d["kind"] = deliberation_kind(d["title"])
        d["new_proxies"] = []
    place_late(doc, deliberations, late, ros)
    if len(headings) > 1:
        span_proxies(doc, deliberations, [h.pos for h in headings], ros)
    facts["deliberations"] = deliberations
    publication = stage_publication(doc)
    stamps = read_stamps(doc)
    return ExtractResult(
        facts=facts,
        provenance=doc.provenance,
        unread=tuple(doc.unread),
        publication=publication,
        opening=opening,
        disagreements=tuple(d.to_dict() for d in choice.disagreements),
        stamps=stamps,
        act=act_facts(facts, stamps, publication),
    )


def stage_commune(doc: Document) -> dict[str, Any]:
    """The commune (or body): its name, INSEE code and population as printed."""
    f, text = doc.folded, doc.text
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
    return commune


def stage_dates(doc: Document) -> tuple[str | None, dict[str, Any]]:
    """The séance date, and the convocation: sent on, urgency, second convocation, renewal."""
    f = doc.folded
    date, dpos = seance_date(doc)
    if date:
        doc.note("date", dpos)
    else:
        doc.missing("date", 'no séance date found ("L\'an ...", "séance du ...")')
    sent_on, cpos = convocation_date(doc, date)
    urgent = URGENCE.search(f)
    second = first_of(f, SECOND_CONVOCATION)
    renewal = first_of(f, RENEWAL)
    convocation = {
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
    return (date.isoformat() if date else None), convocation


def stage_president(doc: Document) -> tuple[str | None, re.Match[str] | None]:
    """« sous la présidence de … »: the name, and where the phrase is."""
    f, text = doc.folded, doc.text
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
    if president is None:
        doc.missing("president", 'no "sous la présidence de ..." with a name')
    return president, pm2


def stage_attendance(
    doc: Document, head_end: int
) -> tuple[
    list[tuple[str, int]],
    list[tuple[str, int]],
    list[tuple[str, int]],
    list[tuple[str, str, int]],
    list[tuple[str, int]],
    int | None,
]:
    """The labelled sections before the first délibération: members, présents, absents,
    procurations (pairs written in the lists) and secrétaires."""
    members: list[tuple[str, int]] = []
    present: list[tuple[str, int]] = []
    absent: list[tuple[str, int]] = []
    list_proxies: list[tuple[str, str, int]] = []
    secretaries: list[tuple[str, int]] = []
    all_but: int | None = None
    for kind, ls, cs, ce in find_sections(doc, 0, head_end):
        if kind in ("other",) or (kind == "present" and audience_at(doc.folded, ls)):
            continue  # « Auditeurs présents : 24 »: the public, not members
        every = ALL_PRESENT_EXCEPT.match(doc.folded, cs, ce) if kind == "present" else None
        if every is not None:  # « tous les conseillers …, à l'exception de X et de Y »
            names, prox = read_list(doc, every.end(), ce)
            absent.extend(names)
            list_proxies.extend(prox)
            all_but = len(names)
            doc.note("present.all_except", ls)
            continue
        with_proxy = kind == "absent" and GAVE_PROXY_LABEL.search(doc.folded, ls, cs) is not None
        names, prox = read_list(
            doc, cs, ce, proxy_section=(kind == "proxy"), holder_in_parens=with_proxy
        )
        if kind == "present" and cs in doc.partial_lists:
            doc.missing("present", "the list of présents was read only in part: not counted")
        if kind == "present" and cs in doc.ambiguous_lists:
            doc.missing(
                "present", "two surnames without a separator (one member or two?): not counted"
            )
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
    return members, present, absent, list_proxies, secretaries, all_but


#: « Étaient présents tous les conseillers en exercice, à l'exception de … » as a sentence
PRESENT_VERB = re.compile(r"(?<![a-z])(?:etaient|sont)\s+presents?\s+(?=tous\s)")
PRESENT_VERB_STARTS = ("etaient", "sont")


def stage_all_except_sentence(
    doc: Document,
    head_end: int,
    absent: list[tuple[str, int]],
    list_proxies: list[tuple[str, str, int]],
) -> int | None:
    """The présents given by exception in a sentence (no label and colon): the members
    excepted are absent, and how many they are is returned (None: no such sentence)."""
    f = doc.folded
    for m in doc.scan(PRESENT_VERB, PRESENT_VERB_STARTS, 0, head_end):
        every = ALL_PRESENT_EXCEPT.match(f, m.end(), head_end)
        if every is None:
            continue
        names, prox = read_list(doc, every.end(), sentence_end(f, every.end(), 400))
        if not names:
            return None
        absent.extend(names)
        list_proxies.extend(prox)
        doc.note("present.all_except", m.start())
        return len(names)
    return None


def surname_words(name: str) -> set[str]:
    """The words of ``name`` that can be its surname: those in capitals (« Philippe
    ROGALA »: not Philippe, a first name other members share), else every word."""
    upper = {fold_key(w) for w in name.split() if w.isupper() and len(w) >= 3}
    return upper or {w for w in fold_key(name).split() if len(w) >= 3}


def stage_president_present(
    doc: Document,
    president: str | None,
    pm2: re.Match[str] | None,
    present: list[tuple[str, int]],
    absent: list[tuple[str, int]],
) -> None:
    """The member who presides is present, even when the list of présents leaves them out
    (« sous la présidence de M. X, Maire » and a list of the others)."""
    if president is None or pm2 is None or not present:
        return
    listed = [n for n, _ in present + absent]
    if roster(tuple(listed)).find(president) is not None:
        return
    # a name written otherwise (« M. G. FAURIEL » for « FAURIEL Gilles »): not added
    words = surname_words(president)
    if any(words & set(fold_key(n).split()) for n in listed):
        return
    present.append((president, pm2.start()))
    doc.provenance["present.president"] = {
        **doc.lines.where(pm2.start()),
        "note": "presides the séance: present, though not in the list of présents",
    }


def stage_sentence_proxies(
    doc: Document, head_end: int, list_proxies: list[tuple[str, str, int]]
) -> None:
    """Procurations written as sentences outside the sections, added to ``list_proxies``."""
    f, text = doc.folded, doc.text
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
        cm = PROXY_CONNECTOR_FIRST.search(
            f, max(last, anchor.start() - 40), min(head_end, anchor.end() + 40)
        )
        if cm is None or not cm.start() <= anchor.start() < cm.end():
            continue
        last = cm.end()
        if in_change_block(doc, cm.start()):
            continue
        giver = name_before(doc, cm.start())
        holder, h_end = take_name(text, cm.end())
        if giver and holder and fold_key(giver) not in giver_keys:
            giver_keys.add(fold_key(giver))
            list_proxies.append((giver, holder, cm.start()))
            for g2, h2, p2 in elided_pairs(doc, h_end, head_end)[0]:
                if fold_key(g2) not in giver_keys:
                    giver_keys.add(fold_key(g2))
                    list_proxies.append((g2, h2, p2))
                    last = max(last, p2)


def stage_proxies(
    doc: Document,
    list_proxies: list[tuple[str, str, int]],
    known: list[str],
    ros: Roster | None,
    president: str | None,
    pm2: re.Match[str] | None,
) -> tuple[list[dict[str, str]], list[tuple[str, str, str, int]]]:
    """The procurations of the opening, names resolved with the one Roster, and those given
    for a later item (placed by :func:`.late.place_late`)."""
    f = doc.folded
    # "sous la présidence de M. BRARD, Maire": "M. le Maire" is then that member
    mayor = None
    if president and pm2 and re.search(r"maire", f[pm2.end() : pm2.end() + len(president) + 30]):
        mayor = (ros.resolve(president) if ros is not None else None) or president
    proxies: list[dict[str, str]] = []
    late: list[tuple[str, str, str, int]] = []
    seen_givers: set[str] = set()
    for giver, holder, pos in list_proxies:
        key = fold_key(giver)
        if not key or key in seen_givers:
            continue
        seen_givers.add(key)
        raw = doc.raw_holders.get((giver, holder), holder)
        if mayor is not None and THE_MAYOR.fullmatch(fold(holder).strip(" .")):
            raw = holder = mayor  # "donne pouvoir à M. le Maire", the Maire presiding
        better = ros.resolve(raw) if ros is not None else None
        holder_name = better or holder
        g = (ros.resolve(giver) or giver) if ros is not None else giver
        what = late_clause(doc, raw)
        if what is not None:  # « à partir de l'élection du maire »: not of the opening
            late.append((g, holder_name, what, pos))
            continue
        if restated_proxy(proxies, g, holder_name):
            continue  # the président restates a procuration of the list in prose
        if known and better is None:
            doc.missing(
                f"proxies[{len(proxies)}].to",
                f"holder {holder!r} is not among the members named (read as written)",
            )
        doc.note(f"proxies[{len(proxies)}]", pos)
        proxies.append({"from": g, "to": holder_name})
    return proxies, late


def _name_words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s-]+", fold_key(name)) if len(w) >= 3}


def restated_proxy(proxies: list[dict[str, str]], giver: str, holder: str) -> bool:
    """A procuration already read, written again (« présente les excuses de Mme Rose SARRAT
    qui a donné procuration à Mme Eva Estrade » after « Rose PUJOL-SARRAT (procuration à Eva
    ESTRADE) »): the same holder, and a giver sharing words with the one already read. A
    member holds one procuration only (CGCT L2121-20), so it is the same one."""
    hk, gw = fold_key(holder), _name_words(giver)
    return any(fold_key(p["to"]) == hk and len(gw & _name_words(p["from"])) >= 1 for p in proxies)


def holder_of_two(proxies: list[dict[str, str]]) -> str | None:
    """The first holder to whom the pairs read give two procurations, or None."""
    seen: set[str] = set()
    for p in proxies:
        k = fold_key(p["to"])
        if k in seen:
            return p["to"]
        seen.add(k)
    return None


def stage_lists(
    doc: Document,
    facts: dict[str, Any],
    members: list[tuple[str, int]],
    present: list[tuple[str, int]],
    absent: list[tuple[str, int]],
    secretaries: list[tuple[str, int]],
    proxies: list[dict[str, str]],
    late: list[tuple[str, str, str, int]],
    by_exception: bool = False,
) -> tuple[list[str], list[str], list[str]]:
    """The lists of names, each name once: members, présents, absents; written to ``facts``.

    Without a list of members, the présents and absents named stand for it, except when
    the présents are given by exception (« tous …, à l'exception de … »): the members are
    then not all named, and none is listed."""

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
    # a procuration « à compter de son départ » of a member present at the opening: listed
    # with the procurations, but not absent at the opening
    present_keys = {fold_key(n) for n in present_l}
    late_present = {fold_key(g) for g, _h, _w, _p in late} & present_keys
    absent_l = [n for n in absent_l if fold_key(n) not in late_present]
    absent_keys = {fold_key(n) for n in absent_l}
    for p in proxies:
        if fold_key(p["from"]) not in absent_keys:
            absent_keys.add(fold_key(p["from"]))
            absent_l.append(p["from"])
    for path in ("members", "present", "absent"):
        pos0 = doc.provenance.pop(path + "@first", None)
        if isinstance(pos0, int) and pos0 > 0:
            doc.note(path, pos0)
    if not members_l and not by_exception:
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
    return members_l, present_l, absent_l


def stage_opening(
    doc: Document,
    head_counts: dict[str, tuple[int, int]],
    present_l: list[str],
    absent_l: list[str],
    proxies: list[dict[str, str]],
    all_but: int | None = None,
) -> tuple[dict[str, Any], Opening]:
    """The counts of the opening, reconciled (:mod:`.reconcile`), with how each was obtained."""
    f = doc.folded
    partial = any(u["fact"] == "present" and "not counted" in u["reason"] for u in doc.unread)
    choice = reconcile(
        Candidates(
            printed={k: v for k, (v, _pos) in head_counts.items()},
            present_named=len(present_l) if present_l and not partial else None,
            # a suppléant who sits fills an absent titulaire's seat (« Membres suppléants avec
            # voix délibérative »): that absent is not an empty seat beside the présents
            absent_named=max(0, len(absent_l) - sum(doc.seated_suppleants.values()))
            if present_l and absent_l
            else None,
            proxies_paired=len(proxies),
            mentions_proxies=PROXY_WORDS.search(f) is not None,
            present_all_but=all_but,
        )
    )
    opening: dict[str, Any] = {k: choice.value(k) for k in (*COUNT_KEYS, "absents", "proxies")}
    double = holder_of_two(proxies)
    proxies_choice = choice.choices.get("proxies")
    if double is not None and proxies_choice is not None and proxies_choice.how != PRINTED:
        # CGCT L2121-20: a member holds one procuration only; pairs that give one holder
        # two were misread (a restatement, a name cut): their number is not a count
        opening["proxies"] = None
        doc.missing(
            "opening.proxies",
            f"{double} holds two procurations as read (the law allows one): not counted",
        )
    opening["present_named"] = len(present_l) if present_l else None
    for key, c in choice.choices.items():
        if c.how is None:
            continue
        hit = head_counts.get("represented" if key == "proxies" else key)
        where = doc.lines.where(hit[1]) if hit and c.how == PRINTED else {"line": None}
        doc.provenance[f"opening.{key}"] = {
            **where,
            "how": c.how,
            **({"identity": c.identity} if c.identity else {}),
        }
    for dis in choice.disagreements:
        doc.missing(
            f"opening.{dis.count}",
            f"the text prints {dis.printed} and its list of {dis.list_name} names "
            f"{dis.listed}: the printed count is kept, the list as read",
        )
    return opening, choice


def stage_publication(doc: Document) -> dict[str, Any]:
    """The publication line and its date."""
    publication, ppos = read_publication(doc)
    if publication["stated"]:
        doc.note("publication", ppos)
    else:
        doc.missing("publication", "no publication line")
    if publication["stated"] and publication["date"] is None:
        doc.missing("publication.date", "the publication line has no date")
    return publication
