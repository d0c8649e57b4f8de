"""Hostile bodies against a `yusuan serve --auth` on loopback: four concurrent 900 MB anonymous login
forms (announced, and chunked without a length), forty 49 MB files in one upload, a 1 GiB JSON
reason; meanwhile the server must keep answering. Prints the server's peak memory (with its
reading process), each attack's status and time, and the slowest answer to a page meanwhile.

Bodies are generated, never held in memory; everything talks only to 127.0.0.1.

Usage: .venv/bin/python bench/bench_body_limits.py [--mb 900]
"""
from __future__ import annotations

import argparse
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench_load import PeakMemory, start_server

CHUNK = b"x" * (1 << 20)


def stream(prefix: bytes, mb: int, suffix: bytes = b""):
    yield prefix
    for _ in range(mb):
        yield CHUNK
    yield suffix


def attack(base: str, kind: str, mb: int) -> tuple[str, str, float]:
    t0 = time.perf_counter()
    try:
        if kind == "login-announced":
            body, headers = stream(b"username=a&password=", mb), {
                "content-type": "application/x-www-form-urlencoded", "content-length": str(20 + mb * len(CHUNK))}
        elif kind == "login-chunked":
            body, headers = stream(b"username=a&password=", mb), {"content-type": "application/x-www-form-urlencoded"}
        elif kind == "upload-40x49MB":
            part = b'--B\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n'

            def forty():
                for _ in range(40):
                    yield from stream(part, 49, b"\r\n")
                yield b"--B--\r\n"

            body, headers = forty(), {"content-type": "multipart/form-data; boundary=B",
                                      "cookie": "yusuan_session=junk", "origin": base}
        else:  # a 1 GiB JSON reason
            body, headers = stream(b'{"reason": "', 1024, b'"}'), {"content-type": "application/json"}
            return kind, _post(base + "/api/documents/1/findings/x/accept", body, headers), time.perf_counter() - t0
        path = "/api/documents" if kind.startswith("upload") else "/login"
        return kind, _post(base + path, body, headers), time.perf_counter() - t0
    except httpx.HTTPError as exc:  # the server may close the connection once it has answered
        return kind, f"closed ({type(exc).__name__})", time.perf_counter() - t0


def _post(url: str, body, headers: dict) -> str:
    r = httpx.post(url, content=body, headers=headers, timeout=120)
    return f"{r.status_code} {r.json()['error']['message'] if r.status_code >= 400 else ''}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=900, help="size of each login form")
    args = ap.parse_args()
    server, base = start_server(Path(tempfile.mkdtemp(prefix="yusuan-bodies-")), None, auth=True)
    memory = PeakMemory(server.pid)
    memory.start()
    answers: list[float] = []
    done = threading.Event()

    def keep_asking() -> None:
        while not done.is_set():
            t0 = time.perf_counter()
            httpx.get(base + "/login", timeout=60).raise_for_status()
            answers.append(time.perf_counter() - t0)
            time.sleep(0.2)

    asker = threading.Thread(target=keep_asking, daemon=True)
    asker.start()
    try:
        kinds = ["login-announced", "login-announced", "login-chunked", "login-chunked", "upload-40x49MB", "json-1GiB"]
        with ThreadPoolExecutor(len(kinds)) as pool:
            for kind, status, seconds in pool.map(lambda k: attack(base, k, args.mb), kinds):
                print(f"{kind:16} {seconds:6.2f} s  {status}")
        done.set()
        asker.join(timeout=60)
        print(f"pages answered meanwhile: {len(answers)}, slowest {max(answers):.2f} s")
        print(f"server peak RSS (with its reading process) {memory.peak / 2**20:.0f} MB")
        print("server still answering:", httpx.get(base + "/login", timeout=10).status_code == 200)
    finally:
        memory.stop.set()
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
