"""What the cross-document rules share: naming a publication in a message, the partners a rule
needs (or NotApplicable), the units a department's 机构设置 expects to publish, and the headline
figures (三公, 机关运行经费, 收支总计 …) as cells of a publication's tables."""
from __future__ import annotations

import re

from ..model import Disclosure, Level, Row, RowRole, Stage, Table, TableKind
from ..text.folding import fold
from .catalog import NotApplicable
from .claims.names import same_unit
from .context import AuditContext
from .partners import head_name, listed_name
from .tablekit import key

Cell = tuple[Table, Row, str]
# A listed unit whose budget is kept in another's: ``下属事业单位X不单列预算，并入本部``.
_MERGED = re.compile(r"不单列预算|不单独编制预算|并入")
THREE_PUBLIC_NAMES = {"total": "“三公”经费合计", "abroad": "因公出国（境）费", "vehicles": "公务用车购置及运行费",
                      "purchase": "公务用车购置费", "running": "公务用车运行费", "reception": "公务接待费"}


def which(d: Disclosure) -> str:
    """``2025年单位预算（上海市普陀区人民政府办公室）`` for messages."""
    m = d.meta
    kind = ("单位" if m.level is Level.UNIT else "部门") + ("决算" if m.stage is Stage.FINAL_ACCOUNTS else "预算")
    return f"{m.year or ''}{'年' if m.year else ''}{kind}（{m.organisation or d.source.file}）"


def require_previous(ctx: AuditContext) -> Disclosure:
    prev = ctx.previous or ctx.partners.previous
    if prev is None:
        raise NotApplicable("没有同一单位上一年的公开文件")
    return prev


def require_department(d: Disclosure) -> None:
    if d.meta.level is not Level.DEPARTMENT:
        raise NotApplicable("不是部门公开文件")


def expected_units(d: Disclosure) -> list[str]:
    """The units the department's 机构设置 lists that publish a budget of their own (those merged into
    another's, ``不单列预算，并入本部``, left out), as listed. A list of subordinate units only (no 本部,
    本级 or 机关 in it) leaves the department's own body out: it is expected first, as ``XX（本部）``."""
    o = d.organisation
    if o is None or not o.units:
        return []
    text = fold(o.text)
    names = [listed_name(u.name) for u in o.units]
    own = d.meta.organisation
    out = [] if not own or any(head_name(n) != n or same_unit(n, own) for n in names) else [f"{own}（本部）"]
    for name in names:
        at = text.find(fold(name))
        tail = re.split(r"[。\n]", text[at + len(fold(name)):])[0] if at >= 0 else ""
        if not _MERGED.search(tail):
            out.append(name)
    return out


def is_unit(listed: str, unit: Disclosure, department: Disclosure) -> bool:
    """Whether a unit publication is the listed unit (the 本部 of a department is its own name)."""
    name = unit.meta.organisation
    head = head_name(listed)
    return same_unit(name, listed) or same_unit(name, head) or (head != listed and same_unit(name, department.meta.organisation)
                                                                and same_unit(head, department.meta.organisation))


def units_published(ctx: AuditContext) -> tuple[list[str], dict[str, Disclosure], list[Disclosure]]:
    """(expected units, the publication of each one found, unit publications not in the list)."""
    d = ctx.disclosure
    listed = expected_units(d)
    found: dict[str, Disclosure] = {}
    extra = []
    for u in ctx.partners.units:
        name = next((n for n in listed if n not in found and is_unit(n, u, d)), None)
        if name is None:
            extra.append(u)
        else:
            found[name] = u
    return listed, found, extra


def require_all_units(ctx: AuditContext) -> list[Disclosure]:
    """Every unit the department lists, published: their publications (else NotApplicable)."""
    require_department(ctx.disclosure)
    if not ctx.partners.units:
        raise NotApplicable("没有所属单位的公开文件")
    listed, found, _ = units_published(ctx)
    if not listed:
        raise NotApplicable("部门的机构设置中没有列出预算单位")
    missing = [n for n in listed if n not in found]
    if missing:
        raise NotApplicable(f"所属单位未全部公开（缺{'、'.join(missing)}），不核对部门与单位之和")
    return [found[n] for n in listed]


