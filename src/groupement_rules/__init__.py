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
from .deadlines import Act, default_deadlines, executory, recours
from .decision import Citation, ComputedDate, Decision, Finding, Interpretation, Severity
from .errors import InputError
from .holidays_fr import HolidayCalendar, Zone, calendar_for_insee
from .policy import Policy, PolicyError

__all__ = [
    "Act",
    "Adherent",
    "AdhesionAnswer",
    "Authorisation",
    "Citation",
    "ComputedDate",
    "Decision",
    "Exclusion",
    "Finding",
    "HolidayCalendar",
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
    "Zone",
    "__version__",
    "calendar_for_insee",
    "check_adherent",
    "default_convention",
    "default_deadlines",
    "executory",
    "load_convention",
    "recours",
    "schedule",
    "status_on",
    "timeline",
    "withdrawal",
    "withdrawal_windows",
]
