"""项目资金 block of a form: 实施期 and 年度 totals and sources, amounts in the printed unit.

Each line prints up to two label/amount pairs: the first time a source label appears it is the
实施期 column's, the second time the 年度 column's (the totals say which in their label). Wrapped
labels leave fragments (``市县（区）财政资`` … ``金``); a fragment belongs to the label before it
on the same line, or, at the start of a line, to the last label of the same column. An amount
that finds no label without a value is reported, never dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Amount, Funding, IngestIssue, MoneyUnit
from ...sources.raw import RawLine
from ..claims import Context
from ..numbers import is_amount_text, parse_amount
from .vocabulary import fold, funding_key, is_label_fragment

PERIOD, YEAR = "period", "year"


@dataclass
class _Column:
    """Values read so far for one column while a block is read; the Funding made from it is frozen."""

    values: dict[str, Amount | None] = field(default_factory=dict)
    last: str = ""


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
    for line in lines:
        stray = _read_line(line, columns, unit)
        if stray:
            issues.append(ctx.issue(
                "ingest.target_unplaced_amount",
                f"项目资金行中有内容未能对应到资金来源（实施期/年度）：{'、'.join(stray)}",
                line,
            ))
    provenance = ctx.at(lines[0]) if lines else None
    return (_funding(columns[PERIOD], provenance), _funding(columns[YEAR], provenance), issues)


def _read_line(line: RawLine, columns: dict[str, _Column], unit: MoneyUnit) -> list[str]:
    """Read one line into `columns`; return the texts it could not place."""
    stray: list[str] = []
    owner: tuple[str, str] | None = None  # (column, field) the next amount belongs to
    fragments = 0
    for text in line.filled:
        if fold(text).startswith("项目资金"):
            continue
        if is_amount_text(text):
            if owner and columns[owner[0]].values.get(owner[1]) is None:
                columns[owner[0]].values[owner[1]] = parse_amount(text, unit)
            else:
                stray.append(text)
            owner = None
            continue
        key = funding_key(text)
        if key:
            column, name = _slot(key, columns)
            columns[column].values.setdefault(name, None)
            columns[column].last = name
            owner = (column, name)
        elif not is_label_fragment(text):
            stray.append(text)
        elif owner is None:  # a wrapped fragment opening the line: the next column's last label
            column = PERIOD if fragments == 0 else YEAR
            fragments += 1
            owner = (column, columns[column].last) if columns[column].last else None
            if owner is None:
                stray.append(text)
    return stray


def _funding(column: _Column, provenance) -> Funding:
    values = column.values
    return Funding(
        total=values.get("total"), central=values.get("central"), provincial=values.get("provincial"),
        local=values.get("local"), self_raised=values.get("self_raised"), other=values.get("other"),
        provenance=provenance,
    )
