"""The HTML pages (Simplified Chinese): list and upload, a document, compare, login."""
from __future__ import annotations

import json

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from markupsafe import Markup, escape

from ..errors import YusuanError
from ..model import TableKind
from .api import read_upload
from .errors import ApiError
from .security import csrf_token, principal, require_reader, require_reviewer
from .views import compare_tables

router = APIRouter(include_in_schema=False)
LEVEL_ZH = {"department": "部门", "unit": "单位"}


def render(request: Request, name: str, **ctx) -> HTMLResponse:
    ctx.update(user=principal(request), csrf=csrf_token(request), auth=request.app.state.config.auth,
               level_zh=LEVEL_ZH)
    return request.app.state.templates.TemplateResponse(request, name, ctx)


def script_json(data) -> str:
    """JSON safe to put inside <script>: no "</script>" can close the tag early."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def highlight(text: str, sentences: list[tuple[str, str]]) -> Markup:
    """Escape a paragraph and mark the sentences findings point at (sentence, severity)."""
    out = str(escape(text))
    for sentence, severity in sentences:
        s = str(escape(sentence))
        if s and s in out:
            out = out.replace(s, f'<mark class="{severity}">{s}</mark>', 1)
    return Markup(out)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, q: str = "", year: str = "", level: str | None = None,
          template: str | None = None):
    require_reader(request)
    # the search form sends year= when the field is empty: no year, not an error
    year = int(year) if year.strip().isdigit() else None
    docs = request.app.state.store.list(search=q, year=year, level=level or None, template=template or None)
    partial = request.headers.get("hx-request") and request.headers.get("hx-target") == "doc-list"
    return render(request, "_doc_list.html" if partial else "index.html", docs=docs, q=q, year=year,
                  level=level, template=template, messages=[])


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request):
    who = require_reviewer(request)
    form = await request.form()
    messages = []
    for f in form.getlist("files"):
        if not isinstance(f, UploadFile) and not hasattr(f, "read"):
            continue
        name = f.filename or "upload"
        try:
            data = await read_upload(request, f)
            doc = await run_in_threadpool(request.app.state.store.ingest, name, data, user=who.username)
            note = "已保存" if doc.created else "已存在（相同文件不重复保存）"
            messages.append(("ok", f"{name}：{note}，错误 {doc.errors} 条，警告 {doc.warnings} 条", doc.id))
        except (YusuanError, ApiError) as exc:
            messages.append(("error", f"{name}：{exc.message}", None))
    docs = request.app.state.store.list()
    return render(request, "_doc_list.html", docs=docs, messages=messages)


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, a: int | None = None, b: int | None = None):
    require_reader(request)
    store = request.app.state.store
    docs = store.list()
    pairs = []
    da = db = None
    if a and b:
        da, db = store.disclosure(a), store.disclosure(b)
        if da is None or db is None:
            raise ApiError(404, "要比较的文档不存在。", "document.not_found")
        pairs = compare_tables(da, db)
    chart = [
        {"name": r.label, "a": float(r.a) if r.a is not None else 0, "b": float(r.b) if r.b is not None else 0}
        for kind, _, rows in pairs if kind is TableKind.EXPENDITURE_SUMMARY
        for r in rows if r.key.isdigit() and len(r.key) == 3
    ]
    return render(request, "compare.html", docs=docs, a=a, b=b, da=da, db=db, pairs=pairs,
                  chart=script_json(chart))


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, error: str = ""):
    return render(request, "login.html", error=error)


@router.post("/login")
async def login(request: Request):
    from ..store.users import authenticate

    form = await request.form()
    info = authenticate(request.app.state.store, str(form.get("username", "")), str(form.get("password", "")))
    if info is None:
        return render(request, "login.html", error="用户名或密码不正确。")
    request.session.clear()
    request.session["user"] = {"username": info.username, "role": info.role}
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/", status_code=303)
