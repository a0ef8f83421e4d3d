"""The one exception family that reaches users: bad input, named precisely.

Every reader turns a malformed document into an :class:`InputError` whose
message is one line naming what is wrong and where (file, key, line or row).
The CLI prints it and exits with status 2; it never shows a traceback.
"""

from __future__ import annotations


class InputError(ValueError):
    """Input that cannot be used: ``where`` says which file/key/line, ``reason`` what is wrong."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}" if where else reason)


class InvalidArgument(InputError):
    """An argument of a public function that the rules cannot take (a date outside the
    years handled, a negative population); ``where`` names the function and argument."""


class ArgumentTypeError(InvalidArgument, TypeError):
    """An argument of the wrong type (a string or a datetime where a date is expected);
    a :class:`TypeError` too, as Python's own calls raise for a wrong type."""
