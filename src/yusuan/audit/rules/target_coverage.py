"""Forms without a project, projects without a form, and duplicated forms."""
from __future__ import annotations

from ...model import TableKind
from ..catalog import rule
from ..claims.names import name_key, unit_key
from ..claims.projects import matches, project_rows, year_amount
from ..findings import Finding, Location, Severity
from .target_funding import targets, where


@rule("target.form_without_project", family="target", title="绩效目标表在项目支出表中没有对应项目", severity=Severity.WARNING)
def check_forms(d, ctx):
    """每张绩效目标表的项目名称，应能在项目支出表（本年或上年结转）中找到名称相同或相近的项目。

    为什么：没有预算的绩效目标表，要么项目名称改了，要么是别的年度或别的单位的表。
    容差：名称比较忽略空白、标点和全半角，相似度≥0.6或一方包含另一方即视为相近。
    例：“阳泉市殡仪馆迁建”与表中“阳泉市殡仪馆迁建项目缴纳耕地占用税”视为相近，不报告。
    """
    targets(d)
    if not project_rows(d):
        return
    for t, m in ctx.memo("target.matches", lambda: matches(d)):
        if m is None:
            yield Finding("target.form_without_project", Severity.WARNING,
                          f"绩效目标表“{t.project_name}”（{t.implementing_unit}）在项目支出表中找不到名称相同或相近的项目。",
                          (where(t),))


@rule("target.project_without_form", family="target", title="项目支出表中的项目没有绩效目标表", severity=Severity.WARNING)
def check_projects(d, ctx):
    """项目支出表（本年）中的每个项目，应有对应的绩效目标表；缺少的报警告。上年结转项目缺表只作提示
    （结转项目的绩效目标通常在上年已公开）。

    为什么：说明称项目绩效目标全部公开时，缺表即与说明矛盾；即使未称全部公开，也应知道哪些没有。
    容差：按 target.amount_matches_project 的匹配；同名多行算作同一项目。
    例：阳泉市社会福利院“聘用人员工资及社保缴费”30.00、147.80万元，没有绩效目标表，报警告。
    """
    targets(d)
    used = {(r.table.id, r.row.index) for _, m in ctx.memo("target.matches", lambda: matches(d)) if m for r in m.rows}
    missing: dict[tuple, list] = {}
    for r in project_rows(d):
        if (r.table.id, r.row.index) not in used:
            missing.setdefault((r.table.id, unit_key(r.unit), name_key(r.row.label)), []).append(r)
    for rows in missing.values():
        r = rows[0]
        current = r.table.kind is TableKind.PROJECTS
        amounts = "+".join(str(x.amount) for x in rows)
        yield Finding("target.project_without_form", Severity.WARNING if current else Severity.INFO,
                      f"《{r.table.title}》{r.unit}“{r.row.label}”（{amounts}万元）没有对应的项目支出绩效目标表。",
                      tuple(Location.of_row(x.table, x.row) for x in rows))


@rule("target.duplicate_form", family="target", title="绩效目标表重复", severity=Severity.WARNING)
def check_duplicates(d, ctx):
    """同一项目名称、同一实施单位、同一年度金额的绩效目标表出现两次以上，视为重复。

    为什么：重复的表会使“公开项目绩效目标n个”的计数和金额虚增；两张表内容常有细微差别（如实施计划），
    说明其中一张是未删去的旧稿。
    容差：名称、单位按折叠后比较；金额须相同。未读出项目名称的表不比较（名称空着的两张表不能据此说重复）。
    例：“救助站未成年人保护、流浪乞讨人员救助服务保障及机构运转经费”（阳泉市救助管理站，300000元）出现两张表。
    """
    firsts: dict[tuple, object] = {}
    for t in targets(d):
        if not name_key(t.project_name):
            continue  # a form whose project name was not read (长沙's one-row-per-project sheet): nothing to compare
        key = (name_key(t.project_name), unit_key(t.implementing_unit), year_amount(t))
        if key in firsts:
            first = firsts[key]
            yield Finding("target.duplicate_form", Severity.WARNING,
                          f"绩效目标表“{t.project_name}”（{t.implementing_unit}）与第{first.provenance.line}行起的"
                          "那一张项目名称、实施单位和年度金额都相同，重复公开。",
                          (where(t), where(first)))
        else:
            firsts[key] = t
