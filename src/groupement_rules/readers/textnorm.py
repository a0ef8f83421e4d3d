"""Clean-up of text extracted from PDFs (OCR or text layer) before reading it.

Everything here keeps the number of lines unchanged, so that a position in the
clean text still names the line of the original document (provenance), and
:func:`fold` (the library's one folding, :mod:`groupement_rules.seance.names`) keeps
the length unchanged, so that a match found in the folded text (lower case, no accents)
is at the same offsets in the clean text.

Only bounded, linear-time operations: no pattern here can backtrack
catastrophically on hostile input.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata

from ..seance.names import fold, name_words

_CHAR_MAP = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\t": " ",
    "\f": "\n",
    "\v": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u00ad": "",  # soft hyphen
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u2019": "'",
    "\u2018": "'",
    "\u201b": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\uff1a": ":",
}
_TRANSLATE = str.maketrans(_CHAR_MAP)
# The same mapping as one scan: most texts hold few of these characters, and a
# regex scan with a callback is much faster than str.translate on non-ASCII text.
_MAPPED = re.compile("[" + "".join(re.escape(c) for c in _CHAR_MAP) + "]")

# A word cut at the end of a line: "délibé-\nrations" -> "délibérations\n";
# a hyphenated name cut the same way keeps its hyphen: "Marie-\nClaude".
_HYPHEN_LOWER = re.compile(
    r"-(?<=[^\W\d_]-)[ ]?\n[ ]?([^\W\d_A-ZÀ-Þ][^\W\d_]{0,40})(?=[\s,.;:)]|$)"
)
_HYPHEN_UPPER = re.compile(r"-(?<=[^\W\d_]-)[ ]?\n[ ]?([A-ZÀ-Þ][^\W\d_]{0,40})(?=[\s,.;:)]|$)")
_SPACES = re.compile(r"  +")
_NOT_PLAIN = re.compile(r"[^\n\x20-\x7e\w]")  # two or more spaces (a literal prefix: searched fast)
# Gender / plural marks: "Présent(e)s", "excusé(e)", "Absent(s)" -> "Présents", "excusé", "Absent"
_GENDER_MARK = re.compile(r"\((?<=[^\W\d_]\()(?:e|s|es|x|le|ne|E|S|ES)\)")
# "M  adame" / "M onsieur" (spacing broken by the PDF layer)
_BROKEN_CIVILITY = re.compile(r"M(?<!\wM)\s+(adame|onsieur|esdames|essieurs|ademoiselle)\b")
# Letter-spaced words in headings: "P R É S E N T S" -> "PRÉSENTS"
_LETTER_SPACED = re.compile(r"[A-ZÀ-Þ](?<![^\s][A-ZÀ-Þ]) (?:[A-ZÀ-Þ] ){2,19}[A-ZÀ-Þ](?![^\s])")
#: What every letter-spaced word holds (its second and third letters, spaced): searched
#: from its literal space, so most texts skip the slower scan above
_LETTER_SPACED_CORE = re.compile(r" [A-ZÀ-Þ] [A-ZÀ-Þ] ")
#: the rule the core was found for (else every text is scanned; see
#: text.search.pattern_shape)
_LETTER_FAST = hashlib.sha1(_LETTER_SPACED.pattern.encode()).hexdigest()[:12] == "11e963413c37"

# A compound name whose hyphen the PDF layer spaced out: « BROCA - LANNAUD Marie - Thérèse »,
# « Jean - Paul MARTIN », « Marc- Philippe ». Capitals on both sides, or a given name's two
# parts beside a surname in capitals; only in a line that lists names with commas
# (elsewhere « - » may separate the members of a list: « AUBRY Richard - BARTHELEMY Christian »).
_WORD_BEFORE = re.compile(r"([^\W\d_][^\W\d_']*)( [^\W\d_][^\W\d_']*)?\Z")
_WORD_AT = re.compile(r"[^\W\d_][^\W\d_']*")


def _upper(w: str) -> bool:
    return len(w) >= 2 and w.isupper()


def _title(w: str) -> bool:
    return len(w) >= 2 and w[0].isupper() and w[1:].islower()


def _compound_hyphen(text: str, hit: int) -> tuple[int, int] | None:
    """The span to replace by « - » around the hyphen at ``hit`` (followed by a space),
    when it joins the two parts of one name."""
    spaced = hit > 0 and text[hit - 1] == " "
    left_end = hit - 1 if spaced else hit
    before = _WORD_BEFORE.search(text, max(0, left_end - 60), left_end)
    after = _WORD_AT.match(text, hit + 2)
    if before is None or after is None:
        return None
    left, right = (before.group(2) or before.group(1)).strip(), after.group(0)
    if spaced:
        if _upper(left) and _upper(right):
            ok = True
        else:
            prev = before.group(1) if before.group(2) else ""
            spaced_after = text.startswith(" ", after.end())
            nxt = _WORD_AT.match(text, after.end() + 1) if spaced_after else None
            ok = (
                _title(left)
                and _title(right)
                and (_upper(prev) or (nxt is not None and _upper(nxt.group(0))))
            )
    else:
        ok = (left[-1].islower() and _title(right)) or (
            left[-1].isupper() and right[:2].isupper() and len(right) >= 2
        )
    return (left_end, hit + 2) if ok else None


def _join_spaced_hyphens(text: str) -> str:
    """Each line that lists names with commas and holds « - », its compound names rejoined
    (only around each hyphen: linear in the text)."""
    out: list[str] = []
    done = 0  # text[:done] is already in ``out``
    line_hi, listing = -1, False
    hit = text.find("- ")
    while hit >= 0:
        if hit > line_hi:  # a new line: does it list names with commas?
            lo = text.rfind("\n", 0, hit) + 1
            line_hi = text.find("\n", hit)
            line_hi = len(text) if line_hi < 0 else line_hi
            listing = text.count(", ", lo, line_hi) >= 3
        if listing:
            span = _compound_hyphen(text, hit)
            if span is not None:
                out.append(text[done : span[0]])
                out.append("-")
                done = span[1]
        hit = text.find("- ", hit + 2)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def clean(text: str) -> str:
    """NFC, spaces, ligatures, quotes, hyphenation; same number of lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = repair_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    # each mapped character replaced in one C call (a text holds few of them)
    for c in set(_MAPPED.findall(text)):
        text = text.replace(c, _CHAR_MAP[c])
    # Remaining control characters become spaces (keep line breaks); only characters
    # that are neither printable ASCII nor letters or digits can be one.
    controls = {
        ord(c): " "
        for c in set(_NOT_PLAIN.findall(text))
        if c != "\n" and unicodedata.category(c)[0] == "C"
    }
    if controls:
        text = text.translate(controls)
    text = _HYPHEN_LOWER.sub(lambda m: m.group(1) + "\n", text)
    text = _HYPHEN_UPPER.sub(lambda m: "-" + m.group(1) + "\n", text)
    text = _BROKEN_CIVILITY.sub(lambda m: "M" + m.group(1), text)
    if not _LETTER_FAST or _LETTER_SPACED_CORE.search(text) is not None:
        text = _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    text = _GENDER_MARK.sub("", text)
    if "  " in text:  # (str.find skips ahead faster than the regex engine at each space)
        text = _SPACES.sub(" ", text)
    if "- " in text:
        text = _join_spaced_hyphens(text)
    return text


