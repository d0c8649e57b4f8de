"""一般公共预算基本支出情况说明: 人员经费 and 公用经费 against the economic classification table."""
from __future__ import annotations

import re

from ...model import TableKind
from ..catalog import NotApplicable, rule
from ..claims import find_section
from ..claims.checks import against_cell, at
from ..economic_split import by_columns, part_item_names, part_total
from ..findings import Finding, Severity
from ..tablekit import key

COLUMNS = {"基本支出": "total", "人员经费": "personnel", "公用经费": "operating"}
_LIST = re.compile(r"(人员经费|公用经费)[^：:]*?主要包括[：:](?P<items>[^。；;]*)")


def _key(name: str) -> str:
    """An item's name folded, a closing 支出 dropped (国家信访局 lists “其他对个人和家庭的补助支出”, its table
    prints 30399 “其他对个人和家庭的补助”)."""
    k = key(name)
    return k[:-2] if k.endswith("支出") and len(k) > 4 else k


def _section(d):
    sf = find_section(d, "基本支出")
    if sf is None or not (sf.amount("人员经费") or sf.amount("公用经费")):
        raise NotApplicable("说明中没有基本支出的人员经费、公用经费")
    return sf


@rule("narrative.basic_split", family="narrative", title="说明中的人员经费、公用经费与经济科目表不一致",
      severity=Severity.ERROR)
def check(d, ctx):
    """“一般公共预算基本支出情况说明”的基本支出、人员经费、公用经费，与《一般公共预算基本支出分经济科目表》
    合计行的合计、人员经费、公用经费列比对；决算的表分两栏，比对“人员经费合计”“公用经费合计”两行，基本支出比对《一般公共预算财政拨款支出决算表》合计行的基本支出。

    为什么：人员经费与公用经费的划分只在此表，说明须与之相同。
    容差：同一数字两处印刷，按末位半个单位。
    例：“人员经费938.80万元……公用经费160.64万元”对应经济科目表合计行938.80、160.64。
    """
    sf = _section(d)
    t = ctx.require(TableKind.GENERAL_BASIC_ECONOMIC)
    for a in sf.amounts():
        column = COLUMNS.get(a.key or "")
        found = part_total(t, column) if column else None
        if found and (column != "total" or by_columns(t)):
            row, col = found
            what = f"《{t.title}》合计行" if by_columns(t) else f"《{t.title}》“{row.label}”行"
            yield against_cell("narrative.basic_split", a, t, row, col, what)
        elif column == "total" and not by_columns(t):  # 决算: the function table prints the basic total
            general = ctx.table(TableKind.GENERAL_EXPENDITURE)
            total = general.total_row() if general else None
            if total is not None and total.amount("basic") is not None:
                yield against_cell("narrative.basic_split", a, general, total, "basic", f"《{general.title}》合计行的基本支出")


@rule("narrative.basic_items", family="narrative", title="说明列举的经费项目在经济科目表中没有", severity=Severity.WARNING)
def check_items(d, ctx):
    """人员经费、公用经费后“主要包括：……”列举的每一项，须是《一般公共预算基本支出分经济科目表》中
    该列有金额的经济科目；表中该列有金额而说明未列的，作为提示。

    为什么：说明列出表中没有的科目，说明文字是旧年或别的单位抄来的。
    容差：名称比较忽略空白、标点和末尾的“支出”；“主要包括”允许不全列，故漏列只是提示。决算表分栏印刷
    （人员经费一栏、公用经费两栏并排）时逐栏读科目；表中读不出该部分的任何科目时不作判断。
    例：“公用经费160.64万元，主要包括：邮电费、办公费……”，表中公用经费列有“邮电费”“办公费”行。
    """
    sf = _section(d)
    t = ctx.require(TableKind.GENERAL_BASIC_ECONOMIC)
    for s, m in ((x, m) for x in sf.sentences for m in _LIST.finditer(x.sentence.text)):  # both lists may share a sentence
        column = COLUMNS[m.group(1)]
        present = {_key(lbl): lbl for lbl in part_item_names(t, column)}
        if not present:
            continue  # no item of the part as read (a layout not understood): nothing to judge the list by
        listed = [x.strip() for x in re.split(r"[、，,]", m.group("items").removesuffix("等")) if x.strip()]
        listed = [x.removesuffix("等") for x in listed]
        for name in listed:
            if _key(name) not in present:
                yield Finding("narrative.basic_items", Severity.WARNING,
                              f"说明中{m.group(1)}列举的“{name}”在《{t.title}》的{m.group(1)}列中没有金额。",
                              (at(s.sentence, _offset(s.sentence.text, name, m.start("items"))),))
        missing = [lbl for k, lbl in present.items() if k not in {_key(x) for x in listed}]
        if missing:
            yield Finding("narrative.basic_items", Severity.INFO,
                          f"《{t.title}》{m.group(1)}列有金额的“{'、'.join(missing)}”未在说明的列举中出现。",
                          (at(s.sentence, m.start()),))


def _offset(text: str, name: str, start: int) -> int:
    """Where the listed name is printed in the sentence (from the list's start), for the finding to point at."""
    found = text.find(name, start)
    return found if found >= 0 else start
