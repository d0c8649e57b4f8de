"""Pairing publications: the same organisation across years, and a department (部门) with its
units' (单位) publications of the same year — by the department's own 机构设置 list, by the
organisation tree when one is given, or by name (a unit publication of the department itself)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ..audit.claims.names import same_unit, unit_key
from ..orgs import OrgTree, match_name


@dataclass(frozen=True)
class Published:
    """A read publication, as pairing sees it. units: the 单位 its 机构设置 lists."""

    document: str
    organisation: str
    year: int | None
    level: str
    stage: str
    units: tuple[str, ...] = ()


def _row(kind: str, a: Published, b: Published, match: str) -> dict:
    return {"kind": kind, "a_document": a.document, "a_organisation": a.organisation, "a_year": a.year,
            "a_level": a.level, "b_document": b.document, "b_organisation": b.organisation, "b_year": b.year,
            "b_level": b.level, "match": match}


def year_pairs(docs: list[Published]) -> list[dict]:
    """Each publication with the same organisation's next earlier year (same level and stage)."""
    key = lambda p: (unit_key(p.organisation), p.level, p.stage)  # noqa: E731
    dated = sorted((p for p in docs if p.year and p.organisation), key=lambda p: (key(p), p.year, p.document))
    rows = []
    for _, group in groupby(dated, key=key):
        years = list(group)
        for before, after in zip(years, years[1:]):
            if after.year and before.year and after.year > before.year:
                rows.append(_row("years", before, after, "same"))
    return rows


def department_unit_pairs(docs: list[Published], tree: OrgTree | None = None) -> list[dict]:
    """Each department publication with the unit publications of the same year and stage."""
    rows = []
    units = [p for p in docs if p.level == "unit" and p.organisation]
    for dep in (p for p in docs if p.level == "department" and p.organisation):
        for u in units:
            if (u.year, u.stage) != (dep.year, dep.stage):
                continue
            how = _belongs(u.organisation, dep, tree)
            if how:
                rows.append(_row("department_unit", dep, u, how))
    return rows


def _belongs(unit: str, dep: Published, tree: OrgTree | None) -> str | None:
    if same_unit(unit, dep.organisation):
        return "same"  # the department's own unit publication (本级)
    if any(same_unit(unit, listed) for listed in dep.units):
        return "listed"
    if tree is not None:
        d, u = match_name(tree, dep.organisation), match_name(tree, unit)
        if d and u and u.entry.unit and u.entry.department == d.entry.department:
            return "listed"
    return None


def pairs(docs: list[Published], tree: OrgTree | None = None) -> list[dict]:
    by_doc = lambda r: (r["kind"], r["a_document"], r["b_document"])  # noqa: E731
    return sorted(year_pairs(docs) + department_unit_pairs(docs, tree), key=by_doc)
