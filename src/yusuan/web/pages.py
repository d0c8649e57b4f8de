"""The HTML pages (Simplified Chinese): list and upload, a document, compare, login."""
from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile as FormFile  # what read_form holds for a file
from markupsafe import Markup, escape

from ..errors import YusuanError
from ..model import TableKind
from .api import read_upload
from .errors import ApiError
from .forms import read_form
from .security import csrf_token, principal, require_reader, require_reviewer
from .uploads import reader_of, reading_slot, store_uploads
from .validate import OptionalDocId, page_year

router = APIRouter(include_in_schema=False)
LEVEL_ZH = {"department": "部门", "unit": "单位"}


def render(request: Request, name: str, **ctx) -> HTMLResponse:
    config = request.app.state.config
    ctx.update(user=principal(request), csrf=csrf_token(request), auth=config.auth, demo=config.demo,
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
          template: str | None = None, deleted: OptionalDocId = None):
    require_reader(request)
    # the search form sends year= when the field is empty: no year, not an error
    wanted = page_year(year)
    docs = request.app.state.store.list(search=q, year=wanted, level=level or None, template=template or None)
    partial = request.headers.get("hx-request") and request.headers.get("hx-target") == "doc-list"
    from .deletions import deleted_message  # it renders with this module's `render`

    filtered = bool(q or wanted or level or template)
    return render(request, "_doc_list.html" if partial else "index.html", docs=docs, q=q, year=wanted,
                  level=level, template=template, filtered=filtered,
                  messages=deleted_message(request.app.state.store, deleted))


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request):
    who = require_reviewer(request)
    form = await read_form(request)
    messages: list[tuple[str, str, int | None]] = []
    uploads: list[tuple[str, bytes]] = []
    for f in form.getlist("files"):
        if not isinstance(f, FormFile):
            continue
        name = f.filename or "upload"
        try:
            uploads.append((name, await read_upload(request, f)))
        except ApiError as exc:
            messages.append(("error", f"{name}：{exc.message}", None))
    messages += await reading_slot(store_uploads, request.app.state.store, uploads, who.username,
                                   reader_of(request.app))
    docs = request.app.state.store.list()
    return render(request, "_doc_list.html", docs=docs, messages=messages)


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, a: OptionalDocId = None, b: OptionalDocId = None):
    """Two documents side by side: tables, 三公, narrative figures, findings fixed and new."""
    from ..audit.compare_docs import compare as compare_docs
    from ..report.json_report import report_from_json

    require_reader(request)
    store = request.app.state.store
    docs = store.list()
    c = None
    refused = ""
    if a and b:
        da, db = store.disclosure(a), store.disclosure(b)
        if da is None or db is None:
            raise ApiError(404, "要比较的文档不存在。", "document.not_found")
        ra, rb = store.report_data(a), store.report_data(b)
        try:
            if a == b:
                raise YusuanError("选择的是同一份文档，请选择两份不同的文档。")
            c = compare_docs(da, db, report_a=report_from_json(ra) if ra else None,
                             report_b=report_from_json(rb) if rb else None)
        except YusuanError as exc:
            refused = exc.message
    chart = [
        {"name": r.label, "a": float(r.a) if r.a is not None else 0, "b": float(r.b) if r.b is not None else 0}
        for p in (c.tables if c else ()) if p.kind is TableKind.EXPENDITURE_SUMMARY
        for r in p.lines if r.key.isdigit() and len(r.key) == 3
    ]
    pairs = [(p.kind, p.title, p.lines) for p in c.tables] if c else []
    return render(request, "compare.html", docs=docs, a=a, b=b, c=c, da=c.a if c else None, db=c.b if c else None,
                  pairs=pairs, refused=refused, chart=script_json(chart))
