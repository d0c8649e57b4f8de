"""Logins, roles and CSRF: with auth on, changes need a reviewer; browser forms need the token."""
import base64
import re

from fastapi.testclient import TestClient


def basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def csrf_of(page_html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page_html).group(1)


def auth_app(make_app):
    from yusuan.store.users import add_user

    app = make_app(auth=True)
    add_user(app.state.store, "reviewer1", "审核密码12345", "reviewer")
    add_user(app.state.store, "viewer1", "查看密码12345", "viewer")
    return app


def test_with_auth_an_anonymous_upload_is_refused(make_app, reference_upload):
    client = TestClient(auth_app(make_app))
    r = client.post("/api/documents", files=reference_upload)
    assert r.status_code == 401 and r.json()["error"]["code"] == "auth.required"
    assert client.get("/api/documents").status_code == 401


def test_viewer_may_read_but_not_upload(make_app, reference_upload):
    client = TestClient(auth_app(make_app))
    assert client.get("/api/documents", headers=basic("viewer1", "查看密码12345")).status_code == 200
    r = client.post("/api/documents", files=reference_upload, headers=basic("viewer1", "查看密码12345"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "auth.forbidden"


def test_reviewer_with_basic_auth_uploads(make_app, reference_upload):
    client = TestClient(auth_app(make_app))
    r = client.post("/api/documents", files=reference_upload, headers=basic("reviewer1", "审核密码12345"))
    assert r.status_code == 201
    assert client.get("/api/documents", headers=basic("reviewer1", "wrong")).status_code == 401


def test_browser_login_session_and_csrf(make_app, reference_upload):
    client = TestClient(auth_app(make_app))
    login_page = client.get("/login", headers={"accept": "text/html"})
    token = csrf_of(login_page.text)
    r = client.post("/login", data={"username": "reviewer1", "password": "审核密码12345", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303
    # from a browser page (Origin), the session cookie alone is not enough: the token must come too
    page = {"Origin": str(client.base_url)}
    r = client.post("/api/documents", files=reference_upload, headers=page)
    assert r.status_code == 403 and r.json()["error"]["code"] == "auth.csrf"
    assert client.post("/api/documents", files=reference_upload,
                       headers=page | {"X-CSRF-Token": token}).status_code == 403
    token = csrf_of(client.get("/").text)  # login starts a new session with a new token
    r = client.post("/api/documents", files=reference_upload, headers=page | {"X-CSRF-Token": token})
    assert r.status_code == 201


def test_wrong_password_shows_chinese_message(make_app):
    client = TestClient(auth_app(make_app))
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"username": "reviewer1", "password": "nope", "csrf_token": token})
    assert "用户名或密码不正确" in r.text


def test_cross_site_post_is_refused(make_app, reference_upload):
    client = TestClient(make_app())
    r = client.post("/api/documents", files=reference_upload, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "auth.csrf"


def test_session_cookie_is_signed(make_app):
    client = TestClient(auth_app(make_app))
    client.cookies.set("yusuan_session", "eyJ1c2VyIjogeyJ1c2VybmFtZSI6ICJ4IiwgInJvbGUiOiAicmV2aWV3ZXIifX0=")
    assert client.get("/api/documents").status_code == 401  # a forged cookie is ignored
