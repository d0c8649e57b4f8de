"""Row roles from what the rows say, never from their numbers (the audit must be able to find a
wrong subtotal): labels (合计, 本年收入合计), the code hierarchy, ①② sub-items, economic classes,
and budget-unit names in the project tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Callable, Sequence

from ...model import RowRole
from ...text.folding import fold
from .rows import DraftRow
from .templates import TableTemplate

# 部门预算支出经济分类 类 names (301 工资福利支出 … 399 其他支出): a row with one of these names and
# no 政府预算 counterpart heads the economic items under it.
ECONOMIC_CLASSES = frozenset({
    "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "对企业补助", "对企业补助(基本建设)",
    "对社会保障基金补助", "债务利息及费用支出", "资本性支出", "资本性支出(基本建设)", "其他支出",
})
# How a budget unit's name ends (局, 中心, 院 …); project names end otherwise (项目, 经费, 工程 …).
UNIT_SUFFIX = re.compile(r"(局|中心|院|站|馆|所|处|办公室|办|委员会|委|队|总会|协会|厅|部|学校|校|园|社|台|场|厂|单位)$")
# The place prefix of a department's name (阳泉市民政局 → 阳泉市).
PLACE_PREFIX = re.compile(r"^(.{1,8}?(?:省|自治区|市|州|盟|县|区|旗))")
_SUB_ITEM = re.compile(r"^[①-⑳]")
_CHINESE_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")
_ARABIC_ORDINAL = re.compile(r"^[0-9]+[.．、]")
_PAREN_ORDINAL = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")  # 重庆: 一、本年支出 heads （一）…
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
SENTENCE = re.compile(r"[\u4e00-\u9fff].*[，。；,;]|[，。；,;].*[\u4e00-\u9fff]")  # words and a sentence mark


@dataclass(frozen=True)
class Hints:
    """What the rest of the document says about its budget units."""

    entities: frozenset[str] = frozenset()  # 部门名称 as printed over the tables
    units: frozenset[str] = frozenset()  # unit names (机关运行经费表 rows, …)

    @property
    def places(self) -> frozenset[str]:
        return frozenset(m.group(1) for e in self.entities if (m := PLACE_PREFIX.match(e)))


Rule = Callable[[Sequence[DraftRow], list[RowRole], Hints], None]


def _code_levels(rows: Sequence[DraftRow], roles: list[RowRole], hints: Hints) -> None:
    """A 类 or 款 code with a longer code under it (same side) heads those rows.

    One pass from the bottom, keeping the prefixes of the codes seen below: linear in the rows."""
    lengths = sorted({len(r.code) for r in rows if r.code})
    below: dict[str | None, set[str]] = {}
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        if not row.code:
            continue
        prefixes = below.setdefault(row.side, set())
        if roles[i] is RowRole.ITEM and row.code in prefixes:
            roles[i] = RowRole.GROUP
        prefixes.update(row.code[:n] for n in lengths if n < len(row.code))


def _sub_items(rows: Sequence[DraftRow], roles: list[RowRole], hints: Hints) -> None:
    """A row followed by ①② rows heads them (公务用车购置及运行费)."""
    for i in range(len(rows) - 1):
        if roles[i] is RowRole.ITEM and not _SUB_ITEM.match(rows[i].label) and _SUB_ITEM.match(rows[i + 1].label):
            roles[i] = RowRole.GROUP


def _numbered_items(rows: Sequence[DraftRow], roles: list[RowRole], hints: Hints) -> None:
    """``一、财政拨款收入`` followed (on its side) by ``1. 一般公共预算资金`` … heads them."""
    for i, row in enumerate(rows):
        after = next((r for r in islice(rows, i + 1, None) if r.side == row.side), None)
        if (roles[i] is RowRole.ITEM and after is not None and _CHINESE_ORDINAL.match(row.label)
                and (_ARABIC_ORDINAL.match(after.label) or _PAREN_ORDINAL.match(after.label))):
            roles[i] = RowRole.GROUP


def _unlabelled_total(rows: Sequence[DraftRow], roles: list[RowRole], hints: Hints) -> None:
    """A table printing figures without a name column (the 三公 table's one row) has them as its total."""
    for i, row in enumerate(rows):
        if roles[i] is RowRole.ITEM and not row.label and not row.code:
            roles[i] = RowRole.TOTAL


def _marked_groups(rows: Sequence[DraftRow], roles: list[RowRole], hints: Hints) -> None:
    """A row marked 小计 in a lower name column (``一般公共预算资金 | 小计``) heads the rows under it."""
    for i, row in enumerate(rows):
        if roles[i] is RowRole.ITEM and any(fold(v.text) == "小计" for v in row.values if v.amount is None):
            roles[i] = RowRole.GROUP


def _economic_classes(rows: Sequence[DraftRow], roles: list[RowRole], hints: Hints) -> None:
    for i, row in enumerate(rows):
        if roles[i] is RowRole.ITEM and fold(row.label) in ECONOMIC_CLASSES and not row.text("gov_economic_name"):
            roles[i] = RowRole.GROUP


def is_unit_name(label: str, hints: Hints) -> bool:
    """A unit's name: one the document names elsewhere, or a name ending as a unit's does, placed where the
    department is (its city, or its city under the province: 广东省广州生态环境监测中心站 beside 广州市…).
    Its other names in brackets are left out (广州市环境技术中心（广州市美丽城市建设中心）)."""
    if label in hints.units or label in hints.entities:
        return True
    name = _BRACKETED.sub("", label).strip()
    return bool(UNIT_SUFFIX.search(name)) and (not hints.places or any(_placed(name, p) for p in hints.places))


def _placed(name: str, place: str) -> bool:
    return name.startswith(place) or re.match(rf"^\S{{2,7}}?(?:省|自治区){re.escape(place[:-1])}", name) is not None


def _describes(row: DraftRow) -> bool:
    """The row prints a sentence of text (a 绩效目标): a project does, the row naming its unit does not."""
    return any(v.amount is None and SENTENCE.search(v.text) for v in row.values)


def _unit_groups(rows: Sequence[DraftRow], roles: list[RowRole], hints: Hints) -> None:
    """The first row, naming the department, is the TOTAL; later rows naming a budget unit head its
    projects. A table that starts with a project has no department row (its rows stay items). A row named
    like a unit that prints its 绩效目标 is a project (广州 生态环境局 “广州市生态环境科技协同创新中心”)."""
    for i, row in enumerate(rows):
        if roles[i] is RowRole.ITEM and is_unit_name(row.label, hints) and not _describes(row):
            roles[i] = RowRole.TOTAL if i == 0 else RowRole.GROUP


RULES: dict[str, Rule] = {
    "code_levels": _code_levels,
    "sub_items": _sub_items,
    "economic_classes": _economic_classes,
    "numbered_items": _numbered_items,
    "unlabelled_total": _unlabelled_total,
    "unit_groups": _unit_groups,
    "marked_groups": _marked_groups,
}


def assign_roles(template: TableTemplate | None, rows: Sequence[DraftRow], hints: Hints) -> list[RowRole]:
    if template is None:
        return [RowRole.ITEM] * len(rows)
    roles = []
    for row in rows:
        label = fold(row.label)
        if label in template.subtotals:
            roles.append(RowRole.SUBTOTAL)
        elif label in template.totals and not row.code:
            roles.append(RowRole.TOTAL)
        elif label in template.groups:
            roles.append(RowRole.GROUP)
        else:
            roles.append(RowRole.ITEM)
    for name in template.rules:
        RULES[name](rows, roles, hints)
    return roles
