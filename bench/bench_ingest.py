"""Benchmark: read + recognise the reference disclosure, in-process and as a whole command.

Usage: .venv/bin/python bench/bench_ingest.py [--repeat 30]
Targets (issue: foundation): in-process ingest <= 0.2 s (median); audit <= 0.1 s.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    from yusuan.ingest import read_disclosure

    read_disclosure(REFERENCE)  # warm imports and caches
    ingest = timed(lambda: read_disclosure(REFERENCE), args.repeat)
    tracemalloc.start()
    d = read_disclosure(REFERENCE)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"ingest in-process: median {statistics.median(ingest) * 1000:.1f} ms, "
          f"min {min(ingest) * 1000:.1f} ms over {args.repeat} runs; peak traced memory {peak / 1e6:.1f} MB")
    print(f"  tables {len(d.tables)}, targets {len(d.targets)}, sections {len(d.sections)}, issues {len(d.issues)}")
    try:
        from yusuan.audit.runner import audit
    except ImportError:
        audit = None
    if audit is not None:
        audit(d)
        runs = timed(lambda: audit(d), args.repeat)
        print(f"audit in-process: median {statistics.median(runs) * 1000:.1f} ms over {args.repeat} runs")
    cmd = [sys.executable, "-m", "yusuan", "ingest", str(REFERENCE), "-q", "-o", "/tmp/yusuan-bench.json"]
    whole = timed(lambda: subprocess.run(cmd, check=False, capture_output=True), 5)
    print(f"whole command `yusuan ingest`: median {statistics.median(whole) * 1000:.0f} ms over 5 runs")


if __name__ == "__main__":
    main()
