"""Benchmark: peak memory (RSS) and time of reading a large text file (issue 11: 10 MB of text took
708 MB, 40 MB 2.4 GB). Each run is a fresh process, so the peak is that job's alone.

Jobs per file:
  ingest   `yusuan ingest FILE -o out.json`: read, recognise, write the JSON
  upload   what an upload costs: read, recognise, audit, the disclosure and report as compact JSON
Files: the reference repeated to the size (a long but real-looking disclosure) and random tab-
separated lines (no disclosure in them), at sizes up to and beyond the text limit
(sources/text.py MAX_TEXT_BYTES, 5 MB), where the file is refused at once.

Usage: .venv/bin/python bench/bench_text_memory.py [--sizes 1,2.5,5,10,40]
Target: every job ≤ 300 MB.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"


def reference_text(size: int) -> bytes:
    ref = REFERENCE.read_bytes()
    data = ref * (size // len(ref) + 1)
    return data[: data.rfind(b"\n", 0, size) + 1]


def random_text(size: int) -> bytes:
    rng, lines, total = random.Random(1), [], 0
    while total < size:
        line = "\t".join(f"{rng.randint(0, 10 ** 6)}项目" for _ in range(rng.randint(1, 8)))
        lines.append(line)
        total += len(line.encode()) + 1
    data = "\n".join(lines).encode()
    return data[: data.rfind(b"\n", 0, size) + 1]


def child(job: str, path: Path) -> None:
    """Run one job in this process and print 'outcome seconds peak-MB'."""
    from yusuan.errors import InputError

    started = time.perf_counter()
    try:
        if job == "ingest":
            from yusuan.ingest import read_disclosure, write_disclosure

            write_disclosure(read_disclosure(path), path.with_suffix(".json"))
        else:
            from yusuan.audit.runner import audit
            from yusuan.ingest import read_disclosure
            from yusuan.report.json_report import dumps as report_dumps
            from yusuan.serialize import dumps

            d = read_disclosure(path)
            report = audit(d)
            dumps(d, indent=None), report_dumps(report, d)
        outcome = "read"
    except InputError as exc:
        outcome = exc.code
    print(f"{outcome} {time.perf_counter() - started:.1f} {peak_mb():.0f}")


def peak_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss, not inherited from the parent over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,2.5,5,10,40", help="file sizes in MB")
    ap.add_argument("--child", nargs=2, metavar=("JOB", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        for make in (reference_text, random_text):
            for mb in (float(x) for x in args.sizes.split(",")):
                path = Path(folder) / f"{make.__name__}-{mb}.txt"
                path.write_bytes(make(int(mb * 1024 * 1024) - 1))
                for job in ("ingest", "upload"):
                    run = subprocess.run([sys.executable, __file__, "--child", job, str(path)],
                                         capture_output=True, text=True, check=False)
                    outcome, seconds, peak = (run.stdout.split() or ["failed", "-", "-"])[:3]
                    print(f"{make.__name__:15} {mb:5} MB {job:7}: {outcome:22} {seconds:>6} s  peak {peak:>5} MB",
                          flush=True)


if __name__ == "__main__":
    main()
