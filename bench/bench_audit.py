"""Benchmark: the audit alone, per page, on the 决算 and checklist documents (target ≤ 2 ms/page).

Usage: .venv/bin/python bench/bench_audit.py [--repeat 9]
Each document is read once; then every rule runs `repeat` times over it (median and min of wall
clock, and process time; ms/page from process time, as other sessions share the machine). The
narrative cache is emptied before each run, so each run costs what auditing a new document does. The first run of a process is reported apart: it pays for the rule
imports and the bundled code catalogue, which later runs share.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "samples" / "final").glob("*.pdf")), *sorted((ROOT / "samples" / "checklists").glob("*.pdf")),
        *sorted((ROOT / "samples" / "pdf").glob("*.pdf"))]


def main() -> None:
    from yusuan.audit import audit
    from yusuan.audit.claims.memo import _CACHE
    from yusuan.ingest import read_disclosure

    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args()
    print(f"{'file':42} {'pages':>5} {'first ms':>9} {'median ms':>10} {'min ms':>7} {'cpu ms':>7} {'ms/page':>8}")
    for path in DOCS:
        d = read_disclosure(path)
        t0 = time.perf_counter()
        audit(d)
        first = time.perf_counter() - t0
        walls, cpus = [], []
        for _ in range(args.repeat):
            _CACHE.clear()  # each run reads the narrative afresh, as an audit of a new document does
            t0, c0 = time.perf_counter(), time.process_time()
            audit(d)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        med, cpu = statistics.median(walls), statistics.median(cpus)
        pages = d.source.pages or 1
        print(f"{path.parent.name + '/' + path.name:42} {pages:>5} {first * 1e3:>9.1f} {med * 1e3:>10.1f}"
              f" {min(walls) * 1e3:>7.1f} {cpu * 1e3:>7.1f} {cpu * 1e3 / pages:>8.2f}")


if __name__ == "__main__":
    main()
