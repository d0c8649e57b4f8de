"""The organisations page: import the list of departments and units, see each department's status
per year (published? audited? errors?), upload a folder or a ZIP of publications at once, and
download the checklists of a year (or a department) as one ZIP."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile as FormFile  # what read_form holds for a file

from ..batch.discover import SUFFIXES
from ..errors import YusuanError
from ..orgs import load_tree as read_tree_file
from ..orgs import match_name
from ..store.orgs import OWN_UNIT, latest, load_tree, overview, save_tree
from .api import read_upload
from .archive import zip_members
from .errors import ApiError
from .exports import checklist_xlsx, current_report, download
from .forms import read_form
from .pages import render
from .uploads import reader_of, reading_slot
from .security import require_reader, require_reviewer
from .validate import RequiredYear

router = APIRouter(include_in_schema=False)
ZIP_TOTAL_FACTOR = 4  # a ZIP may expand to this many upload limits in all


def _page(request: Request, messages: list) -> HTMLResponse:
    store = request.app.state.store
    tree = load_tree(store)
    view = overview(tree, store.list(limit=100_000)) if tree else None
    return render(request, "orgs.html", tree=tree, view=view, messages=messages, own_unit=OWN_UNIT,
                  stage_zh={"budget": "预算", "final_accounts": "决算"})


@router.get("/orgs", response_class=HTMLResponse)
def orgs_page(request: Request):
    require_reader(request)
    return _page(request, [])


@router.post("/orgs/list", response_class=HTMLResponse)
async def import_list(request: Request):
    require_reviewer(request)
    f = (await read_form(request)).get("list")
    if not isinstance(f, FormFile):
        raise ApiError(400, "请选择单位名录文件（CSV 或 XLSX）。", "orgs.no_file")
    data = await read_upload(request, f)
    try:
        tree = read_tree_file(Path(f.filename or "list.csv"), data)
    except YusuanError as exc:
        return _page(request, [("error", exc.message)])
    save_tree(request.app.state.store, tree)
    units = sum(len(tree.units_of(dep)) for dep in tree.departments)
    return _page(request, [("ok", f"已导入单位名录：{len(tree.departments)} 个部门，所属单位 {units} 个。")])


async def _files(request: Request, f) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """An upload's publications: the file itself, or a ZIP's members; and what was refused."""
    config = request.app.state.config.store
    name = f.filename or "upload"
    data = await read_upload(request, f)
    if Path(name).suffix.lower() != ".zip":
        if Path(name).suffix.lower() not in SUFFIXES:
            return [], [(name, "不是预算公开文件（.pdf/.docx/.xlsx/.xls/.ods/.txt），已跳过")]
        return [(name, data)], []
    members, refused = zip_members(data, member_limit=config.max_upload_bytes,
                                   total_limit=ZIP_TOTAL_FACTOR * config.max_upload_bytes, suffixes=SUFFIXES)
    return [(m.name, m.data) for m in members], [(f"{name}/{r.name}", r.reason) for r in refused]


@router.post("/orgs/upload", response_class=HTMLResponse)
async def batch_upload(request: Request):
    """Many files at once: a folder's files (the browser sends each) or ZIP archives."""
    who = require_reviewer(request)
    store = request.app.state.store
    messages = []
    for f in (await read_form(request)).getlist("files"):
        if not isinstance(f, FormFile):
            continue
        try:
            files, refused = await _files(request, f)
        except (YusuanError, ApiError) as exc:
            messages.append(("error", f"{f.filename}：{exc.message}"))
            continue
        messages += [("error", f"{n}：{why}") for n, why in refused]
        for name, data in files:
            try:
                doc = await reading_slot(store.ingest, name, data, user=who.username, read=reader_of(request.app))
            except YusuanError as exc:
                messages.append(("error", f"{name}：{exc.message}"))
                continue
            note = "已保存" if doc.created else "已存在"
            messages.append(("ok", f"{name}：{note}（{doc.organisation or '未识别'} {doc.year or ''}），错误 {doc.errors} 条"))
    return _page(request, messages or [("error", "没有收到文件。")])


@router.get("/orgs/checklists.zip")
def checklists(request: Request, year: RequiredYear, department: str = "", stage: str = ""):
    """The checklist XLSX of every document of a year (of one department, one stage, if given), in one ZIP."""
    require_reader(request)
    store = request.app.state.store
    tree = load_tree(store)
    docs = [d for d in latest(store.list(year=year, limit=100_000)) if not stage or d.stage == stage
            if not department or (tree and (m := match_name(tree, d.organisation)) and m.entry.department == department)]
    if not docs:
        raise ApiError(404, f"{year}年没有可导出的文档。", "orgs.nothing")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for doc in docs:
            d, report = current_report(store, doc.id)
            level = ("单位" if doc.level == "unit" else "部门") + ("预算" if doc.stage == "budget" else "决算")
            zf.writestr(f"{doc.organisation or Path(doc.filename).stem}-{year}-{level}-v{doc.version}-公开情况检查表.xlsx",
                        checklist_xlsx(report, d))
    name = f"{department or '全部'}-{year}-公开情况检查表.zip"
    return download(buf.getvalue(), name, "application/zip")
