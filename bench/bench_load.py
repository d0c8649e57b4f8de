"""Load test: clients sending mixed requests (pages, API reads, acceptances, exports, uploads) to a
`yusuan serve` on loopback, while uploads are being read. Bounded in count and time; talks only to
127.0.0.1.

Each client sends `--requests` requests one after another; one in `--upload-every` is an upload of
the reference renamed to another department (new content: read, recognised and audited for real), the rest
are reads and acceptances of documents already stored. Prints p50/p95/max of uploads and of the
other requests, errors (any status other than the expected), and the server's peak memory.

Usage: .venv/bin/python bench/bench_load.py [--clients 20] [--requests 50] [--database-url URL]
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"
PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, database_url: str | None, auth: bool = False) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, YUSUAN_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT / "src"))
    if database_url:
        env["YUSUAN_DATABASE_URL"] = database_url
    server = subprocess.Popen([sys.executable, "-m", "yusuan", "serve", "--port", str(port), "--no-sample",
                               "--data", str(data_dir), *(["--auth"] if auth else [])], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/login", timeout=1).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


class PeakMemory(threading.Thread):
    """The server's resident memory with its children's (the reading process), sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process, self.peak, self.stop = psutil.Process(pid), 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                rss = self.process.memory_info().rss + sum(c.memory_info().rss for c in self.process.children(True))
                self.peak = max(self.peak, rss)
            except psutil.Error:
                return
            time.sleep(0.05)


def seed(base: str) -> list[dict]:
    files = [("阳泉市民政局2025.txt", REFERENCE.read_bytes()), *[(p.name, p.read_bytes()) for p in PDFS[:2]]]
    docs = []
    for name, data in files:
        r = httpx.post(base + "/api/documents", files={"files": (name, data)}, timeout=300)
        r.raise_for_status()
        docs += r.json()["documents"]
    return docs


def reads(base: str, docs: list[dict], client: httpx.Client, rng: random.Random):
    """One non-upload request: (kind, response)."""
    doc = rng.choice(docs)
    kind = rng.choice(["list", "index", "document", "findings", "accept", "export", "static", "compare"])
    if kind == "list":
        return kind, client.get(base + "/api/documents")
    if kind == "index":
        return kind, client.get(base + "/")
    if kind == "document":
        return kind, client.get(base + f"/documents/{doc['id']}")
    if kind == "findings":
        return kind, client.get(base + f"/api/documents/{doc['id']}/findings")
    if kind == "export":
        return kind, client.get(base + f"/api/documents/{doc['id']}/export", params={"what": "report.json"})
    if kind == "static":
        return kind, client.get(base + "/static/app.css")
    if kind == "compare":
        other = rng.choice(docs)
        return kind, client.get(base + "/compare", params={"a": doc["id"], "b": other["id"]})
    findings = client.get(base + f"/api/documents/{doc['id']}/findings").json()["findings"]
    if not findings:
        return kind, client.get(base + "/api/documents")
    fp = rng.choice(findings)["fingerprint"]
    return kind, client.post(base + f"/api/documents/{doc['id']}/findings/{fp}/accept", json={"reason": "压测"})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=50, help="requests per client")
    ap.add_argument("--upload-every", type=int, default=10, help="one request in N is an upload")
    ap.add_argument("--database-url", default=None, help="e.g. postgresql+psycopg://postgres@127.0.0.1/yusuan_load")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds for the whole run")
    args = ap.parse_args()
    server, base = start_server(Path(tempfile.mkdtemp(prefix="yusuan-load-")), args.database_url)
    memory = PeakMemory(server.pid)
    memory.start()
    try:
        docs = seed(base)
        reference = REFERENCE.read_bytes()
        stop_at = time.monotonic() + args.timeout
        results: list[tuple[str, int, float]] = []
        lock = threading.Lock()

        def client_run(c: int) -> None:
            rng = random.Random(c)
            with httpx.Client(timeout=120) as client:
                for i in range(args.requests):
                    if time.monotonic() > stop_at:
                        return
                    t0 = time.perf_counter()
                    if i % args.upload_every == args.upload_every - 1:
                        # another department's publication: new content, read and audited for real
                        other = reference.replace("阳泉市民政局".encode(), f"阳泉市第{c}-{i}局".encode())
                        kind, r = "upload", client.post(base + "/api/documents",
                                                        files={"files": (f"第{c}-{i}局.txt", other)})
                    else:
                        kind, r = reads(base, docs, client, rng)
                    with lock:
                        results.append((kind, r.status_code, time.perf_counter() - t0))

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(client_run, range(args.clients)))
        wall = time.perf_counter() - t0
    finally:
        memory.stop.set()
        server.terminate()
        server.wait(timeout=30)
    expected = {"upload": (200, 201)}
    errors = [(k, s) for k, s, _ in results if s not in expected.get(k, (200,))]
    print(f"clients {args.clients} x {args.requests} requests: sent {len(results)}, wall {wall:.1f} s, "
          f"errors {len(errors)}{' ' + str(errors[:5]) if errors else ''}")
    for label, rows in (("non-upload", [t for k, _, t in results if k != "upload"]),
                        ("upload", [t for k, _, t in results if k == "upload"])):
        rows.sort()
        if rows:
            p95 = rows[max(0, int(len(rows) * 0.95) - 1)]
            print(f"{label:10} n={len(rows):4}  p50 {statistics.median(rows):.3f} s  p95 {p95:.3f} s  max {rows[-1]:.3f} s")
    by_kind = {}
    for k, _, t in results:
        by_kind.setdefault(k, []).append(t)
    print("by kind (p95 s):", ", ".join(f"{k} {sorted(v)[max(0, int(len(v) * 0.95) - 1)]:.2f} (n={len(v)})"
                                       for k, v in sorted(by_kind.items())))
    print(f"server peak RSS {memory.peak / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
