"""Stage: attendance sections (présents, absents, procurations, secrétaire) and
the names listed in them.
"""

from __future__ import annotations

import bisect
import re

from ..names import take_name
from .document import Document
from .lexicon import (
    AND_OF,
    AND_PAIR,
    BODY_AHEAD,
    LIST_NUMBER,
    LONE_CIVILITY,
    MANDANTS,
    MANDATAIRES,
    MEMBER_BODY,
    PAREN_HOLDER,
    PLAIN_A,
    PROXY_CONNECTOR,
    QUALIFIER,
    SECTION,
    SECTION_STARTS,
    SKIP_SEP,
    SUBLIST_LABEL,
    section_kind,
)

# ----------------------------------------------------------------------------- names


def skip_qualifiers(f: str, pos: int, end: int) -> int:
    for _ in range(6):
        m = QUALIFIER.match(f, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def read_list(
    doc: Document, start: int, end: int, proxy_section: bool = False, holder_in_parens: bool = False
) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """Names listed from ``start`` (and the procurations written inside the list).

    ``holder_in_parens``: the list's label says its absents gave a procuration
    (« Absents avec procuration : X (Y) – Z (W) »), so a bare name in parentheses after
    a name is the holder."""
    if proxy_section:
        return read_proxy_items(doc, start, end)
    text, f = doc.text, doc.folded
    names: list[tuple[str, int]] = []
    proxies: list[tuple[str, str, int]] = []
    pos = start
    m = re.match(r"[\s:]{0,6}\d{1,3}(?![\d/])", f[pos:end])
    if m:
        pos += m.end()
    sublists = False
    plural = False  # the last civility written was plural (« Messieurs X, Y »)
    suppleants_from: int | None = None
    for _ in range(200):
        after_item = pos
        pos = SKIP_SEP.match(f, pos, end).end()  # type: ignore[union-attr]
        if names:
            et = AND_NAME.match(text, pos, end) or AND_OF.match(f, pos, end)
            if et is not None:  # "…, Mme Sylvie VALENTE, et M. Jean ZALAY", "et de M. X"
                pos = et.end()
        lone = LONE_CIVILITY.match(f, pos, end)
        if lone:
            pos = lone.end()
            continue
        group = MEMBER_BODY.match(f, pos, end) if f.startswith(("c", "v", "p"), pos) else None
        if group is not None:  # « Commune de Lussas : Monsieur Faure »: the body, not a name
            pos = group.end()
            continue
        sub = SUBLIST_LABEL.match(f, pos, end) if f.startswith(SUBLIST_FIRST, pos) else None
        if sub is not None:  # « Membres titulaires : … Membres suppléants avec voix … : »
            if sub.group("silent") is not None or (names and not sublists):
                # suppléants who may not vote, or names before any sub-list: count unknown
                doc.partial_lists.add(start)
                break
            sublists = True
            if sub.group("sits") is not None:  # the names after it sit for absent titulaires
                suppleants_from = len(names)
            pos = sub.end()
            continue
        if pos >= end:
            break
        item = LIST_NUMBER.match(f, pos, end)
        if item is not None and names:  # « 1. M. X 2. Mme Y »: a numbered list on one line
            pos = item.end()
        name, name_end = take_name(text, pos, min(120, end - pos))
        if name is None:
            body = BODY_AHEAD.search(f, pos, min(end, pos + 80))
            if body is not None:  # « Chabal Commune de Meyse : »: the name ends at the body
                name, name_end = take_name(text, pos, body.start() - pos)
        if name is None and plural and names and f[after_item:pos].strip() in (",", ""):
            # « Messieurs Leynaud, Chabal »: the plural civility stands before each surname
            span = min(60, end - pos)
            body = BODY_AHEAD.search(f, pos, pos + span)
            if body is not None:
                span = body.start() - pos
            carried, c_end = take_name("M. " + text[pos : pos + span], 0, span + 3)
            if carried is not None and " " not in carried:
                name, name_end = carried, pos + c_end - 3
        if name is None:
            if (
                names
                and "\n" not in f[after_item:pos]
                and _mid_line(f, pos, end)
                and not _label_word(f, pos, end)
            ):
                doc.partial_lists.add(start)  # stopped before the end of its line
            break
        if f.startswith("m", pos):
            if PLURAL_CIVILITY.match(f, pos):
                plural = True
            elif CIVILITY_AT.match(f, pos):
                plural = False
        name_pos = pos
        pos = name_end
        seat = SITS_FOR.match(f, pos, end)
        if seat is not None:  # the suppléant sits: present; the titulaire is not
            other, o_end = take_name(text, seat.end(), min(120, end - seat.end()))
            if other is not None:  # « X remplacé par son suppléant Y »: Y is present
                name, pos = other, o_end
        stands_in = SUPPLEANT_OF.match(f, pos, end) if "suppl" in f[pos : pos + 12] else None
        if stands_in is not None:  # « Henri NOEL, suppléant de Marc ROUX »: NOEL sits
            other, o_end = take_name(text, stands_in.end(), min(120, end - stands_in.end()))
            if other is not None:
                names.append((name, name_pos))
                pos = o_end
                continue
        c = PROXY_CONNECTOR.match(f, pos, end)
        if c is None and holder_in_parens:
            c = PAREN_HOLDER.match(f, pos, end)
        if c is None:
            pos = skip_qualifiers(f, pos, end)
            c = PROXY_CONNECTOR.match(f, pos, end)
        if c is None:
            et = AND_NAME.match(text, pos, end)
            if et is not None:  # "Messieurs PINTA et LESAULNIER"
                names.append((name, name_pos))
                pos = et.end()
                continue
        if c is None and re.match(r"[ ]?[a-z]", text[pos : min(pos + 2, end)]) and names:
            if LIST_GOES_ON.match(text, pos, end):
                doc.partial_lists.add(start)  # « GIACOSA Patric k, LACANNE … »: a name garbled
            break  # "Mme X est arrivée ...": a sentence, not a list item
        two = TWO_INITIALLED.fullmatch(name) if c is None else None
        if two is not None:  # « ROUANET B MARCOUIRE G. »: a separator lost, two members
            names.append((two.group(1), name_pos))
            name = two.group(2)
        names.append((name, name_pos))
        if c is not None:
            raw_end = raw_holder_end(f, c.end(), end)
            holder, h_end = take_name(text, c.end(), min(120, end - c.end()))
            if holder is not None:
                proxies.append((name, holder, names[-1][1]))
                doc.raw_holders[(name, holder)] = text[c.end() : raw_end]
                pos = skip_qualifiers(f, max(h_end, pos), end)
                pairs, p_end = elided_pairs(doc, h_end, end)
                if pairs:  # the holder's text ends where the next pair begins
                    doc.raw_holders[(name, holder)] = text[c.end() : h_end]
                for g2, h2, p2 in pairs:
                    names.append((g2, p2))
                    proxies.append((g2, h2, p2))
                    pos = max(pos, p_end)
                if pos < end and f[pos] == ")":
                    pos += 1
    if suppleants_from is not None:
        doc.seated_suppleants[start] = len(names) - suppleants_from
    if surnames_run_together(text, names):
        doc.ambiguous_lists.add(start)
    return names, proxies


#: Two surnames in capitals, neither a particle: « LÉPY LECARPENTIER »
TWO_SURNAMES = re.compile(
    r"(?!(?:LE|LA|LES|DE|DU|DES|D'|L'|VAN|VON|DA|DI|DEL|DOS|MAC|MC|SAINT|ST|STE)\b)"
    r"[A-ZÀ-Þ][A-ZÀ-Þ'-]+ [A-ZÀ-Þ][A-ZÀ-Þ'-]+"
)


def surnames_run_together(text: str, names: list[tuple[str, int]]) -> bool:
    """A list of surnames alone (« Mesdames et Messieurs GRUDÉ, BAILLIF, … ») with one item of
    two surnames and no civility of its own: a separator lost between two members, or one
    member's double name — the text does not say which, so the list cannot be counted
    (« Mme MARTINET SCHIRCH »: one civility, one member)."""
    if len(names) < 4:
        return False
    singles = sum(1 for n, _ in names if " " not in n)
    return singles * 4 >= len(names) * 3 and any(
        TWO_SURNAMES.fullmatch(n)
        and not OWN_CIVILITY.search(text, max(0, p - 12), p)
        and not OWN_CIVILITY_AT.match(text, p)
        for n, p in names
    )


#: A civility just before a name (« Mme MARTINET SCHIRCH »), or at the position of the item
OWN_CIVILITY = re.compile(r"(?:M|Mme|Mmes|Mlle|MM|Monsieur|Madame)\.?[ ]\Z")
OWN_CIVILITY_AT = re.compile(r"(?:M|Mme|Mmes|Mlle|MM|Monsieur|Madame)\.?[ ]")


#: After a word in lower case that stopped a list, the list goes on in the same sentence:
#: « , MM. LACANNE Jean », « , ROUSSE Jean » (a name in capitals after a comma)
LIST_GOES_ON = re.compile(r"[^.\n]{0,40}?, (?:M\. |MM\. |Mmes? |Monsieur |Madame )?[A-ZÀ-Þ]{2}")


#: How a sub-list label can begin (a cheap test before the pattern)
SUBLIST_FIRST = ("membre", "delegue", "conseiller", "titulaire", "suppleant")
#: A plural civility before a list of surnames, and any civility
PLURAL_CIVILITY = re.compile(r"(?:messieurs|mesdames|mm\.?|mmes)\s")
CIVILITY_AT = re.compile(r"(?:m\.|monsieur|madame|mme|mlle|mademoiselle)\s")


#: « NOM I. NOM I. »: a surname and its initial, twice — two members whose separator was lost
TWO_INITIALLED = re.compile(
    r"([A-ZÀ-Þ][A-ZÀ-Þ'-]+ [A-Z]\.?(?: ?[A-Z]\.?)?) ([A-ZÀ-Þ][A-ZÀ-Þ'-]+ [A-Z]\.?(?: ?[A-Z]\.?)?)"
)


#: « Y, suppléant de X »: Y sits in X's seat (X is not present)
SUPPLEANT_OF = re.compile(r"[ ]?,?[ ]?\(?(?:delegue(?:e)?\s+)?suppleante?\s+(?:de|d')\s?")


#: « X remplacée par sa suppléante Y »: one seat, the suppléant sitting
SITS_FOR = re.compile(r"[ ]?,?[ ]?(?P<by>remplacee?\s+par\s+(?:son|sa|le|la)\s+suppleante?)\s+")


def _label_word(f: str, pos: int, end: int) -> bool:
    """« … 11. LANG Henri Auditeurs | présents : 24 »: one word, then the next section's
    label (the list is whole; that word qualifies the label)."""
    rest = f[pos:end].strip(" ,;.")
    if end < len(f) and NEXT_LABEL_LEAD.fullmatch(rest):
        return True  # « … NOEL Hugo. Membres titulaires absents, | excusés : »
    return end < len(f) and rest.isalpha() and len(rest) <= 20


#: Words that open the label of the next list (« Membres titulaires absents, excusés : »)
NEXT_LABEL_LEAD = re.compile(
    r"(?:(?:membres?|delegue(?:e)?s?|conseillers?)\s+)?(?:titulaires?\s+|suppleante?s?\s+)?"
    r"(?:absente?s?|excusee?s?)(?:\(e?s\))?(?:\s+ayant\s+vote\s+par)?"
)


def _mid_line(f: str, pos: int, end: int) -> bool:
    """Is there more than punctuation between ``pos`` and the end of its line?"""
    nl = f.find("\n", pos, end)
    rest = f[pos : nl if nl >= 0 else end]
    return any(c.isalnum() for c in rest)


#: "et" between two names of a list (the next one capitalised or with a civility).
AND_NAME = re.compile(
    r"[ ]?et[ ]+(?=M\.|Mmes?[ ]|Monsieur|Madame|[A-ZÀ-Þ][A-ZÀ-Þa-zà-ÿ'-]*[ ,.;\n])"
)


#: « Procurations : de X à Y, …, et de Z à W »: the « (et) de » before each giver
GIVER_DE = re.compile(r"(?:et[ ]+)?(?:de[ ]+|d')(?=M\.|Mmes?[ ]|Monsieur|Madame|[A-ZÀ-Þ])")


#: « … à M. Y et M. Z à Mme W »: a second pair, its verb elided
AND_NEXT_GIVER = re.compile(r"[ ]?,?[ ]?et[ ]+(?=M\.|Mmes?[ ]|Monsieur|Madame|[A-ZÀ-Þ])")
ELIDED_A = re.compile(r"[ ]?,?[ ]?a[ ]+")


def elided_pairs(doc: Document, pos: int, end: int) -> tuple[list[tuple[str, str, int]], int]:
    """« X a donné procuration à Y et Z à W »: the pairs that follow a procuration written
    as a sentence, joined by « et » with the verb not repeated."""
    text, f = doc.text, doc.folded
    out: list[tuple[str, str, int]] = []
    for _ in range(10):
        et = AND_NEXT_GIVER.match(text, pos, end)
        if et is None:
            break
        giver, g_end = take_name(text, et.end(), min(120, end - et.end()))
        a = ELIDED_A.match(f, g_end, end) if giver else None
        if giver is None or a is None:
            break
        holder, h_end = take_name(text, a.end(), min(120, end - a.end()))
        if holder is None:
            break
        out.append((giver, holder, et.end()))
        pos = h_end
    return out, pos


def read_proxy_items(
    doc: Document, start: int, end: int
) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """A "Pouvoirs :" list: items "giver à holder" cut at , ; — (holder text may be messy)."""
    text, f = doc.text, doc.folded
    names: list[tuple[str, int]] = []
    proxies: list[tuple[str, str, int]] = []
    m = re.match(r"[\s:]{0,6}\d{1,3}(?![\d/])", f[start:end])
    pos = start + (m.end() if m else 0)
    items = list(PROXY_ITEM.finditer(f[pos:end]))
    for it in items[:60]:
        s0 = pos + it.start()
        s1 = pos + it.end()
        s0 = SKIP_SEP.match(f, s0, s1).end()  # type: ignore[union-attr]
        lone = LONE_CIVILITY.match(f, s0, s1)
        if lone is not None:  # « Absents représentés : Mesdames et Messieurs : X par Y »
            s0 = SKIP_SEP.match(f, lone.end(), s1).end()  # type: ignore[union-attr]
        de = GIVER_DE.match(text, s0, s1)
        if de is not None:  # « de X à Y, et de Z à W »: the giver after its « de »
            s0 = de.end()
        giver, g_end = take_name(text, s0, s1 - s0)
        if giver is None:
            break
        for _pair in range(20):  # « X à Y et Z à W »: several pairs in one item
            c = PROXY_CONNECTOR.match(f, g_end, s1) or PLAIN_A.match(f, g_end, s1)
            if c is None:
                q = skip_qualifiers(f, g_end, s1)
                c = PROXY_CONNECTOR.match(f, q, s1) or PLAIN_A.match(f, q, s1)
            if c is None:
                rest = f[skip_qualifiers(f, g_end, s1) : s1]
                if rest.strip(" .()\n|") == "":
                    names.append((giver, s0))  # absent, no procuration written
                    break
                return names, proxies
            holder, h_end = take_name(text, c.end(), s1 - c.end())
            nxt = None
            if holder is not None:
                after = skip_qualifiers(f, h_end, s1)
                after += f.startswith(")", after)
                nxt = AND_PAIR.match(f, after, s1)
            hold_end = nxt.start() if nxt is not None else s1
            if holder is None:
                raw = re.sub(r"\s+", " ", text[c.end() : s1]).strip(" .()")[:60]
                if not re.search(r"[A-ZÀ-Þ]", raw):
                    return names, proxies
                holder = raw
            names.append((giver, s0))
            proxies.append((giver, holder, s0))
            doc.raw_holders[(giver, holder)] = text[c.end() : hold_end]
            if nxt is None:
                break
            s0 = nxt.end()
            giver, g_end = take_name(text, s0, s1 - s0)
            if giver is None:
                break
    return names, proxies


#: One item of a "Pouvoirs :" list: up to , ; — – or a line that starts with a civility
#: ("Pouvoirs : M. X a donné pouvoir à Mme Y" / "M. Z a donné pouvoir à M. W" on the next line).
PROXY_ITEM = re.compile(
    r"(?:[^,;—–\n]|\n(?![ \t]{0,3}(?:m\.|mmes?[ .]|mm\.|monsieur|madame|mademoiselle)))"
    r"{1,300}"
)


def raw_holder_end(f: str, pos: int, end: int) -> int:
    m = re.compile(r"[^,;)\n—–]{0,100}").match(f, pos, end)
    return m.end() if m else pos


def find_sections(doc: Document, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """(kind, label start, content start, content end) for each labelled section."""
    found = [
        (m.group(0), m.start(), m.end()) for m in doc.scan(SECTION, SECTION_STARTS, start, end)
    ]
    out = []
    for i, (label, ls, cs) in enumerate(found):
        ce = found[i + 1][1] if i + 1 < len(found) else end
        out.append((section_kind(label), ls, cs, min(ce, cs + 4000)))
    return out


def in_change_block(doc: Document, pos: int) -> bool:
    """Is ``pos`` in a later attendance block ("Questions 11 à 17 :", "Départ de ...")?"""
    f = doc.folded
    line_start = f.rfind("\n", max(0, pos - 300), pos) + 1 or max(0, pos - 300)
    line = f[line_start : pos + 1]
    if re.search(r"depart\s+de|quitte|sortie\s+de|retour\s+de|arrivee\s+de", line):
        return True
    starts = doc.block_starts()
    return bisect.bisect_left(starts, pos) > 1


def name_before(doc: Document, pos: int) -> str | None:
    f = doc.folded
    lo = max(0, pos - 100)
    seg_start = lo
    for m in re.finditer(r"[,;:\n(—–|]|\s-\s|excusee?s?|absente?s?|(?<=[a-z]{3})\.\s", f[lo:pos]):
        seg_start = lo + m.end()
    while seg_start < pos and doc.text[seg_start] in ". ":
        seg_start += 1  # « absents excusés. M. Paul X a donné procuration »: a new sentence
    name, _ = take_name(doc.text, seg_start, pos - seg_start + 1)
    return name


def secretary_sentence(doc: Document, end: int) -> tuple[str, int] | None:
    f = doc.folded
    for m in re.compile(
        r"(?:a\s+ete|est|sont|ont\s+ete)\s+(?:designee?s?|elue?s?|nommee?s?)\s+(?:pour\s+remplir|comme\s+secretaire|"
        r"secretaire|en\s+qualite\s+de\s+secretaire)|a\s+savoir\s|designe\s+(?=m|mme|monsieur|madame)"
    ).finditer(f, 0, end):
        if "secretaire" not in f[max(0, m.start() - 250) : m.end() + 60]:
            continue
        if re.match(r"a\s+savoir|designe\s", m.group(0)):
            name, _ = take_name(doc.text, m.end())
            if name:
                return name, m.start()
            continue
        lo = max(0, m.start() - 160)
        seg = f[lo : m.start()]
        cut = max(seg.rfind("."), seg.rfind(";"), seg.rfind(":"), seg.rfind("\n\n"))
        starts = [lo + cut + 1]
        nl = seg.rfind("\n")
        if nl > cut:
            starts.insert(0, lo + nl + 1)
        for start in starts:
            # the first name of the clause ("Mme X, ayant obtenu ..., a été désignée")
            for t in re.finditer(r"(?<![\w'])(?=[A-ZÀ-Þ])", doc.text[start : m.start()]):
                name, _ = take_name(doc.text, start + t.start(), m.start() - start - t.start())
                if name:
                    return name, start + t.start()
    return None


def mandates_table(doc: Document, start: int, end: int) -> list[tuple[str, str, int]]:
    """Pairs of a MANDANTS / MANDATAIRES table: (giver, holder, position).

    Two layouts: a header « MANDANTS MANDATAIRES » over rows of two names each, or two
    lists « Mandants : X, Z » … « Mandataires : Y, W » paired in order (only when both
    lists have as many names)."""
    f, text = doc.folded, doc.text
    m = MANDANTS.search(f, start, end) if "mandant" in f else None
    if m is None:
        return []
    line_end = f.find("\n", m.end(), end)
    line_end = end if line_end < 0 else line_end
    head = MANDATAIRES.search(f, m.end(), min(line_end, m.end() + 30))
    if head is not None and not f[m.end() : head.start()].strip(" :|\t"):
        # the header of a table: each following line holds a giver then a holder
        out: list[tuple[str, str, int]] = []
        pos = line_end + 1
        for _ in range(60):
            nl = f.find("\n", pos, end)
            nl = end if nl < 0 else nl
            giver, g_end = take_name(text, pos, nl - pos)
            if giver is None:
                break
            g_end = SKIP_SEP.match(f, g_end, nl).end()  # type: ignore[union-attr]
            holder, _h = take_name(text, g_end, nl - g_end)
            if holder is None:
                break
            out.append((giver, holder, pos))
            pos = nl + 1
        return out
    second = MANDATAIRES.search(f, m.end(), min(end, m.end() + 2000))
    if second is None:
        return []
    givers, _p = read_list(doc, m.end(), second.start())
    holders, _q = read_list(doc, second.end(), min(end, second.end() + 2000))
    if not givers or len(givers) != len(holders):
        return []
    return [(g, h, gp) for (g, gp), (h, _hp) in zip(givers, holders, strict=True)]
