"""Completeness of the tables: the template's set, notes on empty tables, total rows, entity names."""
from __future__ import annotations

from ...model import Disclosure, Table, TableKind
from ...text.folding import fold
from ...templates import has_kind, template, template_zh
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..empty_tables import CONDITIONAL, explained_elsewhere, prints_nonzero
from ..findings import Finding, Location, Severity
from ..stage import is_final
from .arith_three_public import KINDS as THREE_PUBLIC_KINDS, by_columns, three_public_items

TOTAL_WORDS = ("合计", "总计")  # also 本年收入合计, 人员经费合计: a line that sums the table

_NO_DATA = ("无数据", "无此项", "没有", "无相关", "为空", "无预算", "无收支", "未安排", "无该", "无此")


def _standard(d: Disclosure, with_data: bool = False) -> list[Table]:
    """The typed tables (with figures, if asked); NotApplicable when there are none."""
    found = [t for t in d.tables if t.kind is not TableKind.GENERIC and not (with_data and t.is_empty)]
    if not found:
        raise NotApplicable("没有有数据的标准表格" if with_data else "没有标准表格")
    return found


def _about(rule_id: str, t: Table, message: str, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(rule=rule_id, severity=severity, locations=(Location.of_table(t),), message=message)


# Tables that list items one by one (meetings, trainings, carried-over projects): their forms need no
# total, so a missing one is a hint, not a slip (西安's 会议费明细表 and 财拨结转支出表).
LISTING_KINDS = frozenset({TableKind.MEETING_TRAINING, TableKind.CARRYOVER_EXPENDITURE})


def _has_money(t: Table) -> bool:
    """A table printing amounts (a 政府购买服务目录 printed as a grid does not)."""
    return any(v.amount is not None for r in t.rows for v in r.values)


def _says_no_data(t: Table) -> bool:
    # …本表无数据, or a note that is itself the 无: （无政府性基金支出）; not a standing "如无数字则…"
    return any((any(w in n for w in _NO_DATA) or n.lstrip("(（").startswith("无")) and not CONDITIONAL.search(n)
               for n in t.notes)


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
    untyped = [t for t in d.tables if t.kind is TableKind.GENERIC and not t.not_budget and _has_money(t)]
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
    反过来，注明“无数据”的表格却印有不为零的金额，也前后矛盾（只印0.00的表格与“无数据”并不矛盾；
    “此表如无数字则表示无该项支出”这样的常设说明不是“无数据”的注明）。文件在别处说明了的空表不记：
    表格目录的“是否空表”“公开空表理由”两栏（西安：“是 | 不涉及”），或说明中写明该项为零或没有
    （上海：“政府性基金拨款支出预算0万元”“本单位无机关运行经费”；山西模板要求表下注明，说明中写明不算）。
    两种情况都记为警告。
    例：《国有资本经营预算收支表》只有表头和空的合计行，表下注“注：本表无数据”，符合要求。"""
    for t in _standard(d):
        if t.is_empty and not _says_no_data(t) and not explained_elsewhere(d, t):
            yield _about("complete.empty_table_note", t, f"《{t.title}》没有任何金额，但未注明“本表无数据”等说明。")
        elif not t.is_empty and _says_no_data(t) and prints_nonzero(t):
            yield _about("complete.empty_table_note", t, f"《{t.title}》注明无数据（{t.notes[0]}），但表内印有金额，前后矛盾。")


@rule("complete.total_row", family="complete", title="表格缺少合计行", severity=Severity.WARNING)
def total_row(d: Disclosure, ctx: AuditContext):
    """每张标准表格（收支总表、收入总表、支出总表 … 项目支出表）都应有合计（或总计）行；缺少合计行时
    表内勾稽无法核对，记为警告（空表和只有一行的表格除外；会议费、培训费明细表和结转资金支出表逐项列示，
    样表不要求合计行，缺少时只作提示）。以“…合计”收尾的行也是合计行：决算的基本支出表以
    “人员经费合计”“公用经费合计”两行收尾，西安的政府性基金收支表以“本年收入合计”“本年支出合计”收尾；印在编码列、
    序号列中的“合计”（“合计 | 20,451.35 …”，名称栏空着）也是合计行；“三公”经费表的“三公”经费一行（广州：
    行政经费、“三公”经费、其中各项）即其合计。
    例：《机关运行经费表》首行“部门合计”即为合计行，符合要求。"""
    tables = _standard(d, with_data=True)
    for i, t in enumerate(tables):
        if _prints_total(t) or len([r for r in t.rows if r.values]) <= 1:
            continue
        # the next page of a table read as a table of its own (西安 民政局 表5's page 2): its total is on page 1
        if any(p.kind is t.kind and p.title == t.title and _prints_total(p) for p in tables[:i]):
            continue
        if t.kind in LISTING_KINDS:
            yield _about("complete.total_row", t, f"《{t.title}》逐项列示，没有合计行，合计无法核对。", Severity.INFO)
        else:
            yield _about("complete.total_row", t, f"《{t.title}》没有合计行，表内合计关系无法核对。")


def _prints_total(t: Table) -> bool:
    """Whether the printed table has a total row, whatever column its 合计 was read into."""
    if t.total_row() is not None:
        return True
    if t.kind in THREE_PUBLIC_KINDS and not by_columns(t) and "total" in three_public_items(t)[0]:
        return True
    texts = [r.label for r in t.rows] + [v.text for r in t.rows for v in r.values if v.amount is None]
    return any(fold(x).endswith(TOTAL_WORDS) for x in texts if x)


@rule("complete.table_entity", family="complete", title="表格未注明部门（单位）名称", severity=Severity.WARNING)
def table_entity(d: Disclosure, ctx: AuditContext):
    """每张公开表格应注明部门名称（或单位名称），且与文件的部门一致；名称比较忽略空白和标点，单位预算注明的
    “（本级）”不算不一致。表格的标题印有部门名称（“阳泉市民政局2025年收支总表”）即为注明。全文各表都未注明时
    （西安、泉州的格式只在封面和标题页写明部门：是该地的格式，不是疏漏），只在文件层面作一条提示，不逐表重复；部分表格注明、部分未注明时
    逐表指出未注明的表格。决算的表格式不印部门名称（各表都没有时不检查）。
    例：“部门名称：阳泉市民政局”，与封面“阳泉市民政局”一致。"""
    if is_final(d) and not any(t.entity for t in d.tables):
        raise NotApplicable("决算表格式不在各表印部门名称（名称是否一致另行核对）")
    org = _entity_key(d.meta.organisation or "")
    tables = _standard(d)
    unnamed = [t for t in tables if not t.entity and not (org and org in _entity_key(t.title))]
    if len(unnamed) == len(tables):
        yield _about("complete.table_entity", tables[0], f"全部{len(tables)}张表格均未注明部门（单位）名称（部门名称只见于封面或正文），"
                                                          "表格单独引用时无法辨认所属部门。", Severity.INFO)
        return
    for t in unnamed:
        yield _about("complete.table_entity", t, f"《{t.title}》未注明部门（单位）名称（其他表格注明了）。")
    for t in tables:
        if t.entity and org and _entity_key(t.entity) != org:
            yield _about("complete.table_entity", t,
                         f"《{t.title}》注明的名称“{t.entity}”与文件的部门“{d.meta.organisation}”不一致。")


def _entity_key(name: str) -> str:
    """A name to compare: folded, without punctuation, and without the （本级） a unit budget adds to it."""
    from ...reference.names import fold_name

    return fold_name(name).removesuffix("本级")
