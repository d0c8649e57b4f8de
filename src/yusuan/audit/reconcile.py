"""The 部门–单位 reconciliation table (for the organisation page and reports): each total the
department prints beside the same cell of each unit, their sum and the difference — the figures
across.unit_table_sums and across.unit_three_public judge, laid out for reading."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..model import Disclosure
from .across_kit import THREE_PUBLIC_NAMES, agency_running_cell, three_public_cells, which
from .findings import Location
from .rules.across_unit_sums import sums
from .tablekit import cell, col_label

ZERO = Decimal(0)


@dataclass(frozen=True)
class ReconLine:
    """One figure: the department's and each unit's (None where a unit prints nothing), in `unit`."""

    table_kind: str
    table_title: str
    row_label: str
    column: str  # the printed column header
    unit: str  # 元 / 万元, the department's
    department: Decimal | None
    units: tuple[Decimal | None, ...]
    locations: tuple[Location, ...]  # the department's cell, then each unit's

    @property
    def total(self) -> Decimal:
        return sum((u or ZERO for u in self.units), ZERO)

    @property
    def difference(self) -> Decimal | None:
        """The department's figure less the units' sum."""
        return None if self.department is None else self.department - self.total


@dataclass(frozen=True)
class Reconciliation:
    department: Disclosure
    units: tuple[Disclosure, ...]
    names: tuple[str, ...]  # each unit as messages name it
    lines: tuple[ReconLine, ...]


def reconcile(department: Disclosure, units: Sequence[Disclosure]) -> Reconciliation:
    """The department's totals, 三公 and 机关运行经费 beside its units' (whether or not all are given)."""
    lines = []
    for t, r, column, rows in sums(department, units):
        lines.append(ReconLine(t.kind.value, t.title, r.label, col_label(t, column), t.unit.value,
                               _in(r.amount(column), t.unit), tuple(_in(ur.amount(column), t.unit) for _, _, ur in rows),
                               (cell(t, r, column), *(cell(ut, ur, column) for _, ut, ur in rows))))
    mine = {**three_public_cells(department), **({"agency_running": c} if (c := agency_running_cell(department)) else {})}
    for name, (t, r, column) in mine.items():
        theirs = [{**three_public_cells(u), **({"agency_running": c} if (c := agency_running_cell(u)) else {})}.get(name)
                  for u in units]
        if any(x is None for x in theirs):
            continue
        lines.append(ReconLine(t.kind.value, t.title, THREE_PUBLIC_NAMES.get(name, "机关运行经费"), col_label(t, column),
                               t.unit.value, _in(r.amount(column), t.unit),
                               tuple(_in(ur.amount(uc), t.unit) for _, ur, uc in theirs),  # type: ignore[misc]
                               (cell(t, r, column), *(cell(ut, ur, uc) for ut, ur, uc in theirs))))  # type: ignore[misc]
    return Reconciliation(department, tuple(units), tuple(which(u) for u in units), tuple(lines))


def _in(a, unit) -> Decimal | None:
    return None if a is None else a.to(unit)
