"""An organisation's page: its publications by year and stage, and for each year and stage where
the department and its units are uploaded, the 部门–单位 reconciliation table (web/org_view.py)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..audit.claims.names import same_unit
from ..store.orgs import load_tree
from .errors import ApiError
from .org_view import publications, reconciliation
from .pages import render
from .security import require_reader

router = APIRouter(include_in_schema=False)
STAGE_ZH = {"budget": "预算", "final_accounts": "决算"}


@router.get("/organisation", response_class=HTMLResponse)
def organisation(request: Request, name: str = ""):
    require_reader(request)
    name = name.strip()[:200]
    if not name:
        raise ApiError(400, "请指定部门或单位名称。", "organisation.no_name")
    store = request.app.state.store
    pubs = publications(name, store.list(limit=100_000), load_tree(store))
    if not pubs.columns:
        raise ApiError(404, f"没有“{name}”的公开文件。", "organisation.not_found")
    checks = []
    for column in pubs.columns:
        own = [d for d in pubs.own.get(column, ()) if d.level == "department"]
        units = pubs.units.get(column, ())
        if own and units:
            dept = store.disclosure(own[0].id)
            unit_docs = [store.disclosure(u.id) for u in units]
            if dept is not None and all(unit_docs):
                unit, lines = reconciliation(dept, [u for u in unit_docs if u is not None])
                missing = [u for u in pubs.listed_units if not any(same_unit(d.organisation, u) for d in units)]
                checks.append((column, own[0], units, unit, lines, missing))
    return render(request, "organisation.html", pubs=pubs, checks=checks, stage_zh=STAGE_ZH)
