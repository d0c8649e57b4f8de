"""Completeness of the tables: the template's set, notes on empty tables, total rows, entity names."""
from __future__ import annotations

from ...model import Disclosure, RowRole, Table, TableKind
from ...templates import has_kind, template, template_zh
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from ..stage import is_final

_NO_DATA = ("无数据", "无此项", "没有", "无相关", "为空", "无预算", "无收支", "未安排", "无该", "无此")


def _standard(d: Disclosure, with_data: bool = False) -> list[Table]:
    """The typed tables (with figures, if asked); NotApplicable when there are none."""
    found = [t for t in d.tables if t.kind is not TableKind.GENERIC and not (with_data and t.is_empty)]
    if not found:
        raise NotApplicable("没有有数据的标准表格" if with_data else "没有标准表格")
    return found


def _about(rule_id: str, t: Table, message: str) -> Finding:
    return Finding(rule=rule_id, severity=Severity.WARNING, locations=(Location.of_table(t),), message=message)


def _has_money(t: Table) -> bool:
    """A table printing amounts (a 政府购买服务目录 printed as a grid does not)."""
    return any(v.amount is not None for r in t.rows for v in r.values)


def _says_no_data(t: Table) -> bool:
    # …本表无数据, or a note that is itself the 无: （无政府性基金支出）
    return any(any(w in n for w in _NO_DATA) or n.lstrip("(（").startswith("无") for n in t.notes)


@rule("complete.required_tables", family="complete", title="缺少模板要求的表格", severity=Severity.ERROR)
def required_tables(d: Disclosure, ctx: AuditContext):
    """按文件所属模板检查应公开的表格是否齐全：山西（shanxi-13）13张表，上海（shanghai-9）9张表，
    其他地区按财政部规定的核心表（generic）。缺少任何一张即为错误；表内无数据时也应公开空表并注明。
    文件中有印有金额但未能识别类型的表格时，所缺表格可能就在其中：这是读取问题而非文件问题，记为警告，
    说明表格已印出但未能识别，列出这些表格的标题，不认定部门未公开。
    例：山西部门预算缺少“国有资本经营预算收支表”，报告“缺少《国有资本经营预算收支表》”。"""
    if not d.tables and any(i.code == "ingest.partial_publication" for i in d.issues):
        raise NotApplicable("本文件只含情况说明，表格另册公开")  # the reader said so: the other half holds them
    tpl = template(d.meta.template)
    found = {t.kind for t in d.tables}
    # Tables printed but not typed may be the missing ones: then it is a reading problem for a person
    # to look at, not proof that the department failed to publish.
    untyped = [t for t in d.tables if t.kind is TableKind.GENERIC and _has_money(t)]
    for kind in tpl.tables:
        if has_kind(found, kind):
            continue
        where = Location(file=d.source.file, table_title=kind.title_zh, table_kind=kind.value)
        if untyped:
            titles = "、".join(f"《{t.title}》" for t in untyped[:3]) + ("等" if len(untyped) > 3 else "")
            yield Finding(rule="complete.required_tables", severity=Severity.WARNING, locations=(where,),
                          message=f"未能确认《{kind.title_zh}》：文件中印有{len(untyped)}张未能识别类型的表格（{titles}），"
                                  f"所缺表格可能就在其中。这是读取问题，不能据此认定未公开，请人工核对。")
        else:
            yield Finding(rule="complete.required_tables", severity=Severity.ERROR, locations=(where,),
                          message=f"缺少《{kind.title_zh}》：{template_zh(tpl.name)}模板要求公开此表，"
                                  f"无数据时也应公开空表并注明。")


@rule("complete.empty_table_note", family="complete", title="空表未注明无数据", severity=Severity.WARNING)
def empty_table_note(d: Disclosure, ctx: AuditContext):
    """没有任何金额的表格应注明原因（如“注：本表无数据”），否则读者无法判断是无数据还是漏填；
    反过来，注明“无数据”的表格却印有金额，也前后矛盾。两种情况都记为警告。
    例：《国有资本经营预算收支表》只有表头和空的合计行，表下注“注：本表无数据”，符合要求。"""
    for t in _standard(d):
        if t.is_empty and not _says_no_data(t):
            yield _about("complete.empty_table_note", t, f"《{t.title}》没有任何金额，但未注明“本表无数据”等说明。")
        elif not t.is_empty and _says_no_data(t):
            yield _about("complete.empty_table_note", t, f"《{t.title}》注明无数据（{t.notes[0]}），但表内印有金额，前后矛盾。")


@rule("complete.total_row", family="complete", title="表格缺少合计行", severity=Severity.WARNING)
def total_row(d: Disclosure, ctx: AuditContext):
    """每张标准表格（收支总表、收入总表、支出总表 … 项目支出表）都应有合计（或总计）行；缺少合计行时
    表内勾稽无法核对，记为警告（空表除外）。决算的基本支出表以“人员经费合计”“公用经费合计”两行收尾，不另设合计行。
    例：《机关运行经费表》首行“部门合计”即为合计行，符合要求。"""
    for t in _standard(d, with_data=True):
        if t.total_row() is None and not (is_final(d) and any(r.role is RowRole.SUBTOTAL for r in t.rows)):
            yield _about("complete.total_row", t, f"《{t.title}》没有合计行，表内合计关系无法核对。")


@rule("complete.table_entity", family="complete", title="表格未注明部门（单位）名称", severity=Severity.WARNING)
def table_entity(d: Disclosure, ctx: AuditContext):
    """每张公开表格应在表头注明部门名称（或单位名称），且与文件的部门一致；未注明或名称不一致记为警告。
    名称比较忽略空白和标点。决算的表格式不印部门名称（各表都没有时不检查）。
    例：“部门名称：阳泉市民政局”，与封面“阳泉市民政局”一致。"""
    from ...reference.names import fold_name

    org = fold_name(d.meta.organisation or "")
    if is_final(d) and not any(t.entity for t in d.tables):
        raise NotApplicable("决算表格式不在各表印部门名称（名称是否一致另行核对）")
    for t in _standard(d):
        if not t.entity:
            yield _about("complete.table_entity", t, f"《{t.title}》未注明部门（单位）名称。")
        elif org and fold_name(t.entity) != org:
            yield _about("complete.table_entity", t,
                         f"《{t.title}》注明的名称“{t.entity}”与文件的部门“{d.meta.organisation}”不一致。")
