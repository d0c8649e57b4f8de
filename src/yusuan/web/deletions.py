"""Deleting a wrong upload from the web pages: a reviewer's form with a reason, confirmed in the
browser, recorded in the store's deletions trail (store/deletions.py) and listed at /deletions."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store.deletions import delete_document, deletions
from .errors import ApiError
from .forms import read_form
from .pages import render
from .security import require_reader, require_reviewer
from .validate import DocId

router = APIRouter(include_in_schema=False)


@router.post("/documents/{doc_id}/delete")
async def delete(request: Request, doc_id: DocId):
    """Delete this version: the list says what went; the trail keeps who, when and why."""
    who = require_reviewer(request)
    reason = str((await read_form(request)).get("reason", "")).replace("\x00", "").strip()[:500]
    record = delete_document(request.app.state.store, doc_id, user=who.username, reason=reason)
    if record is None:
        raise ApiError(404, f"文档 {doc_id} 不存在（可能已被删除）。", "document.not_found")
    return RedirectResponse(f"/?deleted={doc_id}", status_code=303)


@router.get("/deletions", response_class=HTMLResponse)
def trail(request: Request):
    require_reader(request)
    return render(request, "deletions.html", records=deletions(request.app.state.store, limit=500))


def deleted_message(store, doc_id: int | None) -> list[tuple[str, str, int | None]]:
    """The list's message after a deletion (from the trail, so a reload says the same)."""
    record = next((r for r in deletions(store, limit=500) if r.document_id == doc_id), None) if doc_id else None
    if record is None:
        return []
    what = f"{record.organisation or record.filename} {record.year or ''}（第{record.version}版，{record.filename}）"
    return [("ok", f"已删除 {what}。删除记录已保存（操作人 {record.deleted_by}），见“删除记录”。", None)]
