"""Every decision kind reads as French in French and as English in English.

Each kind is rendered in both languages; the English text must hold no French
function word, the French text no internal identifier (a computed date's name, a
reading's key or value, an answer's value) and no English function word. The
French legal terms kept in English text (docs/languages.md) are not searched for;
neither are the words of the inputs (a commune's name, a délibération's title),
quotations of the law (« … ») and the names of the texts cited.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from groupement_rules import labels
from groupement_rules.cli import main
from groupement_rules.convention.policy import default_convention
from groupement_rules.convention.rules import (
    check_adherent,
    status_on,
    timeline,
    withdrawal,
    withdrawal_windows,
)
from groupement_rules.deadlines import default_deadlines, executory, recours
from groupement_rules.decision import Decision
from groupement_rules.holidays_fr import calendar_for_insee
from groupement_rules.readers.act import act_from_dict
from groupement_rules.readers.adherent import adherent_from_dict
from groupement_rules.readers.seance import seance_from_dict
from groupement_rules.render import render_text
from groupement_rules.seance.convocation import latest_sending_day
from groupement_rules.seance.policy import load_cgct
from groupement_rules.seance.rules import check_seance

D = dt.date
DATA = Path(labels.__file__).parent / "data"


def _words(text: str) -> list[str]:
    return text.split()


#: French words that an English sentence never holds (the kept legal terms aside).
FRENCH = _words(
    "le la les du des au aux et est sont une pour avec sans dans sur jour jours mois "
    "aucun aucune ni pas été par dernier première premier fenêtre réponse constats "
    "lecture retenue politique vérifiée calculées calculé oui non inconnu inconnue "
    "membres présents représentés adoptée atteint requis envoyée envoi acte adopté "
    "depuis jusqu délibérations ligne lignes janvier février mars avril juin juillet "
    "août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi "
    "samedi dimanche"
)
#: English words that a French sentence never holds.
ENGLISH = _words(
    "the of and is are not with from to by on at unknown yes no window answer findings "
    "reading used policy verified computed days months members present represented "
    "adopted reached required sent last first end day month after before deadline"
)
#: Names of the texts cited and the French legal terms kept in English text.
KEPT = (
    "Code du travail",
    "Conseil d'État",
    "convention e-primo",
    "groupement de commandes",
)
_QUOTE = re.compile(r"«[^»]*»")
#: ``word`` as a whole word (French elisions included: « l'acte », « d'envoi »).
_WORD = r"(?<![\w'’-]){}(?![\w-])"
#: Case-law references keep their French dates (« CE, 5 oct. 2018, n° 409579 »).
_CASE = re.compile(r"CE, \d+ [a-zéû]+\.? \d{4}, n° \d+")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _cleaned(text: str, inputs: list[str]) -> str:
    """The text without what may rightly stay in the other language."""
    for s in sorted((s for s in inputs if len(s) > 2), key=len, reverse=True):
        text = text.replace(s, " ")
    text = _QUOTE.sub(" ", text)
    text = _CASE.sub(" ", text)
    for kept in KEPT:
        text = text.replace(kept, " ")
    return text


def _found(words: list[str], text: str) -> list[str]:
    return [w for w in words if re.search(_WORD.format(re.escape(w)), text, re.IGNORECASE)]


def _identifiers() -> set[str]:
    """The internal identifiers French text must not show (those that are not words)."""
    out: set[str] = set()
    for name in labels.DATES:
        out.add(name.replace("{n}", "1"))
    out |= set(labels.READINGS)
    out |= {v for _, v in labels.READING_VALUES}
    out |= {a for a in labels.ANSWERS if ":" not in a}
    return {i for i in out if "_" in i or "-" in i}


def _decisions() -> dict[str, Callable[[], Decision]]:
    conv = default_convention()
    cgct = load_cgct(None)
    dl = default_deadlines()
    cal = calendar_for_insee(None)
    adherent = adherent_from_dict(json.loads((DATA / "seed-adherent.json").read_text()), "a")
    seance = seance_from_dict(json.loads((DATA / "seed-seance.json").read_text()), "s")
    act, _ = act_from_dict(json.loads((DATA / "seed-act.json").read_text()), "x")
    published, _ = act_from_dict(
        {
            **json.loads((DATA / "seed-act.json").read_text()),
            "published_on": "2026-02-12",
            "transmitted_on": "2026-02-13",
        },
        "y",
    )
    return {
        "withdraw-allowed": lambda: withdrawal(conv, sent_on=D(2028, 6, 1)),
        "withdraw-too-early": lambda: withdrawal(conv, sent_on=D(2027, 6, 1)),
        "withdraw-too-late": lambda: withdrawal(conv, sent_on=D(2028, 7, 19)),
        "withdraw-received": lambda: withdrawal(
            conv, received_on=D(2028, 7, 1), reading="received"
        ),
        "withdraw-not-member": lambda: withdrawal(conv, sent_on=D(2030, 8, 1)),
        "windows": lambda: withdrawal_windows(conv),
        "status-adhered": lambda: status_on(conv, D(2026, 3, 1)),
        "status-second": lambda: status_on(conv, D(2029, 1, 1)),
        "timeline": lambda: timeline(conv),
        "adherent": lambda: check_adherent(conv, adherent, D(2026, 12, 1)),
        "seance": lambda: check_seance(seance, cgct),
        "convocation": lambda: latest_sending_day(cgct, D(2026, 2, 2), 5000),
        "convocation-unknown-population": lambda: latest_sending_day(cgct, D(2026, 2, 2), None),
        "recours": lambda: recours(dl, D(2024, 11, 12), cal),
        "recours-month-end": lambda: recours(dl, D(2024, 12, 30), cal),
        "recours-gracieux": lambda: recours(dl, D(2024, 11, 12), cal, gracieux_on=D(2024, 12, 20)),
        "executory-not": lambda: executory(dl, act, cal),
        "executory": lambda: executory(dl, published, cal),
    }


CASES = _decisions()


def _without(code: str, text: str) -> str:
    return "\n".join(line for line in text.splitlines() if f" {code}" not in line)


def _lines_with(words: list[str], text: str) -> list[str]:
    return [
        line
        for line in text.splitlines()
        if any(re.search(_WORD.format(re.escape(w)), line, re.IGNORECASE) for w in words)
    ]


def _check_both(fr: str, en: str, inputs: list[str]) -> None:
    clean_en, clean_fr = _cleaned(en, inputs), _cleaned(fr, inputs)
    french = _found(FRENCH, clean_en)
    assert not french, (french, _lines_with(french, clean_en))
    english = _found(ENGLISH, clean_fr)
    assert not english, (english, _lines_with(english, clean_fr))
    ids = [i for i in _identifiers() if re.search(_WORD.format(re.escape(i)), clean_fr)]
    assert not ids, (ids, _lines_with(ids, clean_fr))


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_decision_reads_in_its_language(case: str) -> None:
    d = CASES[case]()
    inputs = list(_strings(d.inputs)) + list(_strings(d.data.get("seance", {})))
    inputs += [str(dl.get("title") or "") for dl in d.data.get("deliberations", [])]
    inputs += [f.code for f in d.findings]
    _check_both(render_text(d, "fr"), render_text(d, "en"), inputs)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_json_labels_every_identifier_in_both_languages(case: str) -> None:
    out = CASES[case]().to_dict()
    if out["question"] not in ("timeline", "withdrawal-windows"):
        assert out["answer_label"] is not None and out["answer_label"]["fr"]
    assert out["question_label"] is not None
    for date in out["dates"]:
        assert date["label"] is not None, date["name"]
        assert date["hows"]["fr"] != date["hows"]["en"] or not re.search("[a-z]", date["how"])
    for i in out["interpretations"]:
        assert i["label"] is not None and i["value_label"] is not None, i["key"]


def test_the_checks_catch_what_they_are_for() -> None:
    """The word lists find a French sentence in English, an identifier in French."""
    assert _found(FRENCH, "the délai runs from le 2 mai")
    assert not _found(FRENCH, "the délai runs from 2 May (CPC art. 641 al. 2)")
    assert _found(ENGLISH, "fin de la période : end of period 1")
    assert "period_1_end" in _identifiers()
    with pytest.raises(AssertionError):
        _check_both("fin : period_1_end", "end", [])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ("report", "--on", "2026-11-29"),
        ("withdraw", "2028-07-19"),
        ("status", "2029-01-01"),
        ("recours", "2024-12-30"),
        ("convocation", "2026-02-02", "--population", "800"),
    ],
    ids=lambda a: a[0],
)
def test_each_command_reads_in_its_language(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    fr = _run(capsys, *argv, "--lang", "fr")
    en = _run(capsys, *argv, "--lang", "en")
    seeds = [json.loads((DATA / n).read_text()) for n in ("seed-seance.json", "seed-act.json")]
    seeds.append(json.loads((DATA / "seed-adherent.json").read_text()))
    codes = re.findall(r"(?<= )[a-z]+(?:-[a-z0-9]+)+(?= ?[:\[])", fr + en)
    _check_both(fr, en, [s for seed in seeds for s in _strings(seed)] + codes)


#: A fact's path as the facts format writes it (``convocation.sent_on``, ``proxies[0]``).
_PATH = re.compile(r"\b[a-z]+(?:_[a-z]+)*(?:\[\d+\])?\.[a-z_]+\b|\b[a-z_]+\[\d+\]")


def test_read_names_facts_by_their_labels(capsys: pytest.CaptureFixture[str], shared: Path) -> None:
    """On every real text: French ``read`` output shows no fact's path, and every reason the
    reader gives for an unread fact has its French wording."""
    from groupement_rules.readers.text import read_extract_file
    from groupement_rules.render.reading import has_french, render_extract

    texts = sorted((shared / "data" / "real-texts").glob("*.txt"))
    assert texts
    for path in texts:
        r = read_extract_file(path)
        fr = render_extract(r, "fr")
        facts = [str(v) for v in _strings(r.facts)]
        clean = _cleaned(fr, facts)
        assert not _PATH.findall(clean), (path.name, _PATH.findall(clean))
        for u in r.unread:
            assert has_french(u["reason"]), (path.name, u["reason"])
        en = render_extract(r, "en")
        assert not _PATH.findall(_cleaned(en, facts)), path.name


def test_check_seance_of_every_real_text_reads_in_its_language(
    capsys: pytest.CaptureFixture[str], shared: Path
) -> None:
    """The findings the real texts raise (a wide sample of every séance finding) read in
    the language asked, in French without an identifier."""
    from groupement_rules.readers.text import read_extract_file

    checked = 0
    for path in sorted((shared / "data" / "real-texts").glob("*.txt")):
        out = {}
        for lang in ("fr", "en"):
            main(["check-seance", str(path), "--lang", lang])
            out[lang] = capsys.readouterr().out
        if not out["fr"]:  # a text too garbled to check (exit 2): nothing to read
            continue
        checked += 1
        facts = list(_strings(read_extract_file(path).facts))
        codes = re.findall(r"(?<= )[a-z]+(?:-[a-z0-9]+)+(?= ?[:\[])", out["fr"] + out["en"])
        _check_both(out["fr"], out["en"], facts + codes)
    assert checked >= 10


def _catalogued() -> Iterator[tuple[str, str, str]]:
    from groupement_rules.convention.findings import CATALOGUE as CONVENTION
    from groupement_rules.deadlines.findings import CATALOGUE as DEADLINES
    from groupement_rules.readers.text.findings import CATALOGUE as READER
    from groupement_rules.scdl.findings import CATALOGUE as SCDL
    from groupement_rules.seance.findings import CATALOGUE as SEANCE

    for catalogue in (CONVENTION, DEADLINES, READER, SCDL, SEANCE):
        for spec in catalogue:
            yield catalogue.domain, spec.code, spec.fr, spec.en


@pytest.mark.parametrize(
    ("domain", "code", "fr", "en"), list(_catalogued()), ids=lambda v: str(v)[:40]
)
@pytest.mark.parametrize("n", [1, 2])
def test_every_catalogued_message_reads_as_english(
    domain: str, code: str, fr: str, en: str, n: int
) -> None:
    """A date French writes in long form is a long English date too, and a number's
    words are English (« jour franc » in English text was caught here)."""
    import string

    from groupement_rules.decision import format_message

    parser = string.Formatter()
    days = {f for _, f, spec, _ in parser.parse(fr) if f and spec == "d"}
    values: dict[str, object] = {}
    for _, field, spec, _ in parser.parse(en):
        if not field:
            continue
        name = re.split(r"[.\[]", field)[0]
        if field in days:
            values[name] = "2026-02-02"
        elif "[" in field:
            values[name] = {"fr": "mot", "en": "word"}
        elif spec and not spec.startswith(("pl(", "pw(")):
            values[name] = "word"
        else:
            values[name] = n
    text = _cleaned(format_message(en, values, "en"), [])
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), (code, text)
    assert _found(FRENCH, text) == [], (code, text)
