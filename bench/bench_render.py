"""Benchmark: render the reference disclosure to XLSX, HTML, PDF (and DOCX, JSON).

Usage: .venv/bin/python bench/bench_render.py [--repeat 5] [--pdf-repeat 2]
Targets (issue 5, Authoring): compile + XLSX + HTML <= 1 s for the sample; PDF <= 5 s.
Wall time (perf_counter) and CPU time (process_time) are both printed: on a shared machine the
CPU time says what the renderer costs, the wall time what a user would wait on an idle one.
CPU time includes child processes (the PDF is laid out in a forked child, render/isolated.py).
A cold run (a fresh process: imports, first chart font load) is measured once per format.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"
COLD = """
import sys, time, resource
from pathlib import Path
from yusuan.ingest import read_disclosure
d = read_disclosure(Path(sys.argv[1]))
kids = lambda: sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2])
t0, c0 = time.perf_counter(), time.process_time() + kids()
from yusuan.render import render
render(d, sys.argv[2].split(","), Path(sys.argv[3]))
print(time.perf_counter() - t0, time.process_time() + kids() - c0)
"""


def cpu_time() -> float:
    """This process's CPU time plus that of its finished children (user + system)."""
    return time.process_time() + sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2])


def timed(fn, repeat: int) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), cpu_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(cpu_time() - c0)
    return wall, cpu


def cold(formats: str, out: Path) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", COLD, str(REFERENCE), formats, str(out)],
                          capture_output=True, text=True, check=True)
    wall, cpu = done.stdout.split()[-2:]
    return float(wall), float(cpu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pdf-repeat", type=int, default=2)
    args = ap.parse_args()
    from yusuan.ingest import read_disclosure
    from yusuan.render import renderer

    d = read_disclosure(REFERENCE)
    out = Path(tempfile.mkdtemp(prefix="bench-render-"))
    rows = []
    for name, repeat in (("json", args.repeat), ("xlsx", args.repeat), ("html", args.repeat),
                         ("docx", max(1, args.repeat // 2)), ("pdf", args.pdf_repeat)):
        r = renderer(name)
        r.write(d, out / f"warm{r.suffix}")  # warm imports, templates, fonts
        wall, cpu = timed(lambda r=r: r.write(d, out / f"bench{r.suffix}"), repeat)  # this format's renderer
        cw, cc = cold(name, out / "cold")
        size = (out / f"bench{r.suffix}").stat().st_size
        rows.append((name, statistics.median(wall), statistics.median(cpu), cw, cc, size))
    print(f"{'format':8}{'warm wall':>11}{'warm cpu':>10}{'cold wall':>11}{'cold cpu':>10}{'size':>12}")
    for name, w, c, cw, cc, size in rows:
        print(f"{name:8}{w:10.3f}s{c:9.3f}s{cw:10.3f}s{cc:9.3f}s{size:>12,}")
    both = [r for r in rows if r[0] in ("xlsx", "html")]
    print(f"xlsx + html: warm {sum(r[1] for r in both):.3f}s wall / {sum(r[2] for r in both):.3f}s cpu; "
          "cold (one process, both): %.3fs wall / %.3fs cpu" % cold("xlsx,html", out / "cold2"))
    print("targets: xlsx + html (+ compile) <= 1 s; pdf <= 5 s")


if __name__ == "__main__":
    main()
