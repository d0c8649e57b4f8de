"""Names no longer in use: renamed subjects and retired budget terms, each with its source.

One list serves both the code rules (a 类 line printed under its old name still stands for its
code) and the wording rule (an old name in the narrative).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Retired:
    """A name no longer in use: what replaced it, since when, where that is stated, and the 类 code
    it still stands for (None for terms that are not subjects)."""

    name: str
    current: str
    since: int
    source: str
    code: str | None = None


RETIRED = (
    Retired("医疗卫生与计划生育支出", "卫生健康支出", 2019, "财政部《2019年政府收支分类科目》：210类更名为卫生健康支出", "210"),
    Retired("文化体育与传媒支出", "文化旅游体育与传媒支出", 2019, "财政部《2019年政府收支分类科目》：207类更名", "207"),
    Retired("国土海洋气象等支出", "自然资源海洋气象等支出", 2019, "财政部《2019年政府收支分类科目》：220类更名", "220"),
    Retired("资源勘探信息等支出", "资源勘探工业信息等支出", 2019, "财政部《2019年政府收支分类科目》：215类更名", "215"),
    Retired("公共财政预算", "一般公共预算", 2015, "《中华人民共和国预算法》（2014年修正，2015年施行）第五条"),
    Retired("预算外资金", "财政专户管理资金", 2011, "财政部《关于将按预算外资金管理的收入纳入预算管理的通知》（财预〔2010〕88号）"),
)
