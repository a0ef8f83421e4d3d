"""Reading SCDL files: one read of any source, the file's line in every report and error."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupement_rules.errors import InputError
from groupement_rules.scdl import check_scdl, load_schema, open_scdl

COLUMNS = list(load_schema().names)

cells = st.text(alphabet=st.sampled_from('ab é,;"\n\r'), max_size=12)
rows = st.lists(st.lists(cells, min_size=len(COLUMNS), max_size=len(COLUMNS)), max_size=8)


def _csv(records: list[list[str]], crlf: bool) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_ALL)
    w.writerow(COLUMNS)
    w.writerows(records)
    return buf.getvalue().encode("utf-8")


def _physical_starts(data: bytes) -> list[int]:
    """The file line where each record after the header starts, counted independently."""
    text = data.decode("utf-8")
    starts, line, in_quotes, at_start = [], 1, False, True
    i = 0
    while i < len(text):
        c = text[i]
        if at_start:
            starts.append(line)
            at_start = False
        if c == '"':
            in_quotes = not in_quotes
        elif c in "\r\n":
            if c == "\r" and text[i + 1 : i + 2] == "\n":
                i += 1
            line += 1
            if not in_quotes:
                at_start = True
        i += 1
    return starts[1:]


@settings(max_examples=60)
@given(records=rows, crlf=st.booleans())
def test_each_report_names_the_file_line_where_its_record_starts(
    tmp_path_factory: pytest.TempPathFactory, records: list[list[str]], crlf: bool
) -> None:
    data = _csv(records, crlf)
    p = tmp_path_factory.mktemp("l") / "d.csv"
    p.write_bytes(data)
    _f, reports, _s = check_scdl(p)
    starts = _physical_starts(data)
    nonblank = [s for s, r in zip(starts, records, strict=True) if any(c.strip() for c in r)]
    assert [r.line for r in reports] == nonblank


@settings(max_examples=60)
@given(records=rows, where=st.floats(min_value=0, max_value=1), crlf=st.booleans())
def test_a_bad_byte_is_reported_at_its_line(
    tmp_path_factory: pytest.TempPathFactory, records: list[list[str]], where: float, crlf: bool
) -> None:
    data = _csv(records, crlf)
    header_end = data.index(b"\n") + 1
    at = header_end + int(where * (len(data) - header_end))
    while at < len(data) and 0x80 <= data[at] < 0xC0:  # not inside a character
        at += 1
    bad = data[:at] + b"\xff" + data[at:]
    p = tmp_path_factory.mktemp("b") / "d.csv"
    p.write_bytes(bad)
    before = bad[:at]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    with pytest.raises(InputError) as e:
        check_scdl(p)
    assert str(e.value).startswith(f"{p}:{line}: not UTF-8 (byte {at})")


def test_a_stream_and_a_path_give_the_same_reports(tmp_path: Path) -> None:
    data = _csv([["Commune", "21490176100012", "1", "2026-02-02"] + [""] * 13], crlf=True)
    p = tmp_path / "d.csv"
    p.write_bytes(data)
    _f, from_path, _s = check_scdl(p)
    with open(p, "rb") as fh:
        _f, from_stream, _s = check_scdl(fh)
    assert [r.to_dict() for r in from_path] == [r.to_dict() for r in from_stream]


def test_size_limit_and_binary_streams_are_refused_early(tmp_path: Path) -> None:
    p = tmp_path / "d.csv"
    p.write_bytes(_csv([["x"] * len(COLUMNS)] * 50, crlf=False))
    with pytest.raises(InputError, match="larger than"):
        open_scdl(p, max_bytes=100)
    with open(p, "rb") as fh, pytest.raises(InputError, match="larger than"):
        open_scdl(fh, max_bytes=100)
    with pytest.raises(InputError, match="binary file"):
        open_scdl(io.BytesIO(b"COLL_NOM\n" + b"\x00" * 10_000_000))
    if Path("/dev/zero").exists():
        with pytest.raises(InputError, match=re.escape("/dev/zero: binary file")):
            open_scdl("/dev/zero")
