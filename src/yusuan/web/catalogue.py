"""The catalogue page: how many codes the catalogue knows per classification and year, the list of
one year, the official list the user imported, and a form to import one (CSV or XLSX)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile as FormFile

from ..errors import YusuanError
from ..reference import CodeSystem, active_catalogue
from ..reference.local import export_text, import_file, local_path, read_local
from .api import read_upload
from .errors import ApiError
from .exports import download
from .forms import read_form
from .pages import render
from .security import require_reader, require_reviewer

router = APIRouter(include_in_schema=False)
YEARS = tuple(range(2017, 2027))
SHOWN = 3000  # rows of one year's list on the page; the export has them all


def _page(request: Request, messages: list, year: int | None = None, kind: str = "") -> HTMLResponse:
    data_dir = request.app.state.config.store.data_dir
    cat = active_catalogue(data_dir)
    counts = [(s.label, [len(cat.listing(y, s)) for y in YEARS]) for s in CodeSystem]
    system = next((s for s in CodeSystem if s.value == kind), None)
    rows = cat.listing(year, system)[:SHOWN] if year else ()
    return render(request, "catalogue.html", messages=messages, years=YEARS, counts=counts, year=year, kind=kind,
                  systems=[(s.value, s.label) for s in CodeSystem], rows=rows,
                  local=read_local(local_path(data_dir))[:SHOWN])


@router.get("/catalogue", response_class=HTMLResponse)
def catalogue_page(request: Request, year: int | None = None, kind: str = ""):
    require_reader(request)
    return _page(request, [], year if year in YEARS else None, kind)


@router.post("/catalogue/import", response_class=HTMLResponse)
async def import_list(request: Request):
    require_reviewer(request)
    form = await read_form(request)
    f = form.get("list")
    if not isinstance(f, FormFile) or not f.filename:
        raise ApiError(400, "请选择科目目录文件（CSV 或 XLSX）。", "catalogue.no_file")
    data = await read_upload(request, f)
    given = str(form.get("year") or "").strip()
    year = int(given) if given.isdigit() else None
    suffix = Path(f.filename).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            done = import_file(path, year, request.app.state.config.store.data_dir, name=Path(f.filename).name)
        except YusuanError as exc:
            return _page(request, [("error", exc.message)])
    years = "、".join(f"{y}年" if y else "不分年度" for y in done.years)
    messages = [("ok", f"已导入 {done.entries} 个科目（{years}）。此后检查和编制先按导入的目录核对。")]
    messages += [("error", p) for p in done.problems[:20]]
    return _page(request, messages)


@router.get("/catalogue.csv")
def export_list(request: Request, year: int | None = None, bundled: bool = False):
    """The imported list (or, with bundled=1, the catalogue of a year) as CSV."""
    require_reader(request)
    if bundled:
        entries = list(active_catalogue(request.app.state.config.store.data_dir).listing(year))
        name = f"科目目录-{year or '各年'}.csv"
    else:
        entries = list(read_local(local_path(request.app.state.config.store.data_dir)))
        name = "本地科目目录.csv"
    return download(export_text(entries).encode("utf-8"), name, "text/csv; charset=utf-8")
