"""Benchmark: `yusuan batch` on the local pool — throughput on the corpus PDFs (PDFs/s; goal ≥ 4 on
2 cores), memory per worker (goal ≤ 200 MB RSS), and a synthetic corpus (default 1,000 files
compiled from random budget books, most with one slip injected) with the recall of the slips.

Usage: .venv/bin/python bench/bench_batch.py [--workers 2] [--copies 8] [--synthetic 1000]
The corpus part reads each bundled PDF `copies` times (each copy made distinct by a trailing PDF
comment, so that resume-by-content does not skip it). Worker memory is the peak RSS of the pool's
processes, sampled every 50 ms. On a shared machine the figures are pessimistic: say so.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))


class PeakRss(threading.Thread):
    """The largest RSS any child process of this one reached, sampled."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self._done = 0, threading.Event()

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._done.wait(0.05):
            for child in me.children(recursive=True):
                try:
                    self.peak = max(self.peak, child.memory_info().rss)
                except psutil.Error:
                    pass

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


def timed_batch(args, out: Path, workers: int):
    from yusuan.batch.run import BatchOptions, run_batch

    rss = PeakRss()
    rss.start()
    start = time.perf_counter()
    summary = run_batch(args, BatchOptions(out=out, workers=workers))
    wall = time.perf_counter() - start
    return summary, wall, rss.stop()


def corpus_bench(tmp: Path, copies: int, workers: int) -> None:
    folder = tmp / "pdfs"
    folder.mkdir()
    for pdf in sorted((ROOT / "samples" / "pdf").glob("*.pdf")):
        data = pdf.read_bytes()
        for k in range(copies):
            (folder / f"{pdf.stem}-{k}.pdf").write_bytes(data + f"\n%yusuan-bench-copy-{k}\n".encode())
    summary, wall, rss = timed_batch([folder], tmp / "out-pdf", workers)
    per_file = [r.seconds for r in summary.results]
    cpu = [r.cpu_seconds for r in summary.results]
    print(f"corpus PDFs: {summary.files} files on {workers} workers: {wall:.1f} s wall → {summary.files / wall:.2f} PDFs/s "
          f"(goal ≥ 4); per file wall median {statistics.median(per_file):.2f} s, max {max(per_file):.2f} s; "
          f"per file CPU mean {statistics.mean(cpu):.2f} s, median {statistics.median(cpu):.2f} s → "
          f"{workers / statistics.mean(cpu):.2f} PDFs/s on {workers} idle cores; "
          f"peak worker RSS {rss / 2**20:.0f} MB (goal ≤ 200 MB); read {summary.audited}, unreadable {summary.unreadable}")


def synthetic_bench(tmp: Path, files: int, workers: int) -> None:
    from synthetic import write_corpus

    start = time.perf_counter()
    manifest = json.loads(write_corpus(tmp / "synthetic", files).read_text(encoding="utf-8"))
    made = time.perf_counter() - start
    pattern = [str(tmp / "synthetic" / "synthetic-*.json"), str(tmp / "synthetic" / "synthetic-*.xlsx")]
    summary, wall, rss = timed_batch(pattern, tmp / "out-syn", workers)
    cpu = statistics.mean(r.cpu_seconds for r in summary.results)
    print(f"synthetic: {files} files made in {made:.1f} s; batch {wall:.1f} s wall → {files / wall:.2f} files/s "
          f"(CPU {cpu:.3f} s per file → {workers / cpu:.1f} files/s on {workers} idle cores); peak worker RSS {rss / 2**20:.0f} MB")
    errors = defaultdict(list)
    with (tmp / "out-syn" / "findings.csv").open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["severity"] == "error":
                errors[row["document"]].append(row)
    recall_report(manifest, errors)


def recall_report(manifest: dict, errors: dict) -> None:
    by = defaultdict(Counter)
    for name, slip in manifest.items():
        fmt = Path(name).suffix[1:]
        found = errors.get(name, [])
        if slip is None:
            by[("clean", fmt)]["files"] += 1
            by[("clean", fmt)]["false alarms"] += bool(found)
            continue
        key = (slip["kind"], fmt)
        by[key]["files"] += 1
        by[key]["flagged"] += bool(found)
        by[key]["located"] += any(e["table_id"] == slip["table"] for e in found)
    print(f"{'slip':<18} {'fmt':<5} {'files':>5} {'flagged':>8} {'located':>8} {'false alarms':>12}")
    for (kind, fmt), c in sorted(by.items()):
        n = c["files"]
        if kind == "clean":
            print(f"{kind:<18} {fmt:<5} {n:>5} {'':>8} {'':>8} {c['false alarms']:>7} ({c['false alarms'] / n:.0%})")
        else:
            print(f"{kind:<18} {fmt:<5} {n:>5} {c['flagged'] / n:>8.1%} {c['located'] / n:>8.1%}")
    slipped = [(n, s) for n, s in manifest.items() if s]
    recall = sum(bool(errors.get(n)) for n, _ in slipped) / len(slipped)
    located = sum(any(e["table_id"] == s["table"] for e in errors.get(n, [])) for n, s in slipped) / len(slipped)
    print(f"recall over {len(slipped)} slipped files: flagged {recall:.1%}, at the slipped table {located:.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--copies", type=int, default=8)
    ap.add_argument("--synthetic", type=int, default=1000)
    ap.add_argument("--keep", help="keep the corpus and outputs in this folder")
    a = ap.parse_args()
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="yusuan-bench-batch-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other work running: figures pessimistic)")
        if a.copies:
            corpus_bench(tmp, a.copies, a.workers)
        if a.synthetic:
            synthetic_bench(tmp, a.synthetic, a.workers)
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
