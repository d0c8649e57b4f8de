"""Checks across the sheets of a book: codes, declared units and projects, sums that must agree.

Every problem names the sheet, row and column concerned, in Chinese. A book with any problem
is never compiled (see `author.build`): a publication must not be written from wrong data.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import partial
from decimal import Decimal

from ..reference import active_catalogue, level_of, system_of
from ..reference.codes import CodeLevel, CodeSystem
from .book import FISCAL_SOURCES, TEMPLATE_ZH, Book, ExpenditureLine, Where
from .cells import Problem
from .sheets import VEHICLE_KINDS


def _code_problem(code: str, system: CodeSystem, level: CodeLevel, what: str, year: int | None = None) -> str | None:
    if not code.isdigit() or system_of(code) is not system:
        return f"“{code}”不是{what}编码"
    try:
        if level_of(code) is not level:
            return f"“{code}”应为{level.value}级（{what}）编码"
    except ValueError:
        return f"“{code}”位数不对，应为{level.value}级{what}编码"
    catalogue = active_catalogue()
    if not catalogue.knows(code):
        return (f"“{code}”不在科目目录中（{what}）；如为本地科目，请用“yusuan catalogue import”导入"
                "财政部门的官方科目目录")
    if not catalogue.knows(code, year):
        return f"“{code}”是{catalogue.lookup(code).years}目录中的科目（{what}），{year}年目录中没有"  # type: ignore[union-attr]
    return None


def _check_line(book: Book, ln: ExpenditureLine) -> list[Problem]:
    out: list[Problem] = []
    w = ln.where

    def add(column: str, message: str | None) -> None:
        if message:
            out.append(Problem(Where(w.sheet, w.row, column), message))

    if book.unit(ln.unit) is None:
        add("单位", f"单位“{ln.unit}”未在“单位”表中列出")
    year = book.department.year
    add("功能分类科目编码", _code_problem(ln.function_code, CodeSystem.FUNCTION, CodeLevel.ITEM, "支出功能分类科目", year))
    add("部门经济科目编码", _code_problem(ln.dept_economic, CodeSystem.DEPT_ECONOMIC, CodeLevel.SECTION, "部门预算经济分类", year))
    add("政府经济科目编码", _code_problem(ln.gov_economic, CodeSystem.GOV_ECONOMIC, CodeLevel.SECTION, "政府预算经济分类", year))
    if ln.amount < 0:
        add("金额（元）", "金额不能为负数")
    if ln.is_basic and ln.project:
        add("项目编号", "基本支出不应填写项目编号")
    if ln.is_basic and ln.period != "本年":
        add("年度属性", "上年结转只能安排项目支出")
    if not ln.is_basic:
        project = book.project(ln.project)
        if not ln.project:
            add("项目编号", "项目支出须填写项目编号")
        elif project is None:
            add("项目编号", f"项目编号“{ln.project}”未在“项目”表中列出")
        elif project.unit != ln.unit:
            add("单位", f"项目“{project.name}”属于“{project.unit}”，与本行单位不一致")
    return out


def _check_units_and_projects(book: Book) -> list[Problem]:
    out: list[Problem] = []
    seen: set[str] = set()
    for u in book.units:
        if u.name in seen:
            out.append(Problem(Where(u.where.sheet, u.where.row, "单位名称"), f"单位“{u.name}”重复"))
        seen.add(u.name)
    ids: set[str] = set()
    used = {ln.project for ln in book.lines}
    for p in book.projects:
        w = p.where
        if p.id in ids:
            out.append(Problem(Where(w.sheet, w.row, "项目编号"), f"项目编号“{p.id}”重复"))
        ids.add(p.id)
        if book.unit(p.unit) is None:
            out.append(Problem(Where(w.sheet, w.row, "单位"), f"单位“{p.unit}”未在“单位”表中列出"))
        if p.id not in used:
            out.append(Problem(Where(w.sheet, w.row, "项目编号"), f"项目“{p.name}”在“支出”表中没有金额"))
    return out


def _check_income(book: Book) -> list[Problem]:
    """Income by source and period must equal the expenditure it finances."""
    out: list[Problem] = []
    spent: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for ln in book.lines:
        spent[(ln.source, ln.period)] += ln.amount
    got: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for inc in book.income:
        got[(inc.source, inc.period)] += inc.amount
        w = inc.where
        if inc.source == "政府性基金预算" and inc.period == "本年":
            msg = _code_problem(inc.revenue_code, CodeSystem.REVENUE, CodeLevel.ITEM, "政府性基金收入科目",
                                book.department.year)
            if msg:
                out.append(Problem(Where(w.sheet, w.row, "收入科目编码"), msg))
        if inc.period == "上年结转" and inc.source not in FISCAL_SOURCES:
            out.append(Problem(Where(w.sheet, w.row, "资金来源"), "上年结转只列财政拨款结转"))
    for key in sorted(set(spent) | set(got)):
        if spent[key] != got[key]:
            out.append(Problem(
                Where("收入", None, "金额（元）"),
                f"{key[0]}（{key[1]}）收入合计{got[key]:,.2f}元，与“支出”表中该来源支出合计{spent[key]:,.2f}元不相等",
            ))
    return out


def _check_targets(book: Book) -> list[Problem]:
    out: list[Problem] = []
    for t in book.targets:
        w = t.where
        ids = {p.id for p in book.projects if p.unit == t.unit and p.name == t.project_name}
        if not ids:
            out.append(Problem(Where(w.sheet, w.row, "项目名称"), f"“{t.unit}”没有名为“{t.project_name}”的项目"))
            continue
        # 年度资金 is what the project spends this year: current-year and carried-over funds alike
        year = sum((ln.amount for ln in book.lines if ln.project in ids), Decimal(0))
        if t.funding_year.total != year:
            out.append(Problem(
                Where(w.sheet, w.row, "年度中央（元）"),
                f"年度资金各来源之和{t.funding_year.total:,.2f}元，与该项目本年预算（含上年结转）{year:,.2f}元不相等",
            ))
        if t.funding_period.total < t.funding_year.total:
            out.append(Problem(Where(w.sheet, w.row, "实施期中央（元）"),
                               f"实施期资金{t.funding_period.total:,.2f}元少于年度资金{t.funding_year.total:,.2f}元"))
    return out


# Last year's 三公 figures: each total must be the sum of its items, as this year's are.
LAST_YEAR_SUMS = (("公务用车购置及运行费", ("公务用车购置费", "公务用车运行维护费")),
                  ("三公经费", ("因公出国（境）费", "公务接待费", "公务用车购置及运行费")))


def _check_last_year(book: Book) -> list[Problem]:
    out = []
    ly = book.last_year
    for total, parts in LAST_YEAR_SUMS:
        if total in ly and all(p in ly for p in parts) and ly[total] != sum((ly[p] for p in parts), Decimal(0)):
            out.append(Problem(Where("上年数", None, total),
                               f"上年{total}{ly[total]:,.2f}元，不等于{'、'.join(parts)}之和"
                               f"{sum((ly[p] for p in parts), Decimal(0)):,.2f}元"))
    return out


# 国有资产 figures: counts are whole numbers, the floor area a plain decimal number (the fuzz run found
# unchecked values reaching int()/Decimal() in the compiler).
ASSET_COUNTS = ("公务用车编制", "公务用车实有", *VEHICLE_KINDS, "50万元以上通用设备（台套）", "100万元以上通用设备（台套）")
ASSET_AREA = "办公用房建筑面积（平方米）"
_WHOLE, _NUMBER = re.compile(r"\d{1,9}"), re.compile(r"\d{1,12}(\.\d{1,4})?")


def _check_assets(book: Book) -> list[Problem]:
    out = []
    for key, value in book.assets.items():
        text = str(value).strip()
        if not text:
            continue
        if key in ASSET_COUNTS and not _WHOLE.fullmatch(text):
            out.append(Problem(Where("国有资产", None, key), f"“{key}”应为不大于 9 位的非负整数，实为“{text[:20]}”"))
        elif key == ASSET_AREA and not _NUMBER.fullmatch(text):
            out.append(Problem(Where("国有资产", None, key), f"“{key}”应为非负数（最多 4 位小数），实为“{text[:20]}”"))
    return out


FILLED_SHEETS = ("单位", "收入", "支出")  # a publication has units, income and spending: a row each at least


def empty_sheets(rows: dict[str, int]) -> list[Problem]:
    """The sheets of FILLED_SHEETS with no row, given the rows of each."""
    return [Problem(Where(name), "尚未填写，至少需要一行") for name in FILLED_SHEETS if not rows.get(name)]


def check_book(book: Book) -> list[Problem]:
    """Every problem of a parsed book, in sheet order."""
    problems = empty_sheets({"单位": len(book.units), "收入": len(book.income), "支出": len(book.lines)})
    if book.department.template not in TEMPLATE_ZH:
        problems.append(Problem(Where("部门"), f"模板“{book.department.template}”的编制尚未实现，"
                                f"目前可选：{'、'.join(TEMPLATE_ZH.values())}"))
    for ln in book.lines:
        problems += _check_line(book, ln)
    problems += _check_units_and_projects(book)
    problems += _check_income(book)
    problems += _check_targets(book)
    problems += _check_last_year(book)
    problems += _check_assets(book)
    if book.department.template == "shanghai-9":
        from .validate_shanghai import check_shanghai

        problems += check_shanghai(book, partial(_code_problem, year=book.department.year))
    return problems
