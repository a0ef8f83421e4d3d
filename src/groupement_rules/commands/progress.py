"""The progress display shared by the long commands (SCDL files, adherent batches, the
OCR of a scanned PDF).

Shown on standard error only when it is a terminal (never in a pipe or a file, so a
``--json`` document piped to ``jq`` still shows it on the terminal, and a redirected
``2>log`` never holds it), only after one second of work, redrawn at most five times a
second, erased at the end. ``--no-progress`` turns it off (as ``pip --progress-bar off``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The text of ``key`` in ``lang`` (:func:`groupement_rules.render.core.label`,
    imported when a display is made: the renderers are not needed to build the parser)."""
    from ..render.core import label as of

    return of(table, key, lang)


_L = {
    "reading": ("lecture", "reading"),
    "checking": ("vérification", "checking"),
    "adherents": ("adhérents lus", "adherents read"),
    "ocr": ("reconnaissance du texte d'un scan (OCR)", "recognising a scan's text (OCR)"),
}

#: seconds of work before the display appears, and between two redraws
DELAY = 1.0
REDRAW = 0.2


class Progress:
    """How far a long piece of work is, on a terminal's standard error."""

    def __init__(
        self, stream: TextIO, lang: str, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.lang = lang
        self.clock = clock
        self.start = clock()
        self.last = self.start
        self.shown = False
        self.width = 0

    def _draw(self, text: str) -> None:
        now = self.clock()
        if now - self.start < DELAY or now - self.last < REDRAW:
            return
        self.last = now
        self.shown = True
        self.width = max(self.width, len(text))
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()

    def phase(self, key: str) -> Callable[[float], None]:
        """A callback for one pass, given the fraction done (0 to 1)."""
        name = label(_L, key, self.lang)
        sep = " " if self.lang == "fr" else ""

        def show(fraction: float) -> None:
            self._draw(f"{name} {round(fraction * 100)}{sep}%")

        return show

    def counting(self, key: str, items: Iterable[T]) -> Iterator[T]:
        """``items``, unchanged, showing how many have gone by (their total is unknown)."""
        name = label(_L, key, self.lang)
        for n, item in enumerate(items, 1):
            self._draw(f"{name} : {n}" if self.lang == "fr" else f"{name}: {n}")
            yield item

    def waiting(self, key: str) -> Callable[[float], None]:
        """A callback for work whose end is unknown, given the seconds it has taken."""
        name = label(_L, key, self.lang)
        colon = " :" if self.lang == "fr" else ":"

        def show(seconds: float) -> None:
            self._draw(f"{name}{colon} {int(seconds)} s")

        return show

    def clear(self) -> None:
        """Erase the display (before output goes to the same terminal, and at the end)."""
        if self.shown:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.shown = False


def add_flag(parser: argparse.ArgumentParser) -> None:
    """The ``--no-progress`` option of a long command."""
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress display on the terminal's standard error",
    )


def progress_for(args: argparse.Namespace) -> Progress | None:
    """A progress display, when standard error is a terminal and it is not turned off."""
    if getattr(args, "no_progress", False):
        return None
    try:
        tty = sys.stderr.isatty()
    except (AttributeError, ValueError):
        return None
    return Progress(sys.stderr, args.lang) if tty else None


@contextlib.contextmanager
def ocr_progress(args: argparse.Namespace) -> Iterator[Callable[[float], None] | None]:
    """The callback that shows how long the OCR of a scan has run (None when no display
    is shown: in a pipe, with ``--no-progress``), erased when the block ends."""
    progress = progress_for(args)
    if progress is None:
        yield None
        return
    try:
        yield progress.waiting("ocr")
    finally:
        progress.clear()


__all__ = ["Progress", "add_flag", "ocr_progress", "progress_for"]
