"""A table is typed by what its title and header say, not by how one region happens to print it.

Real tables of the two profiles the project started from (the Shanxi reference's 支出总表 and a
Shanghai 一般公共预算支出功能分类预算表) are reprinted as another department might print them: the
title numbered in another style, the columns in another order, the unit line somewhere else. Each
reprint is still typed, read in its printed unit, and every amount lands under the same meaning.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from yusuan.model import MoneyUnit, TableKind
from yusuan.recognize.claims import Context
from yusuan.recognize.tables import debug_tables, read_tables
from yusuan.sources.detect import read_source
from yusuan.sources.raw import RawLine

ROOT = Path(__file__).resolve().parents[2]
NUMBERING = ("表三　{}", "3.{}", "附表3：{}", "公开03表：{}", "（三）{}")
UNIT_PLACES = ("above", "title", "preamble")


@cache  # one reading per source document for all its reprints
def _region(path: Path, kind: TableKind):
    raw = read_source(path)
    stages = debug_tables(list(raw.lines), Context(raw.file))
    index = next(i for i, d in enumerate(stages.drafts) if d.kind is kind)
    return raw, stages.regions[index], stages.claim.items[index]


def _line(cells: tuple[str, ...], like: RawLine, is_row: bool = False) -> RawLine:
    return RawLine(cells=cells, line=like.line, page=like.page, is_row=is_row)


def reprint(region, numbering: str, order: tuple[int, ...], unit_at: str, unit_text: str) -> list[RawLine]:
    """The region's lines as another department might print them."""
    title = numbering.format(region.title_text) + (f"（单位：{unit_text}）" if unit_at == "title" else "")
    above = [_line((f"单位：{unit_text}",), region.title)] if unit_at == "above" else []
    preamble = []
    for ln in region.preamble:
        cells = tuple(c for c in ln.cells if "单位：" not in c and "单位:" not in c)
        if cells:
            preamble.append(_line(cells, ln, ln.is_row))
    if unit_at == "preamble":
        preamble.append(_line((f"金额单位：{unit_text}",), region.preamble[-1]))
    grid = [_line(tuple(ln.cells[i] if i < len(ln.cells) else "" for i in order), ln, True) for ln in region.grid]
    return [*above, _line((title,), region.title), *preamble, *grid]


def _amounts(table) -> list[tuple[str, str | None, dict[str, object]]]:
    """Each row's figures by column meaning (value and printed places; the unit is checked apart)."""
    return [(r.label, r.code, {v.column: v.amount and (v.amount.value, v.amount.places) for v in r.values})
            for r in table.rows]


# Each reprint states the unit its profile does not expect (a Shanxi table in 元, a Shanghai one in
# 万元): read in the profile's default, the test would fail.
CASES = [
    # the Shanxi reference's 支出总表: name before code, 项目支出 before 合计 and 基本支出
    ("samples/yangquan-civil-affairs-2025-dept-budget.txt", TableKind.EXPENDITURE_SUMMARY, (1, 0, 4, 2, 3), "元"),
    # a Shanghai function table (codes over 类 款 项): name first, 项目支出 before 合计 and 基本支出
    ("samples/pdf/putuo-wanli-2025-dept-budget.pdf", TableKind.GENERAL_EXPENDITURE, (3, 0, 1, 2, 6, 4, 5), "万元"),
]


@pytest.mark.parametrize("numbering", NUMBERING)
@pytest.mark.parametrize("unit_at", UNIT_PLACES)
@pytest.mark.parametrize("path, kind, order, unit_text", CASES, ids=["shanxi", "shanghai"])
def test_a_reprinted_table_is_still_typed_and_read_alike(path, kind, order, unit_text, unit_at, numbering):
    raw, region, original = _region(ROOT / path, kind)
    lines = reprint(region, numbering, order, unit_at, unit_text)
    claim = read_tables(lines, Context(raw.file))
    assert len(claim.items) == 1, [t.title for t in claim.items]
    t = claim.items[0]
    assert t.kind is kind and t.title.endswith(region.title_text + ("（单位：" + unit_text + "）" if unit_at == "title" else ""))
    printed = MoneyUnit.WAN_YUAN if unit_text == "万元" else MoneyUnit.YUAN
    assert t.unit is printed is not original.unit
    assert all(v.amount.unit is printed for r in t.rows for v in r.values if v.amount)
    assert "ingest.table_unit_missing" not in [i.code for i in claim.issues]
    assert _amounts(t) == _amounts(original)  # each figure under the same column meaning
    assert [r.role for r in t.rows] == [r.role for r in original.rows]


def test_an_unknown_column_under_the_total_is_kept_named_and_summed():
    """A province printing one more column beside 基本支出 and 项目支出 under 合计: the column is kept
    under its own name (reported, never dropped) and the row sum counts it as the header says."""
    from yusuan.audit import Severity, audit
    from yusuan.ingest import read_disclosure
    from yusuan.sources.text import read_text

    text = "\n".join(ln.replace("|", "\t") for ln in (
        "2025年支出预算总表", "单位：万元", "科目编码|科目名称|合计|基本支出|项目支出|其他支出",
        "合计||10.00|5.00|3.00|2.00", "201|一般公共服务支出|10.00|5.00|3.00|2.00")) + "\n"
    raw = read_text(Path("inline.txt"), data=text.encode("utf-8"))
    claim = read_tables(raw.lines, Context(raw.file))
    t = claim.items[0]
    assert t.kind is TableKind.EXPENDITURE_SUMMARY
    assert [c.key for c in t.columns] == ["total", "basic", "project", "col6"] and t.column("col6").label == "其他支出"
    assert "ingest.column_unmatched" in [i.code for i in claim.issues]
    d = replace(read_disclosure(ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"), tables=(t,))
    findings = audit(d, only={"arith.expenditure_row_basic_project"}).findings
    assert not [f for f in findings if f.severity is Severity.ERROR]  # 10 = 5 + 3 + 2
    wrong = replace(d, tables=(replace(t, rows=tuple(replace(r, values=tuple(
        replace(v, amount=v.amount.__class__(v.amount.value + 1, v.amount.unit, v.amount.places))
        if v.column == "col6" else v for v in r.values)) for r in t.rows)),))
    errors = [f for f in audit(wrong, only={"arith.expenditure_row_basic_project"}).findings if f.severity is Severity.ERROR]
    assert len(errors) == 2 and "其他支出" in errors[0].message  # the unknown column counts
