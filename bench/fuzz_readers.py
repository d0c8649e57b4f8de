"""The long fuzz run: the property of tests/sources/test_fuzz_readers.py over many more cases.

Cases go round the readers (txt, pdf, docx, xlsx, book_xlsx, book_folder) and their mutations; case
k is reproducible from its name (reader:mutation:seed), printed for every crash. A case that takes
longer than --timeout seconds is counted as slow (and reported), not as a crash.

Usage: .venv/bin/python bench/fuzz_readers.py [--cases 100000] [--start 0] [--readers txt,pdf]
       .venv/bin/python bench/fuzz_readers.py --replay pdf:bit_flips:123   (the traceback of one case)
Runs on one core: cases run one after another in a worker process; a worker that dies (a native
library aborting, as calamine did on a cell at row 10⁹) counts as a crash of its case and a new
worker goes on. Outcome counts per reader are printed every --report cases and at the end; exit
status 1 if any case crashed.
"""
from __future__ import annotations

import argparse
import collections
import os
import signal
import subprocess
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
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.replay:
        replay(args.replay)
    elif args.worker:
        work(args)
    else:
        supervise(args)


def work(args) -> None:
    """Run cases in this process, one line per case: 'RUN k name' before, 'END k name outcome' after.
    The lines go to the original stdout alone; whatever a library prints (to fd 1 or sys.stdout) is
    sent to stderr, so it cannot garble them (it once did: a stray line ended a run at 20,000 cases)."""
    protocol = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    signal.signal(signal.SIGALRM, _alarm)
    for k, case in enumerate(cases(args.start, args.cases, args.readers.split(",")), start=args.start):
        print(f"RUN {k} {case}", file=protocol, flush=True)
        signal.alarm(args.timeout)
        try:
            outcome = run_case(case)
        except Crash as exc:
            outcome = "CRASH " + str(exc).replace("\n", " ")[:500]
        except Slow:
            outcome = "SLOW"
        finally:
            signal.alarm(0)
        print(f"END {k} {case} {outcome}", file=protocol, flush=True)


def supervise(args) -> None:
    """Workers run the cases; a worker that dies (a native library aborting, out of memory) is a
    crash of the case it was running, and a new worker goes on from the next case."""
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    crashes, slow, started = [], [], time.monotonic()
    start, end, done = args.start, args.start + args.cases, 0
    while start < end:
        command = [sys.executable, __file__, "--worker", "--start", str(start), "--cases", str(end - start),
                   "--readers", args.readers, "--timeout", str(args.timeout)]
        running = None
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as worker:
            for line in worker.stdout:
                if not line.startswith(("RUN ", "END ")):
                    print(f"(worker printed) {line.rstrip()}", flush=True)
                    continue
                kind, k, name, *rest = line.rstrip("\n").split(" ", 3)
                if kind == "RUN":
                    running = (int(k), name)
                    continue
                outcome = rest[0] if rest else ""
                reader = name.split(":")[0]
                done, start, running = done + 1, int(k) + 1, None
                if outcome.startswith("CRASH"):
                    crashes.append(name)
                    print(outcome, flush=True)
                elif outcome == "SLOW":
                    slow.append(name)
                    print(f"SLOW {name} (> {args.timeout} s)", flush=True)
                counts[reader][outcome.split(" ")[0]] += 1
                if done % args.report == 0:
                    _summary(done, counts, crashes, slow, time.monotonic() - started)
        if running is not None:  # the worker died in the middle of a case
            k, name = running
            crashes.append(name)
            counts[name.split(":")[0]]["CRASH"] += 1
            print(f"CRASH {name}: the process died (exit {worker.returncode})", flush=True)
            done, start = done + 1, k + 1
    _summary(done, counts, crashes, slow, time.monotonic() - started)
    sys.exit(1 if crashes else 0)


def _summary(n, counts, crashes, slow, seconds) -> None:
    print(f"--- {n} cases in {seconds:.0f} s: {len(crashes)} crashes, {len(slow)} slow", flush=True)
    for reader, c in sorted(counts.items()):
        print(f"    {reader:12} {sum(c.values()):7}  " + ", ".join(f"{k} {v}" for k, v in c.most_common()), flush=True)


if __name__ == "__main__":
    main()
