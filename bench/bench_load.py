"""Load test: concurrent uploads of the corpus files against a running `yusuan serve` on loopback.

Bounded in count and time; talks only to 127.0.0.1. Checks that every distinct file is stored
exactly once and no upload is lost, and prints p50/p95 latency.

Usage: .venv/bin/python bench/bench_load.py [--uploads 50] [--concurrency 10] [--database-url URL]
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt", *sorted((ROOT / "samples" / "pdf").glob("*.pdf"))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uploads", type=int, default=50)
    ap.add_argument("--concurrency", type=int, default=10)
    ap.add_argument("--database-url", default=None, help="e.g. postgresql+psycopg://postgres@127.0.0.1/yusuan_load")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds for the whole run")
    args = ap.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="yusuan-load-"))
    port = free_port()
    env = dict(os.environ, YUSUAN_DATA_DIR=str(data_dir))
    if args.database_url:
        env["YUSUAN_DATABASE_URL"] = args.database_url
    server = subprocess.Popen([sys.executable, "-m", "yusuan", "serve", "--port", str(port), "--no-sample",
                               "--data", str(data_dir)], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/documents", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        payloads = [(f.name, f.read_bytes()) for f in FILES]
        stop_at = time.monotonic() + args.timeout

        def one(i: int):
            if time.monotonic() > stop_at:
                return None
            name, data = payloads[i % len(payloads)]
            t0 = time.perf_counter()
            r = httpx.post(base + "/api/documents", files={"files": (name, data)}, timeout=args.timeout)
            return name, r.status_code, time.perf_counter() - t0, r.json()

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = [r for r in pool.map(one, range(args.uploads)) if r is not None]
        wall = time.perf_counter() - t0
        latencies = sorted(r[2] for r in results)
        failed = [r for r in results if r[1] not in (200, 201)]
        ids_by_file: dict[str, set[int]] = {}
        for name, status, _, body in results:
            if status in (200, 201):
                ids_by_file.setdefault(name, set()).add(body["documents"][0]["id"])
        listed = httpx.get(base + "/api/documents", timeout=30).json()["documents"]
        print(f"uploads sent {len(results)}/{args.uploads}, concurrency {args.concurrency}, wall {wall:.1f} s")
        print(f"latency p50 {statistics.median(latencies):.2f} s, p95 {latencies[int(len(latencies) * 0.95) - 1]:.2f} s, "
              f"max {latencies[-1]:.2f} s")
        print(f"failed {len(failed)}; distinct files {len(payloads)}; stored documents {len(listed)}")
        once = all(len(ids) == 1 for ids in ids_by_file.values()) and len(listed) == len(payloads)
        print("every document stored exactly once, none lost:", "YES" if once and not failed else "NO")
        if failed:
            print("failures:", [(n, s, b.get("error")) for n, s, _, b in failed][:5])
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
