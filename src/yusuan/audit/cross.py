"""Several publications checked against each other: the API the CLI, the batch and the web call.

`cross_check(docs)` finds each publication's partners among `docs` (last year's, its units or its
department, the 预算 of a 决算: `partners.find_partners`) and runs the rules that read partners —
the ``across`` family and the two last-year rules of the narrative and 决算 families. Each result
carries the publication, its partners and a Report of those rules alone; every finding's locations
name their own file (Location.file), one in each document it compares.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Disclosure
from .catalog import Catalog, default_catalog
from .partners import InTree, Partners, find_partners
from .runner import Report, audit

# Rules outside the across family that read a partner (last year's publication).
LAST_YEAR_RULES = frozenset({"narrative.change_vs_last_year", "final.change_vs_last_year"})


def partner_rules(catalog: Catalog | None = None) -> frozenset[str]:
    """The ids of every rule that reads a partner publication."""
    catalog = catalog if catalog is not None else default_catalog()
    return frozenset(r.id for r in catalog if r.family == "across" or r.id in LAST_YEAR_RULES)


@dataclass(frozen=True)
class CrossResult:
    disclosure: Disclosure
    partners: Partners
    report: Report  # the partner rules' findings and outcomes only


def cross_check(docs: Sequence[Disclosure], *, reports: Sequence[Report] | None = None,
                in_tree: InTree | None = None, catalog: Catalog | None = None) -> list[CrossResult]:
    """Each publication of `docs` that has a partner among them, with the partner rules' report.
    `reports` (aligned with `docs`): their audits, whose accepted fingerprints the results keep."""
    ids = partner_rules(catalog)
    out = []
    for i, d in enumerate(docs):
        partners = find_partners(d, docs, in_tree)
        if not partners:
            continue
        accepted = reports[i].accepted if reports is not None else frozenset()
        out.append(CrossResult(d, partners, audit(d, catalog=catalog, only=set(ids), accepted=accepted,
                                                  partners=partners)))
    return out


def describe_partners(p: Partners) -> str:
    """``跨文件核对：上一年 2024年部门预算（…）；所属单位 …`` — for the terminal and the web."""
    from .across_kit import which

    parts = []
    if p.previous is not None:
        parts.append(f"上一年 {which(p.previous)}")
    if p.units:
        parts.append("所属单位 " + "、".join(which(u) for u in p.units))
    if p.department is not None:
        parts.append(f"所属部门 {which(p.department)}")
    if p.budget is not None:
        parts.append(f"同年预算 {which(p.budget)}")
    return "跨文件核对：" + "；".join(parts) if parts else ""
