"""The one edge where our bytes go out: standard output and the files we write.

A file we write (``--output``, ``--ics``) appears under its name only once complete:
it is written to a temporary file beside it and renamed over it, so that a reader,
a full disk or an interrupted run never leaves half a decision behind. A target that
is not a regular file (``/dev/stdout``, ``/dev/null``, a FIFO) is written in place:
renaming over a device would replace the device, not write to it.

A failure to write (a full disk, a closed terminal) is an :class:`OutputError`, an
:class:`~groupement_rules.errors.InputError` naming the target: one line, exit 2.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

from .errors import InputError

#: The name given to standard output in error lines.
STDOUT_NAME = "<stdout>"


class OutputError(InputError):
    """The output could not be written; ``where`` names the file (or ``<stdout>``)."""

    def __init__(self, where: str, error: OSError) -> None:
        self.errno = error.errno
        super().__init__(where, f"cannot write: {error.strerror or error}")


def check_target(path: str) -> str:
    """``path`` if it can name an output file; a :class:`ValueError` says why not."""
    if not path.strip():
        raise ValueError("an empty file name")
    if "\x00" in path:
        raise ValueError("a file name with a NUL character")
    return path


def _in_place(target: Path) -> bool:
    """True when ``target`` exists and is not a regular file (a device, a FIFO)."""
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False


@contextlib.contextmanager
def open_output(
    path: str | os.PathLike[str],
    *,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "",
) -> Iterator[IO[Any]]:
    """A stream whose content replaces ``path`` only when the block ends normally.

    On an exception the temporary file is removed and ``path`` is left as it was.
    """
    name = str(path)
    target = Path(path)
    mode = "wb" if binary else "w"
    kw: dict[str, Any] = {} if binary else {"encoding": encoding, "newline": newline}
    if _in_place(target):
        try:
            with open(target, mode, **kw) as stream:
                yield stream
        except OSError as e:
            raise OutputError(name, e) from None
        return
    try:
        fd, tmp = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".",
            prefix=f".{target.name}.",
            suffix=".tmp",
        )
    except OSError as e:
        raise OutputError(name, e) from None
    try:
        try:
            os.chmod(tmp, _mode_for(target))
            stream = os.fdopen(fd, mode, **kw)
        except OSError as e:
            os.close(fd)
            raise OutputError(name, e) from None
        with stream:
            yield stream
            try:
                stream.flush()
                os.fsync(stream.fileno())
            except OSError as e:
                raise OutputError(name, e) from None
        try:
            os.replace(tmp, target)
        except OSError as e:
            raise OutputError(name, e) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`open_output`)."""
    with open_output(path, binary=True) as f:
        try:
            f.write(data)
        except OSError as e:
            raise OutputError(str(path), e) from None


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: the replaced file's, else the umask's."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class GuardedStream(io.TextIOBase):
    """A text stream that turns a failure to write into an :class:`OutputError`.

    A closed pipe (:class:`BrokenPipeError`) is left as it is: the reader went
    away, which the command treats as the end of its work, not as an error.
    """

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name
        self._failed = False

    def write(self, s: str) -> int:
        try:
            return self._stream.write(s)
        except BrokenPipeError:
            raise
        except OSError as e:
            self._failed = True
            raise OutputError(self._name, e) from None

    def flush(self) -> None:
        if self._failed or self._stream.closed:
            # reported once already, or the stream under us was closed (an
            # interrupted command's stdout at exit): the final flush stays quiet
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            self._failed = True
            raise OutputError(self._name, e) from None

    def close(self) -> None:
        """Closing (also when the stream is collected at exit) never reports again a
        failure the command has already reported in its one line."""
        with contextlib.suppress(OSError, OutputError, ValueError):
            super().close()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def writable(self) -> bool:
        return True


def silence_stdout() -> None:
    """Point file descriptor 1 at ``/dev/null`` after a failed write, so that the
    interpreter's own flush at exit does not report the same failure again."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


__all__ = [
    "STDOUT_NAME",
    "GuardedStream",
    "OutputError",
    "check_target",
    "open_output",
    "silence_stdout",
    "write_bytes",
]
