"""``yusuan catalogue import / export / show``: the official list a bureau holds, stored in the data
folder, used by the audit and the build, and exported as it was imported."""
from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from yusuan.cli import app
from yusuan.reference import NameVerdict, active_catalogue
from yusuan.reference.local import import_file, local_path, read_local

OFFICIAL = """2026年政府收支分类科目
科目编码,科目名称
201,一般公共服务支出
20113,商贸事务
2011301,行政运行
2011308,招商引资
2011399,其他商贸事务支出
30202,印刷装订费
"""


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("YUSUAN_DATA_DIR", str(folder))
    return folder


def _pairs(text: str) -> list[tuple[str, str]]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    start = next(i for i, r in enumerate(rows) if r[:2] == ["科目编码", "科目名称"]) + 1
    return [(r[0], r[1]) for r in rows[start:] if r]


def test_import_then_export_gives_the_same_list(tmp_path, data):
    source = tmp_path / "2026年政府收支分类科目.csv"
    source.write_text(OFFICIAL, encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["catalogue", "import", str(source)])
    assert done.exit_code == 0, done.output
    assert "已导入 6 个科目（2026年）" in done.output
    exported = tmp_path / "export.csv"
    assert runner.invoke(app, ["catalogue", "export", "-o", str(exported)]).exit_code == 0
    assert _pairs(exported.read_text(encoding="utf-8")) == _pairs(OFFICIAL)
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert {r["年度"] for r in rows} == {"2026"}
    assert rows[3]["分类"] == "支出功能分类" and rows[3]["来源"] == f"{source.name}#row=6"
    # the export imports again to the same list
    assert runner.invoke(app, ["catalogue", "import", str(exported)]).exit_code == 0
    again = runner.invoke(app, ["catalogue", "export"])
    assert _pairs(again.output) == _pairs(OFFICIAL)


def test_the_imported_list_is_used_by_the_audit_catalogue_for_its_year(tmp_path, data):
    source = tmp_path / "list.csv"
    source.write_text(OFFICIAL, encoding="utf-8")
    import_file(source, 2026)
    cat = active_catalogue()
    assert cat.name_matches("30202", "印刷装订费", 2026).verdict is NameVerdict.MATCH
    assert cat.name_matches("30202", "印刷费", 2026).verdict is NameVerdict.VARIANT
    assert cat.name_matches("30202", "印刷费", 2025).verdict is NameVerdict.MATCH  # other years: the bundled name

    from yusuan.audit.context import load_catalogue

    assert load_catalogue().name("30202", 2026) == "印刷装订费"


def test_a_second_import_of_the_same_year_replaces_it_and_keeps_other_years(tmp_path, data):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("科目编码,科目名称,年度\n2011301,行政运行,2025\n2011302,一般行政管理事务,2026\n", encoding="utf-8")
    second.write_text("科目编码,科目名称\n2011350,事业运行\n", encoding="utf-8")
    import_file(first)
    import_file(second, 2026)
    assert [(e.code, e.first_year) for e in read_local(local_path())] == [("2011301", 2025), ("2011350", 2026)]


def test_a_kind_column_that_contradicts_the_code_is_refused_row_by_row(tmp_path, data):
    source = tmp_path / "list.csv"
    source.write_text("科目编码,科目名称,分类\n30201,办公费,部门预算支出经济分类\n30202,印刷费,支出功能分类\n",
                      encoding="utf-8")
    done = import_file(source, 2025)
    assert done.entries == 1 and "属于部门预算支出经济分类" in done.problems[0]


def test_show_counts_per_kind_and_year_and_lists_a_code(data):
    runner = CliRunner()
    shown = runner.invoke(app, ["catalogue", "show"])
    assert shown.exit_code == 0 and "支出功能分类" in shown.output and "2017" in shown.output
    code = runner.invoke(app, ["catalogue", "show", "--code", "210"])
    assert "医疗卫生与计划生育支出" in code.output and "2018年及以前" in code.output


def test_export_without_an_import_says_so_in_chinese(data):
    done = CliRunner().invoke(app, ["catalogue", "export"])
    assert done.exit_code != 0 and "尚未导入本地科目目录" in str(done.exception or done.output)
