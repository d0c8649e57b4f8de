"""Any valid book compiles to a disclosure the audit finds no error in (randomised with hypothesis)."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings, strategies as st

from yusuan.audit.runner import audit
from yusuan.author.book import (
    Book, Department, ExpenditureLine, FundingSplit, IncomeLine, Project, TargetForm, Unit, Where,
)
from yusuan.author.compile import compile_book
from yusuan.author.sheets import LAST_YEAR_KEYS, TEXT_KEYS
from yusuan.author.validate import check_book
from yusuan.model import RowRole, TableKind
from yusuan.reference import bundled_catalogue

CATALOGUE = bundled_catalogue()
FUNCTION = [c for c in CATALOGUE.codes() if len(c) == 7 and c[0] == "2"]
PERSONNEL = [("30101", "50101"), ("30102", "50501"), ("30113", "50103"), ("30302", "50905"), ("30309", "50901")]
OPERATING = [("30201", "50201"), ("30217", "50206"), ("30231", "50208"), ("30299", "50502"), ("30212", "50299")]
PROJECT_ECONOMIC = [("30299", "50299"), ("30231", "50208"), ("30217", "50206"), ("31013", "50299")]
W = Where("测试")

fen = st.integers(min_value=10_000, max_value=2_000_000_000).map(lambda n: Decimal(n) / 100)  # 100 元 … 2000 万元


@st.composite
def books(draw, money_units=("万元", "元"), templates=("shanxi-13", "shanghai-9")) -> Book:
    template = draw(st.sampled_from(templates))
    shanghai = template == "shanghai-9"  # Shanghai's tables have no 上年结转
    kinds = draw(st.lists(st.sampled_from(("行政", "参公", "事业")), min_size=1, max_size=3))
    units = tuple(Unit(f"测试第{i + 1}单位", k, W) for i, k in enumerate(kinds))
    lines, projects = [], []
    for _ in range(draw(st.integers(1, 18))):
        unit = draw(st.sampled_from(units)).name
        nature = draw(st.sampled_from(("人员经费", "公用经费", "项目支出")))
        code = draw(st.sampled_from(FUNCTION))
        if nature == "项目支出":
            dept, gov = draw(st.sampled_from(PROJECT_ECONOMIC))
            period = "本年" if shanghai else draw(st.sampled_from(("本年", "本年", "上年结转")))
            sources = ("一般公共预算", "政府性基金预算") if period == "上年结转" else (
                "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金")
            source = draw(st.sampled_from(sources))
            if draw(st.booleans()) or not [p for p in projects if p.unit == unit]:
                projects.append(Project(f"P{len(projects) + 1}", unit, f"测试项目{len(projects) + 1}",
                                        draw(st.sampled_from(("其他运转类", "特定目标类"))), W))
                pid = projects[-1].id
            else:
                pid = draw(st.sampled_from([p.id for p in projects if p.unit == unit]))
        else:
            dept, gov = draw(st.sampled_from(PERSONNEL if nature == "人员经费" else OPERATING))
            period, source, pid = "本年", draw(st.sampled_from(("一般公共预算", "一般公共预算", "单位资金"))), ""
        lines.append(ExpenditureLine(unit, code, nature, dept, gov, source, period, draw(fen), W, pid))
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for ln in lines:
        totals[(ln.source, ln.period)] += ln.amount
    income = tuple(IncomeLine(s, p, v, W, "1030155" if (s, p) == ("政府性基金预算", "本年") else "")
                   for (s, p), v in totals.items())
    targets = []
    for p in projects:
        year = sum((ln.amount for ln in lines if ln.project == p.id), Decimal(0))
        if year and draw(st.booleans()):
            split = FundingSplit(local=year)
            targets.append(TargetForm(p.unit, p.name, "001-测试部门", "一次性项目（1年结束）", "1年", split, split,
                                      (("项目概况", "测试"),), "目标", "目标", (), W))
    last = {k: draw(fen) for k in LAST_YEAR_KEYS}
    last["公务用车购置及运行费"] = last["公务用车购置费"] + last["公务用车运行维护费"]
    last["三公经费"] = last["因公出国（境）费"] + last["公务接待费"] + last["公务用车购置及运行费"]
    dept = Department("测试部门", "001", 2025, template, draw(st.sampled_from(money_units)), "山西", ("办公室",),
                      draw(st.sampled_from(("部门", "单位"))) if shanghai else "部门")
    codes = sorted({ln.function_code for ln in lines})
    executed = {c: draw(fen) for c in codes if draw(st.booleans())}  # last year's execution, where given
    return Book(dept, units, income, tuple(lines), tuple(projects), tuple(targets),
                {k: f"测试{k}" for k in TEXT_KEYS}, last, {"货物": draw(fen), "工程": Decimal(0), "服务": draw(fen)},
                {}, (("基本支出", "测试"),), {c: f"测试{c}的用途" for c in codes}, executed)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books(money_units=("万元",)))
def test_a_compiled_book_passes_the_audit(book):
    assert check_book(book) == []
    d = compile_book(book, "random-book")
    errors = audit(d).errors
    assert [f"{f.rule}: {f.message}" for f in errors] == [], [s.text for s in d.sections if s.id in ("s3.2", "s3.3")]


@settings(max_examples=60, deadline=None)
@given(books())
def test_every_printed_total_is_the_sum_of_its_printed_parts(book):
    """Largest remainder: code tables' 类 = Σ 款, 款 = Σ 项, and 合计 = 基本 + 项目, exactly."""
    d = compile_book(book, "random-book")
    for kind in (TableKind.EXPENDITURE_SUMMARY, TableKind.GENERAL_EXPENDITURE, TableKind.INCOME_SUMMARY):
        t = d.table(kind)
        coded = t.coded_rows()
        for code, row in coded.items():
            kids = [r for c, r in coded.items() if len(c) == len(code) + 2 and c.startswith(code)]
            for col in t.amount_columns():
                if kids:
                    assert row.number(col.key) == sum(k.number(col.key) for k in kids), (kind, code, col.key)
        total = t.total_row()
        for col in t.amount_columns():
            assert total.number(col.key) == sum(r.number(col.key) for c, r in coded.items() if len(c) == 3)
        if kind is not TableKind.INCOME_SUMMARY:
            for row in t.rows:
                assert row.number("total") == row.number("basic") + row.number("project")
    projects = d.table(TableKind.PROJECTS)
    if projects is None:  # Shanghai prints no project table
        return
    groups = [r for r in projects.rows if r.role is RowRole.GROUP]
    assert projects.rows[0].number("total") == sum(g.number("total") for g in groups)


def test_a_book_printed_in_yuan_passes_the_audit():
    from yusuan.author import load_book
    from dataclasses import replace
    from pathlib import Path

    book = load_book(Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025")
    d = compile_book(replace(book, department=replace(book.department, unit="元")), "yuan-book")
    assert [f.rule for f in audit(d).errors] == []
