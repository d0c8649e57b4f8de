"""What every table builder shares: the book, the printed unit, provenance, rows and measures."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from ...model import Amount, Column, MoneyUnit, Provenance, Row, RowRole, Value
from ...reference import ancestors_of, bundled_catalogue
from ..book import Book, ExpenditureLine
from ..rounding import apportion, in_unit, quantum, round_half_up, round_tree

ROOT = ""


@dataclass
class Ctx:
    book: Book
    file: str
    _cache: dict = field(default_factory=dict)

    @property
    def unit(self) -> MoneyUnit:
        return MoneyUnit.WAN_YUAN if self.book.department.unit == "万元" else MoneyUnit.YUAN

    @property
    def step(self) -> Decimal:
        return quantum(self.book.department.unit)

    def exact(self, yuan: Decimal) -> Decimal:
        return in_unit(yuan, self.book.department.unit)

    def prov(self, table: str | None = None, row: int | None = None, column: str | None = None) -> Provenance:
        return Provenance(file=self.file, table=table, row=row, column=column)

    def value(self, table: str, row: int, column: str, amount: Decimal) -> Value:
        a = Amount(amount, self.unit, 2)
        return Value(column, f"{amount:.2f}", a, self.prov(table, row, column))

    def row(self, table: str, index: int, role: RowRole, label: str, amounts: dict[str, Decimal],
            code: str | None = None, side: str | None = None, texts: dict[str, str] | None = None) -> Row:
        """A row printing its non-zero amounts (the tables leave zero cells empty)."""
        values = [Value(k, t, None, self.prov(table, index, k)) for k, t in (texts or {}).items() if t]
        values += [self.value(table, index, k, v) for k, v in amounts.items() if v]
        return Row(index, role, label, code, tuple(values), self.prov(table, index), side)

    def measure(self, period: str | None = None, sources: Iterable[str] | None = None) -> "Measure":
        """Expenditure by function code over the lines of a period and sources (None: all), cached.

        The grand total is rounded half-up and shared between 基本支出 and 项目支出 by largest
        remainder; each part is then rounded down its code tree, and 合计 is their sum on every
        row — so 合计 = 基本支出 + 项目支出 holds exactly everywhere, and every table and sentence
        that prints the same measure prints the same numbers.
        """
        key = (period, frozenset(sources) if sources is not None else None)
        if key not in self._cache:
            def keep(ln: ExpenditureLine) -> bool:
                return (period is None or ln.period == period) and (key[1] is None or ln.source in key[1])

            parts = {}
            for name, basic in (("basic", True), ("project", False)):
                leaves: dict[str, Decimal] = defaultdict(Decimal)
                for ln in self.book.lines:
                    if keep(ln) and ln.is_basic is basic:
                        leaves[ln.function_code] += ln.amount
                parts[name] = leaves
            exact = [self.exact(sum(p.values(), Decimal(0))) for p in parts.values()]
            roots = apportion(round_half_up(sum(exact, Decimal(0)), self.step), exact, self.step)
            basic, project = (round_code_tree(self, p, r) for p, r in zip(parts.values(), roots))
            self._cache[key] = Measure(add_measures(basic, project), basic, project)
        return self._cache[key]


@dataclass(frozen=True)
class Measure:
    """Printed amounts by function code (and ROOT) for 合计, 基本支出 and 项目支出."""

    total: dict[str, Decimal]
    basic: dict[str, Decimal]
    project: dict[str, Decimal]

    def __getitem__(self, part: str) -> dict[str, Decimal]:
        return getattr(self, part)


def round_code_tree(ctx: Ctx, leaves: dict[str, Decimal], root_value: Decimal | None = None) -> dict[str, Decimal]:
    """Leaves in 元 by code → printed values for every code and its ancestors (and ROOT)."""
    exact: dict[str, Decimal] = defaultdict(Decimal)
    children: dict[str, set[str]] = defaultdict(set)
    for code, yuan in leaves.items():
        chain = [ROOT, *reversed(ancestors_of(code)), code]
        for parent, kid in zip(chain, chain[1:]):
            children[parent].add(kid)
        for node in chain:
            exact[node] += ctx.exact(yuan)
    exact.setdefault(ROOT, Decimal(0))
    ordered = {k: sorted(v) for k, v in children.items()}
    return round_tree(exact, ordered, ROOT, ctx.step, root_value=root_value)


def add_measures(*measures: dict) -> dict:
    """Printed values added key by key: a total column that is the sum of its printed parts."""
    out: dict = defaultdict(Decimal)
    for m in measures:
        for k, v in m.items():
            out[k] += v
    out.setdefault(ROOT, Decimal(0))
    return dict(out)


def name_of(code: str) -> str:
    return bundled_catalogue().name(code) or code


def code_rows(ctx: Ctx, table: str, measures: dict[str, dict[str, Decimal]], start: int = 0,
              total_label: str = "合计") -> list[Row]:
    """合计, then each code with a non-zero amount in code order: 类/款 as groups, 项 as items."""
    codes = sorted({c for m in measures.values() for c, v in m.items() if c != ROOT and v})
    rows = [ctx.row(table, start, RowRole.TOTAL, total_label, {k: m.get(ROOT, Decimal(0)) for k, m in measures.items()})]
    for code in codes:
        role = RowRole.ITEM if len(code) >= 7 else RowRole.GROUP
        rows.append(ctx.row(table, start + len(rows), role, name_of(code),
                            {k: m.get(code, Decimal(0)) for k, m in measures.items()}, code=code))
    return rows


def amount_columns(*pairs: tuple[str, str], side: str | None = None) -> tuple[Column, ...]:
    return tuple(Column(k, label, side=side) for k, label in pairs)
