"""Tiny builders for inline disclosures that read like the domain.

    t = table(INCOME, "total general_public gov_fund", [
        total("合计", "3.00", "2.00", "1.00"),
        item("208", "社会保障和就业支出", "3.00", "2.00", "1.00"),
    ])
    d = disclosure(t)

Cells are printed texts ("4411. 49", "", "-"), parsed as the recogniser would. Each row gets its
own source line (100, 101 …) so tests can assert where a finding points.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from yusuan.model import (
    Column, ColumnKind, ContentsEntry, Disclosure, DocumentMeta, GlossaryEntry, Level, MoneyUnit,
    Organisation, Paragraph, Provenance, Row, RowRole, Section, SourceInfo, Stage, Table, TableKind, Value,
)
from yusuan.recognize.numbers import parse_amount

FILE = "inline.txt"
K = TableKind
LABELS = {
    "total": "合计", "general_public": "一般公共预算", "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算", "special_account": "财政专户管理资金", "unit_funds": "单位资金",
    "carry_over": "上年结转", "basic": "基本支出", "project": "项目支出", "personnel": "人员经费",
    "operating": "公用经费", "current_year": "当年预算安排", "amount": "金额", "gov_economic_name": "政府预算支出经济科目名称",
}
TEXT_KEYS = {"gov_economic_name"}


@dataclass(frozen=True)
class RowSpec:
    role: RowRole
    code: str | None
    label: str
    cells: tuple[str, ...]
    side: str | None = None


def _spec(role: RowRole, code_or_label: str, rest: tuple[str, ...], side: str | None) -> RowSpec:
    if code_or_label.isdigit():  # item("208", "社会保障和就业支出", "1.00", …)
        return RowSpec(role, code_or_label, rest[0], tuple(rest[1:]), side)
    return RowSpec(role, None, code_or_label, tuple(rest), side)


def item(code_or_label: str, *rest: str, side: str | None = None) -> RowSpec:
    return _spec(RowRole.ITEM, code_or_label, rest, side)


def total(label: str, *cells: str, side: str | None = None) -> RowSpec:
    return RowSpec(RowRole.TOTAL, None, label, cells, side)


def subtotal(label: str, *cells: str, side: str | None = None) -> RowSpec:
    return RowSpec(RowRole.SUBTOTAL, None, label, cells, side)


def group(label: str, *cells: str, side: str | None = None) -> RowSpec:
    return RowSpec(RowRole.GROUP, None, label, cells, side)


def section_row(label: str, *cells: str, side: str | None = None) -> RowSpec:
    return RowSpec(RowRole.SECTION, None, label, cells, side)


def columns(spec: str | tuple, side: str | None = None) -> tuple[Column, ...]:
    """"total general_public" or (("total", "2025年合计"), …) to Columns."""
    pairs = [(k, LABELS.get(k, k)) for k in spec.split()] if isinstance(spec, str) else list(spec)
    return tuple(Column(k, lbl, ColumnKind.TEXT if k in TEXT_KEYS else ColumnKind.AMOUNT, side) for k, lbl in pairs)



def _row(index: int, spec: RowSpec, cols: tuple[Column, ...], table_id: str, unit: MoneyUnit, line: int) -> Row:
    prov = Provenance(file=FILE, line=line, table=table_id, row=index)
    values = []
    for col, text in zip(cols, spec.cells):
        if text == "":
            continue
        amount = parse_amount(text, unit) if col.kind is ColumnKind.AMOUNT else None
        values.append(Value(col.key, text, amount, prov.at(column=col.key)))
    return Row(index, spec.role, spec.label, spec.code, tuple(values), prov, spec.side, (line,))


def table(kind: TableKind, cols: str | tuple | tuple[Column, ...], rows: list[RowSpec], *, id: str = "t01",
          title: str | None = None, unit: MoneyUnit = MoneyUnit.WAN_YUAN, notes: tuple[str, ...] = (),
          first_line: int = 100) -> Table:
    """A table; for two-sided tables pass Columns built with `columns(…, side=…)`; a row's cells
    then fill the columns of its side in order."""
    cols_t = cols if isinstance(cols, tuple) and cols and isinstance(cols[0], Column) else columns(cols)
    built = []
    for i, spec in enumerate(rows):
        mine = tuple(c for c in cols_t if spec.side is None or c.side in (None, spec.side))
        built.append(_row(i, spec, mine, id, unit, first_line + i))
    prov = Provenance(file=FILE, line=first_line - 2, table=id)
    return Table(id, kind, title or kind.title_zh, unit, cols_t, tuple(built), prov, notes=notes)


def two_sided(kind: TableKind, income: str | tuple, expenditure: str | tuple, income_rows: list[RowSpec],
              expenditure_rows: list[RowSpec], **kw) -> Table:
    """收支总表-like: income rows and expenditure rows, each on its own side."""
    cols = columns(income, "income") + columns(expenditure, "expenditure")
    rows = [replace(r, side="income") for r in income_rows] + [replace(r, side="expenditure") for r in expenditure_rows]
    return table(kind, cols, rows, **kw)


def section(id: str, title: str, *paragraphs: str, level: int = 2, part: str = "第三部分") -> Section:
    prov = Provenance(file=FILE, line=10)
    return Section(id, part, "", level, title, tuple(Paragraph(p, prov) for p in paragraphs), prov)


def contents(*titles: str) -> tuple[ContentsEntry, ...]:
    return tuple(ContentsEntry(t, None, Provenance(file=FILE, line=5 + i)) for i, t in enumerate(titles))


def glossary(*terms: str) -> tuple[GlossaryEntry, ...]:
    return tuple(GlossaryEntry(t, "释义", Provenance(file=FILE, line=900 + i)) for i, t in enumerate(terms))


def disclosure(*tables: Table, template: str = "shanxi-13", level: Level = Level.DEPARTMENT, **fields) -> Disclosure:
    """A disclosure of these tables; table ids renumbered t01… in order when they clash."""
    ids = [t.id for t in tables]
    if len(set(ids)) != len(ids):
        tables = tuple(replace(t, id=f"t{i + 1:02d}") for i, t in enumerate(tables))
    meta = DocumentMeta(title="2025年部门预算公开", organisation="阳泉市民政局", level=level,
                        stage=Stage.BUDGET, year=2025, template=template, region=None)
    source = SourceInfo(file=FILE, format="txt", sha256="0" * 64, size=0)
    return Disclosure(meta=meta, source=source, tables=tuple(tables), **fields)


def organisation(*units: str) -> Organisation:
    from yusuan.model import BudgetUnit

    prov = Provenance(file=FILE, line=70)
    return Organisation("", (), tuple(BudgetUnit(u, prov) for u in units), prov)
