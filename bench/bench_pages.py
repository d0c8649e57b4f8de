"""Benchmark: ingest cost per page on the Shanghai and the Jiangsu PDFs, beside the reader floor.

For each PDF, in a fresh process, CPU milliseconds per page (medians of --repeat runs) of:
floor (pypdfium2's plain text extraction, no layout work), reader (yusuan's PDF reader: lines and
cells with boxes), recognise (the recognition stages on the lines already read: tables, prose,
targets) and ingest (reader + recognise, what `yusuan ingest` does). Target (issue 9): recognising
a page adds at most 10 ms to reading it (recognise ≤ 10 ms/page), whichever region prints it.
Narrative-only files count too: they are read and recognised like any other (exit 2/3 or not).

Usage: .venv/bin/python bench/bench_pages.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"上海": sorted((ROOT / "samples" / "pdf").glob("*.pdf")),
           "江苏": sorted((ROOT / "samples" / "jiangsu").glob("*.pdf")),
           "城市": sorted((ROOT / "samples" / "cities").glob("*.pdf"))}

_CHILD = r"""
import json, sys, time
from pathlib import Path
import pypdfium2 as pdfium
from yusuan.sources.pdf import read_pdf
from yusuan.recognize.pipeline import debug_stages
path, repeat = Path(sys.argv[1]), int(sys.argv[2])

def floor():
    doc = pdfium.PdfDocument(path.read_bytes())
    for page in doc:
        page.get_textpage().get_text_range()

def cpu(fn):
    fn()  # warm imports and caches
    out = []
    for _ in range(repeat):
        c0 = time.process_time(); fn(); out.append(time.process_time() - c0)
    return sorted(out)[len(out) // 2]

raw = read_pdf(path)
print(json.dumps({"pages": raw.pages, "floor": cpu(floor), "reader": cpu(lambda: read_pdf(path)),
                  "recognise": cpu(lambda: debug_stages(raw))}))
"""


def measure(path: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(repeat)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'file':52} {'pages':>5} {'floor':>6} {'reader':>7} {'recognise':>9} {'ingest':>7}   (CPU ms/page)")
    for corpus, paths in CORPORA.items():
        per_page: dict[str, list[float]] = {"floor": [], "reader": [], "recognise": [], "ingest": []}
        for path in paths:
            m = measure(path, args.repeat)
            ms = {k: 1000 * m[k] / m["pages"] for k in ("floor", "reader", "recognise")}
            ms["ingest"] = ms["reader"] + ms["recognise"]
            for k, v in ms.items():
                per_page[k].append(v)
            print(f"{path.name:52} {m['pages']:>5} {ms['floor']:>6.1f} {ms['reader']:>7.1f} {ms['recognise']:>9.1f}"
                  f" {ms['ingest']:>7.1f}")
        med = {k: statistics.median(v) for k, v in per_page.items()}
        print(f"{corpus + ' median':48} {len(paths):>5}f {med['floor']:>6.1f} {med['reader']:>7.1f}"
              f" {med['recognise']:>9.1f} {med['ingest']:>7.1f}   max recognise {max(per_page['recognise']):.1f}")


if __name__ == "__main__":
    main()
