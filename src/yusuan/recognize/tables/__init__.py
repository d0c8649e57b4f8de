"""Table recognition: titles and header meaning to typed tables.

Stages (each a pure function, see `debug_tables`): find the regions (title, caption, 部门名称,
单位, grid, notes) → read each header and its rows into a draft → gather what the drafts say
about the budget units → give every row its role and every value its provenance.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model import IngestIssue, Table, TableKind
from ..claims import Claim, Context, Lines
from .build import TableDraft, draft_table, finish
from .regions import Region, find_regions
from .roles import Hints
from .templates import TEMPLATE_SETS, TemplateSet

__all__ = ["recognize_tables", "read_tables", "debug_tables", "TEMPLATE_SETS"]


@dataclass(frozen=True)
class TableStages:
    regions: tuple[Region, ...]
    drafts: tuple[TableDraft, ...]
    hints: Hints
    claim: Claim[Table]


def _hints(drafts: tuple[TableDraft, ...]) -> Hints:
    entities = {d.region.entity for d in drafts if d.region.entity}
    units = {
        r.label for d in drafts if d.kind is TableKind.AGENCY_RUNNING for r in d.rows
        if r.label and not r.code and r.label not in d.region.template.totals  # type: ignore[union-attr]
    }
    return Hints(frozenset(entities), frozenset(units))


def debug_tables(lines: Lines, ctx: Context, sets: tuple[TemplateSet, ...] = TEMPLATE_SETS) -> TableStages:
    """Every stage's result, for whoever needs to see why a line went where."""
    regions = tuple(find_regions(lines, sets))
    drafts = tuple(draft_table(r, ctx) for r in regions)
    hints = _hints(drafts)
    tables = tuple(finish(d, f"t{i:02d}", hints, ctx) for i, d in enumerate(drafts, start=1))
    issues: tuple[IngestIssue, ...] = tuple(i for d in drafts for i in d.issues)
    consumed = frozenset(ln.line for r in regions for ln in r.lines)
    return TableStages(regions, drafts, hints, Claim(tables, consumed, issues))


def read_tables(lines: Lines, ctx: Context, sets: tuple[TemplateSet, ...] = TEMPLATE_SETS) -> Claim[Table]:
    return debug_tables(lines, ctx, sets).claim


def recognize_tables(lines: Lines, ctx: Context) -> Claim[Table]:
    """The standard tables (and any other titled grid, as generic) among the lines."""
    return read_tables(lines, ctx)

