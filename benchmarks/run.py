"""Benchmarks of groupement-rules, printed as ratios against baselines run in the same process.

Run: ``python benchmarks/run.py`` (``--quick`` for smaller sizes). Not part of the
test suite: nothing here passes or fails, it reports figures and their goals
(docs/performance.md records them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SECTIONS: list[tuple[str, Callable[[argparse.Namespace], None]]] = []


def section(name: str) -> Callable[[Callable[[argparse.Namespace], None]], Callable[..., None]]:
    def register(fn: Callable[[argparse.Namespace], None]) -> Callable[..., None]:
        SECTIONS.append((name, fn))
        return fn

    return register


def report(label: str, value: str, goal: str = "") -> None:
    print(f"  {label:<58} {value:>18}   {('goal: ' + goal) if goal else ''}")


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


@section("import time")
def bench_import(args: argparse.Namespace) -> None:
    runs = 5 if args.quick else 20
    lib = "import groupement_rules"
    base = "import attrs, dateutil.relativedelta, tomllib"
    t_lib: list[float] = []
    t_base: list[float] = []
    for _ in range(runs):  # interleaved, so both see the same machine state
        t_base.append(timed(lambda: subprocess.run([sys.executable, "-c", base], check=True)))
        t_lib.append(timed(lambda: subprocess.run([sys.executable, "-c", lib], check=True)))
    first_use = "from groupement_rules import withdrawal, default_convention"
    t_use = [
        timed(lambda: subprocess.run([sys.executable, "-c", first_use], check=True))
        for _ in range(runs)
    ]
    m_lib, m_base = statistics.median(t_lib), statistics.median(t_base)
    m_use = statistics.median(t_use)
    report("python -c 'import groupement_rules' (median)", f"{m_lib * 1000:.1f} ms")
    report("python -c 'import attrs, dateutil.relativedelta, tomllib'", f"{m_base * 1000:.1f} ms")
    report("ratio", f"{m_lib / m_base:.2f}x", "<= 1.3x")
    report("first use: 'from groupement_rules import withdrawal, ...'", f"{m_use * 1000:.1f} ms")
    report("ratio first use / baseline", f"{m_use / m_base:.2f}x")


def naive_can_withdraw(sent: dt.date, start: dt.date = dt.date(2026, 7, 19)) -> bool:
    """What a municipal developer writes by hand: recompute the window, return a bool."""
    from dateutil.relativedelta import relativedelta

    end_of_first_period = start + relativedelta(months=24)
    window_opens = end_of_first_period - relativedelta(months=2)
    return window_opens <= sent < end_of_first_period


@section("withdrawal decisions")
def bench_withdrawal(args: argparse.Namespace) -> None:
    from groupement_rules import default_convention, withdrawal
    from groupement_rules.convention.withdrawal import _context

    policy = default_convention()
    adherents = 100 if args.quick else 1530
    start, end = dt.date(2026, 7, 19), dt.date(2030, 7, 19)
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    n = adherents * len(days)

    def library() -> None:
        for _ in range(adherents):
            for d in days:
                withdrawal(policy, sent_on=d)

    _context(policy).memo.clear()
    t_lib = timed(library)

    naive_adherents = min(adherents, 100)

    def naive() -> None:
        for _ in range(naive_adherents):
            for d in days:
                naive_can_withdraw(d)

    t_naive = timed(naive)
    per_lib = t_lib / n
    per_naive = t_naive / (naive_adherents * len(days))

    def uncached() -> None:
        memo = _context(policy).memo
        for d in days:
            memo.clear()
            withdrawal(policy, sent_on=d)

    t_unc = min(timed(uncached) for _ in range(3)) / len(days)
    agree = all(
        (withdrawal(policy, sent_on=d).answer == "allowed") == naive_can_withdraw(d) for d in days
    )
    report(f"{adherents} adherents x {len(days)} days", f"{n:,} decisions")
    report("library: full explained decision, per call", f"{per_lib * 1e6:.2f} us")
    report("library: first time a question is asked (no memo)", f"{t_unc * 1e6:.2f} us")
    report("naive baseline (dateutil per call, bool), per call", f"{per_naive * 1e6:.2f} us")
    report("ratio library / naive", f"{per_lib / per_naive:.3f}", "<= 0.25")
    report("ratio library without memo / naive", f"{t_unc / per_naive:.3f}")
    report("same answers as the naive baseline on every day", "yes" if agree else "NO")


def _family_policies() -> list[tuple[str, object]]:
    from groupement_rules import default_convention, load_convention

    root = Path(__file__).resolve().parent.parent / "docs" / "examples"
    out: list[tuple[str, object]] = [("e-primo (window-before-period-end)", default_convention())]
    out += [(p.stem, load_convention(p)) for p in sorted(root.glob("*.toml"))]
    return out


@section("convention families")
def bench_families(args: argparse.Namespace) -> None:
    """Per family: a first-time withdrawal question (memo cleared before each call)
    against the naive dateutil check, interleaved so both see the same machine."""
    from groupement_rules.convention.withdrawal import _context, withdrawal

    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(800 if args.quick else 2000)]
    for name, policy in _family_policies():
        reading = policy.value("withdrawal_request_date")  # type: ignore[attr-defined]
        key = {"sent": "sent_on", "received": "received_on"}.get(reading, "deliberation_on")
        memo = _context(policy).memo  # type: ignore[arg-type]

        def first_time(policy: object = policy, key: str = key, memo: object = memo) -> None:
            for d in days:
                memo.clear()  # type: ignore[attr-defined]
                withdrawal(policy, **{key: d})  # type: ignore[arg-type]

        def naive() -> None:
            for d in days:
                naive_can_withdraw(d)

        ratios = []
        for _ in range(5):
            ratios.append(timed(first_time) / timed(naive))
        report(
            f"{name}: first-time question / naive", f"{statistics.median(ratios):.3f}", "<= 0.25"
        )


@section("adherents batch")
def bench_batch(args: argparse.Namespace) -> None:
    from groupement_rules import check_adherents, default_convention
    from groupement_rules.readers.adherent import adherents_from_csv

    header = (
        "name;kind;insee;need;authorisation_date;authorisation_transmitted_on;signed_on;"
        "sent_on;annexes;orders;withdrawal_sent_on\n"
    )
    row = "École {i};commune;49007;120;2026-01-05;2026-01-07;2026-01-10;2026-01-12;1,2;"
    rows = "".join(
        row.format(i=i)
        + ("2026-09-01=120*;" if i % 3 else ";")
        + ("2028-06-01" if i % 7 == 0 else "")
        + "\n"
        for i in range(1530)
    )
    text = header + rows
    policy = default_convention()
    on = dt.date(2027, 1, 1)
    t = min(timed(lambda: check_adherents(policy, adherents_from_csv(text), on)) for _ in range(3))
    report("1 530 adherents from CSV, read and checked", f"{t * 1000:.0f} ms", "well under 1 s")
    report("adherents per second", f"{1530 / t:,.0f}/s")


@section("convention scale")
def bench_convention_scale(args: argparse.Namespace) -> None:
    import gc
    import re
    import tracemalloc

    from groupement_rules.convention.policy import load_convention
    from groupement_rules.convention.schedule import schedule
    from groupement_rules.convention.withdrawal import withdrawal
    from groupement_rules.policy import embedded_policy_text

    base = embedded_policy_text("eprimo-2026.toml")

    def renewed(n: int) -> str:
        text = re.sub(r"\[params\.(total_months|convention_end)\]\n(?:[^\[]*\n)", "", base)
        text = re.sub(r"(\[params\.renewal_months\]\n)value = \d+", r"\g<1>value = 1", text)
        text = re.sub(
            r"(\[params\.withdrawal_notice_months\]\n)value = \d+", r"\g<1>value = 1", text
        )
        return re.sub(
            r"(\[params\.max_tacit_renewals\]\n(?:[^\[]*?\n)?)value = \d+",
            rf"\g<1>value = {n}",
            text,
        )

    def cost(n: int) -> float:
        p = load_convention(f"r{n}.toml", text=renewed(n))

        def run() -> None:
            sch = schedule(p)
            withdrawal(p, sent_on=sch.windows[-1].first_day)

        return timed(run)

    small, large = min(cost(900) for _ in range(3)), min(cost(9000) for _ in range(3))
    report(
        "9 000 renewals / 900 renewals: calendar and one question",
        f"{large / small:.1f}x",
        "~10x (linear)",
    )
    gc.collect()
    tracemalloc.start()
    n = 300 if args.quick else 3000
    for i in range(n):
        p = load_convention(f"p{i}.toml", text=base)
        for k in range(10):
            withdrawal(p, sent_on=dt.date(2028, 5, 1) + dt.timedelta(days=k))
        if i == 99:
            at_100 = tracemalloc.get_traced_memory()[0]
    gc.collect()
    at_n = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    report("memory held after 100 policies loaded and asked", f"{at_100 / 2**20:.1f} MB")
    report(f"memory held after {n:,} policies", f"{at_n / 2**20:.1f} MB", "flat (bounded caches)")


def calibrate() -> float:
    """Seconds per call of the naive dateutil baseline: a unit that travels across machines."""
    days = [dt.date(2026, 7, 19) + dt.timedelta(days=i) for i in range(2000)]
    return min(timed(lambda: [naive_can_withdraw(d) for d in days]) for _ in range(3)) / len(days)


@section("seance checks")
def bench_seance(args: argparse.Namespace) -> None:
    from groupement_rules.commands.seance import seed_seance
    from groupement_rules.seance.policy import default_cgct
    from groupement_rules.seance.rules import check_seance

    seance, policy = seed_seance(), default_cgct()
    n = 2000 if args.quick else 20000
    check_seance(seance, policy)  # warm the per-(policy, day) caches
    t = min(timed(lambda: [check_seance(seance, policy) for _ in range(n)]) for _ in range(3))
    unit = calibrate()
    report("checks of the seed séance per second", f"{n / t:,.0f}/s", ">= 10 000/s")
    report("one check, in naive-baseline calls (machine-independent)", f"{t / n / unit:.2f}")


@section("rendering")
def bench_rendering(args: argparse.Namespace) -> None:
    """Text and JSON of a decision in both languages, against answering the question."""
    import json

    from groupement_rules import default_convention, withdrawal
    from groupement_rules.convention.withdrawal import _context
    from groupement_rules.render import render_text

    policy = default_convention()
    days = [dt.date(2028, 5, 1) + dt.timedelta(days=i) for i in range(120)]
    n = 5 if args.quick else 50

    def answer() -> None:
        memo = _context(policy).memo
        for _ in range(n):
            memo.clear()
            for d in days:
                withdrawal(policy, sent_on=d)

    decisions = [withdrawal(policy, sent_on=d) for d in days]

    def text() -> None:
        for _ in range(n):
            for d in decisions:
                render_text(d, "fr")
                render_text(d, "en")

    def as_json() -> None:
        for _ in range(n):
            for d in decisions:
                json.dumps(d.to_dict("fr"), ensure_ascii=False)

    t_answer = min(timed(answer) for _ in range(3))
    t_text = min(timed(text) for _ in range(3))
    t_json = min(timed(as_json) for _ in range(3))
    calls = n * len(days)
    report("withdrawal answered (no memo), per decision", f"{t_answer / calls * 1e6:.1f} us")
    report("French and English text of it, per decision", f"{t_text / calls * 1e6:.1f} us")
    report("its JSON (both languages' labels), per decision", f"{t_json / calls * 1e6:.1f} us")
    report("ratio text (fr + en) / answer", f"{t_text / t_answer:.2f}")
    report("ratio JSON / answer", f"{t_json / t_answer:.2f}")


def _material() -> tuple[str, str]:
    """(the seed text, real-looking délibération text): the seed when shared/ is beside
    the repository, and the synthetic extracts of the test suite."""
    root = Path(__file__).resolve().parent.parent
    parts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("tests/fixtures/extracts/*"))]
    seed_file = root.parent / "shared" / "seeds" / "000_181dd860fa64ed08.txt"
    seed = seed_file.read_text(encoding="utf-8") if seed_file.exists() else parts[0]
    return seed, "\n\n".join([seed, *parts])


@section("reading texts")
def bench_reading(args: argparse.Namespace) -> None:
    from groupement_rules.readers.text import read_extract

    seed, material = _material()
    n = 100 if args.quick else 1000
    read_extract(seed)  # lazy imports (text2num) out of the measure
    t = min(timed(lambda: [read_extract(seed) for _ in range(n)]) for _ in range(3))
    unit = calibrate()
    report(
        f"reading the seed text ({len(seed):,} chars) per second", f"{n / t:,.0f}/s", ">= 1 000/s"
    )
    report("one read, in naive-baseline calls (machine-independent)", f"{t / n / unit:.1f}")
    one_pass = min(timed(lambda: [_one_pass(seed) for _ in range(n)]) for _ in range(3))
    report("one read, in one-pass tokenisations of the same text", f"{t / one_pass:.1f}")
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    times = []
    for size in sizes:
        text = (material * (size // len(material) + 1))[:size]
        times.append(min(timed(lambda text=text: read_extract(text)) for _ in range(2)))
        report(f"reading {size:,} chars", f"{times[-1] * 1000:.0f} ms")
    for (a, ta), (b, tb) in itertools.pairwise(zip(sizes, times, strict=True)):
        report(f"time ratio {b // a}x size ({a:,} -> {b:,}; linear = {b // a})", f"{tb / ta:.1f}")


def _one_pass(text: str) -> int:
    """The baseline of a read: the text lowered, cut into lines and into words once."""
    import re

    low = text.lower()
    return len(low.splitlines()) + len(re.findall(r"\w+", low))


@section("member names")
def bench_names(args: argparse.Namespace) -> None:
    """Members written by surname only ("MARTIN"), resolved against the roster: linear."""
    from groupement_rules.seance.names import name_words, roster

    sizes = [3_000, 30_000] if not args.quick else [1_000, 10_000]
    times = []
    for size in sizes:
        members = tuple(f"NOM{i:06d} Prénom{i % 97}" for i in range(size))
        surnames = [f"Mme NOM{i:06d}" for i in range(size)]

        def run(members: tuple[str, ...] = members, surnames: list[str] = surnames) -> None:
            roster.cache_clear()  # each run builds its roster and folds its names anew
            name_words.cache_clear()
            r = roster(members)
            assert all(r.find(s) is not None for s in surnames)

        times.append(min(timed(run) for _ in range(2)))
        report(f"{size:,} members, each found by surname", f"{times[-1] * 1000:.0f} ms")
    a, b = sizes
    report(f"time ratio {b // a}x members (linear = {b // a})", f"{times[1] / times[0]:.1f}")


@section("PDF pages")
def bench_pdf(args: argparse.Namespace) -> None:
    """A PDF page costs what PDFium costs, plus the reader."""
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from groupement_rules.readers.text import read_extract, read_pdf
        from groupement_rules.readers.text.pdf import pdf_text
        from pdf_factory import text_pdf
    except ImportError as e:
        report("skipped (the [pdf] extra or reportlab is missing)", str(e)[:18])
        return
    seed, _material_text = _material()
    data = text_pdf(seed)
    pages = pdf_text(data).pages
    n = 5 if args.quick else 30
    t_text = min(timed(lambda: [pdf_text(data) for _ in range(n)]) for _ in range(2)) / n
    t_pdf = min(timed(lambda: [read_pdf(data) for _ in range(n)]) for _ in range(2)) / n
    t_read = min(timed(lambda: [read_extract(seed) for _ in range(n)]) for _ in range(2)) / n
    report(f"the seed as a PDF ({pages} pages): text layer", f"{t_text * 1000:.1f} ms")
    report("read_pdf (text layer + reader)", f"{t_pdf * 1000:.1f} ms")
    report("ratio read_pdf / (text layer + read of the text)", f"{t_pdf / (t_text + t_read):.2f}")


SCDL_CHILD = """
import sys, time
from groupement_rules.scdl import open_scdl
t = time.perf_counter()
n = errors = 0
for row in open_scdl(sys.argv[1]).rows():
    n += 1
    errors += row.has_errors()
