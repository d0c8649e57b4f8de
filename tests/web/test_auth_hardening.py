"""Sessions revoked on logout, and login throttling (issue 11, defects 12 and 13), on both databases."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from test_api import assert_error
from test_auth import auth_app, basic, csrf_of

REVIEWER, PASSWORD = "reviewer1", "审核密码12345"


def log_in(client: TestClient, username: str = REVIEWER, password: str = PASSWORD):
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       follow_redirects=False)


# -- 12: logout revokes the session ------------------------------------------------------------


def test_a_cookie_copied_before_logout_no_longer_works(make_app):
    client = TestClient(auth_app(make_app))
    assert log_in(client).status_code == 303
    assert client.get("/api/documents").status_code == 200
    copied = client.cookies.get("yusuan_session")
    token = csrf_of(client.get("/").text)
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    thief = TestClient(client.app)
    thief.cookies.set("yusuan_session", copied)
    assert_error(thief.get("/api/documents"), 401, "auth.required")
    assert "登录" in thief.get("/", headers={"accept": "text/html"}).text


def test_a_deleted_user_is_signed_out(make_app):
    from sqlalchemy import delete

    from yusuan.store.schema import User

    app = auth_app(make_app)
    client = TestClient(app)
    log_in(client)
    with app.state.store.sessions.begin() as s:
        s.execute(delete(User).where(User.username == REVIEWER))
    assert_error(client.get("/api/documents"), 401, "auth.required")


def test_a_cookie_of_the_old_form_signs_no_one_in(make_app):
    """Before sessions were kept server-side the cookie named the user itself; it must not be trusted."""
    import base64
    import json

    from itsdangerous import TimestampSigner

    from yusuan.web.security import session_secret

    app = auth_app(make_app)
    signer = TimestampSigner(session_secret(app.state.config.store.data_dir))
    payload = base64.b64encode(json.dumps({"user": {"username": REVIEWER, "role": "reviewer"}}).encode())
    client = TestClient(app)
    client.cookies.set("yusuan_session", signer.sign(payload).decode())
    assert_error(client.get("/api/documents"), 401, "auth.required")


# -- 13: login throttling ----------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_user_even_against_the_right_one(make_app):
    client = TestClient(auth_app(make_app))
    for _ in range(5):
        r = log_in(client, password="wrong password")
        assert r.status_code == 200 and "用户名或密码不正确" in r.text
    r = log_in(client)
    assert r.status_code == 429 and "登录失败次数过多" in r.text and "分钟后再试" in r.text
    r = client.get("/api/documents", headers=basic(REVIEWER, PASSWORD))  # HTTP Basic is a login too
    err = assert_error(r, 429, "auth.throttled")
    assert 0 < err["detail"]["retry_after"] <= 15 * 60
    assert log_in(client, "viewer1", "查看密码12345").status_code == 303  # other users are not locked


def test_a_successful_login_resets_the_count(make_app):
    client = TestClient(auth_app(make_app))
    for _ in range(4):
        log_in(client, password="wrong password")
    assert log_in(client).status_code == 303
    for _ in range(4):
        assert log_in(client, password="wrong password").status_code == 200
    assert log_in(client).status_code == 303


def test_one_address_is_limited_across_user_names(make_app):
    from yusuan.web.throttle import LoginLimits

    from yusuan.store.users import add_user

    app = make_app(auth=True, login_limits=LoginLimits(per_user=100, per_address=3))
    add_user(app.state.store, REVIEWER, PASSWORD, "reviewer")
    client = TestClient(app)
    for name in ("甲", "乙", "丙"):
        assert log_in(client, name, "guess-123").status_code == 200
    assert log_in(client).status_code == 429
    other_address = TestClient(app, client=("10.0.0.9", 50000))
    assert log_in(other_address).status_code == 303


def test_the_limits_are_configurable_and_can_be_switched_off(make_app):
    from yusuan.store.users import add_user
    from yusuan.web.throttle import LoginLimits

    app = make_app(auth=True, login_limits=LoginLimits(per_user=0, per_address=0))
    add_user(app.state.store, REVIEWER, PASSWORD, "reviewer")
    client = TestClient(app)
    for _ in range(7):  # more than the default five
        log_in(client, password="wrong password")
    assert log_in(client).status_code == 303
    with pytest.raises(ValueError):
        LoginLimits(window_seconds=0)


def test_failures_leave_the_window():
    from yusuan.web.throttle import LoginLimits, LoginThrottle

    now = [1000.0]
    throttle = LoginThrottle(LoginLimits(per_user=2, per_address=10, window_seconds=60), clock=lambda: now[0])
    throttle.failed("张三", "1.2.3.4")
    now[0] += 30
    throttle.failed("张三", "1.2.3.4")
    assert throttle.retry_after("张三", "5.6.7.8") == 30  # until the first failure is a minute old
    assert throttle.retry_after("ZHANG", "1.2.3.4") == 0
    now[0] += 31
    assert throttle.retry_after("张三", "1.2.3.4") == 0
