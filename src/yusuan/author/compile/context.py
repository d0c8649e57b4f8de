"""What every table builder shares: the book, the printed unit, provenance, rows and measures."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from ...model import Amount, Column, MoneyUnit, Provenance, Row, RowRole, Value
from ...reference import active_catalogue, ancestors_of
from ..book import Book
from ..rounding import in_unit, quantum, round_half_up, round_tree

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

    def wan(self, printed: Decimal) -> Decimal:
        """A printed table amount as the narrative states it: in 万元 to two decimals (the tables
        may print 元; the text always speaks 万元, as the publications do)."""
        if self.unit is MoneyUnit.WAN_YUAN:
            return printed
        return round_half_up(printed / 10000, Decimal("0.01"))

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
        """Expenditure by function code over the lines of a period and sources (None: all).

        Every figure is a sum of the printed cells of one rounding of the whole budget (see
        `printed_cells`), so any two tables or sentences that print the same sum print the same
        number, every total is the sum of its printed parts, and 合计 = 基本支出 + 项目支出.
        """
        key = (period, frozenset(sources) if sources is not None else None)
        if key not in self._cache:
            parts: dict[str, dict[str, Decimal]] = {"basic": defaultdict(Decimal), "project": defaultdict(Decimal)}
            for (p, s, nature, code), value in printed_cells(self).items():
                if (period is None or p == period) and (key[1] is None or s in key[1]):
                    for node in (ROOT, *ancestors_of(code), code):
                        parts[nature][node] += value
            for part in parts.values():
                part.setdefault(ROOT, Decimal(0))
            basic, project = dict(parts["basic"]), dict(parts["project"])
            self._cache[key] = Measure(add_measures(basic, project), basic, project)
        return self._cache[key]


def printed_cells(ctx: Ctx) -> dict[tuple[str, str, str, str], Decimal]:
    """The budget's printed cells (period, source, basic/project, 项 code) → printed amount.

    One rounding of the whole: the grand total half-up, then largest remainder down the tree
    total → period (本年, 上年结转) → source → basic/project → 类 → 款 → 项; a 项目支出 node
    gives way last (see rounding rule 3).
    """
    if "cells" in ctx._cache:
        return ctx._cache["cells"]
    exact: dict[tuple, Decimal] = defaultdict(Decimal)
    children: dict[tuple, set] = defaultdict(set)
    for ln in ctx.book.lines:
        head = (ln.period, ln.source, "basic" if ln.is_basic else "project")
        codes = (*reversed(ancestors_of(ln.function_code)), ln.function_code)
        chain = [(), *(head[:i] for i in range(1, 4)), *(head + (c,) for c in codes)]
        for parent, kid in zip(chain, chain[1:]):
            children[parent].add(kid)
        for node in chain:
            exact[node] += ctx.exact(ln.amount)
    exact.setdefault((), Decimal(0))
    order = {p: sorted(k, key=_tree_order) for p, k in children.items()}
    # 项目支出 of a period and source is also the project table's total, whose projects' forms
    # print 元: keep it at its own half-up value unless nothing else can take a step
    anchored = frozenset(n for n in exact if len(n) == 3 and n[2] == "project")
    printed = round_tree(exact, order, (), ctx.step, anchored)
    cells = {node[:3] + (node[-1],): v for node, v in printed.items() if len(node) >= 4 and len(node[-1]) == 7}
    ctx._cache["cells"] = cells
    return cells


def _tree_order(node: tuple) -> tuple:
    """本年 before 上年结转, sources in book order, basic before project, codes in code order."""
    from ..book import PERIODS, SOURCES

    last = node[-1]
    rank = {**{p: i for i, p in enumerate(PERIODS)}, **{s: i for i, s in enumerate(SOURCES)}, "basic": 0, "project": 1}
    return (rank.get(last, 0), last) if len(node) <= 3 else (0, last)


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


def name_of(code: str, year: int | None = None) -> str:
    """The catalogue's name of a code in the budget year (the user's imported list first)."""
    return active_catalogue().name(code, year) or code


def code_rows(ctx: Ctx, table: str, measures: dict[str, dict[str, Decimal]], start: int = 0,
              total_label: str = "合计") -> list[Row]:
    """合计, then each code with a non-zero amount in code order: 类/款 as groups, 项 as items."""
    codes = sorted({c for m in measures.values() for c, v in m.items() if c != ROOT and v})
    rows = [ctx.row(table, start, RowRole.TOTAL, total_label, {k: m.get(ROOT, Decimal(0)) for k, m in measures.items()})]
    for code in codes:
        role = RowRole.ITEM if len(code) >= 7 else RowRole.GROUP
        rows.append(ctx.row(table, start + len(rows), role, name_of(code, ctx.book.department.year),
                            {k: m.get(code, Decimal(0)) for k, m in measures.items()}, code=code))
    return rows


def amount_columns(*pairs: tuple[str, str], side: str | None = None) -> tuple[Column, ...]:
    return tuple(Column(k, label, side=side) for k, label in pairs)
