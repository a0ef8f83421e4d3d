"""Layouts of délibérations read by rules of their language (issue 9 item 3), each on a
synthetic text of our own (invented names), and the precision rule of SPEC D: a printed
count is never contradicted, a list that disagrees is reported."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from groupement_rules.readers.french_dates import find_relative_days
from groupement_rules.readers.text import ExtractResult, read_extract

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> ExtractResult:
    return read_extract((FIXTURES / name).read_text(encoding="utf-8"))


def _opening(r: ExtractResult) -> dict[str, object]:
    return {k: r.opening[k] for k in ("en_exercice", "presents", "proxies", "votants")}


def test_pairs_joined_by_et_and_a_last_name_after_comma_et() -> None:
    r = _read("layout-pairs-et.txt")
    assert r.facts["proxies"] == [
        {"from": "Clara Noël", "to": "Lise Bertin"},
        {"from": "Tom Perrin", "to": "Hugo Carrel"},
        {"from": "Sophie Roux", "to": "Paul Arnoux"},
    ]
    # « …, Mme Ada Imbert, et M. Jean-Luc Joubert. »: the tenth name is read
    assert r.opening["present_named"] == 10
    assert _opening(r) == {"en_exercice": 15, "presents": 10, "proxies": 3, "votants": None}
    assert r.provenance["opening.presents"]["how"] == "counted"
    assert r.provenance["opening.en_exercice"]["how"] == "printed"
    assert r.disagreements == ()


def test_count_label_variants() -> None:
    r = _read("layout-counts-variants.txt")
    # « Conseillers en fonction » (Alsace-Moselle), « à l'appel nominal : 14 élus »,
    # « Nombre de « pouvoirs » 3 », « Votants : (17) »; « représente 20 % » is no count
    assert _opening(r) == {"en_exercice": 19, "presents": 14, "proxies": 3, "votants": 17}
    assert r.opening["represented"] == 3


def test_holder_in_parentheses_uppercase_civilities_and_relative_convocation_day() -> None:
    r = _read("layout-holder-in-parentheses.txt")
    assert r.facts["proxies"] == [
        {"from": "LEBRUN", "to": "FAUCHER"},
        {"from": "DELMAS", "to": "PICARD"},
        {"from": "ROCHE", "to": "GARNIER"},
        {"from": "BLANC Émile", "to": "ROCHAT"},
        {"from": "VIDAL Rose", "to": "PICARD"},
    ]
    # « dûment convoqué le quatre courant », séance of 9 October 2022
    assert r.facts["convocation"]["sent_on"] == "2022-10-04"


def test_printed_counts_win_over_lists_and_the_disagreement_is_reported() -> None:
    r = _read("layout-list-disagrees.txt")
    # « présents : 9 » then the names of all 11 members; « Procurations : 3 » and two pairs
    assert r.opening["presents"] == 9 and r.opening["proxies"] == 3
    assert {(d["count"], d["printed"], d["listed"]) for d in r.disagreements} == {
        ("presents", 9, 11),
        ("proxies", 3, 2),
    }
    facts = {u["fact"] for u in r.unread}
    assert {"opening.presents", "opening.proxies"} <= facts
    # « (Pouvoir remis à X) »: the lists are kept as read
    assert r.facts["proxies"] == [
        {"from": "KLEIN Rémi", "to": "ROBIN Claire"},
        {"from": "LAMBERT Ève", "to": "AUBRY Marc"},
    ]
    assert r.to_dict()["disagreements"][0]["printed"] in (9, 3)


def test_convocation_sent_in_a_sentence_and_a_stamp_is_not_the_seance_date() -> None:
    r = _read("layout-convocation-sentence.txt")
    assert r.facts["date"] == "2021-11-18"  # not « Affiché le 24/11/2021 »
    assert r.facts["convocation"]["sent_on"] == "2021-11-12"


def test_derived_procurations_record_their_identity() -> None:
    r = read_extract(
        "Séance du 3 mai 2022\nEn exercice : 15\nPrésents : 12\nVotants : 12\n"
        "Délibération n° 2022-05 : Tarifs\nAdopté à l'unanimité.\n"
    )
    assert r.opening["proxies"] == 0
    assert r.provenance["opening.proxies"] == {
        "line": None,
        "how": "derived",
        "identity": "procurations = votants − présents",
    }


def test_relative_days() -> None:
    assert [d for _p, d in find_relative_days("convoques le quatorze courant")] == [14]
    assert [d for _p, d in find_relative_days("le 19 du meme mois")] == [19]
    assert find_relative_days("le quatorze juillet") == []


_NAMES = [f"{a} {b}" for a in ("Jean", "Anne", "Paul", "Lise") for b in ("MOREL", "VIGNE", "SAULE")]


@settings(max_examples=60, deadline=None)
@given(printed=st.integers(1, 12), listed=st.integers(1, 12))
def test_a_printed_count_is_never_contradicted(printed: int, listed: int) -> None:
    text = (
        "Séance du 2 février 2026\nMembres en exercice : 15\n"
        f"Présents : {printed}\n"
        f"Étaient présents : {', '.join(_NAMES[:listed])}\n"
        "Délibération n° 2026-01 : Budget\nAdopté à l'unanimité.\n"
    )
    r = read_extract(text)
    assert r.opening["presents"] == printed
    disagrees = [d for d in r.disagreements if d["count"] == "presents"]
    assert bool(disagrees) == (printed != r.opening["present_named"])


def test_mojibake_is_repaired_before_reading(shared: Path) -> None:
    seed = (shared / "seeds" / "000_181dd860fa64ed08.txt").read_text(encoding="utf-8")
    right = read_extract(seed)
    for wrong in ("cp1252", "latin-1"):
        r = read_extract(seed.encode("utf-8").decode(wrong))
        assert r.facts == right.facts and r.opening == right.opening
        assert r.provenance["date"] == right.provenance["date"]  # same lines


def test_a_text_without_mojibake_is_left_as_it_is() -> None:
    from groupement_rules.readers.textnorm import repair_mojibake

    text = "Réunion à Égletons « ÂGE » : Ãžtest"
    assert repair_mojibake("Séance du 2 février") == "Séance du 2 février"
    assert repair_mojibake(text).startswith("Réunion à Égletons")


def test_kinds_from_titles_and_procurations_given_later_in_the_seance() -> None:
    r = _read("layout-late-proxies.txt")
    d = {x["number"]: x for x in r.facts["deliberations"]}
    assert [d[n]["kind"] for n in ("1", "2", "3")] == [
        "election-maire-adjoints",
        "election-maire-adjoints",
        "compte-administratif",
    ]
    # « (pouvoir à … à partir de l'élection des adjoints) », « … à compter de son départ »
    assert r.facts["proxies"] == [{"from": "Karim OLIVIER", "to": "Cédric COLIN"}]
    assert d["1"]["new_proxies"] == []
    assert d["2"]["new_proxies"] == [
        {"from": "Julie NOEL", "to": "Agnès BRUNET"},
        {"from": "Diane FOURNIER", "to": "Éric GIRAUD"},
    ]
    assert "Diane FOURNIER" not in r.facts["absent"]  # present at the opening
    assert r.opening["proxies"] == 1 and r.opening["presents"] == 9
    # « convoqué le dix-neuf du même mois »
    assert r.facts["convocation"]["sent_on"] == "2020-05-19"


def test_a_late_procuration_whose_item_is_not_found_is_not_output() -> None:
    r = read_extract(
        "Séance du 3 juin 2021\nPrésents : M. Paul ARNOUX, Mme Lise BERTIN\n"
        "Procurations : Mme Rose GAUDIN à M. Paul ARNOUX à partir du vote du budget annexe\n"
        "1 – Tarifs\nAdopté à l'unanimité.\n"
    )
    assert r.facts["proxies"] == []
    assert all(not x["new_proxies"] for x in r.facts["deliberations"])
    assert "new_proxies" in {u["fact"] for u in r.unread}


def test_the_reading_gives_typed_facts() -> None:
    s = _read("layout-late-proxies.txt").seance()
    assert s.date.isoformat() == "2020-05-25"
    assert s.deliberations[1].kind.value == "election-maire-adjoints"
    assert [p.giver for p in s.deliberations[1].new_proxies] == ["Julie NOEL", "Diane FOURNIER"]


def test_staff_are_not_members_and_the_president_is_present() -> None:
    r = _read("layout-guests-president.txt")
    # « Étaient également présents : » staff and guests
    assert "Julie MARCHAND" not in r.facts["members"]
    assert "Kevin NOYER" not in r.facts["members"]
    # « sous la présidence de M. Alain ROCHE » and a list of the others
    assert "Alain ROCHE" in r.facts["members"] and "Alain ROCHE" not in r.facts["absent"]
    assert r.opening["present_named"] == 7 and r.opening["presents"] == 7
    assert "présents" in r.provenance["present.president"]["note"]


def test_presents_given_by_exception() -> None:
    r = _read("layout-all-except.txt")
    assert r.facts["absent"] == ["Hélène YVON", "Igor ZELLER"]
    assert r.facts["proxies"] == [{"from": "Hélène YVON", "to": "Laure PICOT"}]
    assert r.facts["members"] == []  # not all named: no roster
    assert r.opening["presents"] == 13 and r.opening["proxies"] == 1
    assert r.provenance["opening.presents"]["how"] == "derived"
    assert r.facts["convocation"]["sent_on"] == "2023-11-15"  # « le quinze courant »


def test_a_numbered_list_flattened_onto_one_line() -> None:
    r = _read("layout-numbered-list.txt")
    # « Présents : 1. M. Alain ROCHE 2. … »: « 1. » is the item's number, not a count
    assert r.opening["presents"] == 5 and r.provenance["opening.presents"]["how"] == "counted"
    assert r.facts["proxies"] == [{"from": "Flore WAGNER", "to": "Alain ROCHE"}]
    assert len(r.facts["members"]) == 7


def test_a_list_read_in_part_is_not_counted() -> None:
    text = (FIXTURES / "layout-numbered-list.txt").read_text(encoding="utf-8")
    r = read_extract(text.replace("2. Mme Berthe SIMON", "2. sous réserve Berthe SIMON"))
    assert r.opening["presents"] is None  # never 1, the name read before the break
    assert "present" in {u["fact"] for u in r.unread}


def test_a_procuration_given_in_a_deliberation_applies_from_it() -> None:
    r = _read("layout-proxy-during-seance.txt")
    d = r.facts["deliberations"]
    assert [x["new_proxies"] for x in d] == [
        [],  # « donne pouvoir à Madame le Maire pour la signer »: no procuration
        [{"from": "Hugo CARREL", "to": "Nina DUFOUR"}],
        [],
    ]
    assert d[1]["left"] == ["Hugo CARREL"]
    assert r.facts["proxies"] == []


def test_a_mandants_mandataires_table() -> None:
    r = _read("layout-mandants-table.txt")
    assert r.facts["proxies"] == [
        {"from": "Julie NOEL", "to": "Agnès BRUNET"},
        {"from": "Karim OLIVIER", "to": "Cédric COLIN"},
    ]
    assert r.opening["present_named"] == 9 and r.opening["presents"] == 9
    assert sorted(r.facts["absent"]) == ["Julie NOEL", "Karim OLIVIER", "Louis PARIS"]


def test_mandants_and_mandataires_as_two_lists_and_a_label_without_colon() -> None:
    head = "Séance du 3 mai 2022\nPrésents : M. Paul ARNOUX, Mme Lise BERTIN, M. Hugo CARREL\n"
    tail = "1 – Tarifs\nAdopté à l'unanimité.\n"
    pairs = [
        {"from": "Rose GAUDIN", "to": "Paul ARNOUX"},
        {"from": "Tom PERRIN", "to": "Lise BERTIN"},
    ]
    two_lists = (
        "Mandants : Mme Rose GAUDIN, M. Tom PERRIN – "
        "Mandataires : M. Paul ARNOUX, Mme Lise BERTIN\n"
    )
    assert read_extract(head + two_lists + tail).facts["proxies"] == pairs
    no_colon = "Pouvoirs Mme Rose GAUDIN à M. Paul ARNOUX, M. Tom PERRIN à Mme Lise BERTIN\n"
    assert read_extract(head + no_colon + tail).facts["proxies"] == pairs
    # two lists of different lengths are not paired
    uneven = "Mandants : Mme Rose GAUDIN, M. Tom PERRIN – Mandataires : M. Paul ARNOUX\n"
    assert read_extract(head + uneven + tail).facts["proxies"] == []