def total_rows(t: Table) -> list[Row]:
    return [r for r in t.rows if r.role is RowRole.TOTAL]


def same_total(t: Table, r: Row) -> Row | None:
    """The total row of `t` that is `r` (same side and label, else the side's first total)."""
    rows = [x for x in total_rows(t) if x.side == r.side]
    return next((x for x in rows if key(x.label) == key(r.label)), rows[0] if rows else None)


def three_public_cells(d: Disclosure) -> dict[str, Cell]:
    """The 三公 items of the publication as cells (its first entity's, the 合计 row in the column layout)."""
    from .rules.arith_three_public import KINDS as THREE_PUBLIC_KINDS, three_public_items  # the rules import this

    t = next((t for k in THREE_PUBLIC_KINDS if (t := d.table(k)) is not None), None)
    if t is None:
        return {}
    items = three_public_items(t)
    return {name: (t, row, col) for name, (row, col) in (items[0] if items else {}).items()}


def agency_running_cell(d: Disclosure) -> Cell | None:
    """The 机关运行经费 total as a cell (its own table, or the Shanghai combined table's column)."""
    t = d.table(TableKind.AGENCY_RUNNING) or d.table(TableKind.THREE_PUBLIC_AND_RUNNING)
    if t is None:
        return None
    total = t.total_row() or next((r for r in t.rows if r.values), None)
    column = "agency_running" if t.kind is TableKind.THREE_PUBLIC_AND_RUNNING else "total"
    return (t, total, column) if total is not None and t.column(column) is not None else None


# Words that narrow a subject to one part of the budget: a subject is compared only with a figure
# of the same part (政府性基金拨款支出预算 is not the 支出预算 of the whole).
QUALIFIERS = ("一般公共预算", "政府性基金", "国有资本", "财政拨款", "会议费", "培训费", "基本支出", "项目支出", "执行数", "决算")
_THREE_PUBLIC_KEYS = {"三公经费": "total", "因公出国（境）费": "abroad", "公务用车购置及运行费": "vehicles",
                      "公务用车购置费": "purchase", "公务用车运行维护费": "running", "公务接待费": "reception"}


def qualifiers(subject: str) -> frozenset[str]:
    t = fold(subject)
    return frozenset(q for q in QUALIFIERS if q in t)


_TOTALS = {"收入总计": "income", "预算收入": "income", "支出总计": "expenditure", "支出预算": "expenditure",
           "一般公共预算拨款": None}
_GENERAL = frozenset({"一般公共预算", "财政拨款"})


def headline_cell(d: Disclosure, key_: str | None, subject: str) -> Cell | None:
    """The table cell that prints a stated subject's figure, or None when the subject is narrowed in a
    way no headline cell is (``政府性基金拨款支出预算`` is not the 支出预算 of the whole): the 三公 items and
    机关运行经费; 收入/支出总计 (no narrowing word); 一般公共预算（财政拨款）支出 → the 一般公共预算支出表's 合计."""
    q = qualifiers(subject)
    if key_ in _THREE_PUBLIC_KEYS or key_ == "机关运行经费":
        if not q <= _GENERAL:
            return None
        return three_public_cells(d).get(_THREE_PUBLIC_KEYS[key_]) if key_ in _THREE_PUBLIC_KEYS else agency_running_cell(d)
    if key_ not in _TOTALS:
        return None
    if "一般公共预算" in q and q <= _GENERAL:
        t, side, column = d.table(TableKind.GENERAL_EXPENDITURE), None, "total"
    elif not q and _TOTALS[key_]:
        t, side, column = d.table(TableKind.INCOME_EXPENDITURE_SUMMARY), _TOTALS[key_], None
    else:
        return None
    r = t.total_row(side) if t is not None else None
    if t is None or r is None:
        return None
    col = column or next((v.column for v in r.values if v.amount is not None), None)
    return (t, r, col) if col and r.amount(col) is not None else None
