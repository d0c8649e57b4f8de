"""Benchmark (issue 20): start-up and the work around the reader, as ratios measured in one run.

- `yusuan --version` ÷ a bare `python -c pass` (goal ≤ 6);
- a whole cold `yusuan audit -f json FILE` process ÷ the same work in a warm process (read, audit,
  JSON; goal ≤ 1.6), per file;
- an upload's path (`DocumentStore.ingest`: read, audit, disclosure JSON, audit JSON, rows written)
  ÷ the same reading and audit in-process (goal ≤ 1.2), per file, on SQLite (and PostgreSQL with
  `--postgres URL`).

Usage: .venv/bin/python bench/bench_startup.py [--repeat 5] [--postgres postgresql+psycopg://…]
Files: the shared Putuo PDFs (/work/shared/corpus/pdf) and the Jiangsu PDFs (/work/shared/corpus/jiangsu).
Every figure is a median over `repeat` runs, as wall time and as CPU time (user + system; of the child
for a process, of this process for work in-process): on a shared machine the CPU ratio is the steadier
one; run it a few times. The processes run with compiled bytecode, as an installed yusuan has (the
environment may say PYTHONDONTWRITEBYTECODE: the bytecode is kept in a temporary PYTHONPYCACHEPREFIX).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus"))
SETS = {"Putuo": CORPUS / "pdf", "Jiangsu": CORPUS / "jiangsu"}


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "yusuan-bench-pycache")


def child_cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def run(cmd: list[str]) -> tuple[float, float]:
    """A process's wall and CPU seconds."""
    c0, t0 = child_cpu(), time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - t0, child_cpu() - c0


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def processes(cmd: list[str], repeat: int) -> tuple[float, float]:
    return medians([run(cmd) for _ in range(repeat)])


def in_process(fn, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    return medians(runs)


def ratio(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return a[0] / b[0], a[1] / b[1]


def yusuan_command() -> list[str]:
    """The console script beside this Python (what a user runs), else the module."""
    script = Path(sys.executable).with_name("yusuan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "yusuan"]


def start_up(repeat: int) -> dict:
    run([*yusuan_command(), "--version"])  # bytecode compiled once
    bare = processes([sys.executable, "-c", "pass"], repeat * 4)
    version = processes([*yusuan_command(), "--version"], repeat * 4)
    r = ratio(version, bare)
    print(f"start-up: python -c pass {bare[0] * 1000:.0f} ms (CPU {bare[1] * 1000:.0f} ms), yusuan --version "
          f"{version[0] * 1000:.0f} ms (CPU {version[1] * 1000:.0f} ms) → ratio wall {r[0]:.1f}, CPU {r[1]:.1f} (goal ≤ 6)")
    return {"version": r}


def warm_audit(path: Path) -> str:
    """What `yusuan audit -f json FILE` does, in this process."""
    from yusuan.audit.runner import audit
    from yusuan.ingest import read_disclosure
    from yusuan.report.json_report import dumps

    d = read_disclosure(path)
    return dumps(audit(d), d)


def summary(name: str, ratios: list[tuple[float, float]], goal: str) -> tuple[float, float]:
    wall, cpu = (statistics.median(r[i] for r in ratios) for i in (0, 1))
    print(f"  {name} ({len(ratios)} files): median ratio wall {wall:.2f} (range {min(r[0] for r in ratios):.2f}–"
          f"{max(r[0] for r in ratios):.2f}), CPU {cpu:.2f} (range {min(r[1] for r in ratios):.2f}–"
          f"{max(r[1] for r in ratios):.2f}) (goal {goal})")
    return wall, cpu


def cold_vs_warm(files: dict[str, list[Path]], repeat: int) -> dict:
    print("\ncold `yusuan audit -f json FILE` process ÷ the same work warm in-process (goal ≤ 1.6):")
    out = {}
    for name, paths in files.items():
        ratios = []
        for p in paths:
            cmd = [*yusuan_command(), "audit", "-f", "json", str(p)]
            run(cmd)
            warm_audit(p)  # warm imports and caches
            warm = in_process(lambda p=p: warm_audit(p), repeat)
            cold = processes(cmd, repeat)
            ratios.append(ratio(cold, warm))
            print(f"  {p.name}: cold {cold[0]:.2f} s (CPU {cold[1]:.2f}), warm {warm[0]:.2f} s (CPU {warm[1]:.2f}), "
                  f"ratio {ratios[-1][0]:.2f} (CPU {ratios[-1][1]:.2f})")
        out[name] = summary(name, ratios, "≤ 1.6")
    return out


def upload_vs_work(files: dict[str, list[Path]], repeat: int, url: str | None) -> dict:
    from yusuan.audit.runner import audit
    from yusuan.recognize.pipeline import recognize
    from yusuan.sources.detect import read_source
    from yusuan.store import StoreConfig, open_store

    def work(p: Path, data: bytes) -> None:
        audit(recognize(read_source(Path(p.name), data=data, max_pages=300)))

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(StoreConfig(data_dir=Path(tmp), database_url=url))
        dialect = store.engine.dialect.name
        print(f"\nupload path (store.ingest) ÷ read + audit in-process, {dialect} (goal ≤ 1.2):")

        def upload(p: Path, data: bytes) -> tuple[float, float]:
            """One upload's wall and CPU seconds (the document is deleted afterwards, untimed)."""
            c0, t0 = time.process_time(), time.perf_counter()
            doc = store.ingest(p.name, data)
            spent = time.perf_counter() - t0, time.process_time() - c0
            store.delete(doc.id)
            return spent

        for name, paths in files.items():
            ratios = []
            for p in paths:
                data = p.read_bytes()
                upload(p, data)  # warm
                base = in_process(lambda p=p, data=data: work(p, data), repeat)
                up = medians([upload(p, data) for _ in range(repeat)])
                ratios.append(ratio(up, base))
                print(f"  {p.name}: upload {up[0]:.2f} s (CPU {up[1]:.2f}), work {base[0]:.2f} s (CPU {base[1]:.2f}), "
                      f"ratio {ratios[-1][0]:.2f} (CPU {ratios[-1][1]:.2f})")
            out[f"{name} {dialect}"] = summary(name, ratios, "≤ 1.2")
        store.engine.dispose()
    return out


@contextlib.contextmanager
def throwaway_database(admin_url: str):
    """A new PostgreSQL database beside `admin_url`'s, dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = f"yusuan_bench_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--postgres", help="also the upload path on PostgreSQL: an admin URL (SQLAlchemy), e.g. "
                    "postgresql+psycopg://postgres@127.0.0.1:5432/postgres; a throw-away database is made beside it")
    ap.add_argument("--only", choices=("start", "audit", "upload"), action="append")
    args = ap.parse_args()
    files = {name: sorted(folder.glob("*.pdf")) for name, folder in SETS.items()}
    parts = set(args.only or ("start", "audit", "upload"))
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    results: dict = {}
    if "start" in parts:
        results.update(start_up(args.repeat))
    if "audit" in parts:
        results.update({f"cold audit {k}": v for k, v in cold_vs_warm(files, args.repeat).items()})
    if "upload" in parts:
        results.update({f"upload {k}": v for k, v in upload_vs_work(files, args.repeat, None).items()})
        if args.postgres:
            with throwaway_database(args.postgres) as url:
                results.update({f"upload {k}": v for k, v in upload_vs_work(files, args.repeat, url).items()})
    print("\nratios (wall, CPU):")
    for k, (w, c) in results.items():
        print(f"  {k}: {w:.2f}, {c:.2f}")


if __name__ == "__main__":
    main()
