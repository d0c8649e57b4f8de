"""The printed labels of a 项目支出绩效目标表, as data.

Labels are compared in folded form (NFKC, no white space: ``项目资金 （元）`` → ``项目资金(元)``).
The extraction cuts and wraps labels (``市县（区）财政资``, ``实施``), so most matching is by prefix.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...text import folding

# Labels repeat on every form: fold each distinct cell text once.
fold = lru_cache(maxsize=8192)(folding.fold)

# ``…项目支出绩效目标表`` ends a title; the older Shanghai form's whole title is ``项目绩效目标表``
# (or ``2020年项目绩效目标申报表``): matched whole, so prose that names the forms is not a title.
TITLE = re.compile(r"项目支出绩效目标表$|^(?:\d{4}年度?)?(?:区级|市级)?项目绩效目标(?:申报)?表$")
# One project's form named by its project (泉州 “知创大厦泉州知识产权馆建设费用项目绩效目标表”): no sentence, no
# 部门整体/专项资金总体 form, no numbered title naming the department's forms in general (西安 “表14 2022年部门预算专项
# 业务经费绩效目标表”, “附表14 2022年部门专项业务经费绩效目标表”, a layout of its own); taken as a title only where a
# form's grid follows (`regions`).
PROJECT_TITLE = re.compile(r"^(?!.*(?:整体|总体|预算|部门))(?!附?表\d)[^，。；：,;:]{2,}绩效目标表$")
YEAR_LINE = re.compile(r"^[(（]?\d{4}年度[)）]?$")
DEPARTMENT = re.compile(r"^(\d{2,})\s*[-－—]\s*(.+)$")
FOOTER_DATE = re.compile(r"^\d{8,14}$")
PERIOD_VALUE = re.compile(r"^\d{1,3}年$")  # 项目期 as printed: ``1年``, ``99年``

# The form's text rows, in their printed order (an unlabelled text row takes the next free one).
TEXT_LABELS = ("项目概况", "立项依据", "项目设立必要性", "保证项目实施的制度、措施", "项目实施计划")
# The older Shanghai form states one goal, the year's, under its own label.
YEAR_GOAL_LABELS = ("年度绩效目标", "年度目标")

# 一级指标 and the 二级指标 each of them groups (the national framework as this form prints it).
LEVEL1 = ("产出指标", "效益指标", "满意度指标")
COST = "成本指标"
LEVEL2_FAMILY = {
    "数量": "产出指标", "质量": "产出指标", "时效": "产出指标", "成本": "产出指标",
    "经济效益": "效益指标", "社会效益": "效益指标", "生态效益": "效益指标",
    "可持续影响": "效益指标", "可持续性影响": "效益指标", "可持续发展影响": "效益指标",
    "服务对象满意度": "满意度指标",
    # the 2021 framework's fourth 一级指标 (泉州: 成本指标 → 经济成本指标); the older one's 成本指标 is a 二级 of 产出
    "经济成本": COST, "社会成本": COST, "生态环境成本": COST,
}
PERFORMANCE_LABEL = "绩效指标"  # the grid's row label; also printed stray inside the grid


def level2_key(text: str) -> str:
    """The 二级指标 a cell names, without its optional 指标 suffix; "" if it names none."""
    key = fold(text)
    key = key[:-2] if key.endswith("指标") else key
    return key if key in LEVEL2_FAMILY else ""


def is_level1(text: str, level2: str = "") -> bool:
    """A 一级指标; 成本指标 is one only over a 成本 二级 (经济成本指标 …), else it is the older 二级 under 产出指标."""
    return fold(text) in LEVEL1 or (fold(text) == COST and family(level2) == COST)


def family(level2: str) -> str:
    """The 一级指标 a 二级指标 belongs to, "" if unknown."""
    return LEVEL2_FAMILY.get(level2_key(level2), "")


def funding_key(text: str) -> str:
    """Which funding row a label cell names: total_period, total_year, or a Funding source field.

    "" for a cell that names none (a wrapped fragment such as ``金``, or a foreign label).
    """
    key = fold(text).removeprefix("其中:").removeprefix("其中")
    if "总额" in key:
        if key.startswith("年度") or key.rstrip(":") == "资金总额":  # 泉州 prints one column, the year's, as 资金总额
            return "total_year"
        return "total_period" if key.startswith("实施") else ""
    if key.startswith("中央"):
        return "central"
    if key.startswith("省"):
        return "provincial"
    if key.startswith("市") and len(key) > 2:
        return "local"
    if "自筹" in key:
        return "self_raised"
    if key.startswith("其他资金"):
        return "other"
    return ""


# What opens the funding block: 项目资金（元）, or 泉州's 专项资金情况（万元）.
FUNDING_OPENERS = ("项目资金", "专项资金")
# The 实施期 goal printed as a row of its own (泉州 “项目实施期目标 | …”).
PERIOD_GOAL_LABELS = ("项目实施期目标",)


def opens_funding(text: str) -> bool:
    return fold(text).startswith(FUNDING_OPENERS)


# Funding labels in full, for recognising the pieces a wrapped label leaves (``财政资``, ``金``).
FUNDING_LABELS = ("实施期资金总额:", "年度资金总额:", "中央财政资金", "省级财政资金", "市县(区)财政资金", "单位自筹", "其他资金")


def is_label_fragment(text: str) -> bool:
    key = fold(text)
    return bool(key) and any(key in label for label in FUNDING_LABELS)


def head_key(text: str) -> str:
    """Which head field a label cell names (name, department, unit, attribute, period), or ""."""
    key = fold(text).rstrip(":")
    if key == "项目名称":
        return "name"
    if key.startswith("主管部门"):
        return "department"
    if key in ("实施", "实施单位", "项目实施单位"):
        return "unit"
    if key in ("项目属性", "项目性质"):  # 项目性质 (经常性/一次性): the older Shanghai form's attribute
        return "attribute"
    if key == "项目类别":
        return "category"
    if key in ("项目期", "项目日期", "项目期限", "实施周期"):
        return "period"
    return ""


def text_label(text: str) -> str:
    """The canonical text-row label a cell names, or ""."""
    key = fold(text)
    return next((label for label in TEXT_LABELS if key == label), "")
