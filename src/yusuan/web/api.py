"""The JSON API under /api (OpenAPI at /openapi.json)."""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile as FormFile  # what read_form holds for a file

from ..serialize import dump_disclosure
from ..store.parts import ingest_files
from .errors import ApiError
from .forms import read_form
from .exports import export_report, export_table, found
from .uploads import reader_of, reading_slot
from .security import Principal, require_reader, require_reviewer
from .validate import DocId, Year, accept_reason

router = APIRouter(prefix="/api", tags=["api"])


def _store(request: Request):
    return request.app.state.store


def _doc_or_404(request: Request, doc_id: int):
    return found(_store(request).get(doc_id), doc_id)


def doc_json(doc) -> dict:
    return {
        "id": doc.id, "filename": doc.filename, "format": doc.format, "size": doc.size, "sha256": doc.sha256,
        "uploaded_at": doc.uploaded_at.isoformat(), "organisation": doc.organisation, "year": doc.year,
        "level": doc.level, "stage": doc.stage, "template": doc.template, "version": doc.version,
        "counts": {"error": doc.errors, "warning": doc.warnings, "info": doc.infos},
    }


async def read_upload(request: Request, file: FormFile) -> bytes:
    limit = request.app.state.config.store.max_upload_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, f"文件“{file.filename}”过大，上限为 {limit // (1024 * 1024)} MB。", "input.too_large")
    return data


@router.post("/documents", status_code=201, summary="上传一个或多个预算公开文件（multipart，字段名 files 或 file）；同一份公开文件分册（说明与表格）一并上传时合并为一个文档")
async def upload(request: Request, who: Principal = Depends(require_reviewer)):
    form = await read_form(request)
    files = [f for key in ("files", "file") for f in form.getlist(key) if isinstance(f, FormFile)]
    if not files:
        raise ApiError(400, "请选择要上传的文件（字段名 files）。", "upload.no_file")
    uploads = [(f.filename or "upload", await read_upload(request, f)) for f in files]
    # reading is CPU work: off the event loop, one upload at a time (web/uploads.py)
    stored = await reading_slot(ingest_files, _store(request), uploads, user=who.username, read=reader_of(request.app))
    body = {"documents": [doc_json(d) | {"created": d.created} for d in stored]}
    status = 201 if any(d.created for d in stored) else 200
    return JSONResponse(body, status_code=status)


@router.get("/documents", summary="文档列表（可按关键词、年度、层级、模板筛选）")
def list_documents(request: Request, q: str = "", year: Year = None, level: str | None = None,
                   template: str | None = None, _: Principal = Depends(require_reader)):
    docs = _store(request).list(search=q, year=year, level=level, template=template)
    return {"documents": [doc_json(d) for d in docs]}


@router.get("/documents/{doc_id}", summary="一个文档的基本信息与各版本")
def get_document(request: Request, doc_id: DocId, _: Principal = Depends(require_reader)):
    doc = _doc_or_404(request, doc_id)
    return doc_json(doc) | {"versions": [doc_json(v) for v in _store(request).versions(doc_id)]}


@router.get("/documents/{doc_id}/disclosure", summary="结构化的预算公开内容（JSON，金额为精确小数文本）")
def get_disclosure(request: Request, doc_id: DocId, _: Principal = Depends(require_reader)):
    return JSONResponse(dump_disclosure(found(_store(request).disclosure(doc_id), doc_id)))


@router.get("/documents/{doc_id}/findings", summary="审核发现（可按规则、严重程度、表格筛选）")
def get_findings(request: Request, doc_id: DocId, rule: str | None = None, severity: str | None = None,
                 table: str | None = None, _: Principal = Depends(require_reader)):
    _doc_or_404(request, doc_id)
    data = _store(request).report_data(doc_id) or {"findings": []}
    findings = [
        f for f in data.get("findings", [])
        if (not rule or f["rule"] == rule) and (not severity or f["severity"] == severity)
        and (not table or any(loc.get("table") == table for loc in f.get("location", [])))
    ]
    return {"summary": data.get("summary"), "findings": findings}


@router.post("/documents/{doc_id}/findings/{fingerprint}/accept", summary="将一条发现标记为已接受（误报）")
async def accept_finding(request: Request, doc_id: DocId, fingerprint: str, who: Principal = Depends(require_reviewer)):
    _doc_or_404(request, doc_id)
    reason = await accept_reason(request)
    if not _store(request).accept(doc_id, fingerprint, reason=reason, user=who.username):
        raise ApiError(404, "该文档中没有这条发现。", "finding.not_found")
    return {"accepted": fingerprint, "document": doc_json(_doc_or_404(request, doc_id))}


@router.delete("/documents/{doc_id}/findings/{fingerprint}/accept", summary="撤销接受：这条发现重新计为未处理")
def unaccept_finding(request: Request, doc_id: DocId, fingerprint: str, _: Principal = Depends(require_reviewer)):
    _doc_or_404(request, doc_id)
    if not _store(request).unaccept(doc_id, fingerprint):
        raise ApiError(404, "这条发现没有被接受过，无需撤销。", "acceptance.not_found")
    return {"unaccepted": fingerprint, "document": doc_json(_doc_or_404(request, doc_id))}


@router.delete("/documents/{doc_id}", summary="删除一个文档版本（记入删除记录：谁、何时、删了什么、理由）")
def delete_document(request: Request, doc_id: DocId, reason: str = "", who: Principal = Depends(require_reviewer)):
    if not _store(request).delete(doc_id, user=who.username, reason=reason.strip()[:500]):
        raise ApiError(404, f"文档 {doc_id} 不存在。", "document.not_found")
    return {"deleted": doc_id}


@router.get("/documents/{doc_id}/export", summary="导出：report.json / report.html / checklist.xlsx / 原文件")
def export(request: Request, doc_id: DocId, what: str = "report.json", _: Principal = Depends(require_reader)):
    _doc_or_404(request, doc_id)
    return export_report(_store(request), doc_id, what)


@router.get("/documents/{doc_id}/tables/{table_id}.{fmt}", summary="下载一张表（xlsx、csv、json）")
def download_table(request: Request, doc_id: DocId, table_id: str, fmt: str, _: Principal = Depends(require_reader)):
    d = found(_store(request).disclosure(doc_id), doc_id)
    table = next((t for t in d.tables if t.id == table_id), None)
    if table is None:
        raise ApiError(404, f"表格 {table_id} 不存在。", "table.not_found")
    return export_table(d, table, fmt)


def json_response(data) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")
