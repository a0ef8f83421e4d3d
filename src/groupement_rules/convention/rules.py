"""The questions asked of a groupement de commandes convention (SPEC A.3 to A.8).

Each question lives in its own module: :mod:`.engagement` (status, membership),
:mod:`.withdrawal` (the clause families), :mod:`.adhesion` (an adherent's
file) and :mod:`.timeline`. This module gathers them under one name.
"""

from __future__ import annotations

from .adhesion import (
    AdhesionAnswer,
    check_adherent,
    check_annexes,
    check_authorisation,
    check_deadline,
    check_member,
    check_orders,
    engagement_of,
    valid_withdrawal,
)
from .engagement import Engagement, Membership, Status, check_exclusion, status_on
from .timeline import TimelineAnswer, timeline
from .withdrawal import (
    WindowsAnswer,
    WithdrawalAnswer,
    _context,  # noqa: F401  (the per-policy context, whose cache tests clear)
    classify,
    letter_effect,
    reading_interpretation,
    withdrawal,
    withdrawal_windows,
)

__all__ = [
    "AdhesionAnswer",
    "Engagement",
    "Membership",
    "Status",
    "TimelineAnswer",
    "WindowsAnswer",
    "WithdrawalAnswer",
    "check_adherent",
    "check_annexes",
    "check_authorisation",
    "check_deadline",
    "check_exclusion",
    "check_member",
    "check_orders",
    "classify",
    "engagement_of",
    "letter_effect",
    "reading_interpretation",
    "status_on",
    "timeline",
    "valid_withdrawal",
    "withdrawal",
    "withdrawal_windows",
]
