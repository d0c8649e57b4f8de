"""Checks a Shanghai (shanghai-9) book needs beyond the common ones.

Shanghai's nine tables have no 上年结转 column, its 编制说明 names each 项 with the codes of the
科目说明 sheet, and its 国有资产 sentence states the vehicles by kind, which must add up.
"""
from __future__ import annotations

from decimal import Decimal

from ..reference.codes import CodeLevel, CodeSystem
from .book import Book, Where
from .cells import Problem
from .sheets import VEHICLE_KINDS


def check_shanghai(book: Book, code_problem) -> list[Problem]:
    out: list[Problem] = []
    for ln in book.lines:
        if ln.period != "本年":
            out.append(Problem(Where(ln.where.sheet, ln.where.row, "年度属性"),
                               "上海9表模板的预算表不列上年结转，请只填写本年预算"))
    for inc in book.income:
        if inc.period != "本年":
            out.append(Problem(Where(inc.where.sheet, inc.where.row, "年度属性"),
                               "上海9表模板的预算表不列上年结转，请只填写本年收入"))
    for code in book.item_purposes:
        msg = code_problem(code, CodeSystem.FUNCTION, CodeLevel.ITEM, "支出功能分类科目")
        if msg:
            out.append(Problem(Where("科目说明", None, "功能分类科目编码"), msg))
    out += _vehicles(book)
    return out


def _vehicles(book: Book) -> list[Problem]:
    """共有车辆 N 辆，其中各类用车之和 must be N (the audit checks the printed sentence)."""
    a = book.assets
    if not a or not a.get("公务用车实有"):
        return []
    try:
        whole = Decimal(a["公务用车实有"])
        parts = sum((Decimal(a.get(k) or "0") for k in VEHICLE_KINDS), Decimal(0))
    except ArithmeticError:
        return [Problem(Where("国有资产", None, "公务用车实有"), "车辆数应为整数")]
    if whole != parts:
        return [Problem(Where("国有资产", None, "公务用车实有"),
                        f"公务用车实有{whole}辆，与各类用车之和{parts}辆不相等")]
    return []
