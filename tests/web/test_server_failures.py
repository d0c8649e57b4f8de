"""Issue 19 on both backends: hostile numbers and a failing database are answered in Chinese, never
with a dropped connection; every response carries the security headers; the API schema and its
page need a login under --auth."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event

from test_api import assert_error
from test_auth import auth_app, basic


def test_a_checklist_year_beyond_any_integer_is_a_422(api):
    assert_error(api.get("/orgs/checklists.zip", params={"year": "9" * 20}), 422, "request.invalid")


def test_45_digit_amounts_upload_and_read_back(api, reference_path):
    huge = "999999999999999999999999999999999999999999999.00"
    text = reference_path.read_text(encoding="utf-8").replace("\t3008.67\t", f"\t{huge}\t", 1)
    r = api.post("/api/documents", files={"files": ("t05.txt", text.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    doc = r.json()["documents"][0]
    assert huge in api.get(f"/api/documents/{doc['id']}/disclosure").text


def break_database(app, store_config) -> None:
    """The database goes away under a running server (a stopped PostgreSQL, an unreadable SQLite file)."""
    url = ("sqlite:////nonexistent-dir/yusuan.db" if store_config.url.startswith("sqlite")
           else "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2")
    broken = create_engine(url)
    app.state.store.engine = broken
    app.state.store.sessions.configure(bind=broken)


def test_a_database_that_went_away_is_a_503_in_chinese_and_assets_still_load(make_app, store_config):
    app = make_app()
    client = TestClient(app)
    break_database(app, store_config)
    r = client.get("/api/documents")
    assert_error(r, 503, "store.unavailable")
    assert "数据库不可用" in r.json()["error"]["message"]
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 503 and "数据库不可用" in page.text
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/login").status_code == 200


def test_a_full_disk_is_named_as_such(make_app, store_config, reference_upload):
    if not store_config.url.startswith("sqlite"):
        pytest.skip("a full disk is simulated with SQLite's page limit")
    app = make_app()

    @event.listens_for(app.state.store.engine, "connect")
    def _tiny(dbapi_conn, _record):  # the file may not grow: as a disk with no space left
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    app.state.store.engine.dispose()
    r = TestClient(app).post("/api/documents", files=reference_upload)
    assert_error(r, 507, "store.disk_full")
    assert "磁盘已满" in r.json()["error"]["message"]
    assert TestClient(app).get("/api/documents").status_code == 200  # reading goes on


HEADERS = {"x-frame-options": "DENY", "x-content-type-options": "nosniff"}


def test_every_response_carries_the_security_headers(api, reference_upload):
    responses = [api.get("/"), api.get("/static/app.css"), api.get("/api/documents/999"), api.get("/docs"),
                 api.get("/openapi.json"), api.post("/api/documents", files=reference_upload),
                 api.post("/login", content=b"x" * 600_000, headers={"content-type": "application/x-www-form-urlencoded"})]
    for r in responses:
        assert {k: r.headers.get(k) for k in HEADERS} == HEADERS, r.url
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and re.search(r"script-src 'self' 'nonce-[\w-]+'", csp)
    assert responses[-1].status_code == 413


def test_inline_scripts_carry_the_nonce_of_their_response(api, reference_upload):
    doc = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    for path in ("/", f"/documents/{doc['id']}", "/docs"):
        r = api.get(path)
        nonce = re.search(r"'nonce-([\w-]+)'", r.headers["content-security-policy"]).group(1)
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)([^>]*)>", r.text)
        assert inline and all(f'nonce="{nonce}"' in attrs for attrs in inline), path
        assert "onclick=" not in r.text


def test_the_api_schema_and_its_page_need_a_login_under_auth(make_app):
    client = TestClient(auth_app(make_app))
    assert_error(client.get("/openapi.json"), 401, "auth.required")
    assert client.get("/docs").status_code == 401
    viewer = basic("viewer1", "查看密码12345")
    assert client.get("/openapi.json", headers=viewer).json()["info"]["title"].startswith("yusuan")
    assert client.get("/docs", headers=viewer).status_code == 200
