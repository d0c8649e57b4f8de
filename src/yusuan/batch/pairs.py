"""Pairing publications: the same organisation across years, and a department (部门) with its
units' (单位) publications of the same year — by the department's own 机构设置 list, by the
organisation tree when one is given, or as the department's own body. The relations are those the
audit's partner finder uses (`audit.partners`), so `pairs.csv` lists exactly the pairs the
cross-document rules read."""
from __future__ import annotations

from ..audit.partners import Publication, belongs, is_budget_of, is_previous
from ..orgs import OrgTree, in_tree

Published = Publication  # the name batch callers know


def _row(kind: str, a: Publication, b: Publication, match: str) -> dict:
    return {"kind": kind, "a_document": a.document, "a_organisation": a.organisation, "a_year": a.year,
            "a_level": a.level, "b_document": b.document, "b_organisation": b.organisation, "b_year": b.year,
            "b_level": b.level, "match": match}


def year_pairs(docs: list[Publication]) -> list[dict]:
    """Each publication with the same organisation's publication of the year before (same level and stage)."""
    return [_row("years", a, b, "same") for b in docs for a in docs if is_previous(a, b)]


def department_unit_pairs(docs: list[Publication], tree: OrgTree | None = None) -> list[dict]:
    """Each department publication with the unit publications of the same year and stage."""
    says = in_tree(tree) if tree is not None else None
    return [_row("department_unit", dep, u, "same" if how == "own" else how)
            for dep in docs for u in docs if (how := belongs(u, dep, says))]


def budget_final_pairs(docs: list[Publication]) -> list[dict]:
    """Each 决算 with the 预算 of its year (same organisation and level)."""
    return [_row("budget_final", a, b, "same") for b in docs for a in docs if is_budget_of(a, b)]


def pairs(docs: list[Publication], tree: OrgTree | None = None) -> list[dict]:
    by_doc = lambda r: (r["kind"], r["a_document"], r["b_document"])  # noqa: E731
    return sorted(year_pairs(docs) + department_unit_pairs(docs, tree) + budget_final_pairs(docs), key=by_doc)
