"""Recognition profiles as data: how a region prints each standard table, read by meaning.

A profile (`TemplateSet`: Shanxi 13, Shanghai 9, Jiangsu 12, the generic core) says which title
words name each table (patterns searched in the folded title, whatever numbering stands before it:
表一, 公开01表, 一、, 1., 附表3), what each header means (a pattern over the folded header path,
``本年收入/一般公共预算``, mapped to a column concept such as total, basic, project, reserve,
general_public …) and which row-role rules apply. The recogniser itself has no region branches:
titles, units, preambles, multi-row headers, names over several columns, sides of two-sided tables
and page breaks are read the same way for every profile.

Declaring a profile: a data module beside shanxi.py with its `TemplateSet(name, region,
default_unit, templates=(TableTemplate(kind, titles, columns, …), …))`, added to `_sets()` below,
and the table set a publication of that region must carry as a `templates.Template` in
src/yusuan/templates.py (added to `REGIONAL`). Documents are read with the set whose titles they
print most (`rank_sets`), then any other set, then the generic core by header meaning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import ColumnKind, MoneyUnit, TableKind

CODE = "code"  # a column whose cells are classification codes (Row.code)
# A code split over 类 款 项 columns (``208 05 01``): the first part is CODE, then these.
CODE_KUAN, CODE_XIANG = "code_kuan", "code_xiang"
CODE_PARTS = (CODE, CODE_KUAN, CODE_XIANG)
LABEL = "label"  # the column that names the row (Row.label)
# Columns that continue the name where a row is named over several columns (``一般公共预算资金 | 小计``,
# ``采购品目大类 | 专项名称 | 采购物品名称``): their keys start with ``label``; a row whose LABEL cell is
# empty is named by its first filled part; the other parts are kept as text values.
LABEL_PART_PREFIX = "label_"


def is_label_part(key: str) -> bool:
    return key.startswith(LABEL_PART_PREFIX)


INCOME, EXPENDITURE = "income", "expenditure"
DEFAULT_TOTALS = ("合计", "总计")


@dataclass(frozen=True)
class ColumnSpec:
    """What a header means: `key` for the header paths `pattern` finds (searched, folded).

    side: in two-sided tables, the side whose top header (收入/支出) the column sits under.
    """

    key: str
    pattern: str
    kind: ColumnKind = ColumnKind.AMOUNT
    side: str | None = None
    # Patterns are compiled when first searched (re's cache), not at import: a document uses few of the
    # hundreds declared; tests/recognize/test_template_patterns.py compiles every one.


@dataclass(frozen=True)
class TableTemplate:
    """One standard table as a region prints it.

    titles: patterns searched in the folded title (the first template that matches wins).
    columns: header meanings, tried in order; each key is used once per side.
    totals / subtotals / groups: row labels (folded) with that role.
    rules: named row-role rules of `roles.RULES` (``code_levels``, ``sub_items`` …).
    default_unit: the unit read when the table prints none (reported), if not the set's.
    """

    kind: TableKind
    titles: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    two_sided: bool = False
    totals: tuple[str, ...] = DEFAULT_TOTALS
    subtotals: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    default_unit: MoneyUnit | None = None  # where it differs from its set's (Shanghai's 三公 table: 万元)
    panes: int = 1  # the same columns printed this many times side by side (a 决算 基本支出 table: 2)
    # Headers of text columns kept as such when no spec names them (序号, 规格型号, 备注 …): the national set.
    text_columns: str | None = None

    def matches_title(self, folded_title: str) -> bool:
        return any(re.search(p, folded_title) for p in self.titles)


@dataclass(frozen=True)
class TemplateSet:
    """A region's table set. `default_unit` is used only when a table prints no unit (reported)."""

    name: str
    region: str
    default_unit: MoneyUnit
    templates: tuple[TableTemplate, ...]


# The three fiscal sources as column headers print them (一般公共预算 / 政府性基金(预算) / 国有资本经营(预算)).
FISCAL = (ColumnSpec("general_public", r"一般公共预算"), ColumnSpec("gov_fund", r"政府性基金"),
          ColumnSpec("state_capital", r"国有资本"))

