"""Benchmark (issue 20): what a cold `yusuan audit` pays before and around its first page, part by part.

A cold process pays, besides the work a warm one does: the interpreter's start, loading PDFium
(pypdfium2), running the audit's modules (their classes, dataclasses and regular expressions are
built at import), and the first use of what is built once (the classification catalogue, regular
expressions compiled on first use, modules loaded lazily). Each part is measured in a fresh process,
with compiled bytecode (as installed), medians of `--repeat` runs.

Usage: .venv/bin/python bench/bench_fixed_cost.py [--repeat 5] [FILE.pdf]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "jiangsu" / \
    "js-party-office-2018-dept-budget-narrative-d22abd.pdf"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "yusuan-bench-pycache")

_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import dataclasses, re
spent = {"re": 0.0, "dataclass": 0.0}
_compile, _process = re._compile, dataclasses._process_class
def timed(name, fn):
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            spent[name] += time.perf_counter() - t
    return wrapper
re._compile = timed("re", _compile)
dataclasses._process_class = timed("dataclass", _process)
t1 = time.perf_counter()
import pypdfium2
t2 = time.perf_counter()
import yusuan.cli.audit_run, yusuan.audit.rules
t3 = time.perf_counter()
at_import = dict(spent)
from pathlib import Path
from yusuan.audit.runner import audit
from yusuan.ingest import read_disclosure
from yusuan.report.json_report import dumps
path = Path(sys.argv[1])
def work():
    d = read_disclosure(path)
    dumps(audit(d), d)
t4 = time.perf_counter(); work(); t5 = time.perf_counter(); work(); t6 = time.perf_counter()
print(json.dumps({"pdfium": t2 - t1, "yusuan": t3 - t2, "re_at_import": at_import["re"],
                  "dataclass_at_import": at_import["dataclass"], "first": t5 - t4, "warm": t6 - t5}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    bare, parts = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=ENV)
        bare.append(time.perf_counter() - t)
        out = subprocess.run([sys.executable, "-c", _CHILD, str(args.file)], check=True, env=ENV,
                             capture_output=True, text=True).stdout
        parts.append(json.loads(out))
    med = {k: statistics.median(p[k] for p in parts) for k in parts[0]}
    med["interpreter"] = statistics.median(bare)
    first_extra = med["first"] - med["warm"]
    fixed = med["interpreter"] + med["pdfium"] + med["yusuan"] + first_extra
    print(f"{args.file.name}: medians of {args.repeat} fresh processes (ms)")
    print(f"  interpreter (python -c pass)      {med['interpreter'] * 1000:7.1f}")
    print(f"  import pypdfium2 (PDFium loaded)  {med['pdfium'] * 1000:7.1f}")
    print(f"  import the audit's modules        {med['yusuan'] * 1000:7.1f}"
          f"  (regular expressions {med['re_at_import'] * 1000:.1f}, dataclasses {med['dataclass_at_import'] * 1000:.1f})")
    print(f"  first use, beyond the warm work   {first_extra * 1000:7.1f}")
    print(f"  = fixed per process               {fixed * 1000:7.1f}")
    print(f"  warm work (read, audit, JSON)     {med['warm'] * 1000:7.1f}")
    print(f"  cold ÷ warm                       {(fixed + med['warm']) / med['warm']:7.2f}"
          f"   (≤ 1.6 needs fixed ≤ {0.6 * med['warm'] * 1000:.0f} ms for this file)")


if __name__ == "__main__":
    main()
