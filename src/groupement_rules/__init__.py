"""groupement-rules: French public texts as executable policy.

The public API: the nouns (facts, policy, decisions) and the questions.
Names are loaded on first use (PEP 562), so ``import groupement_rules`` stays
light and a program pays only for the parts it touches.

>>> from groupement_rules import default_convention, withdrawal
>>> import datetime as dt
>>> d = withdrawal(default_convention(), sent_on=dt.date(2028, 6, 1))
>>> d.answer
<WithdrawalAnswer.ALLOWED: 'allowed'>
>>> d.answer == "allowed", d.data["effective_on"], d.data_date("effective_on")
(True, '2028-07-19', datetime.date(2028, 7, 19))
"""

from __future__ import annotations

import importlib
import types
from typing import TYPE_CHECKING, Any

from ._version import __version__

#: public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Adherent": "convention.facts",
    "Authorisation": "convention.facts",
    "Exclusion": "convention.facts",
    "Marche": "convention.facts",
    "Order": "convention.facts",
    "WithdrawalLetter": "convention.facts",
    "default_convention": "convention.policy",
    "load_convention": "convention.policy",
    "Engagement": "convention.engagement",
    "Membership": "convention.engagement",
    "check_adherents": "convention.batch",
    "AdhesionAnswer": "convention.rules",
    "Status": "convention.rules",
    "WithdrawalAnswer": "convention.rules",
    "WindowsAnswer": "convention.rules",
    "TimelineAnswer": "convention.rules",
    "ConvocationAnswer": "seance.convocation",
    "check_adherent": "convention.rules",
    "status_on": "convention.rules",
    "timeline": "convention.rules",
    "withdrawal": "convention.rules",
    "withdrawal_windows": "convention.rules",
    "Schedule": "convention.schedule",
    "schedule": "convention.schedule",
    "Act": "deadlines.facts",
    "default_deadlines": "deadlines",
    "executory": "deadlines.executory",
    "recours": "deadlines.recours",
    "Citation": "decision",
    "ComputedDate": "decision",
    "Decision": "decision",
    "Finding": "decision",
    "Interpretation": "decision",
    "Severity": "decision",
    "InputError": "errors",
    "HolidayCalendar": "holidays_fr",
    "Zone": "holidays_fr",
    "calendar_for_insee": "holidays_fr",
    "Policy": "policy",
    "PolicyError": "policy",
    "load_seance": "readers.seance",
    "seance_from_dict": "readers.seance",
    "latest_sending_day": "seance.convocation",
    "Commune": "seance.facts",
    "Convocation": "seance.facts",
    "DeclaredCounts": "seance.facts",
    "Deliberation": "seance.facts",
    "Proxy": "seance.facts",
    "Seance": "seance.facts",
    "StandAside": "seance.facts",
    "Vote": "seance.facts",
    "default_cgct": "seance.policy",
    "load_cgct": "seance.policy",
    "SeanceAnswer": "seance.rules",
    "check_seance": "seance.rules",
    "ExtractResult": "readers.text",
    "read_extract": "readers.text",
    "RowChecker": "scdl",
    "ScdlRow": "scdl",
    "check_row": "scdl",
    "check_scdl": "scdl",
    "open_scdl": "scdl",
    "row_codes": "scdl",
    "NoValueInForce": "policy",
    "ArgumentTypeError": "errors",
    "InvalidArgument": "errors",
    "adherent_from_dict": "readers.adherent",
    "load_adherent": "readers.adherent",
    "act_from_dict": "readers.act",
    "load_act": "readers.act",
    "ActKind": "deadlines.facts",
    "PublicationMode": "deadlines.facts",
    "ExecutoryAnswer": "deadlines.executory",
    "RecoursAnswer": "deadlines.recours",
    "DeliberationKind": "seance.facts",
    "DeportArticle": "seance.facts",
    "Outcome": "seance.facts",
    "PresidentVote": "seance.facts",
}

