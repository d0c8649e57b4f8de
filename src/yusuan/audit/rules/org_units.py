"""机构设置 against the tables: the units it lists, the units the tables name, the counts it states."""
from __future__ import annotations

import re

from ...model import RowRole, TableKind, rounding_tolerance
from ..catalog import NotApplicable, rule
from ...reference.names import fold_name
from ..claims.names import SIMILAR, same_unit, unit_likeness, unit_names
from ..findings import Finding, Location, Severity
from ..tablekit import main_column, members

_EXPENSE = re.compile(r"(?:费|费用|支出|补助|补贴)$")
UNIT_TABLES = (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER, TableKind.AGENCY_RUNNING,
               TableKind.THREE_PUBLIC_AND_RUNNING)


def organisation(d, *, units=True):
    o = d.organisation
    if o is None or (units and not o.units):
        raise NotApplicable("机构设置中没有列出预算单位")
    return o


def where(d, o) -> Location:
    """The section the units were read from (机构设置, or the part on the budget's composition)."""
    s = next((s for s in d.sections if o.provenance and s.provenance == o.provenance), None) or d.section("机构设置")
    sid = s.id if s else "机构设置"
    return Location.of_provenance(o.provenance, section=sid) if o.provenance else Location(section=sid)


def unit_rows(t) -> list:
    """The rows of a table that name a unit: project-table GROUP rows, 机关运行经费 ITEM rows. A row with a code,
    or named like an expense, is an economic item (Jiangsu's 机关运行经费表 by 经济科目: 30201 办公费 …; printed
    without codes elsewhere), not a unit."""
    role = RowRole.GROUP if t.kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER) else RowRole.ITEM
    return [r for r in t.rows if r.role is role and r.label and not r.code and not _EXPENSE.search(r.label)]


def table_units(d):
    """(name, table, row) for each unit a table names."""
    return [(r.label, t, r) for t in d.tables if t.kind in UNIT_TABLES for r in unit_rows(t)]


def heads_its_rows(t, r) -> bool:
    """Whether a project table's group row is a unit as the page shows it: its projects add up to it.
    A project named like a unit, read as a group over the next unit's projects (as 广州 生态环境局's
    “广州市生态环境科技协同创新中心” 13.40 was before the reader saw its 绩效目标), does not, and is no unit of the table."""
    if r.role is not RowRole.GROUP:
        return True
    key = main_column(t, r.side)
    own = r.amount(key) if key else None
    got = [a for m in members(t, r) if (a := m.amount(key)) is not None] if key else []
    if own is None or not got:
        return False
    return abs(sum(a.value for a in got) - own.value) <= rounding_tolerance(got) + own.tolerance


def named_in(o, name: str) -> bool:
    """Whether the organisation's text names the unit outside its list (广州 生态环境局's 部门预算构成: “纳入编制范围的
    广东省广州生态环境监测中心站、下属单位预算”)."""
    text = fold_name(o.text)
    return any(len(k := fold_name(n)) >= 4 and k in text for n in unit_names(name))


def closest(name: str, names: list[str]) -> tuple[str | None, str]:
    """The listed name that is this unit (same / similar), or (None, different)."""
    for n in names:
        if same_unit(name, n):
            return n, "same"
    for n in names:
        if unit_likeness(name, n) == SIMILAR:
            return n, SIMILAR
    return None, "different"


