"""Jiangsu provincial budgets as a new user meets them: what each file is, halves read and joined.

Five departments, 2017–2018; three publications come as two files (a 说明 file and a tables file).
Names are as each file prints them: the tables print the full name in their page headers
(部门：中国共产党江苏省委员会办公厅), the narrative's cover the short one (江苏省委办公厅).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from jiangsu_files import JIANGSU_FILES

from yusuan.model import Level, Stage
from yusuan.recognize.join import group_parts, holds, join_parts
from yusuan.recognize.partial import PARTIAL
from yusuan.recognize.prose.names import same_organisation

EXPECTED = {
    "cppcc-office-2017-narrative": ("江苏省政协办公厅", 2017),
    "cppcc-office-2018-narrative": ("江苏省政协办公厅", 2018),
    "cppcc-office-2018-tables": ("江苏省政协办公厅", 2018),
    "high-court-2017-full": ("江苏省高级人民法院", 2017),
    "high-court-2018-full": ("江苏省高级人民法院", 2018),
    "npc-office-2017-full": ("江苏省人大常委会办公厅", 2017),
    "npc-office-2018-full": ("江苏省人大常委会办公厅", 2018),
    "party-office-2017-narrative": ("江苏省委办公厅", 2017),
    "party-office-2017-tables": ("中国共产党江苏省委员会办公厅", 2017),
    "party-office-2018-narrative": ("江苏省委办公厅", 2018),
    "party-office-2018-tables": ("中共江苏省委办公厅", 2018),
    "procuratorate-2017-full": ("江苏省人民检察院", 2017),
    "procuratorate-2018-full": ("江苏省人民检察院", 2018),
}
PAIRS = [("cppcc-office-2018-narrative", "cppcc-office-2018-tables"),
         ("party-office-2017-narrative", "party-office-2017-tables"),
         ("party-office-2018-narrative", "party-office-2018-tables")]


def test_every_file_is_bundled(jiangsu_docs):
    assert set(jiangsu_docs) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_organisation_year_level_stage(jiangsu_docs, name):
    m = jiangsu_docs[name].meta
    assert (m.organisation, m.year) == EXPECTED[name]
    assert (m.level, m.stage, m.region) == (Level.DEPARTMENT, Stage.BUDGET, "江苏")
    assert "表" not in m.organisation  # never a table's title (收支预算总表, 公开01表)


@pytest.mark.parametrize("name", [n for n in EXPECTED if not n.endswith("-full")])
def test_halves_are_read_and_say_what_they_hold(jiangsu_docs, name):
    d = jiangsu_docs[name]
    note = next(i.message for i in d.issues if i.code == PARTIAL)
    if name.endswith("-narrative"):
        assert holds(d) == {"narrative"} and not d.tables
        assert note.startswith("本文件只含情况说明") and "表格可能另册公开" in note
    else:
        assert holds(d) == {"tables"} and len(d.tables) >= 11
        assert note.startswith("本文件只含预算表格") and "说明可能另册公开" in note


@pytest.mark.parametrize("name", [n for n in EXPECTED if n.endswith("-full")])
def test_full_files_are_not_called_partial(jiangsu_docs, name):
    d = jiangsu_docs[name]
    assert holds(d) == {"narrative", "tables"}
    assert not any(i.code == PARTIAL for i in d.issues)


@pytest.mark.parametrize(("narrative", "tables"), PAIRS)
def test_pairs_join_into_one_disclosure(jiangsu_docs, narrative, tables):
    n, t = jiangsu_docs[narrative], jiangsu_docs[tables]
    assert same_organisation(n.meta.organisation, t.meta.organisation)
    d = join_parts([t, n])  # any order: the narrative half leads
    assert [p.file for p in d.parts] == [n.source.file, t.source.file]
    assert d.source.file == f"{n.source.file} + {t.source.file}"
    assert (d.meta.organisation, d.meta.year, d.meta.title) == (n.meta.organisation, n.meta.year, n.meta.title)
    assert d.tables == t.tables and d.sections[: len(n.sections)] == n.sections
    # Provenance per file is kept: tables point at the tables file, narrative at the 说明 file.
    assert {r.provenance.file for tb in d.tables for r in tb.rows} == {t.source.file}
    assert {s.provenance.file for s in d.sections[1: len(n.sections)]} == {n.source.file}
    assert not any(i.code == PARTIAL for i in d.issues)
    assert sum(i.code == "ingest.joined_parts" for i in d.issues) == 1
    # The 目录 entries of the narrative that name the tables part are found in the joined whole.
    assert not any(i.code == "ingest.contents_not_found" and "部门预算表" in i.text for i in d.issues)


def test_grouping_all_files_finds_the_three_pairs(jiangsu_docs):
    groups = group_parts(list(jiangsu_docs.values()))
    names = {d.source.file: n for n, d in jiangsu_docs.items()}
    joined = sorted(tuple(sorted(names[d.source.file] for d in g)) for g in groups if len(g) > 1)
    assert joined == sorted(PAIRS)
    assert len(groups) == len(EXPECTED) - len(PAIRS)


def test_files_of_two_publications_are_refused(jiangsu_docs):
    from yusuan.errors import InputError

    with pytest.raises(InputError) as e:
        join_parts([jiangsu_docs["party-office-2017-narrative"], jiangsu_docs["party-office-2018-tables"]])
    assert "年度不同（2017年与2018年）" in e.value.message
    with pytest.raises(InputError) as e:  # two whole publications of one department are not halves
        join_parts([jiangsu_docs["high-court-2017-full"], jiangsu_docs["cppcc-office-2017-narrative"]])
    assert "部门不同" in e.value.message


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "YUSUAN_DEBUG"} | {"COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", "from yusuan.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def _path(name: str):
    return JIANGSU_FILES[name]


def test_cli_reads_a_half_with_exit_3_and_says_what_it_holds(tmp_path):
    r = run("ingest", str(_path("party-office-2018-narrative")), "-o", str(tmp_path / "n.json"))
    assert r.returncode == 3, r.stderr
    assert "本文件只含情况说明" in r.stderr


def test_cli_joins_two_files(tmp_path):
    out = tmp_path / "joined.json"
    r = run("ingest", str(_path("cppcc-office-2018-tables")), str(_path("cppcc-office-2018-narrative")), "-o", str(out))
    assert r.returncode in (0, 3), r.stderr
    d = json.loads(out.read_text(encoding="utf-8"))["disclosure"]
    assert [p["file"] for p in d["parts"]] == [_path("cppcc-office-2018-narrative").name,
                                                _path("cppcc-office-2018-tables").name]
    assert d["meta"]["organisation"] == "江苏省政协办公厅" and d["meta"]["year"] == 2018
    assert "本文件只含" not in r.stderr


def test_cli_refuses_files_of_two_publications():
    r = run("ingest", str(_path("party-office-2017-narrative")), str(_path("party-office-2018-tables")))
    assert r.returncode == 2
    assert "不是同一份公开文件的组成部分" in r.stderr and "Traceback" not in r.stderr


def test_high_court_2018_fiscal_summary_reads_its_income_side(jiangsu_docs):
    """省高院 2018 财政拨款收支总表 breaks after 收入 | 支出 on page 10; page 11 opens with the income
    side's 项目名称 | 金额 under no rule. Both sides are read (checked against the rendered page 11:
    一般公共预算 33,172.15 = 收入合计 = 支出合计) and no cell of the file is left unplaced."""
    from yusuan.model import TableKind

    d = jiangsu_docs["high-court-2018-full"]
    t = d.table(TableKind.FISCAL_SUMMARY)
    income = {r.label: r.amount("amount") for r in t.rows if r.side == "income"}
    assert str(income["一、一般公共预算"].value) == "33172.15"
    assert t.total_row("income").amount("amount") == t.total_row("expenditure").amount("total")
    assert not [i for i in d.issues if i.code in ("ingest.cell_unplaced", "ingest.row_unlabelled")]
