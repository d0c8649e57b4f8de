"""The long fuzz run: the property of tests/sources/test_fuzz_readers.py over many more cases.

Cases go round the readers (txt, pdf, docx, xlsx, book_xlsx, book_folder) and their mutations; case
k is reproducible from its name (reader:mutation:seed), printed for every crash. A case that takes
longer than --timeout seconds is counted as slow (and reported), not as a crash.

Usage: .venv/bin/python bench/fuzz_readers.py [--cases 100000] [--start 0] [--readers txt,pdf]
       .venv/bin/python bench/fuzz_readers.py --replay pdf:bit_flips:123   (the traceback of one case)
Runs in one process, on one core. Outcome counts per reader are printed at the end (and every
--report cases); exit status 1 if any case crashed.
"""
from __future__ import annotations

import argparse
import collections
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzz_inputs import READERS, Case, Crash, mutation_names, run_case  # noqa: E402


class Slow(Exception):
    pass


def _alarm(signum, frame):
    raise Slow()


def cases(start: int, count: int, readers: list[str]):
    """Case k: reader k mod R, mutation (k // R) mod M, seed k — every combination comes round."""
    for k in range(start, start + count):
        reader = readers[k % len(readers)]
        names = mutation_names(reader)
        yield Case(reader, names[(k // len(readers)) % len(names)], k)


def replay(name: str) -> None:
    reader, mutation, seed = name.split(":")
    try:
        print(run_case(Case(reader, mutation, int(seed))))
    except Crash as exc:
        traceback.print_exception(exc.__cause__ or exc)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--readers", default=",".join(READERS))
    ap.add_argument("--timeout", type=int, default=60, help="seconds before a case counts as slow")
    ap.add_argument("--report", type=int, default=1000, help="print the counts every this many cases")
    ap.add_argument("--replay", help="run one case (reader:mutation:seed) and print its traceback")
    args = ap.parse_args()
    if args.replay:
        replay(args.replay)
        return
    signal.signal(signal.SIGALRM, _alarm)
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    crashes, slow, started = [], [], time.monotonic()
    for n, case in enumerate(cases(args.start, args.cases, args.readers.split(",")), start=1):
        signal.alarm(args.timeout)
        try:
            counts[case.reader][run_case(case)] += 1
        except Crash as exc:
            crashes.append(case)
            counts[case.reader]["CRASH"] += 1
            print(f"CRASH {exc}", flush=True)
        except Slow:
            slow.append(case)
            counts[case.reader]["SLOW"] += 1
            print(f"SLOW {case} (> {args.timeout} s)", flush=True)
        finally:
            signal.alarm(0)
        if n % args.report == 0 or n == args.cases:
            _summary(n, counts, crashes, slow, time.monotonic() - started)
    sys.exit(1 if crashes else 0)


def _summary(n, counts, crashes, slow, seconds) -> None:
    print(f"--- {n} cases in {seconds:.0f} s: {len(crashes)} crashes, {len(slow)} slow", flush=True)
    for reader, c in sorted(counts.items()):
        print(f"    {reader:12} {sum(c.values()):7}  " + ", ".join(f"{k} {v}" for k, v in c.most_common()), flush=True)


if __name__ == "__main__":
    main()
