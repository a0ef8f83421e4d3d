"""Part C of SPEC: the recours contentieux deadline and the executory force of an act.

Every parameter of the law (two months, délai franc, the order of operations at
month ends, the extension of CPC art. 642, the silence that rejects a recours
gracieux, the express rejection that makes the délai run again, the publication
reform of 2022) comes from ``policies/deadlines.toml``, read through
:class:`~groupement_rules.deadlines.policy.DeadlinesView`. The counting itself is
:func:`groupement_rules.legal_time.count_delai`, the same mechanism that computes the
convocation délai.

- :mod:`.facts`: the act (:class:`Act`);
- :mod:`.policy`: the typed view of the policy and its loader;
- :mod:`.recours`: the last day of a recours contentieux (CJA R421-1, R421-2);
- :mod:`.executory`: the executory force (CGCT L2131-1, L2131-2);
- :mod:`.findings`: the catalogue of the finding codes (``docs/deadlines.md``).
"""

from __future__ import annotations

from .executory import ExecutoryAnswer, executory
from .facts import Act, ActKind, PublicationMode
from .findings import CATALOGUE, FINDING_CODES
from .policy import SCHEMA, DeadlinesView, default_deadlines, load_deadlines
from .recours import RecoursAnswer, recours, recours_delai, recours_last_day

__all__ = [
    "CATALOGUE",
    "FINDING_CODES",
    "SCHEMA",
    "Act",
    "ActKind",
    "DeadlinesView",
    "ExecutoryAnswer",
    "PublicationMode",
    "RecoursAnswer",
    "default_deadlines",
    "executory",
    "load_deadlines",
    "recours",
    "recours_delai",
    "recours_last_day",
]