# Shared vocabulary (all regions). Patterns are searched in folded text (NFKC, no white space).
# The side a column stands on, by its header path: 支出/功能分类/… is the expenditure by function
# where a table prints it beside the expenditure by use (Jiangsu's 收支预算总表); tried in order.
EXPENDITURE_FUNCTION = "expenditure_function"
SIDE_PATTERNS = ((INCOME, r"^[^/]*收入"), (EXPENDITURE_FUNCTION, r"^[^/]*支出/功能"), (EXPENDITURE, r"^[^/]*支出"))
SIDES = (INCOME, EXPENDITURE_FUNCTION, EXPENDITURE)
# A title ends in 表, perhaps with a short bracketed qualifier: …表(不含上年结转), …表(功能科目).
TITLE_SHAPE = r"表(\([^()]{1,20}\))?$"
TITLE_MAX_CHARS = 60
# Titles that are not tables of this recogniser (the target forms, the contents).
NOT_TABLES = (r"绩效目标表", r"^目录$", r"报表$")
# The numbering printed before or above a title, in any style: 预算公开表1, 部门公开表9, 表3-1, 公开01表,
# 附表3, 表一 — alone on its line (a caption), or before the title (``公开01表：收支预算总表``).
_NUMBER = r"(?:[0-9]+|[一二三四五六七八九十]+)"
CAPTION = rf"^(?:.{{0,6}}公开)?(?:附?表{_NUMBER}(?:-[0-9]+)?|{_NUMBER}表)$"
CAPTION_PREFIX = rf"^(?:.{{0,6}}公开)?(?:附?表{_NUMBER}(?:-[0-9]+)?|{_NUMBER}表)[:：、.]?"
# A title wrapped over two lines ends on a short line (``…支出预算`` / ``表``).
TITLE_TAIL_MAX_CHARS = 6
SENTENCE_MARKS = r"[。，；：;]|续表$"  # a line of prose, or a 续表 mark, is no title's first half
ENTITY = r"(?:(?:部门|单位)名称|编制(?:部门|单位)|预算单位|部门|单位(?![:：](?:万元?|元)))[:：](.+?)(?=(?:金额)?单位[:：]|$)"
# A unit line: 单位：万元, 金额单位：元, and 单位 with its first character mistyped (西安 2022 prints “金位：元”):
# “…位：元” standing where the unit stands states the unit all the same.
UNIT = r"(?:金额)?(?:单位|[\u4e00-\u9fff]位)[:：](万元|元)"
HEADER_WORDS = r"科目|名称|编码|代码|金额|项目|合计|预算数"  # words of a header cell, not of a 部门 name
# A unit printed in a header cell or beside a title: 金额（万元）, （单位：元）.
UNIT_ASIDE = r"[(（](?:(?:金额)?单位[:：])?(万元|元)[)）]|(?:金额)?单位[:：](万元|元)"
NOTE = r"^(注|说明|备注)\s*[0-9]*[:：]|^[(（]无[^()（）]{1,20}[)）]$"  # or a bracketed （无政府性基金支出）
NATIONAL_SET = "national"
UNITS_BY_TEXT = {"万元": MoneyUnit.WAN_YUAN, "元": MoneyUnit.YUAN}


def _sets() -> tuple[TemplateSet, ...]:
    from . import profiles

    return profiles.profiles_in(profiles)


TEMPLATE_SETS: tuple[TemplateSet, ...] = _sets()


def rank_sets(folded_titles: list[str], sets: tuple[TemplateSet, ...]) -> tuple[TemplateSet, ...]:
    """The sets in the order a document is read with them, whatever order they are declared in: the
    regional profile naming strictly more of the document's titles than any other first, then the national
    set, then the other regional profiles by how many titles they name (ties by name). A document no
    single region claims is read with the national set first."""
    def hits(ts: TemplateSet) -> int:
        return sum(any(t.matches_title(title) for t in ts.templates) for title in folded_titles)

    national = tuple(s for s in sets if s.name == NATIONAL_SET)
    regional = sorted((s for s in sets if s.name != NATIONAL_SET), key=lambda s: (-hits(s), s.name))
    scores = [hits(s) for s in regional]
    if scores and scores[0] > 0 and (len(scores) == 1 or scores[0] > scores[1]):
        return (regional[0], *national, *regional[1:])
    return (*national, *regional)


def template_for_title(folded_title: str, sets: tuple[TemplateSet, ...] = TEMPLATE_SETS
                       ) -> tuple[TemplateSet, TableTemplate] | None:
    """The first template (set order, then template order) whose title patterns match."""
    for ts in sets:
        for t in ts.templates:
            if t.matches_title(folded_title):
                return ts, t
    return None
