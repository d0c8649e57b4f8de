"""Issue 19: no request can exhaust the server. Bodies are capped before and while they are read,
uploads per file and per request, and an upload's body is not read for someone who may not upload.

The app is called as ASGI with a body that counts what the server pulled from it: "refused before
reading" is checked by the bytes read, not by a clock."""
from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from test_api import assert_error

from yusuan.web import WebConfig, create_app
from yusuan.web.forms import FEED_BYTES
from yusuan.web.limits import RequestLimits

SMALL = RequestLimits(body_bytes=4096, fields=50, upload_files=2, upload_bytes=3_000_000)
CHUNK = 16_384


@pytest.fixture
def small_app(store_config, monkeypatch):
    """An app with small limits: files of at most 200 KB, two of them and 3 MB in all per request."""
    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    apps = []

    def make(limits=SMALL, **kw):
        app = create_app(WebConfig(store=replace(store_config, max_upload_bytes=200_000), limits=limits, **kw))
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.store.engine.dispose()


def call(app, method: str, path: str, headers: dict, chunks, *, announce: bool = False, stall: bool = False):
    """Send a body chunk by chunk (and then nothing more, if it stalls); (status, JSON body or None,
    bytes the app pulled)."""
    chunks = list(chunks)
    pulled, out = [0], {"status": None, "body": b""}
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    if announce:
        raw.append((b"content-length", str(sum(map(len, chunks))).encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "headers": [(b"host", b"testserver"), *raw],
             "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "root_path": ""}

    async def receive():
        if chunks:
            chunk = chunks.pop(0)
            pulled[0] += len(chunk)
            return {"type": "http.request", "body": chunk, "more_body": bool(chunks) or stall}
        await asyncio.sleep(3600)  # the client waits for the answer

    async def send(message):
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    asyncio.run(asyncio.wait_for(app(scope, receive, send), 20))
    body = json.loads(out["body"]) if out["body"].startswith(b"{") else None
    return out["status"], body, pulled[0]


def form_chunks(size: int) -> list[bytes]:
    body = b"username=a&password=" + b"x" * size
    return [body[i:i + CHUNK] for i in range(0, len(body), CHUNK)]


def multipart_chunks(files: list[tuple[str, int]], boundary: str = "b0undary") -> list[bytes]:
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                    f'Content-Type: text/plain\r\n\r\n'.encode() + b"x" * size + b"\r\n" for name, size in files)
    body += f"--{boundary}--\r\n".encode()
    return [body[i:i + CHUNK] for i in range(0, len(body), CHUNK)]


MULTIPART = {"content-type": "multipart/form-data; boundary=b0undary"}
FORM = {"content-type": "application/x-www-form-urlencoded"}


def test_an_announced_oversize_login_form_is_refused_before_a_byte_is_read(small_app):
    status, body, pulled = call(small_app(auth=True), "POST", "/login", FORM, form_chunks(1_000_000), announce=True)
    assert status == 413 and body["error"]["code"] == "request.too_large" and "上限为 4 KB" in body["error"]["message"]
    assert pulled == 0


def test_an_unannounced_oversize_form_is_cut_off_at_the_cap(small_app):
    status, body, pulled = call(small_app(auth=True), "POST", "/login", FORM, form_chunks(1_000_000))
    assert status == 413 and body["error"]["code"] == "request.too_large"
    assert pulled <= SMALL.body_bytes + CHUNK


def test_a_json_body_is_capped_too(small_app, reference_upload):
    app = small_app()
    doc = TestClient(app).post("/api/documents", files=reference_upload).json()["documents"][0]
    r = TestClient(app).post(f"/api/documents/{doc['id']}/findings/x/accept", json={"reason": "理" * 10_000})
    assert_error(r, 413, "request.too_large")


def test_a_login_form_within_the_cap_still_works(small_app):
    r = TestClient(small_app(auth=True)).post("/login", data={"username": "a", "password": "b"})
    assert r.status_code == 200 and "用户名或密码不正确" in r.text


def test_a_file_over_the_limit_is_refused_while_it_streams(small_app):
    status, body, pulled = call(small_app(), "POST", "/api/documents", MULTIPART,
                                multipart_chunks([("大.txt", 2_500_000)]))
    assert status == 413 and body["error"]["code"] == "input.too_large" and "大.txt" in body["error"]["message"]
    assert pulled <= 200_000 + FEED_BYTES + CHUNK  # stopped near the per-file limit, not at the end of the file


def test_more_files_than_allowed_are_refused(small_app):
    status, body, _ = call(small_app(), "POST", "/api/documents", MULTIPART,
                           multipart_chunks([("a.txt", 10), ("b.txt", 10), ("c.txt", 10)]))
    assert status == 413 and body["error"]["code"] == "request.too_many_files"


def test_an_upload_over_the_request_limit_is_refused_before_it_is_read(small_app):
    chunks = multipart_chunks([("a.txt", 1_000_000)] * 4)
    status, body, pulled = call(small_app(), "POST", "/upload", MULTIPART, chunks, announce=True)
    assert status == 413 and body["error"]["code"] == "request.too_large" and pulled == 0


@pytest.mark.parametrize("path", ["/api/documents", "/upload", "/orgs/upload"])
def test_an_upload_with_a_junk_cookie_is_refused_unread(small_app, path):
    app = small_app(auth=True)
    headers = MULTIPART | {"cookie": "yusuan_session=junk", "origin": "http://testserver"}
    status, _, pulled = call(app, "POST", path, headers, multipart_chunks([("a.txt", 90_000)]))
    assert status in (401, 403) and pulled == 0


def test_an_anonymous_session_cannot_make_the_server_read_an_upload(small_app):
    app = small_app(auth=True)
    client = TestClient(app)
    client.get("/login")  # a real session, with a CSRF token, but no one signed in
    cookie = f"yusuan_session={client.cookies['yusuan_session']}"
    headers = MULTIPART | {"cookie": cookie, "origin": "http://testserver"}
    status, body, pulled = call(app, "POST", "/upload", headers, multipart_chunks([("a.txt", 90_000)]))
    assert status == 401 and body["error"]["code"] == "auth.required" and pulled == 0


def test_a_deeply_nested_json_body_is_a_400(api, reference_upload):
    doc = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    deep = "[" * 100_000 + "]" * 100_000
    r = api.post(f"/api/documents/{doc['id']}/findings/x/accept", content=deep,
                 headers={"content-type": "application/json"})
    assert_error(r, 400, "request.bad_json")


def test_a_body_that_stalls_is_cut_off(small_app):
    app = small_app(limits=replace(SMALL, body_idle_seconds=0.2), auth=True)
    status, body, _ = call(app, "POST", "/login", FORM | {"content-length": "1000"}, [b"username=a&pass"], stall=True)
    assert status == 408 and body["error"]["code"] == "request.timeout"