__all__ = [
    "Act",
    "ActKind",
    "Adherent",
    "AdhesionAnswer",
    "ArgumentTypeError",
    "Authorisation",
    "Citation",
    "Commune",
    "ComputedDate",
    "Convocation",
    "ConvocationAnswer",
    "Decision",
    "DeclaredCounts",
    "Deliberation",
    "DeliberationKind",
    "DeportArticle",
    "Engagement",
    "Exclusion",
    "ExecutoryAnswer",
    "ExtractResult",
    "Finding",
    "HolidayCalendar",
    "InputError",
    "Interpretation",
    "InvalidArgument",
    "Marche",
    "Membership",
    "NoValueInForce",
    "Order",
    "Outcome",
    "Policy",
    "PolicyError",
    "PresidentVote",
    "Proxy",
    "PublicationMode",
    "RecoursAnswer",
    "RowChecker",
    "ScdlRow",
    "Schedule",
    "Seance",
    "SeanceAnswer",
    "Severity",
    "StandAside",
    "Status",
    "TimelineAnswer",
    "Vote",
    "WindowsAnswer",
    "WithdrawalAnswer",
    "WithdrawalLetter",
    "Zone",
    "__version__",
    "act_from_dict",
    "adherent_from_dict",
    "calendar_for_insee",
    "check_adherent",
    "check_adherents",
    "check_row",
    "check_scdl",
    "check_seance",
    "default_cgct",
    "default_convention",
    "default_deadlines",
    "executory",
    "latest_sending_day",
    "load_act",
    "load_adherent",
    "load_cgct",
    "load_convention",
    "load_seance",
    "open_scdl",
    "read_extract",
    "recours",
    "row_codes",
    "schedule",
    "seance_from_dict",
    "status_on",
    "timeline",
    "withdrawal",
    "withdrawal_windows",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'groupement_rules' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    if isinstance(value, types.FunctionType):  # a question or a reader: its arguments checked here
        from .boundary import guarded

        value = guarded(value)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from .convention.batch import check_adherents
    from .convention.engagement import Engagement, Membership
    from .convention.facts import (
        Adherent,
        Authorisation,
        Exclusion,
        Marche,
        Order,
        WithdrawalLetter,
    )
    from .convention.policy import default_convention, load_convention
    from .convention.rules import (
        AdhesionAnswer,
        Status,
        TimelineAnswer,
        WindowsAnswer,
        WithdrawalAnswer,
        check_adherent,
        status_on,
        timeline,
        withdrawal,
        withdrawal_windows,
    )
    from .convention.schedule import Schedule, schedule
    from .deadlines.executory import ExecutoryAnswer, executory
    from .deadlines.facts import Act, ActKind, PublicationMode
    from .deadlines.policy import default_deadlines
    from .deadlines.recours import RecoursAnswer, recours
    from .decision import Citation, ComputedDate, Decision, Finding, Interpretation, Severity
    from .errors import ArgumentTypeError, InputError, InvalidArgument
    from .holidays_fr import HolidayCalendar, Zone, calendar_for_insee
    from .policy import NoValueInForce, Policy, PolicyError
    from .readers.act import act_from_dict, load_act
    from .readers.adherent import adherent_from_dict, load_adherent
    from .readers.seance import load_seance, seance_from_dict
    from .readers.text import ExtractResult, read_extract
    from .scdl import RowChecker, ScdlRow, check_row, check_scdl, open_scdl, row_codes
    from .seance.convocation import ConvocationAnswer, latest_sending_day
    from .seance.facts import (
        Commune,
        Convocation,
        DeclaredCounts,
        Deliberation,
        DeliberationKind,
        DeportArticle,
        Outcome,
        PresidentVote,
        Proxy,
        Seance,
        StandAside,
        Vote,
    )
    from .seance.policy import default_cgct, load_cgct
    from .seance.rules import SeanceAnswer, check_seance
