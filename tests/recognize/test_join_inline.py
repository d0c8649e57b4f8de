"""recognize.join on small inline disclosures: what makes two files halves of one publication."""
from __future__ import annotations

import pytest

from yusuan.errors import InputError
from yusuan.model import (
    Disclosure, DocumentMeta, Level, MoneyUnit, Paragraph, Provenance, Section, SourceInfo, Stage, Table, TableKind,
)
from yusuan.recognize.join import group_parts, join_parts, why_apart


def half(file: str, organisation: str, year: int | None, *, narrative=False, tables=False, level=Level.DEPARTMENT):
    at = Provenance(file=file, line=1)
    sections = (Section("cover", "", "", 0, "封面", (Paragraph("封面", at),), at),)
    if narrative:
        sections += (Section("s1", "第一部分", "", 1, "部门概况", (Paragraph("主要职能。", at),), at),)
    kinds = (TableKind.INCOME_SUMMARY,) if tables else ()
    return Disclosure(
        meta=DocumentMeta(title="", organisation=organisation, level=level, stage=Stage.BUDGET, year=year,
                          template="generic"),
        source=SourceInfo(file=file, format="pdf", sha256=file.ljust(64, "0")[:64], size=10, pages=2, lines=5),
        sections=sections,
        tables=tuple(Table(id=f"t{i + 1:02d}", kind=k, title=k.title_zh, unit=MoneyUnit.WAN_YUAN, columns=(), rows=(),
                           provenance=at) for i, k in enumerate(kinds)),
    )


def test_halves_of_one_department_and_year_join():
    n = half("说明.pdf", "江苏省委办公厅", 2018, narrative=True)
    t = half("表格.pdf", "中共江苏省委办公厅", 2018, tables=True)
    d = join_parts([t, n])
    assert [p.file for p in d.parts] == ["说明.pdf", "表格.pdf"]
    assert (d.source.pages, d.source.lines, d.source.size) == (4, 10, 20)
    assert [s.id for s in d.sections] == ["cover", "s1", "cover2"]  # the second cover keeps its own id
    assert d.tables == t.tables


@pytest.mark.parametrize(("a", "b", "reason"), [
    (half("a.pdf", "江苏省委办公厅", 2018, narrative=True), half("b.pdf", "江苏省政协办公厅", 2018, tables=True), "部门不同"),
    (half("a.pdf", "江苏省委办公厅", 2017, narrative=True), half("b.pdf", "江苏省委办公厅", 2018, tables=True), "年度不同"),
    (half("a.pdf", "江苏省委办公厅", 2018, narrative=True),
     half("b.pdf", "江苏省委办公厅", 2018, tables=True, level=Level.UNIT), "单位公开"),
    (half("a.pdf", "江苏省委办公厅", 2018, narrative=True, tables=True),
     half("b.pdf", "江苏省委办公厅", 2018, tables=True), "都含预算表格"),
    (half("a.pdf", "", 2018, narrative=True), half("b.pdf", "", 2018, tables=True), "都未能识别出部门名称"),
    (half("a.pdf", "", None, narrative=True), half("b.pdf", "江苏省委办公厅", 2018, tables=True), "年度也无法核对"),
])
def test_files_that_are_not_halves_are_told_apart(a, b, reason):
    assert reason in why_apart(a, b)
    with pytest.raises(InputError) as e:
        join_parts([a, b])
    assert e.value.code == "input.not_one_publication" and reason in e.value.message


def test_one_name_missing_is_joined_by_the_year_and_said():
    d = join_parts([half("a.pdf", "江苏省委办公厅", 2018, narrative=True), half("b.pdf", "", 2018, tables=True)])
    assert d.meta.organisation == "江苏省委办公厅"
    assert any(i.code == "ingest.joined_parts" and "名称不明" in i.message for i in d.issues)


def test_grouping_keeps_the_given_order_and_leaves_strangers_alone():
    files = [half("n18.pdf", "江苏省委办公厅", 2018, narrative=True), half("x.pdf", "江苏省人民检察院", 2018, narrative=True),
             half("t18.pdf", "中国共产党江苏省委员会办公厅", 2018, tables=True), half("t17.pdf", "江苏省委办公厅", 2017, tables=True)]
    assert [[d.source.file for d in g] for g in group_parts(files)] == [["n18.pdf", "t18.pdf"], ["x.pdf"], ["t17.pdf"]]
    assert join_parts(group_parts(files)[1]) is files[1]  # one file is its own publication


def test_a_scope_marked_half_joins_and_a_unit_under_the_department_does_not():
    # 西安市财政局（汇总）'s 说明 and 西安市财政局's tables are one department's halves.
    n = half("说明.pdf", "西安市财政局（汇总）", 2026, narrative=True)
    assert why_apart(n, half("表格.pdf", "西安市财政局", 2026, tables=True)) is None
    # A unit under the department (its name extends the department's) is another organisation.
    dept = half("a.pdf", "上海市住房和城乡建设管理委员会", 2026, narrative=True, level=Level.UNIT)
    unit = half("b.pdf", "上海市住房和城乡建设管理委员会人才开发评价中心", 2026, tables=True, level=Level.UNIT)
    assert "部门不同" in why_apart(dept, unit)
