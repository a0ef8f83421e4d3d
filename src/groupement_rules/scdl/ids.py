"""The file-level checks of DELIB_ID: numbers used twice, numbers that lost a zero.

The schema does not declare DELIB_ID unique, but the number an authority gives an act
designates one act: the same number on two rows is worth a warning. A spreadsheet
that read ``2022.00130`` as a number writes ``2022.0013``: when most numeric IDs of a
file have N digits after the point, a shorter one is reported with its probable value.

Both need the whole file before the first row is answered, so they come from a first
pass (:func:`first_pass`), which also reads every record: a byte that is not UTF-8 or a
broken record anywhere in the file is an error before any row is reported. The pass
keeps 8 bytes a row, in memory up to ``RUN`` IDs and in an anonymous temporary file
beyond (sorted runs, merged at the end): memory does not grow with the file.
"""

from __future__ import annotations

import csv
import heapq
import re
import sys
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

import attrs

from ..decision import Finding
from .findings import emit
from .reading import MAX_FIELD, Header, Source, read_error


def _blake_hash(v: str) -> int:
    import hashlib  # only on 32-bit builds: loading OpenSSL costs about 3 MB of memory

    return int.from_bytes(
        hashlib.blake2b(v.encode("utf-8"), digest_size=8).digest(), "little", signed=True
    )


#: A 64-bit hash of an ID: Python's keyed SipHash where it is 64 bits wide (stable within
#: one process, which runs both passes), else (32-bit builds) 8 bytes of BLAKE2b.
id_hash: Callable[[str], int] = hash if sys.hash_info.width >= 64 else _blake_hash

FRACTION = re.compile(r"\d{1,6}\.(\d{1,12})")
#: Hashes sorted in memory at a time; a file with more IDs spills sorted runs of this
#: many hashes (8 bytes each) to a temporary file and merges them: memory stays bounded.
RUN = 1 << 16
READ = 1 << 11  # hashes read back at a time from each run


@attrs.frozen
class Stats:
    """What the first pass learnt: the hashes seen twice, the usual digits after the point."""

    duplicates: frozenset[int]
    modal_fraction: int | None
    rows: int


class IdHashes:
    """The 64-bit hashes of the IDs: which are seen more than once, in bounded memory.

    Up to ``RUN`` hashes are kept in an ``array`` (8 bytes each, no Python object per
    row); beyond, each full array is sorted and written as a run to an anonymous
    temporary file (8 bytes a row on disk), and the runs are merged at the end.
    """

    def __init__(self) -> None:
        self.buffer = array("q")
        self.file: BinaryIO | None = None
        self.runs: list[tuple[int, int]] = []  # (first hash, count) in the file
        self.spilled = 0

    def spill(self) -> None:
        if not self.buffer:
            return
        if self.file is None:
            # closed by duplicates() or close(): it lives across the whole pass
            self.file = tempfile.TemporaryFile(prefix="groupement-rules-scdl-")  # noqa: SIM115
        run = array("q", sorted(self.buffer))
        self.file.seek(self.spilled * 8)
        run.tofile(self.file)
        self.runs.append((self.spilled, len(run)))
        self.spilled += len(run)
        self.buffer = array("q")

    def _run(self, first: int, count: int) -> Iterator[int]:
        assert self.file is not None
        end = first + count
        while first < end:
            chunk = array("q")
            self.file.seek(first * 8)
            chunk.fromfile(self.file, min(READ, end - first))
            first += len(chunk)
            yield from chunk

    def close(self) -> None:
        if self.file is not None:
            self.file.close()

    def duplicates(self) -> frozenset[int]:
        try:
            if self.file is None:
                ordered: Iterable[int] = sorted(self.buffer)
            else:
                self.spill()
                ordered = heapq.merge(*(self._run(f, c) for f, c in self.runs))
            dups = set()
            previous = None
            for h in ordered:
                if h == previous:
                    dups.add(h)
                previous = h
            return frozenset(dups)
        finally:
            self.close()


#: Rows between two calls of a progress callback.
PROGRESS_EVERY = 8192


def first_pass(
    source: Source, header: Header, progress: Callable[[float], None] | None = None
) -> Stats:
    """Every record read once (errors raised here), and the DELIB_ID statistics.

    ``progress``, when given, is called now and then with the fraction of the file read.
    """
    idx = header.index.get("DELIB_ID", -1)
    hashes = IdHashes()
    lengths: Counter[int] = Counter()
    fraction = FRACTION.fullmatch
    hash_of = id_hash
    rows = 0
    csv.field_size_limit(MAX_FIELD)
    with source.text() as fh:  # the records, without tracking lines (hot loop)
        reader = csv.reader(fh, delimiter=header.separator, quotechar='"', strict=False)
        append = hashes.buffer.append
        try:
            next(reader, None)
            for rec in reader:
                if not rec or (len(rec) == 1 and not rec[0].strip()):
                    continue
                rows += 1
                if progress is not None and not rows % PROGRESS_EVERY:
                    progress(source.fraction())
                v = rec[idx].strip() if 0 <= idx < len(rec) else ""
                if not v:
                    continue
                append(hash_of(v))
                if len(hashes.buffer) >= RUN:
                    hashes.spill()
                    append = hashes.buffer.append
                m = fraction(v)
                if m:
                    lengths[len(m.group(1))] += 1
        except (UnicodeDecodeError, csv.Error) as e:
            hashes.close()
            raise read_error(source, reader, e) from None
    dups = hashes.duplicates()
    modal = None
    total = sum(lengths.values())
    if total:
        length, count = lengths.most_common(1)[0]
        if count * 2 > total:
            modal = length
    return Stats(dups, modal, rows)


def check_id(v: str, n: int, stats: Stats, out: list[Finding]) -> None:
    """The DELIB_ID of data row ``n`` against the file's statistics."""
    if not v:
        return
    if stats.duplicates and id_hash(v) in stats.duplicates:
        out.append(emit("delib-id-duplicated", {"DELIB_ID": v[:200]}, row=n, column="DELIB_ID"))
    modal = stats.modal_fraction
    if modal is None:
        return
    dot = v.find(".")
    if dot < 0 or len(v) - dot - 1 >= modal:
        return  # a match's fraction is all after the only dot: not shorter than usual
    m = FRACTION.fullmatch(v)
    if m and len(m.group(1)) < modal:
        restored = v + "0" * (modal - len(m.group(1)))
        values = {"DELIB_ID": v, "probably": restored, "digits": modal}
        out.append(emit("delib-id-lost-trailing-zero", values, row=n, column="DELIB_ID"))


__all__ = ["RUN", "IdHashes", "Stats", "check_id", "first_pass", "id_hash"]
