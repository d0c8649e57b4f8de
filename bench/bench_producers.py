"""Benchmark: does the PDF reader depend on the program that made the PDF?

Every corpus PDF (/work/shared/corpus: cities/, pdf/, jiangsu/, final/) is re-made by another
program — poppler's ``pdftocairo -pdf`` and, where installed, Ghostscript's ``pdfwrite`` (run as an
external test tool, never imported nor shipped) — and both files are read by yusuan: the raw lines
(page and cells, `read_pdf`), the recognised tables (kind, and every amount with its row and column
labels; `read_disclosure` = recognise(read_source)) and the audit's findings (rule, severity,
message). Per document: identical, or how many items of each part differ (a multiset difference:
items only in the original + items only in the re-made file).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_producers.py [--limit N] [-j 2]
           [--remaker cairo|gs|all] [--show 5] [--json OUT] [FILE_OR_DIR ...]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CORPUS = Path("/work/shared/corpus")
PARTS = ("cities", "pdf", "jiangsu", "final")
REMAKERS = {
    "cairo": (["pdftocairo", "-pdf", "{src}", "{out}"], "pdftocairo"),
    "gs": (["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile={out}", "{src}"], "gs"),
}


def reading(path: Path) -> dict[str, list]:
    """What yusuan reads of one PDF, as comparable items per part."""
    from yusuan.audit.runner import audit
    from yusuan.recognize.pipeline import recognize
    from yusuan.sources.detect import read_source

    raw = read_source(path)
    d = recognize(raw)  # what read_disclosure(path) does, without reading the file twice
    lines = [(line.page, line.cells) for line in raw.lines]
    tables = [(t.kind.value,) for t in d.tables]
    amounts = []
    for t in d.tables:
        labels = {c.key: c.label for c in t.columns}
        for r in t.rows:
            for v in r.values:
                if v.amount is not None:
                    amounts.append((t.kind.value, r.code or "", r.label, labels.get(v.column, v.column), str(v.amount.value)))
    findings = [(f.rule, f.severity.value, f.message) for f in audit(d).findings]
    return {"lines": lines, "tables": tables, "amounts": amounts, "findings": findings}


def reading_or_refusal(path: Path) -> dict[str, list]:
    """The reading, or the refusal as its one item (a file refused both times reads the same)."""
    try:
        return reading(path)
    except Exception as exc:  # noqa: BLE001 - a crash is a result of the bench, not its end
        return {"lines": [], "tables": [], "amounts": [], "findings": [], "refused": [f"{type(exc).__name__}: {exc}"]}


def diff(a: list, b: list) -> tuple[list, list]:
    ca, cb = Counter(map(repr, a)), Counter(map(repr, b))
    return sorted((ca - cb).elements()), sorted((cb - ca).elements())


def one(job: tuple[str, str, str]) -> dict:
    src, remaker, workdir = Path(job[0]), job[1], Path(job[2])
    out_dir = workdir / remaker / src.parent.name
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / src.name  # same name: findings that quote the file name stay comparable
    started = time.monotonic()
    cmd = [a.format(src=src, out=out) for a in REMAKERS[remaker][0]]
    result: dict = {"file": str(src.relative_to(CORPUS) if src.is_relative_to(CORPUS) else src), "remaker": remaker}
    try:
        subprocess.run(cmd, check=True, timeout=240, capture_output=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        result["error"] = f"re-making failed: {exc}"
        return result
    before, after = reading_or_refusal(src), reading_or_refusal(out)
    parts = ("lines", "tables", "amounts", "findings", "refused")
    result["parts"] = {part: diff(before.get(part, []), after.get(part, [])) for part in parts}
    result["sizes"] = {part: len(before.get(part, [])) for part in parts}
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def pdfs(args: list[str]) -> list[Path]:
    roots = [Path(a) for a in args] or [CORPUS / p for p in PARTS]
    found: list[Path] = []
    for root in roots:
        found += [root] if root.is_file() else sorted(root.rglob("*.pdf"))
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="PDF files or folders (default: the four corpus folders)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--remaker", choices=("cairo", "gs", "all"), default="all")
    ap.add_argument("--show", type=int, default=0, help="print up to N differing items per part")
    ap.add_argument("--json", type=Path, help="write every difference here")
    ap.add_argument("--workdir", type=Path, help="keep the re-made PDFs here (default: a temporary folder)")
    args = ap.parse_args()

    remakers = [r for r in REMAKERS if args.remaker in (r, "all") and shutil.which(REMAKERS[r][1])]
    for r in REMAKERS:
        if args.remaker in (r, "all") and r not in remakers:
            print(f"{REMAKERS[r][1]} is not installed: {r} left out")
    files = pdfs(args.paths)[: args.limit or None]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="yusuan-producers-", dir="/tmp"))
    jobs = [(str(f), r, str(workdir)) for r in remakers for f in files]
    started = time.monotonic()
    try:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(one, jobs))
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    for r in results:
        if "error" in r:
            print(f"{r['remaker']:5} {r['file']}: {r['error']}")
            continue
        differing = {p: len(a) + len(b) for p, (a, b) in r["parts"].items() if a or b}
        verdict = "identical" if not differing else ", ".join(f"{p} {n}/{r['sizes'][p]}" for p, n in differing.items())
        print(f"{r['remaker']:5} {r['file']}: {verdict}  ({r['seconds']} s)")
        for part, (a, b) in r["parts"].items() if args.show else ():
            for item in a[: args.show]:
                print(f"        {part} - {item}")
            for item in b[: args.show]:
                print(f"        {part} + {item}")
    for remaker in remakers:
        mine = [r for r in results if r["remaker"] == remaker]
        same = sum(1 for r in mine if "parts" in r and not any(a or b for a, b in r["parts"].values()))
        by_part = Counter(p for r in mine if "parts" in r for p, (a, b) in r["parts"].items() if a or b)
        failed = sum(1 for r in mine if "error" in r)
        print(f"{remaker}: {same} of {len(mine)} documents read identically after re-making by "
              f"{REMAKERS[remaker][1]}; differing in {dict(by_part)}; failed {failed}")
    print(f"{len(jobs)} re-makings in {time.monotonic() - started:.0f} s on {args.jobs} processes")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
