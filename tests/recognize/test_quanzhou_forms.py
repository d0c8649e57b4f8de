"""泉州's 项目绩效目标表 and the heading before them (福建: the form names its project in its title, often wrapped
onto a second line; 专项资金情况（万元）| 资金总额 / 财政拨款 / 其他资金; 项目实施期目标; 绩效目标指标 with a 目标值
column and the 成本指标 一级 of the 2021 framework)."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.model import MoneyUnit
from yusuan.recognize.claims import Context
from yusuan.recognize.targets import read_forms
from yusuan.sources.text import read_text

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cities" / "fj-qz-09bdaf86.pdf"
POLICE = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities" / "fj-qz-568290e6.pdf"


def test_the_heading_after_a_paragraph_run_to_the_margin_is_a_heading():
    d = read_disclosure(SAMPLE)  # page 22: “…基本保持稳定。” then “七、预算绩效目标情况” flush left
    s = next(s for s in d.sections if s.title == "预算绩效目标情况")
    assert s.provenance.page == 22 and s.number == "七"
    car = next(s for s in d.sections if s.title == "公务用车购置及运行费")
    assert car.paragraphs[-1].text.endswith("公务用车使用情况基本保持稳定。")
    assert not [i for i in d.issues if i.code == "ingest.duplicate_heading_number"]


def test_a_form_named_by_its_project_is_read_whole():
    d = read_disclosure(SAMPLE)  # page 23
    (t,) = d.targets
    assert t.project_name == "知创大厦泉州知识产权馆建设费用项目" and t.provenance.page == 23
    assert t.funding_year.total.value == Decimal("230.38") and t.funding_year.total.unit is MoneyUnit.WAN_YUAN
    assert [(i.level1, i.level2, i.name, i.value) for i in t.indicators][:2] == [
        ("成本指标", "经济成本指标", "预算控制率", "≤50%"), ("产出指标", "时效指标", "项目建设时间", "=1年")]
    assert len(t.indicators) == 6 and t.goal_period == "2026年"
    assert not [i for i in d.issues if i.code.startswith("ingest.target") and i.severity == "warning"]
    # 资金总额 230.38 = 财政拨款 230.38 + 其他资金 0.00: no false error of the sources' sum
    assert not [f for f in audit(d).findings if f.rule == "target.funding_sources_sum"]


def read(*lines: str):
    raw = read_text(Path("t.txt"), data=("\n".join(ln.replace("|", "\t") for ln in lines) + "\n").encode("utf-8"))
    return read_forms(list(raw.lines), Context(raw.file))


FORM = ("专项资金情况（万元）|资金总额：|237.50", "|财政拨款：|237.50", "|其他资金：|0.00",
        "项目实施期目标|深化科技兴警战略，提升公安机关新质战斗力。",
        "绩效目标指标|一级指标|二级指标|三级指标|目标值", "|产出指标|数量指标|执法执勤车辆采购数量|3辆")


def test_a_title_wrapped_onto_a_second_line_is_one_title_and_names_the_project():
    # fj-qz-568290e6.pdf page 28 (泉州市公安局), the title cut after 绩效
    (f,) = read("1.项目支出绩效目标表", "", "301008_泉州市公安局台商投资区分局_科技兴警绩效", "目标表", "", *FORM)
    assert f.target.title == "301008_泉州市公安局台商投资区分局_科技兴警绩效目标表"
    assert f.target.project_name == "科技兴警" and f.target.funding_year.total.value == Decimal("237.50")
    assert [p for _, p in f.placements][:2] == ["title", "title"] and "unplaced" not in [p for _, p in f.placements]
    # a line naming a form with no grid after it is no form; nor is a sentence ending in the words
    assert read("详见下列项目绩效目标表", "本单位无其他需要说明的情况。") == ()
    # 西安 2022 titles name the forms in general (a layout of its own), not one project: no title of this kind
    assert read("表142022年部门预算专项业务经费绩效目标表", *FORM) == ()
    assert read("表162022年专项资金总体绩效目标表", *FORM) == ()
    assert read("2022年部门专项业务经费绩效目标表", *FORM) == ()


@pytest.mark.skipif(not POLICE.is_file(), reason="shared corpus not present")
def test_every_form_of_the_real_document_is_read():
    d = read_disclosure(POLICE)
    assert len(d.targets) == 25 and all(t.indicators for t in d.targets)
    assert [t.project_name for t in d.targets if t.provenance.page in (26, 28)] == ["机场公安综合修缮改造项目", "科技兴警"]
    assert not [t for t in d.tables if t.kind.value == "generic"]  # the wrapped titles' ends were read as tables
