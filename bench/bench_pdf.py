"""Benchmark: the PDF reader on each corpus PDF — pages/second and peak memory — with pypdfium2's
plain text extraction as the floor (what reading costs with no layout work at all), and the whole
job (read + recognise + audit; target for a 30-page disclosure: ≤ 0.5 s, ≤ 200 MB).

Usage: .venv/bin/python bench/bench_pdf.py [--repeat 3]
       .venv/bin/python bench/bench_pdf.py --floor [--repeat 5]   (issue 20: ratios to the floor)

--floor (issue 20): in one process, for each Putuo and Jiangsu PDF, CPU time (process time, median of
--repeat runs taken in turn) of the floor and of in-process ingest + audit, their ratio per document
and the median ratio (target ≤ 4); then a PDF of up to 500 pages made by concatenating the corpus
PDFs (pypdf), read in prefixes of 50 … 500 pages: ms/page of the floor, the reader and ingest +
audit, which should stay flat (linear time).
Each measurement runs in a fresh process so peak RSS belongs to that reader alone; the Python heap
peak (tracemalloc) is given too, since pdfium's own memory is outside the Python heap. Times are
medians of wall clock; "cpu s" (process time) is less disturbed by other work on the machine.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))

_CHILD = r"""
import json, resource, sys, time, tracemalloc
from pathlib import Path
mode, path, repeat = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])

def floor(path):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(path.read_bytes())
    for page in doc:
        page.get_textpage().get_text_range()
    return len(doc)

def reader(path):
    from yusuan.sources.pdf import read_pdf
    return read_pdf(path).pages

def full(path):
    from yusuan.audit.runner import audit
    from yusuan.ingest import read_disclosure
    d = read_disclosure(path)
    audit(d)
    return d.source.pages

run = {"floor": floor, "reader": reader, "full": full}[mode]
run(path)  # warm imports
times, cpu = [], []
for _ in range(repeat):
    t0, c0 = time.perf_counter(), time.process_time()
    pages = run(path)
    times.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
tracemalloc.start(); run(path); heap = tracemalloc.get_traced_memory()[1]; tracemalloc.stop()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"pages": pages, "times": times, "cpu": cpu, "heap": heap, "rss": rss}))
"""


def measure(mode: str, path: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(path), str(repeat)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--floor", action="store_true", help="issue 20: ratios to the floor and 500-page linearity")
    args = ap.parse_args()
    if args.floor:
        from bench_floor import main as floor_main

        floor_main(args.repeat)
        return
    print(f"{'file':42} {'pages':>5} {'reader s':>9} {'cpu s':>6} {'pages/s':>8} {'heap MB':>8} {'RSS MB':>7}"
          f" | {'floor s':>8} {'pages/s':>8} {'RSS MB':>7} | {'ingest+audit s':>14} {'cpu s':>6} {'RSS MB':>7}")
    for path in PDFS:
        r, f = measure("reader", path, args.repeat), measure("floor", path, args.repeat)
        a = measure("full", path, args.repeat)
        rt, ft = statistics.median(r["times"]), statistics.median(f["times"])
        rc = statistics.median(r["cpu"])
        print(f"{path.name:42} {r['pages']:>5} {rt:>9.2f} {rc:>6.2f} {r['pages'] / rt:>8.1f} {r['heap'] / 2**20:>8.1f}"
              f" {r['rss'] / 2**20:>7.0f} | {ft:>8.3f} {f['pages'] / ft:>8.0f} {f['rss'] / 2**20:>7.0f}"
              f" | {statistics.median(a['times']):>14.2f} {statistics.median(a['cpu']):>6.2f} {a['rss'] / 2**20:>7.0f}")


if __name__ == "__main__":
    main()
