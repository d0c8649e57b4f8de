"""An organisation's page: its publications by year and stage, the cross-document findings (its
publications against last year's, its units', the 预算 of a 决算), and for each year and stage where
the department and its units are uploaded, the 部门–单位 reconciliation table (web/org_view.py)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..audit.claims.names import same_unit
from ..orgs.match import in_tree
from ..store.orgs import load_tree
from .errors import ApiError
from .org_view import cross_entries, publications, reconciliation
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
    tree = load_tree(store)
    pubs = publications(name, store.list(limit=100_000), tree)
    if not pubs.columns:
        raise ApiError(404, f"没有“{name}”的公开文件。", "organisation.not_found")
    stored = [d for c in pubs.columns for d in (*pubs.own.get(c, ()), *pubs.units.get(c, ()))]
    pairs = [(doc, d) for doc in stored if (d := store.disclosure(doc.id)) is not None]
    loaded = {doc.id: d for doc, d in pairs}
    cross = cross_entries(pairs, in_tree(tree) if tree is not None else None)
    checks = []
    for column in pubs.columns:
        own = [d for d in pubs.own.get(column, ()) if d.level == "department"]
        units = pubs.units.get(column, ())
        if own and units:
            dept = loaded.get(own[0].id)
            unit_docs = [loaded.get(u.id) for u in units]
            if dept is not None and all(unit_docs):
                unit, lines = reconciliation(dept, [u for u in unit_docs if u is not None])
                missing = [u for u in pubs.listed_units if not any(same_unit(d.organisation, u) for d in units)]
                checks.append((column, own[0], units, unit, lines, missing))
    return render(request, "organisation.html", pubs=pubs, checks=checks, cross=cross, stage_zh=STAGE_ZH)
