"""The checks at the public API's edge: a question asked from Python with arguments of
the wrong kind is refused there, in one clear :class:`~groupement_rules.errors.InputError`
naming the function and the argument, instead of failing deep inside a rule
(``TypeError: '<' not supported between 'str' and 'datetime.date'``) or, worse, being
answered (a negative population, a datetime whose time leaks into a decision).

:func:`guarded` wraps a public function; the checks come from its annotations, read
on first call (so that importing the package stays light):

- a parameter annotated ``dt.date`` (or ``dt.date | None``) takes a :class:`datetime.date`
  within :data:`~groupement_rules.inputs.MIN_DATE` to
  :data:`~groupement_rules.inputs.MAX_DATE`; a :class:`datetime.datetime` is refused,
  naive or aware: the day a time falls on depends on a time zone (Paris, Nouméa,
  Papeete) that the caller knows and the rules do not;
- ``int`` takes an int (not a bool); parameters named in :data:`NON_NEGATIVE` are 0 or more;
- ``str`` and ``bool`` take exactly those; a class of ours (``Policy``, ``Seance``,
  ``Adherent``, ``Act``…) takes an instance of it.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import ArgumentTypeError, InvalidArgument
from .inputs import date_out_of_range

F = TypeVar("F", bound=Callable[..., Any])

#: Integer parameters that count people or things, never negative.
NON_NEGATIVE = frozenset({"population", "renewals", "n", "count"})

_Check = Callable[[str, Any], None]


def guarded(fn: F) -> F:
    """``fn`` with its arguments checked against its annotations (see the module).

    The arguments are matched to their names without :meth:`inspect.Signature.bind`
    (which would cost more than the memoised answer itself); only a call that does not
    fit the signature goes through ``bind``, for its message.
    """
    checks: dict[str, _Check] | None = None
    sig = inspect.signature(fn)
    params = sig.parameters.values()
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    positional = tuple(p.name for p in params if p.kind in kinds)
    keywords = frozenset(p.name for p in params if p.kind is not inspect.Parameter.POSITIONAL_ONLY)
    required = frozenset(
        p.name
        for p in params
        if p.default is inspect.Parameter.empty
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    )
    open_ended = any(
        p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD) for p in params
    )

    def misfit(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        if open_ended or len(args) > len(positional) or not keywords.issuperset(kwargs):
            return True
        given = positional[: len(args)]
        if kwargs and not kwargs.keys().isdisjoint(given):
            return True
        return not required.issubset((*given, *kwargs))

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal checks
        if checks is None:
            checks = _checks_for(fn)
        if misfit(args, kwargs):
            try:
                arguments = sig.bind(*args, **kwargs).arguments
            except TypeError as e:
                raise ArgumentTypeError(f"{fn.__name__}()", str(e)) from None
            items = list(arguments.items())
        else:
            items = [*zip(positional, args, strict=False), *kwargs.items()]
        for name, value in items:
            check = checks.get(name)
            if check is not None:
                check(f"{fn.__name__}({name})", value)
        return fn(*args, **kwargs)

    wrapper.__wrapped_public__ = True  # type: ignore[attr-defined]
    return typing.cast(F, wrapper)


def _checks_for(fn: Callable[..., Any]) -> dict[str, _Check]:
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # pragma: no cover - an annotation only a type checker can read
        return {}
    out: dict[str, _Check] = {}
    for name, hint in hints.items():
        if name == "return":
            continue
        check = _check_for(name, hint)
        if check is not None:
            out[name] = check
    return out


def _check_for(name: str, hint: Any) -> _Check | None:
    optional = False
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(members) < len(typing.get_args(hint))
        if len(members) != 1:
            return None
        hint = members[0]
    if not isinstance(hint, type):
        return None
    base: _Check
    if hint is dt.date:
        base = _date
    elif hint is bool:
        base = _exact(bool, "true or false")
    elif hint is int:
        base = _non_negative if name in NON_NEGATIVE else _integer
    elif hint is str:
        base = _exact(str, "a string")
    elif hint.__module__.startswith("groupement_rules.") and not getattr(
        hint, "_is_protocol", False
    ):
        base = _instance(hint)
    else:
        return None
    if not optional:
        return base

    def maybe(where: str, value: Any) -> None:
        if value is not None:
            base(where, value)

    return maybe


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _date(where: str, value: Any) -> None:
    if isinstance(value, dt.datetime):
        raise ArgumentTypeError(
            where,
            f"expected a date, got the datetime {_shown(value)}: pass the day it falls on "
            "where the act is (value.date(), or value.astimezone(zone).date())",
        )
    if not isinstance(value, dt.date):
        hint = " (datetime.date.fromisoformat reads 'YYYY-MM-DD')" if isinstance(value, str) else ""
        raise ArgumentTypeError(
            where, f"expected a date, got {type(value).__name__} {_shown(value)}{hint}"
        )
    reason = date_out_of_range(value)
    if reason:
        raise InvalidArgument(where, reason)


def _integer(where: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(
            where, f"expected a whole number, got {type(value).__name__} {_shown(value)}"
        )


def _non_negative(where: str, value: Any) -> None:
    _integer(where, value)
    if value < 0:
        raise InvalidArgument(where, f"cannot be negative, got {value}")


def _exact(kind: type, label: str) -> _Check:
    def check(where: str, value: Any) -> None:
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise ArgumentTypeError(
                where, f"expected {label}, got {type(value).__name__} {_shown(value)}"
            )

    return check


def _instance(cls: type) -> _Check:
    def check(where: str, value: Any) -> None:
        if not isinstance(value, cls):
            raise ArgumentTypeError(
                where, f"expected a {cls.__name__}, got {type(value).__name__} {_shown(value)}"
            )

    return check


__all__ = ["NON_NEGATIVE", "guarded"]
