"""The reviewer's pages: a document with its findings (filters in the URL), the source page
beside a finding, page pictures, accepting false alarms and taking them back."""
from __future__ import annotations

from typing import Sequence
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import YusuanError
from .errors import ApiError
from .exports import found
from .forms import read_form
from .findings_view import Filters, build, clean_message
from .formatting import install as install_filters
from .pages import highlight, render, script_json
from .places import boxes_on, context_lines, finding_places, pages_of
from .review_cache import ZOOM_SCALE, review_cache
from .security import require_reader, require_reviewer
from .validate import DocId, OptionalPage, Page
from .views import charts, marks, table_view

router = APIRouter(include_in_schema=False)


def install(app) -> None:
    install_filters(app.state.templates.env)
    app.include_router(router)


def _doc(request: Request, doc_id: DocId):
    doc = request.app.state.store.get(doc_id)
    if doc is None:
        raise ApiError(404, f"文档 {doc_id} 不存在。", "document.not_found")
    return doc


def _finding(request: Request, doc_id: DocId, fingerprint: str) -> dict:
    data = request.app.state.store.report_data(doc_id) or {"findings": []}
    for i, f in enumerate(data.get("findings", [])):
        if f.get("fingerprint") == fingerprint:
            return dict(f, index=i)
    raise ApiError(404, "该文档中没有这条发现。", "finding.not_found")


def _anchors(d):
    """A location's anchor on the page: the cell (column by position), the row, or the table."""
    positions = {(t.id, c.key): j for t in d.tables for j, c in enumerate(t.columns)}

    def anchor(loc: dict) -> str:
        table, row, column = loc.get("table"), loc.get("row"), loc.get("column")
        if not table:
            return loc.get("target") or loc.get("section") or ""
        if row is None:
            return table
        j = positions.get((table, column))
        return f"{table}-r{row}" + (f"-c{j}" if j is not None else "")

    return anchor


def table_counts(findings: list[dict]) -> dict[str, dict[str, int]]:
    """Each table's open errors and warnings, shown on its folded title (the document page folds
    every section to its title: it is not 15,000 px of tables; a finding's link unfolds its place)."""
    counts: dict[str, dict[str, int]] = {}
    for f in findings:
        if f.get("accepted") or f["severity"] not in ("error", "warning"):
            continue
        for table in dict.fromkeys(loc.get("table") for loc in f.get("location", []) if loc.get("table")):
            by = counts.setdefault(table, {"error": 0, "warning": 0})
            by[f["severity"]] += 1
    return counts


def _checklist_places(d, findings: list[dict]):
    """Each finding's checklist row (key, title, order), as the checklist workbook places it."""
    from ..audit import Finding
    from ..report.checklist_place import Placer
    from ..serialize.codec import from_data

    placer = Placer(d)
    order = {item.key: (i, item.title) for i, item in enumerate(placer.items)}
    by_fp = {}
    for f in (from_data(Finding, dict(f, locations=f["location"])) for f in findings):
        key = placer.item_for(f)
        i, title = order.get(key, (len(order), "其他问题"))
        by_fp[f.fingerprint] = (key, title, i)
    return lambda f: by_fp.get(f["fingerprint"], ("other", "其他问题", len(order)))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: DocId, tab: str = "open", q: str = "", severity: str = "", rule: str = "",
             table: str = "", rounding: str = "", group: str = ""):
    require_reader(request)
    store = request.app.state.store
    doc = _doc(request, doc_id)
    d = found(store.disclosure(doc_id), doc_id)  # deleted while being read: 404
    report = store.report_data(doc_id) or {"findings": [], "summary": {}}
    findings = report.get("findings", [])
    flt = Filters(tab="accepted" if tab == "accepted" else "open", q=q.strip()[:100], severity=severity, rule=rule,
                  table=table, rounding=bool(rounding), group="checklist" if group == "checklist" else "")
    marked = marks(findings)  # numbers each finding (f["index"]) for the cell links
    view = build(findings, d, flt, _anchors(d), _checklist_places(d, findings) if flt.group else None)
    ctx = dict(doc=doc, d=d, view=view, flt=flt, clean_message=clean_message,
               tables=[(t, table_view(t, marked)) for t in d.tables], versions=store.versions(doc_id),
               counts=table_counts(findings),
               charts=script_json(chart_data := charts(d)), chart_keys={k for k, v in chart_data.items() if v},
               sentences=[(loc.get("sentence"), f["severity"]) for f in findings for loc in f.get("location", [])
                          if loc.get("sentence") and not f.get("accepted")],
               highlight=highlight, is_pdf=doc.format == "pdf")
    if request.headers.get("hx-request") and request.headers.get("hx-target") == "findings":
        return render(request, "_review_findings.html", **ctx)
    return render(request, "document.html", **ctx)


