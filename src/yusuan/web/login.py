"""Logging in and out of the web pages: throttled, and the session revoked server-side on logout."""
from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store.sessions import close_session, open_session
from .errors import ApiError
from .forms import read_form
from .pages import render
from .throttle import attempt_login

router = APIRouter(include_in_schema=False)
SESSION_HOURS = 8  # as the cookie's max_age (app.py)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request):
    return render(request, "login.html", error="")


@router.post("/login")
async def login(request: Request):
    form = await read_form(request)
    try:
        info = attempt_login(request, str(form.get("username", "")), str(form.get("password", "")))
    except ApiError as exc:  # throttled: the page says so, with the status an API client would get
        page = render(request, "login.html", error=exc.message)
        page.status_code = exc.status
        return page
    if info is None:
        return render(request, "login.html", error="用户名或密码不正确。")
    close_session(request.app.state.store, request.session.get("sid", ""))
    request.session.clear()  # a new session (and CSRF token) for the signed-in user
    request.session["sid"] = open_session(request.app.state.store, info.username,
                                          lifetime=timedelta(hours=SESSION_HOURS))
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
def logout(request: Request):
    close_session(request.app.state.store, request.session.get("sid", ""))
    request.session.clear()
    return RedirectResponse("/", status_code=303)
