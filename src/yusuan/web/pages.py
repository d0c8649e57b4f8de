"""The HTML pages (Simplified Chinese): list and upload, a document, compare, login."""
from __future__ import annotations

import json

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from markupsafe import Markup, escape

from ..model import TableKind
from .api import read_upload
from .errors import ApiError
from .exports import found
from .uploads import store_uploads
from .security import csrf_token, principal, require_reader, require_reviewer
from .validate import DocId, OptionalDocId, Year, accept_reason
from .views import SEVERITY_ORDER, charts, marks, table_view

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
def index(request: Request, q: str = "", year: Year = None, level: str | None = None,
          template: str | None = None):
    require_reader(request)
    docs = request.app.state.store.list(search=q, year=year, level=level, template=template)
    partial = request.headers.get("hx-request") and request.headers.get("hx-target") == "doc-list"
    return render(request, "_doc_list.html" if partial else "index.html", docs=docs, q=q, year=year,
                  level=level, template=template, messages=[])


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request):
    who = require_reviewer(request)
    form = await request.form()
    messages, uploads = [], []
    for f in form.getlist("files"):
        if not isinstance(f, UploadFile) and not hasattr(f, "read"):
            continue
        name = f.filename or "upload"
        try:
            uploads.append((name, await read_upload(request, f)))
        except ApiError as exc:
            messages.append(("error", f"{name}：{exc.message}", None))
    messages += await run_in_threadpool(store_uploads, request.app.state.store, uploads, who.username)
    docs = request.app.state.store.list()
    return render(request, "_doc_list.html", docs=docs, messages=messages)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: DocId, severity: str = "", rule: str = "", table: str = ""):
    require_reader(request)
    store = request.app.state.store
    doc = store.get(doc_id)
    if doc is None:
        raise ApiError(404, f"文档 {doc_id} 不存在。", "document.not_found")
    d = found(store.disclosure(doc_id), doc_id)
    report = store.report_data(doc_id) or {"findings": [], "summary": {}}
    findings = report.get("findings", [])
    marked = marks(findings)
    shown = [f for f in findings if (not severity or f["severity"] == severity) and (not rule or f["rule"] == rule)
             and (not table or any(loc.get("table") == table for loc in f.get("location", [])))]
    shown.sort(key=lambda f: (bool(f.get("accepted")), SEVERITY_ORDER.get(f["severity"], 9)))
    sentences = [(loc.get("sentence"), f["severity"]) for f in findings for loc in f.get("location", [])
                 if loc.get("sentence")]
    ctx = dict(doc=doc, d=d, report=report, findings=findings, shown=shown, severity=severity, rule=rule,
               table=table, tables=[(t, table_view(t, marked)) for t in d.tables],
               charts=script_json(chart_data := charts(d)), chart_keys={k for k, v in chart_data.items() if v}, versions=store.versions(doc_id),
               rules=sorted({f["rule"] for f in findings}), sentences=sentences, highlight=highlight)
    if request.headers.get("hx-request") and request.headers.get("hx-target") == "findings":
        return render(request, "_findings.html", **ctx)
    return render(request, "document.html", **ctx)


@router.post("/documents/{doc_id}/findings/{fingerprint}/accept", response_class=HTMLResponse)
async def accept(request: Request, doc_id: DocId, fingerprint: str):
    who = require_reviewer(request)
    reason = await accept_reason(request)
    if not request.app.state.store.accept(doc_id, fingerprint, reason=reason, user=who.username):
        raise ApiError(404, "该文档中没有这条发现。", "finding.not_found")
    return RedirectResponse(f"/documents/{doc_id}#findings", status_code=303)


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
