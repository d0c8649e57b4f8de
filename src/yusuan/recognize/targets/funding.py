"""项目资金 block of a form: 实施期 and 年度 totals and sources, amounts in the printed unit.

Each line prints up to two label/amount pairs: the first time a source label appears it is the
实施期 column's, the second time the 年度 column's (the totals say which in their label). Wrapped
labels leave fragments (``市县（区）财政资`` … ``金``); a fragment belongs to the label before it
on the same line, or, at the start of a line, to the last label of the same column. A label
outside the standard five (``财政拨款``, ``债券(债务)``) is kept as a funding line under its printed
name; where only the 年度 column prints it (``¦201943.3¦财政拨款¦201943.3``), the amount before it
is the 实施期 column's under the same name. A block printing only the 年度 total (older Shanghai
forms) has one column, the year's. An amount that finds no label without a value is reported,
never dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Amount, Funding, FundingLine, IngestIssue, MoneyUnit
from ...sources.raw import RawLine
from ..claims import Context
from ..numbers import is_amount_text, parse_amount
from .vocabulary import fold, funding_key, is_label_fragment, opens_funding

PERIOD, YEAR = "period", "year"
SCOPE_ZH = {PERIOD: "实施期", YEAR: "年度"}
LINE = "line:"  # key prefix of a source printed under a label outside the standard five


@dataclass
class _Column:
    """Values read so far for one column while a block is read; the Funding made from it is frozen."""

    values: dict[str, Amount | None] = field(default_factory=dict)
    last: str = ""
    printed_at: dict[str, RawLine] = field(default_factory=dict)  # funding line key → its line


@dataclass
class _Line:
    """What one line of the block left over: texts it could not place, labels the 实施期 column lacked."""

    stray: list[str] = field(default_factory=list)
    borrowed: list[str] = field(default_factory=list)


def money_unit(label: str) -> MoneyUnit:
    """The unit the 项目资金 label prints: ``项目资金（元）`` or ``（万元）``."""
    return MoneyUnit.WAN_YUAN if "万元" in fold(label) else MoneyUnit.YUAN


def _slot(key: str, columns: dict[str, _Column]) -> tuple[str, str]:
    """(column, field) a label names: totals by their label, sources by first/second sight."""
    if key == "total_period":
        return PERIOD, "total"
    if key == "total_year":
        return YEAR, "total"
    return (YEAR if key in columns[PERIOD].values else PERIOD), key


def read_funding(
    lines: list[RawLine], ctx: Context, unit: MoneyUnit
) -> tuple[Funding, Funding, list[IngestIssue]]:
    """The 实施期 and 年度 funding the block's lines print."""
    columns = {PERIOD: _Column(), YEAR: _Column()}
    issues: list[IngestIssue] = []
    borrowed: list[tuple[RawLine, list[str]]] = []
    for line in lines:
        read = _read_line(line, columns, unit)
        if read.stray:
            issues.append(ctx.issue(
                "ingest.target_unplaced_amount",
                f"项目资金行中有内容未能对应到资金来源（实施期/年度）：{'、'.join(read.stray)}",
                line,
            ))
        if read.borrowed:
            borrowed.append((line, read.borrowed))
    _year_only(columns)
    issues += _notes(columns, borrowed, lines, ctx)
    provenance = ctx.at(lines[0]) if lines else None
    return (_funding(columns[PERIOD], provenance, ctx), _funding(columns[YEAR], provenance, ctx), issues)


def _read_line(line: RawLine, columns: dict[str, _Column], unit: MoneyUnit) -> _Line:
    """Read one line into `columns`; return what it could not place and which labels it lent."""
    out = _Line()
    owner: tuple[str, str] | None = None  # (column, field) the next amount belongs to
    held: tuple[str, Amount] | None = None  # an amount before any label: an unlabelled 实施期 column's
    labelled = False
    fragments = 0
    for text in line.filled:
        if opens_funding(text):
            continue
        if is_amount_text(text):
            if owner and columns[owner[0]].values.get(owner[1]) is None:
                columns[owner[0]].values[owner[1]] = parse_amount(text, unit)
            elif not labelled and held is None and (amount := parse_amount(text, unit)) is not None:
                held = (text, amount)
            else:
                out.stray.append(text)
            owner = None
            continue
        key = funding_key(text)
        if key or not is_label_fragment(text):
            labelled = True
            owner = _label(key or LINE + text, line, columns)
            if held is not None and not key:
                owner = _lend(held[1], owner[1], line, columns)
                out.borrowed.append(text)
            elif held is not None:
                out.stray.append(held[0])
            held = None
        elif owner is None:  # a wrapped fragment opening the line: the next column's last label
            column = PERIOD if fragments == 0 else YEAR
            fragments += 1
            owner = (column, columns[column].last) if columns[column].last else None
            if owner is None:
                out.stray.append(text)
    if held is not None:
        out.stray.append(held[0])
    return out


def _lend(amount: Amount, key: str, line: RawLine, columns: dict[str, _Column]) -> tuple[str, str]:
    """The 实施期 amount printed before a label only the 年度 column prints; the 年度 slot is next."""
    columns[PERIOD].values[key], columns[PERIOD].printed_at[key] = amount, line
    columns[YEAR].values.setdefault(key, None)
    columns[YEAR].printed_at.setdefault(key, line)
    return YEAR, key


def _label(key: str, line: RawLine, columns: dict[str, _Column]) -> tuple[str, str]:
    """The slot a label cell opens (standard or funding line); remember where a funding line is printed."""
    column, name = _slot(key, columns)
    columns[column].values.setdefault(name, None)
    columns[column].last = name
    if name.startswith(LINE):
        columns[column].printed_at.setdefault(name, line)
    return column, name


def _year_only(columns: dict[str, _Column]) -> None:
    """A block printing only 年度资金总额 (the older Shanghai form: ``年度资金总额¦795.00`` /
    ``其中：财政拨款¦795.00`` / ``其他资金¦0``) has one column: its sources are the year's."""
    period, year = columns[PERIOD], columns[YEAR]
    if "total" in year.values and "total" not in period.values and set(year.values) == {"total"}:
        year.values.update(period.values)
        year.printed_at.update(period.printed_at)
        columns[PERIOD] = _Column()


def _notes(columns: dict[str, _Column], borrowed, lines: list[RawLine], ctx: Context) -> list[IngestIssue]:
    """What the reader of the figures should know: labels lent across columns, totals never printed."""
    notes = []
    if borrowed:
        labels = "、".join(label for _, found in borrowed for label in found)
        notes.append(ctx.issue(
            "ingest.target_funding_label_shared",
            f"项目资金实施期一栏未印资金来源名称，按同行年度一栏所印名称读取：{labels}。", borrowed[0][0], "info"))
    unprinted = [SCOPE_ZH[s] for s, c in columns.items() if c.values and "total" not in c.values]
    if unprinted:
        notes.append(ctx.issue(
            "ingest.target_total_not_printed",
            f"项目资金未印出{'、'.join(z + '资金总额' for z in unprinted)}，只按所印名称读取各项资金。", lines[0]))
    return notes


def _funding(column: _Column, provenance, ctx: Context) -> Funding:
    values = column.values
    lines = tuple(
        FundingLine(key.removeprefix(LINE), amount, ctx.at(column.printed_at[key]))
        for key, amount in values.items() if key.startswith(LINE)
    )
    return Funding(
        total=values.get("total"), central=values.get("central"), provincial=values.get("provincial"),
        local=values.get("local"), self_raised=values.get("self_raised"), other=values.get("other"),
        provenance=provenance, lines=lines,
    )
