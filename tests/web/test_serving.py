"""Issue 19: `yusuan serve` as a user runs it, on loopback, over each store backend: X-Forwarded-For
does not move the login throttle's address, and a request head that never ends is cut off."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

import yusuan

SRC = Path(yusuan.__file__).resolve().parents[1]  # the source tree under test


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(store_config, tmp_path):
    """A running `yusuan serve --auth`: 3 failed logins allowed per address, none counted per user."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(SRC), YUSUAN_DATA_DIR=str(tmp_path / "data"))
    env.pop("YUSUAN_DATABASE_URL", None)
    if store_config.database_url:
        env["YUSUAN_DATABASE_URL"] = store_config.database_url
    server = subprocess.Popen([sys.executable, "-m", "yusuan", "serve", "--port", str(port), "--no-sample", "--auth",
                               "--data", str(tmp_path / "data"), "--address-failures", "3", "--login-failures", "0"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/login", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield base, port
    server.terminate()
    server.wait(timeout=20)


def test_x_forwarded_for_does_not_escape_the_address_lock(served):
    base, _ = served
    statuses = [httpx.post(base + "/login", data={"username": f"u{i}", "password": "wrong"},
                           headers={"X-Forwarded-For": f"203.0.113.{i}"}, timeout=30).status_code for i in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]


def test_a_request_head_that_never_ends_is_cut_off(served):
    _, port = served
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # and then nothing more
        s.settimeout(60)  # the server's head timeout is far shorter; no answer in a minute is a failure
        assert s.recv(1024) == b""  # closed by the server
