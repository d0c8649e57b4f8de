"""项目经费情况说明 matched to what the tables say of the same project.

A statement names its project in its heading (``人民调解项目经费情况说明``) or only in its overview
(``…建设的万里街道社区公共服务中心新建工程，位于…``). Its 年度预算安排 is compared with the rows of the
project tables of a like name (several rows of one project add up), else with the 年度 funding of a
target form of a like name. Names are compared as the target rules compare them (`names.likeness`).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from ...model import Disclosure, MoneyUnit, PerformanceTarget, ProjectStatement
from ...reference.names import fold_name
from .names import EXACT, MIN_CONTAINED, likeness, similarity
from .projects import MAX_ROWS, ProjectRow, project_rows, year_amount

W = MoneyUnit.WAN_YUAN


@dataclass(frozen=True)
class StatementMatch:
    """What a statement was matched to: project rows, or a form; sureness exact or similar."""

    statement: ProjectStatement
    rows: tuple[ProjectRow, ...]
    form: PerformanceTarget | None
    sureness: str

    @property
    def total(self) -> Decimal:
        if self.form is not None:
            return year_amount(self.form) or Decimal(0)
        return sum((r.amount for r in self.rows), Decimal(0))

    @property
    def tolerance(self) -> Decimal:
        if self.form is not None:
            a = self.form.funding_year.amount
            return a.tolerance * a.unit.in_yuan / W.in_yuan if a else Decimal(0)
        return sum((r.tolerance for r in self.rows), Decimal(0))


def _like(s: ProjectStatement, name: str) -> str:
    """How like a statement's project a printed name is; a nameless statement is like a name
    its overview contains."""
    if s.name:
        return likeness(s.name, name)
    key = fold_name(name)
    return EXACT if len(key) >= MIN_CONTAINED and key in fold_name(s.overview) else "different"


def _closest(s: ProjectStatement, rows: list[ProjectRow]) -> tuple[ProjectRow, ...]:
    """The smallest set of like rows agreeing with the statement's amount, else every row of the
    very name (one project printed over several rows), else the likest row."""
    amount = s.annual_amount
    ranked = sorted(rows, key=lambda r: -similarity(s.name, r.row.label) if s.name else 0)[:MAX_ROWS]
    if amount is not None:
        wan, tol = amount.to(W), amount.tolerance * amount.unit.in_yuan / W.in_yuan
        for n in range(1, len(ranked) + 1):
            for combo in combinations(ranked, n):
                if abs(sum((r.amount for r in combo), Decimal(0)) - wan) <= tol + sum((r.tolerance for r in combo), Decimal(0)):
                    return combo
    same = tuple(r for r in rows if _like(s, r.row.label) == EXACT)
    return same or tuple(ranked[:1])


def match_statement(s: ProjectStatement, d: Disclosure, rows: list[ProjectRow]) -> StatementMatch | None:
    named = [r for r in rows if _like(s, r.row.label) != "different"]
    if named:
        found = _closest(s, named)
        sure = EXACT if all(_like(s, r.row.label) == EXACT for r in found) else "similar"
        return StatementMatch(s, found, None, sure)
    forms = [t for t in d.targets if _like(s, t.project_name) != "different" and year_amount(t) is not None]
    if forms:
        form = max(forms, key=lambda t: similarity(s.name, t.project_name) if s.name else 0)
        return StatementMatch(s, (), form, _like(s, form.project_name))
    return None


def statement_matches(d: Disclosure) -> list[tuple[ProjectStatement, StatementMatch | None]]:
    rows = project_rows(d)
    return [(s, match_statement(s, d, rows)) for s in d.project_statements]