@rule("org.table_units_listed", family="org", title="表中出现的单位未在机构设置中列出", severity=Severity.WARNING)
def check(d, ctx):
    """项目支出表各单位分组行、机关运行经费表各单位行中的单位名称，应是“机构设置”所列的预算单位；
    名称相近但不同（“阳泉市民政事务中心”与“阳泉市民政局事务中心”）报警告并列出两种写法，完全找不到报警告。

    为什么：预算单位的名单是公开的口径；表中出现名单外的单位，要么名单过时，要么单位名称写错。
    容差：名称比较忽略空白、标点，“机关”后缀和市名前缀（“民政局”与“阳泉市民政局”）视为相同。
    部门自身（局本级）不必列在下属单位中；项目支出表的分组行只在其下各项目之和等于它时才算单位
    （以单位命名的项目不算）；名单读到段末没有句号（被分页截断）时，或机构设置、预算构成的文字在名单之外
    写到该单位（“纳入编制范围的广东省广州生态环境监测中心站”）时，不报“找不到”的单位。
    例：项目支出表有“阳泉市城乡居民最低生活保障管理中心”，机构设置中没有，报警告。
    """
    o = organisation(d)
    listed = [u.name for u in o.units]
    # the department itself (局本级) heads its own projects; 广州 lists only the units below it
    own = d.meta.organisation or ""
    reported = set()
    for name, t, r in table_units(d):
        if name in reported or same_unit(name, own) or not heads_its_rows(t, r):
            continue
        match, how = closest(name, listed)
        if how == "same" or (how == "different" and (o.units_cut or named_in(o, name))):
            continue  # a list a page break cut may name the unit after the cut; the text may name it outside its list
        reported.add(name)
        if how == SIMILAR:
            msg = f"《{t.title}》中的单位“{name}”与机构设置所列“{match}”名称不一致。"
        else:
            msg = f"《{t.title}》中的单位“{name}”不在机构设置所列的预算单位（{'、'.join(listed)}）中。"
        yield Finding("org.table_units_listed", Severity.WARNING, msg, (Location.of_row(t, r), where(d, o)))


@rule("org.listed_units_in_tables", family="org", title="机构设置所列单位在表中没有出现", severity=Severity.INFO)
def check_listed(d, ctx):
    """“机构设置”所列的每个预算单位，是否出现在项目支出表或机关运行经费表的单位行中；不出现只作提示
    （单位可以没有项目，也可以不是行政、参公单位）。

    为什么：名单中的单位在所有表中都找不到，可能是已撤并的单位仍留在名单中。
    容差：同 org.table_units_listed。
    例：机构设置列有“阳泉市社会救助家庭经济状况核对中心”，各表均无此单位。
    """
    o = organisation(d)
    units = table_units(d)
    if not units:
        raise NotApplicable("没有按单位分列的表")
    names = [n for n, _, _ in units]
    for u in o.units:
        match, how = closest(u.name, names)
        if how == "different":
            yield Finding("org.listed_units_in_tables", Severity.INFO,
                          f"机构设置所列预算单位“{u.name}”在项目支出表和机关运行经费表中都没有出现。",
                          (Location.of_provenance(u.provenance, section=where(d, o).section, row_label=u.name),))


# The department's own budget in a list of its units: …本部, …机关, …（机关）, …本级（西安: “部门本级(机关)”).
_HEAD = re.compile(r"本部|本级|机关[)）]?$")


def _is_head(d, name: str) -> bool:
    return bool(_HEAD.search(name)) or same_unit(name, d.meta.organisation or "")


@rule("org.stated_counts", family="org", title="机构设置所称个数与所列名称数不符", severity=Severity.ERROR)
def check_counts(d, ctx):
    """“机构设置”中“设置n个科室”“下属预算单位n个”所称个数，应等于其后列出的名称个数。

    为什么：个数与名单不符，说明名单增删后个数未改（或反之）。
    容差：无（个数）。“本部以及下属5家预算单位”后列出本部和5家单位共6个，视为一致。
    列出的少于所称的记为警告：名单可能跨页或被读取截断（重庆市水利局的12个单位跨了页），需对照原文。
    例：“下属预算单位5个，分别是阳泉市民政局机关、阳泉市社会福利院……”列出5个，一致。
    """
    o = organisation(d, units=False)
    for stated, listed, what in ((o.stated_unit_count, o.units, "下属预算单位"), (o.stated_office_count, o.offices, "内设科室")):
        # “本部以及下属5家”: the list may name the 本部/机关 besides the subordinate units counted
        head = what == "下属预算单位" and any(_is_head(d, u.name) for u in listed)
        if stated is not None and listed and stated != len(listed) and not (head and stated == len(listed) - 1):
            # fewer names than stated may be a list the reader cut (at a page break, 重庆 水利局's 12 units): a
            # warning to look at; more names than stated is a list the document itself makes longer
            fewer = len(listed) < stated
            yield Finding("org.stated_counts", Severity.WARNING if fewer else Severity.ERROR,
                          f"机构设置称{what}{stated}个，实际列出{len(listed)}个"
                          + ("（名单可能未完整读出，请核对原文）。" if fewer else "。"), (where(d, o),),
                          expected=len(listed), actual=stated, difference=stated - len(listed), unit="个")