#: What UTF-8 read as cp1252 or Latin-1 leaves in French text (« Ã© » for « é », « â€™ »
#: for « ’ », « Â« » for « « »): only a text holding one is handed to ftfy.
_MOJIBAKE = re.compile(
    "Ã[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]|â€|Â[\xa0-\xbf]"
)


def repair_mojibake(text: str) -> str:
    """Text whose UTF-8 was decoded as cp1252 or Latin-1, repaired by ftfy (a maintained
    library); other text is returned unchanged (ftfy is not imported). The repair changes
    no line break, so line numbers still name the document's lines."""
    if ("Ã" not in text and "Â" not in text and "â€" not in text) or _MOJIBAKE.search(text) is None:
        return text
    import ftfy  # lazy: only for a text that needs it

    fixed = str(ftfy.fix_encoding(text))
    return fixed if fixed.count("\n") == text.count("\n") else text


def fold_key(name: str) -> str:
    """A name's identity: its words as :func:`~groupement_rules.seance.names.name_words`
    gives them (folded, civilities dropped, sorted: "GLÉMOT Étienne" = "M. Étienne Glémot"),
    so the reader and the rules of the séance tell people apart the same way."""
    return " ".join(name_words(name))


class Lines:
    """Maps offsets of a text to 1-based line numbers and the line's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for m in re.finditer("\n", text):
            self.starts.append(m.end())

    def number(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)

    def excerpt(self, pos: int, width: int = 160) -> str:
        n = self.number(pos)
        start = self.starts[n - 1]
        end = self.starts[n] - 1 if n < len(self.starts) else len(self.text)
        line = self.text[start:end]
        if len(line) <= width:
            return line.strip()
        rel = pos - start
        lo = max(0, rel - width // 3)
        hi = min(len(line), lo + width)
        return ("…" if lo > 0 else "") + line[lo:hi].strip() + ("…" if hi < len(line) else "")

    def where(self, pos: int) -> dict[str, object]:
        return {"line": self.number(pos), "text": self.excerpt(pos)}


__all__ = ["Lines", "clean", "fold", "fold_key", "repair_mojibake"]
