"""部门 wording in a 单位 publication and vice versa; numbers printed without their unit."""
from __future__ import annotations

import re

from ...model import Level
from ..catalog import rule
from ..claims import sentences
from ..claims.checks import at
from ..findings import Finding, Severity

DEPARTMENT_WORDS = re.compile(r"本部门|部门预算|部门整体(?!（单位）)")
UNIT_WORDS = re.compile(r"本单位|单位预算")
TEMPLATE_PAIR = re.compile(r"部门[（(]单位[）)]|单位[（(]部门[）)]")
# The duties as the 三定 方案 words them (“负责本部门教育经费统筹管理”): quoted, no claim about the budget's level.
DUTIES = re.compile(r"职责|职能")
NOT_DUTIES = re.compile(r"机构|构成|设置")  # 部门主要职责及机构设置: the organisation's own part is a claim
# a decimal then a Chinese word that is no unit; a figure after Latin letters is a name (PM2.5, O3)
BARE_DECIMAL = re.compile(r"(?<![\d.,A-Za-z])\d+\.\d+(?=[\u4e00-\u9fff])(?!万|元|亿|%|个|辆|家|台|人|项|名|平方米|平米|米|亩"
                          r"|年|月|日|倍|次|天|小时|公里|平方公里|千米|公顷|立方米|吨|号|期|分)")


@rule("wording.level_mismatch", family="wording", title="部门与单位用语不一致", severity=Severity.WARNING)
def check(d, ctx):
    """单位预算公开的说明中出现“本部门”“部门预算”等部门用语（警告）；部门预算公开中出现“本单位”
    “单位预算”（提示）。模板固定写法“部门（单位）”不算；职责（职能）部分照录“三定”方案的职责
    （“负责本部门教育经费统筹管理”），不是对预算口径的说法，也不算。

    为什么：单位预算只含本单位，称“本部门”会让读者以为数字含下属单位；反之亦然。
    容差：无。
    例：单位预算公开中写“本部门2025年收入预算……”。
    """
    unit_doc = d.meta.level is Level.UNIT
    words = DEPARTMENT_WORDS if unit_doc else UNIT_WORDS
    for s in sentences(d):
        if DUTIES.search(s.section_title) and not NOT_DUTIES.search(s.section_title):
            continue
        text = TEMPLATE_PAIR.sub("", s.text)
        m = words.search(text)
        if m:
            sev = Severity.WARNING if unit_doc else Severity.INFO
            kind, other = ("单位", "部门") if unit_doc else ("部门", "单位")
            yield Finding("wording.level_mismatch", sev,
                          f"这是{kind}预算公开，说明中却写“{m.group(0)}”（{other}用语）。",
                          (at(s, _printed_at(s.text, m.group(0))),))


def _printed_at(text: str, word: str) -> int:
    """Where the word found (with the template pairs left out) is printed: its first printing outside a
    pair (``部门（单位）`` may stand earlier in the sentence), else its first anywhere."""
    masked = TEMPLATE_PAIR.sub(lambda p: "\0" * len(p.group(0)), text)
    found = masked.find(word)
    return found if found >= 0 else max(text.find(word), 0)


@rule("wording.amount_without_unit", family="wording", title="金额缺少计量单位", severity=Severity.WARNING)
def check_unit(d, ctx):
    """说明中带小数的数字后面直接接文字而没有“万元”“元”“%”等单位（“批复民政事务中心0.38公务用车运行维护费”）。

    为什么：缺少单位，读者无法判断是万元还是元。
    容差：无；年份、编号、带单位（含千米、平方公里、平米、评分的“分”）的数字和字母后的型号（PM2.5）不算。
    例：“批复民政事务中心0.38公务用车运行维护费”应为“0.38万元”。
    """
    for s in sentences(d):
        bare = list(BARE_DECIMAL.finditer(s.text))
        found = [f"“{s.text[max(0, m.start() - 8):m.end() + 6]}”" for m in bare]
        if found:
            yield Finding("wording.amount_without_unit", Severity.WARNING,
                          f"说明中数字后没有计量单位：{'、'.join(found)}。", (at(s, bare[0].start()),))
