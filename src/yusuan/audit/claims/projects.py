"""Performance target forms matched to the rows of the project tables.

A form names its project and its implementing unit and states its 年度 funding in 元; the
project tables list projects under a GROUP row per unit, in 万元. One project may be printed as
several rows under one unit (split by funding source: 7.00 + 23.00 for a form of 300,000元),
under a slightly different name (遗属补助 / 遗属补贴), or under two units with different amounts.
A match therefore is a set of rows of one unit whose names are like the form's and whose sum
agrees with the form — and it says how sure it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from ...model import Disclosure, MoneyUnit, PerformanceTarget, Row, RowRole, Table, TableKind
from .names import EXACT, SIMILAR, likeness, same_unit, similarity

W = MoneyUnit.WAN_YUAN
MAX_ROWS = 8  # rows tried together when looking for the set that sums to a form


@dataclass(frozen=True)
class ProjectRow:
    """An item row of a project table with the unit (its GROUP row) it stands under."""

    table: Table
    row: Row
    unit: str

    @property
    def amount(self) -> Decimal:
        """The row's total in 万元, whatever unit the table prints (a 元 table is not read as 万元)."""
        a = self.row.amount("total")
        return a.to(W) if a else Decimal(0)

    @property
    def tolerance(self) -> Decimal:
        a = self.row.amount("total")
        return a.tolerance * a.unit.in_yuan / W.in_yuan if a else Decimal(0)


@dataclass(frozen=True)
class Match:
    """The rows a form was matched to. sureness: exact / similar / ambiguous; agrees: whether
    the rows' sum equals the form's 年度 amount (None when the form's amount is unknown)."""

    target: PerformanceTarget
    rows: tuple[ProjectRow, ...]
    sureness: str
    agrees: bool | None

    @property
    def total(self) -> Decimal:
        return sum((r.amount for r in self.rows), Decimal(0))

    @property
    def tolerance(self) -> Decimal:
        return sum((r.tolerance for r in self.rows), Decimal(0))


def project_rows(d: Disclosure, kinds=(TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER)) -> list[ProjectRow]:
    out = []
    for t in d.tables:
        if t.kind not in kinds:
            continue
        unit = ""
        for r in t.rows:
            if r.role is RowRole.GROUP:
                unit = r.label
            elif r.role is RowRole.ITEM:
                out.append(ProjectRow(t, r, unit))
    return out


def year_amount(t: PerformanceTarget) -> Decimal | None:
    """The form's 年度 amount in 万元 (exact), or None when it was not printed or not read
    (`Funding.amount`: the total, or the amount on the 项目资金 line of the 财政拨款 variant)."""
    a = t.funding_year.amount
    return a.to(W) if a is not None else None


def agrees(amount: Decimal, rows: tuple[ProjectRow, ...]) -> bool:
    total = sum((r.amount for r in rows), Decimal(0))
    return abs(amount - total) <= sum((r.tolerance for r in rows), Decimal(0))


def _candidates(t: PerformanceTarget, rows: list[ProjectRow]) -> list[ProjectRow]:
    unit = t.implementing_unit
    named = [r for r in rows if likeness(t.project_name, r.row.label) != "different"]
    own = [r for r in named if unit and same_unit(unit, r.unit)]
    return own or named


def _sums_to(amount: Decimal, rows: list[ProjectRow], name: str) -> tuple[ProjectRow, ...] | None:
    """The smallest set of rows (the likest names first) whose sum agrees with the amount."""
    rows = sorted(rows, key=lambda r: -similarity(name, r.row.label))[:MAX_ROWS]
    for n in range(1, len(rows) + 1):
        for combo in combinations(rows, n):
            if agrees(amount, combo):
                return combo
    return None


def match(t: PerformanceTarget, rows: list[ProjectRow]) -> Match | None:
    """The rows this form describes, or None when no row has a like name."""
    cands = _candidates(t, rows)
    if not cands:
        return None
    exact = [r for r in cands if likeness(t.project_name, r.row.label) == EXACT]
    # rows of another unit than the form's, or of several units: the match is not sure
    own = bool(t.implementing_unit) and all(same_unit(t.implementing_unit, r.unit) for r in cands)
    units = {r.unit for r in cands} if own else {"?", "??"}
    amount = year_amount(t)
    if amount is not None:
        for pool, sure in ((exact, EXACT), (cands, SIMILAR)):
            found = _sums_to(amount, pool, t.project_name) if pool else None
            if found:
                sureness = sure if own and len({r.unit for r in found}) == 1 else "ambiguous"
                return Match(t, found, sureness, True)
    best = tuple(exact or sorted(cands, key=lambda r: -similarity(t.project_name, r.row.label))[:1])
    sureness = EXACT if exact and len(units) == 1 else SIMILAR if len(units) == 1 else "ambiguous"
    return Match(t, best, sureness, None if amount is None else False)


def matches(d: Disclosure) -> list[tuple[PerformanceTarget, Match | None]]:
    rows = project_rows(d)
    return [(t, match(t, rows)) for t in d.targets]
