"""The finding catalogue machinery: one declaration per code, agreeing plurals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.decision import Citation, Severity, format_message
from groupement_rules.findings import Catalogue, FindingSpec, UnknownFinding

CIT = Citation("CGCT", "L2121-17")

CAT = Catalogue(
    "test",
    [
        FindingSpec(
            "late",
            Severity.ERROR,
            "Envoyée le {sent:d}, {n:pl(jour franc|jours francs)} avant la séance.",
            "Sent on {sent}, {n:pl(clear day|clear days)} before the séance.",
            citation="convocation_jours_francs",
        ),
        FindingSpec("plain", Severity.INFO, "Rien.", "Nothing."),
    ],
)


def test_emit_formats_both_languages_from_the_values() -> None:
    f = CAT.emit("late", CIT, sent="2026-01-27", n=1)
    assert f.severity is Severity.ERROR
    assert f.message_fr == "Envoyée le 27 janvier 2026, 1 jour franc avant la séance."
    assert f.message_en == "Sent on 2026-01-27, 1 clear day before the séance."
    assert dict(f.values) == {"sent": "2026-01-27", "n": 1}
    assert f.citation == CIT


def test_plural_rules_differ_between_french_and_english() -> None:
    # French takes the singular for 0 and 1 (« 0 ligne »), English only for 1.
    assert format_message("{n:pl(ligne|lignes)}", {"n": 0}, "fr") == "0 ligne"
    assert format_message("{n:pl(line|lines)}", {"n": 0}, "en") == "0 lines"
    assert format_message("{n:pl(ligne|lignes)}", {"n": 2}, "fr") == "2 lignes"
    assert format_message("{n:pw(est|sont)}", {"n": 3}, "fr") == "sont"


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_the_agreeing_word_follows_the_number(n: int) -> None:
    fr = format_message("{n:pl(voix|voix)} {n:pw(exprimée|exprimées)}", {"n": n}, "fr")
    assert fr.startswith(f"{n} voix ")
    assert fr.endswith("exprimée" if abs(n) < 2 else "exprimées")
    en = format_message("{n:pl(vote|votes)}", {"n": n}, "en")
    assert en == f"{n} vote" if n == 1 else en == f"{n} votes"


def test_unknown_code_and_missing_value_are_refused() -> None:
    with pytest.raises(UnknownFinding):
        CAT.emit("nope", CIT)
    with pytest.raises(TypeError, match="sent"):
        CAT.emit("late", CIT, n=2)


def test_a_code_is_declared_once() -> None:
    spec = FindingSpec("x", Severity.INFO, "a", "b")
    with pytest.raises(ValueError, match="twice"):
        Catalogue("dup", [spec, spec])


def test_severity_override_and_table() -> None:
    f = CAT.emit("plain", CIT, severity=Severity.WARNING)
    assert f.severity is Severity.WARNING
    assert CAT.codes == ("late", "plain")
    assert CAT.table()[0] == {
        "code": "late",
        "severity": "error",
        "citation": "convocation_jours_francs",
    }
