"""groupement-rules: French public texts as executable policy.

The public API: the nouns (facts, policy, decisions) and the questions.

>>> from groupement_rules import default_convention, withdrawal
>>> import datetime as dt
>>> d = withdrawal(default_convention(), sent_on=dt.date(2028, 6, 1))
>>> d.answer, d.data["effective_on"]
('allowed', '2028-07-19')
"""

from ._version import __version__
from .convention.facts import Adherent, Authorisation, Exclusion, Order, WithdrawalLetter
from .convention.policy import default_convention, load_convention
from .convention.rules import (
    AdhesionAnswer,
    Status,
    WithdrawalAnswer,
    check_adherent,
    status_on,
    timeline,
    withdrawal,
    withdrawal_windows,
)
from .convention.schedule import Schedule, schedule
from .decision import Citation, ComputedDate, Decision, Finding, Interpretation, Severity
from .errors import InputError
from .policy import Policy, PolicyError
from .readers.seance import load_seance, seance_from_dict
from .seance.convocation import latest_sending_day
from .seance.facts import (
    Commune,
    Convocation,
    DeclaredCounts,
    Deliberation,
    Proxy,
    Seance,
    StandAside,
    Vote,
)
from .seance.policy import default_cgct, load_cgct
from .seance.rules import SeanceAnswer, check_seance

__all__ = [
    "Adherent",
    "AdhesionAnswer",
    "Authorisation",
    "Citation",
    "Commune",
    "ComputedDate",
    "Convocation",
    "Decision",
    "DeclaredCounts",
    "Deliberation",
    "Exclusion",
    "Finding",
    "InputError",
    "Interpretation",
    "Order",
    "Policy",
    "PolicyError",
    "Proxy",
    "Schedule",
    "Seance",
    "SeanceAnswer",
    "Severity",
    "StandAside",
    "Status",
    "Vote",
    "WithdrawalAnswer",
    "WithdrawalLetter",
    "__version__",
    "check_adherent",
    "check_seance",
    "default_cgct",
    "default_convention",
    "latest_sending_day",
    "load_cgct",
    "load_convention",
    "load_seance",
    "schedule",
    "seance_from_dict",
    "status_on",
    "timeline",
    "withdrawal",
    "withdrawal_windows",
]
