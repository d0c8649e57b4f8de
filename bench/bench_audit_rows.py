"""Benchmark: read + audit time as one table grows (issue 11: a 10,000-row table took 51 s).

The reference's 一般公共预算支出表 is replaced by n generated rows, in two shapes:
  unique    n rows with distinct codes: 类 → 10 款 → 9 项 each, the figures adding up;
  repeated  the reference's own rows printed over and over (duplicate codes, as in the crash input
            x082_rows10k.xlsx).
Per size it prints the time to read and recognise, the audit, and the slowest rules. Near-linear
means 10× the rows costs about 10× the time, not 100×.

Usage: .venv/bin/python bench/bench_audit_rows.py [--rows 1000,10000] [--top 3]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"
TITLE = "2025年一般公共预算支出预算表（不含上年结转）"


def _table_body(lines: list[str]) -> tuple[int, int]:
    """First and last+1 index of the general expenditure table's code rows in the reference."""
    title = lines.index(TITLE)
    first = next(i for i in range(title, len(lines)) if lines[i].startswith("合计\t"))
    end = next(i for i in range(first, len(lines)) if not lines[i].strip())
    return first, end


def unique_rows(n: int) -> list[str]:
    """About n rows: 类 201… each with 10 款 of 9 项 at 1.00 万元, the sums printed exactly."""
    rows, classes = [], max(1, round(n / 101))
    for c in range(classes):
        klass = f"{201 + c % 799}"
        rows.append(f"{klass}\t类{c + 1}\t90.00\t90.00\t")
        for k in range(1, 11):
            section = f"{klass}{k:02d}"
            rows.append(f"{section}\t款{c + 1}-{k}\t9.00\t9.00\t")
            rows += [f"{section}{i:02d}\t项{c + 1}-{k}-{i}\t1.00\t1.00\t" for i in range(1, 10)]
    total = 90 * classes
    return [f"合计\t\t{total}.00\t{total}.00\t", *rows]


def repeated_rows(n: int, body: list[str]) -> list[str]:
    items = body[1:]
    return [body[0], *(items[i % len(items)] for i in range(n))]


def document(shape: str, n: int) -> bytes:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    first, end = _table_body(lines)
    body = unique_rows(n) if shape == "unique" else repeated_rows(n, lines[first:end])
    return "\n".join(lines[:first] + body + lines[end:]).encode("utf-8")


def measure(shape: str, n: int, top: int) -> None:
    from yusuan.audit.catalog import default_catalog
    from yusuan.audit.context import AuditContext, load_catalogue
    from yusuan.audit.runner import _run
    from yusuan.recognize.pipeline import recognize
    from yusuan.sources.text import read_text

    data = document(shape, n)
    t0 = time.perf_counter()
    d = recognize(read_text(Path(f"{shape}-{n}.txt"), data=data))
    read_s = time.perf_counter() - t0
    rows = max(len(t.rows) for t in d.tables)
    ctx = AuditContext(d, load_catalogue(), None)
    times = []
    for info in default_catalog():
        t1 = time.perf_counter()
        _run(info, ctx)
        times.append((time.perf_counter() - t1, info.id))
    audit_s = sum(s for s, _ in times)
    slowest = ", ".join(f"{rule} {s:.2f} s" for s, rule in sorted(times, reverse=True)[:top])
    print(f"{shape:8} {rows:6} rows: read+recognise {read_s:6.2f} s, audit {audit_s:6.2f} s  (slowest: {slowest})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="1000,10000", help="table sizes, comma-separated")
    ap.add_argument("--shapes", default="unique,repeated")
    ap.add_argument("--top", type=int, default=3, help="how many of the slowest rules to name")
    args = ap.parse_args()
    from yusuan.audit.catalog import default_catalog

    default_catalog()
    for shape in args.shapes.split(","):
        for n in (int(x) for x in args.rows.split(",")):
            measure(shape, n, args.top)


if __name__ == "__main__":
    main()