@router.get("/documents/{doc_id}/findings/{fingerprint}/source", response_class=HTMLResponse)
def source(request: Request, doc_id: DocId, fingerprint: str, page: OptionalPage = None, zoom: int = 1):
    """The original beside a finding: the PDF page with the place boxed, or the source lines."""
    require_reader(request)
    doc = _doc(request, doc_id)
    f = _finding(request, doc_id, fingerprint)
    cache = review_cache(request.app)
    index = cache.index(request.app.state.store, doc)
    places = finding_places(index, f)
    ctx = dict(doc=doc, f=f, zoom=zoom if zoom in ZOOM_SCALE else 1)
    if doc.format == "pdf":
        pages = pages_of(places)
        total = index.pages or max(pages, default=1)
        shown = page if page and 1 <= page <= total else (pages[0] if pages else 1)
        boxes = boxes_on(places, shown)
        ctx.update(page=shown, total=total, finding_pages=pages, boxed=bool(boxes), box=boxes[0] if boxes else None,
                   scale=ZOOM_SCALE[ctx["zoom"]])
        return render(request, "_source_page.html", **ctx)
    try:
        excerpts = context_lines(cache.lines(request.app.state.store, doc), places)
    except YusuanError as exc:
        raise ApiError(422, exc.message, "source.unreadable") from exc
    return render(request, "_source_lines.html", excerpts=excerpts, **ctx)


@router.get("/documents/{doc_id}/pages/{page}.png")
def page_png(request: Request, doc_id: DocId, page: Page, f: str = "", zoom: int = 1):
    """A page of a stored PDF as PNG, with the places of finding `f` on it boxed. Cached in memory
    and by the browser (a stored file never changes)."""
    require_reader(request)
    doc = _doc(request, doc_id)
    if doc.format != "pdf":
        raise ApiError(404, "只有 PDF 文件可以显示原页。", "page.not_pdf")
    zoom = zoom if zoom in ZOOM_SCALE else 1
    etag = f'"{doc.sha256[:20]}-{page}-{zoom}-{f[:16]}"'
    headers = {"ETag": etag, "Cache-Control": "private, max-age=86400"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    cache = review_cache(request.app)

    def boxes() -> tuple:
        return boxes_on(finding_places(cache.index(request.app.state.store, doc), _finding(request, doc_id, f)), page) if f else ()

    try:
        image = cache.page(request.app.state.store, doc, page, zoom, f, boxes)
    except YusuanError as exc:
        raise ApiError(404 if "page_range" in getattr(exc, "code", "") else 422, exc.message, "page.unavailable") from exc
    return Response(image.png, media_type="image/png", headers=headers)


def _back(request: Request, doc_id: DocId, back: str) -> str:
    """Where to return after a change: the document view the form came from (same site only)."""
    parts = urlsplit(back or "")
    if parts.scheme or parts.netloc or not parts.path.startswith(f"/documents/{doc_id}"):
        return f"/documents/{doc_id}"
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _fingerprints(values: Sequence[object]) -> list[str]:
    return [fp for v in values for fp in str(v).split(",") if fp.strip()]


@router.post("/documents/{doc_id}/acceptances")
async def accept_many(request: Request, doc_id: DocId):
    """Accept one or several findings as false alarms (one reason for all), then back to the list."""
    who = require_reviewer(request)
    _doc(request, doc_id)
    form = await read_form(request)
    one = str(form.get("one", "") or form.get("like", ""))
    if one:  # the button of one finding (or of all like it): with that card's reason (else the shared one)
        index, _, joined = one.partition("|")
        fps, reason = _fingerprints([joined]), str(form.get(f"reason-{index}", "") or form.get("reason", ""))
    else:
        fps, reason = _fingerprints(form.getlist("fp")), str(form.get("reason", ""))
    if not fps:
        raise ApiError(400, "请先勾选要接受的发现。", "acceptance.none_selected")
    reason = reason.replace("\x00", "").strip()[:500]
    store = request.app.state.store
    if not all([store.accept(doc_id, fp, reason=reason, user=who.username) for fp in fps]):
        raise ApiError(404, "该文档中没有所选的发现。", "finding.not_found")
    return RedirectResponse(_back(request, doc_id, str(form.get("back", ""))), status_code=303)


@router.post("/documents/{doc_id}/acceptances/undo")
async def undo(request: Request, doc_id: DocId):
    """Take acceptances back: the findings count as open again."""
    require_reviewer(request)
    _doc(request, doc_id)
    form = await read_form(request)
    fps = _fingerprints(form.getlist("fp"))
    for fp in fps:
        request.app.state.store.unaccept(doc_id, fp)
    return RedirectResponse(_back(request, doc_id, str(form.get("back", ""))), status_code=303)
