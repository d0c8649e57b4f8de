"""The long fuzz run: the property of tests/sources/test_fuzz_readers.py over many more cases.

Cases go round the readers (txt, pdf, docx, xlsx, book_xlsx, book_folder) and their mutations; case
k is reproducible from its name (reader:mutation:seed), printed for every crash. Each case is also
held to a budget (issue 19): a case whose worker's resident memory passes --memory MB or that runs
longer than --timeout seconds is a finding like a crash ("OVER memory|time", with its name); the peak
memory and time of every case are measured (the largest are in the summary).

Usage: .venv/bin/python bench/fuzz_readers.py [--cases 100000] [--start 0] [--readers txt,pdf]
       .venv/bin/python bench/fuzz_readers.py --replay pdf:bit_flips:123   (the traceback of one case)
Runs on one core: cases run one after another in a worker process; a worker that dies (a native
library aborting, as calamine did on a cell at row 10⁹) counts as a crash of its case and a new
worker goes on. Outcome counts per reader are printed every --report cases and at the end; exit
status 1 if any case crashed or went over its budget.
"""
from __future__ import annotations

import argparse
import collections
import os
import resource
import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzz_inputs import READERS, Case, Crash, mutation_names, run_case  # noqa: E402


class OverBudget(BaseException):  # not caught as a crash by run_case
    pass


def _over_time(signum, frame):
    raise OverBudget("time")


def _over_memory(signum, frame):
    raise OverBudget("memory")


class MemoryWatch:
    """The worker's resident memory sampled every 20 ms in a thread: the peak of the current case, and
    SIGUSR1 to the main thread (OverBudget) the first time it passes the budget — a case stops soon
    after it goes over instead of taking the machine's memory."""

    def __init__(self, budget_mb: int):
        import psutil

        self.process, self.budget, self.peak, self.signalled = psutil.Process(), budget_mb << 20, 0, False
        threading.Thread(target=self._watch, daemon=True).start()

    def start_case(self) -> None:
        self.peak, self.signalled = self.process.memory_info().rss, False

    def _watch(self) -> None:
        while True:
            rss = self.process.memory_info().rss
            self.peak = max(self.peak, rss)
            if rss > self.budget and not self.signalled:
                self.signalled = True
                os.kill(os.getpid(), signal.SIGUSR1)
            time.sleep(0.02)


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
    ap.add_argument("--timeout", type=int, default=60, help="seconds a case may take (over: a finding)")
    ap.add_argument("--memory", type=int, default=1024, help="MB of resident memory a case may use (over: a finding)")
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
    """Run cases in this process, one line per case: 'RUN k name' before, 'END k name MB seconds outcome'
    after. The lines go to the original stdout alone; whatever a library prints (to fd 1 or sys.stdout)
    is sent to stderr, so it cannot garble them (it once did: a stray line ended a run at 20,000 cases).
    After a case over the memory budget the worker ends, so that the next one starts from a fresh heap."""
    protocol = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    signal.signal(signal.SIGALRM, _over_time)
    signal.signal(signal.SIGUSR1, _over_memory)
    watch = MemoryWatch(args.memory)
    for k, case in enumerate(cases(args.start, args.cases, args.readers.split(",")), start=args.start):
        print(f"RUN {k} {case}", file=protocol, flush=True)
        watch.start_case()
        before, began = _max_rss(), time.monotonic()
        signal.alarm(args.timeout)
        try:
            outcome = run_case(case)
        except Crash as exc:
            outcome = "CRASH " + str(exc).replace("\n", " ")[:500]
        except OverBudget as exc:
            outcome = f"OVER {exc}"
        finally:
            signal.alarm(0)
        seconds, after = time.monotonic() - began, _max_rss()
        peak = max(watch.peak, after if after > before else 0)  # ru_maxrss catches a peak between samples
        if not outcome.startswith("OVER") and (peak > args.memory << 20 or seconds > args.timeout):
            outcome = "OVER " + ("memory" if peak > args.memory << 20 else "time")
        print(f"END {k} {case} {peak >> 20} {seconds:.2f} {outcome}", file=protocol, flush=True)
        if outcome == "OVER memory":
            return


