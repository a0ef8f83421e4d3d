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
from .readers.extract import ExtractResult, read_extract

__all__ = [
    "Adherent",
    "AdhesionAnswer",
    "Authorisation",
    "Citation",
    "ComputedDate",
    "Decision",
    "Exclusion",
    "ExtractResult",
    "Finding",
    "InputError",
    "Interpretation",
    "Order",
    "Policy",
    "PolicyError",
    "Schedule",
    "Severity",
    "Status",
    "WithdrawalAnswer",
    "WithdrawalLetter",
    "__version__",
    "check_adherent",
    "default_convention",
    "load_convention",
    "read_extract",
    "schedule",
    "status_on",
    "timeline",
    "withdrawal",
    "withdrawal_windows",
]