t = time.perf_counter() - t
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (large) parent
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
print(n, errors, t, hwm)
"""

VALIDATA_CHILD = """
import json, sys, time
from validata_core import validate
schema = json.load(open(sys.argv[2], encoding="utf-8"))
t = time.perf_counter()
report = validate(sys.argv[1], schema)
t = time.perf_counter() - t
print(len(report.errors) if hasattr(report, "errors") else -1, t)
"""


def _our_scdl(path: str, *, stdin: bool = False) -> tuple[int, int, float, int]:
    """Our checker on ``path`` in a fresh process; ``stdin``: the file piped to ``-``."""
    if stdin:
        with open(path, "rb") as fh:
            done = subprocess.run(
                [sys.executable, "-c", SCDL_CHILD, "-"], stdin=fh, capture_output=True, check=True
            )
    else:
        done = subprocess.run(
            [sys.executable, "-c", SCDL_CHILD, path], check=True, capture_output=True
        )
    out = done.stdout.decode().split()
    return int(out[0]), int(out[1]), float(out[2]), int(out[3])


def _validata_python(venv: Path) -> Path:
    """validata-table in its own environment: an external peer, never our dependency."""
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "validata-table"], check=True)
    return py


@section("scdl")
def bench_scdl(args: argparse.Namespace) -> None:
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    from scdl_data import write_clean_file

    from groupement_rules import scdl as scdl_module

    tmp = Path(tempfile.mkdtemp(prefix="scdl-bench-"))
    n = 10_000 if args.quick else 100_000
    f = write_clean_file(tmp / "clean.csv", n)
    rows, errors, t_ours, _ = _our_scdl(str(f))
    report(f"our checker, {rows:,} clean rows", f"{rows / t_ours:,.0f} rows/s")
    report("rows with an error (must be 0 on the clean file)", f"{errors}")
    _, _, t_pipe, _ = _our_scdl(str(f), stdin=True)
    report("the same file from a pipe (copied once), time ratio", f"{t_pipe / t_ours:.2f}")
    if args.validata:
        py = _validata_python(Path(args.validata))
        schema = (
            Path(scdl_module.__file__).parent.parent / "schemas" / "scdl-deliberations-2.1.5.json"
        )
        out = subprocess.run(
            [str(py), "-c", VALIDATA_CHILD, str(f), str(schema)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        t_val = float(out[1])
        report(
            f"Validata (validata-table), same file, {out[0]} errors", f"{rows / t_val:,.0f} rows/s"
        )
        report("ratio ours / Validata (rows per second)", f"{t_val / t_ours:.1f}x", ">= 10x")
    else:
        report("Validata", "skipped", "run with --validata DIR")
    big = 150_000 if args.quick else 1_500_000
    small = big // 10
    f_small = write_clean_file(tmp / "small.csv", small)
    f_big = write_clean_file(tmp / "big.csv", big)
    _, _, t_s, rss_s = _our_scdl(str(f_small))
    rows_b, _, t_b, rss_b = _our_scdl(str(f_big))
    report(f"{rows_b:,} rows on one core", f"{t_b:.1f} s", "< 120 s")
    report(f"peak memory, {small:,} rows", f"{rss_s / 1024:.1f} MB")
    report(f"peak memory, {rows_b:,} rows", f"{rss_b / 1024:.1f} MB", "constant in rows")
    report("time ratio 10x rows (linear = 10)", f"{t_b / t_s:.1f}")
    for p in tmp.iterdir():
        p.unlink()
    tmp.rmdir()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument(
        "--validata",
        metavar="DIR",
        help="compare with validata-table, installed in its own venv at DIR (created if absent)",
    )
    parser.add_argument("only", nargs="*", help="run only these sections (by name prefix)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {sys.platform}")
    for name, fn in SECTIONS:
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        print(f"\n{name}")
        fn(args)


if __name__ == "__main__":
    main()
