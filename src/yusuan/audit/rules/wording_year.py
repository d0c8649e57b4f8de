"""A year the document does not speak of: 2023 in a 2025 budget, outside a comparison or a document number."""
from __future__ import annotations

import re

from ..catalog import NotApplicable, rule
from ..claims import sentences
from ..claims.checks import at
from ..findings import Finding, Severity
from .wording_as_of_date import AS_OF
from .wording_comparison_year import COMPARED

YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年")
COMPARISON = re.compile(r"(?:比|较|与|同|上年|上一年|以前年度|截至|截止)\s*$")
# what follows the year makes it the base of a comparison: ``2024年当年预算执行数为…`` (Shanghai 编制说明)
EXECUTED = re.compile(r"年\s*(?:当年)?\s*(?:预算)?\s*执行数")
# a year inside a document number (晋财综[2023]43号, 〔2023〕) or a title 《…》 is a citation
CITED = re.compile(r"[〔\[【(（]\s*20\d\d\s*[〕\]】)）]|《[^》]*》")
# a span of years (``2017-2019年财政规划``, ``2018年至2020年``): fine when it covers the document's year
SPAN = re.compile(r"(20\d\d)\s*年?\s*(?:[-－—–~～]|至|到)\s*(20\d\d)\s*年")
# What an old draft left: the year of a budget statement (``2023年度阳泉市民政局支出预算``, ``2023年部门预算
# 收入``), within the clause. A year with a month (``2019 年 9 月 29 日，…发文``) dates an event.
BUDGET_STATEMENT = re.compile(r"年度?[^，。；,;：:]{0,20}?(?:预算|收入|支出|财政拨款|“三公”|三公经费|机关运行经费|政府采购|绩效目标)")
DATED = re.compile(r"年\s*\d{1,2}\s*月")


@rule("wording.foreign_year", family="wording", title="年份与文件年度不符", severity=Severity.WARNING)
def check(d, ctx):
    """说明中出现的年份，应是本文件的预算年度，或比较用的上一年度（“比2024年”，以及作为比较基数的
    “2024年当年预算执行数为…”）。其他年份
    （2025年预算中的“2023年部门预算收入”）多半是沿用旧稿未改；上一年度不在比较语境中出现时作为提示。
    更早的年份只在说预算（“2023年度……支出预算”）时报警告，讲往事（“自2000年开始”“2019年9月29日发文”）、
    讲今后目标（“到2030年”）或不成预算语句的，页面上分不清是旧稿还是引述，作为提示。
    文件字号（“晋财综[2023]43号”）、书名号内的标题和包含本年度的年份区间（“2017-2019年财政规划”）不算；
    紧跟“比/较/与”的比较年份和“截至××年”由 wording.comparison_year、wording.as_of_year 检查，这里不重复报告。

    为什么：年份错了，读者会以为数字是别的年度的。
    容差：无。
    例：2025年度预算说明中写“2023年部门预算收入……”，报警告。
    """
    year = d.meta.year
    if not year:
        raise NotApplicable("文件年度未识别")
    for s in sentences(d):
        cited = [m.span() for m in CITED.finditer(s.text)]
        # a year compared with or counted to is wording.comparison_year's and wording.as_of_year's
        cited += [m.span(1) for p in (COMPARED, AS_OF) for m in p.finditer(s.text)]
        cited += [m.span() for m in SPAN.finditer(s.text) if int(m.group(1)) <= year <= int(m.group(2))]
        spans = [m.span() for m in SPAN.finditer(s.text)]  # the rest: a 财政规划 period not covering the year
        for m in YEAR.finditer(s.text):
            y = int(m.group(1))
            if y == year or any(a <= m.start() < b for a, b in cited):
                continue
            if y == year - 1:
                before = s.text[max(0, m.start() - 6):m.start()]
                if not (COMPARISON.search(before) or EXECUTED.match(s.text, m.end() - 1)):
                    yield Finding("wording.foreign_year", Severity.INFO,
                                  f"说明中出现上一年度“{m.group(0)}”，不在与上年比较的语境中，请确认。",
                                  (at(s, m.start()),))
                continue
            if _old_statement(s.text, m, y, year, spans):
                yield Finding("wording.foreign_year", Severity.WARNING,
                              f"{year}年度的说明中出现“{m.group(0)}”，与文件年度不符，可能沿用了旧稿。",
                              (at(s, m.start()),))
            else:
                yield Finding("wording.foreign_year", Severity.INFO,
                              f"{year}年度的说明中出现“{m.group(0)}”（往年的事或今后的目标？），请确认不是沿用旧稿。",
                              (at(s, m.start()),))


def _old_statement(text: str, m: re.Match[str], y: int, year: int, spans: list[tuple[int, int]]) -> bool:
    """An earlier year stating the budget (not an event dated to the month), or a planning span that
    leaves the document's year out: what a draft carried over from an old year prints. Other years (a
    history, a target for 2030) are reported as a note: the page does not tell a slip from a reference."""
    if any(a <= m.start() < b for a, b in spans):
        return True
    at_year = m.end() - 1
    return y < year and not DATED.match(text, at_year) and BUDGET_STATEMENT.match(text, at_year) is not None