def _max_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss << 10  # kilobytes on Linux


def supervise(args) -> None:
    """Workers run the cases; a worker that dies (a native library aborting, out of memory) is a
    crash of the case it was running, and a new worker goes on from the next case. A watchdog kills a
    worker whose case is stuck in native code past the budget (twice the memory, or the time plus
    30 s), where the worker's own signals cannot reach: that case is over budget, not a crash."""
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    crashes, over, started = [], [], time.monotonic()
    heaviest: list[tuple[int, float, str]] = []  # (MB, seconds, case) of every case, for the summary
    start, end, done = args.start, args.start + args.cases, 0
    while start < end:
        command = [sys.executable, __file__, "--worker", "--start", str(start), "--cases", str(end - start),
                   "--readers", args.readers, "--timeout", str(args.timeout), "--memory", str(args.memory)]
        state: dict = {"running": None, "since": time.monotonic(), "killed": None}
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as worker:
            threading.Thread(target=_watchdog, args=(worker, state, args), daemon=True).start()
            for line in worker.stdout:
                if not line.startswith(("RUN ", "END ")):
                    print(f"(worker printed) {line.rstrip()}", flush=True)
                    continue
                kind, k, name, *rest = line.rstrip("\n").split(" ", 3)
                if kind == "RUN":
                    state["running"], state["since"] = (int(k), name), time.monotonic()
                    continue
                mb, seconds, outcome = (rest[0].split(" ", 2) + ["", ""])[:3]
                heaviest.append((int(mb), float(seconds), name))
                done, start, state["running"] = done + 1, int(k) + 1, None
                _record(name, outcome, f"{mb} MB, {seconds} s", counts, crashes, over)
                if done % args.report == 0:
                    _summary(done, counts, crashes, over, heaviest, time.monotonic() - started)
        if state["running"] is not None:  # the worker died in the middle of a case
            k, name = state["running"]
            outcome = f"OVER {state['killed']}" if state["killed"] else f"CRASH the process died (exit {worker.returncode})"
            _record(name, outcome, "killed by the watchdog" if state["killed"] else "", counts, crashes, over)
            done, start = done + 1, k + 1
    _summary(done, counts, crashes, over, heaviest, time.monotonic() - started)
    sys.exit(1 if crashes or over else 0)


def _watchdog(worker, state: dict, args) -> None:
    import psutil

    try:
        process = psutil.Process(worker.pid)
        while worker.poll() is None:
            running = state["running"]
            if running is not None:
                if process.memory_info().rss > 2 * (args.memory << 20):
                    state["killed"] = "memory"
                elif time.monotonic() - state["since"] > args.timeout + 30:
                    state["killed"] = "time"
                if state["killed"]:
                    worker.kill()
                    return
            time.sleep(0.1)
    except psutil.NoSuchProcess:
        return


def _record(name: str, outcome: str, measured: str, counts, crashes: list, over: list) -> None:
    counts[name.split(":")[0]][outcome.split(" ")[0]] += 1
    if outcome.startswith("CRASH"):
        crashes.append(name)
        print(f"CRASH {name}: {outcome[6:].removeprefix(name + ': ')}", flush=True)
    elif outcome.startswith("OVER"):
        over.append(name)
        print(f"OVER BUDGET {name}: {outcome[5:]} ({measured})", flush=True)


def _summary(n, counts, crashes, over, heaviest, seconds) -> None:
    print(f"--- {n} cases in {seconds:.0f} s: {len(crashes)} crashes, {len(over)} over budget", flush=True)
    for reader, c in sorted(counts.items()):
        print(f"    {reader:12} {sum(c.values()):7}  " + ", ".join(f"{k} {v}" for k, v in c.most_common()), flush=True)
    for label, key in (("memory", lambda h: h[0]), ("time", lambda h: h[1])):
        top = sorted(heaviest, key=key, reverse=True)[:3]
        print(f"    most {label}: " + ", ".join(f"{c} {mb} MB {s:.1f} s" for mb, s, c in top), flush=True)


if __name__ == "__main__":
    main()
