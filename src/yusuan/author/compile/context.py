"""What every table builder shares: the book, the printed unit, provenance, rows and measures."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable

from ...model import Amount, Column, MoneyUnit, Provenance, Row, RowRole, Value
from ...reference import ancestors_of, bundled_catalogue
from ..book import Book, ExpenditureLine
from ..rounding import in_unit, quantum, round_tree

ROOT = ""
Pred = Callable[[ExpenditureLine], bool]


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

    def by_function(self, name: str, pred: Pred) -> dict[str, Decimal]:
        """A measure by function code (类/款/项 and ROOT), rounded down the code tree, cached."""
        if name not in self._cache:
            leaves: dict[str, Decimal] = defaultdict(Decimal)
            for ln in self.book.lines:
                if pred(ln):
                    leaves[ln.function_code] += ln.amount
            self._cache[name] = round_code_tree(self, leaves)
        return self._cache[name]


def round_code_tree(ctx: Ctx, leaves: dict[str, Decimal]) -> dict[str, Decimal]:
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
    return round_tree(exact, ordered, ROOT, ctx.step)


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


def sum_where(lines: Iterable[ExpenditureLine], pred: Pred) -> Decimal:
    return sum((ln.amount for ln in lines if pred(ln)), Decimal(0))
