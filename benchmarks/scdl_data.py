"""Build large SCDL « Délibérations » files for the benchmarks.

Rows take the shapes of the real Saint-Étienne Métropole rows (long upper-case
objects, metropolitan SIRET, prefecture ids, counts around a council of 123)
but are *clean*: every schema constraint and vote rule holds, so that every
checker does its full work on every row (Validata stops collecting errors after
1 000, so it must be timed on a clean file). Nothing is copied from the real file.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

HEADER = [
    "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE",
    "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
]  # fmt: skip

MATIERES = [
    ("1.1", "Commande publique/Marchés publics"),
    ("5.2", "Institutions et vie politique/Fonctionnement des assemblées"),
    ("7.1", "Finances locales/Décisions budgétaires"),
    ("8.1", "Domaines de compétences par thèmes/Enseignement"),
    ("3.1", "Domaine et patrimoine/Acquisitions"),
]
WORDS = (
    "CONVENTION",
    "GROUPEMENT",
    "COMMANDES",
    "ENVIRONNEMENT",
    "NUMERIQUE",
    "TRAVAIL",
    "ECOLES",
    "MARCHE",
    "AVENANT",
    "SUBVENTION",
    "ATTRIBUTION",
    "REGIE",
    "STATIONNEMENT",
    "TARIFS",
    "BUDGET",
    "ANNEXE",
    "DECISION",
    "MODIFICATIVE",
    "ADHESION",
    "RENOUVELLEMENT",
    "ACQUISITION",
    "PARCELLE",
    "VOIRIE",
    "TRANSPORT",
)


def luhn_siret(prefix13: str) -> str:
    """A SIRET with a valid Luhn key, from its first 13 digits."""
    for last in "0123456789":
        digits = [int(c) for c in prefix13 + last]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return prefix13 + last
    raise AssertionError("unreachable")


def write_clean_file(path: Path, rows: int, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    siret = luhn_siret("2442007700011")
    start = dt.date(2022, 1, 20)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(rows):
            day = start + dt.timedelta(days=i % 1500)
            code, nom = MATIERES[i % len(MATIERES)]
            reel = rnd.randint(70, 123)
            pour = rnd.randint(reel // 2 + 1, reel)
            contre = rnd.randint(0, reel - pour)
            abst = reel - pour - contre
            objet = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 18)))
            budget = str(day.year) if i % 3 == 0 else ""
            w.writerow([
                "Saint-Etienne Metropole", siret, f"{day.year}.{i:07d}", day.isoformat(), code,
                nom, objet, budget, "Budget principal" if budget else "", f"PREF0{42 + i % 3}",
                (day + dt.timedelta(days=10)).isoformat(), "123", str(reel), str(pour),
                str(contre), str(abst), f"https://example.org/deliberations/{i}.pdf",
            ])  # fmt: skip
    return path
